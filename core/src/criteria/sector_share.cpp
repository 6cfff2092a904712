// sector_share: share of one sector in the host region's output, y_k / (y1 + y2 + y3), with y1,
// y2, y3 the region's primary, secondary and tertiary output (亿元): the host's industrial
// structure (产业结构, the "composition of gross regional product" of the China Statistical
// Yearbook). The default, the secondary sector (k = 2), says how industrial the host already
// is; k = 3 favours service-led hosts for service-heavy clusters.
#include "clustershift/criterion.h"
#include "clustershift/util.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

constexpr const char* kSectorShareId = "sector_share";
constexpr const char* kColumns[] = {"y1", "y2", "y3"};

class SectorShare : public DescribedCriterion {
 public:
  SectorShare()
      : DescribedCriterion({kSectorShareId, "Sector share of host output", "产业结构（部门产值占比）",
                            "share", Direction::Benefit}) {}
  std::vector<ParamSpec> parameters() const override {
    return {
        ParamSpec::make("sector", ParamType::Integer, "", 2, 1.0, false, 3.0,
                        "Sector whose share is scored: 1 primary, 2 secondary (industry), 3 tertiary.")
            .words("Sector", "产业部门", "计算其占比的部门：1 第一产业，2 第二产业（工业），3 第三产业。")};
  }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    for (const char* column : kColumns)
      detail::requireRegionColumn(context, kSectorShareId, column, false, problems);
    if (problems.empty()) detail::requireSomeValue(*this, context, params, problems);
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const int sector = resolveParams(*this, params)["sector"].get<int>();
    const Inputs& inputs = context.inputs;
    detail::requireRegionColumns(inputs, kSectorShareId, {"y1", "y2", "y3"});
    return detail::valuesByHostRegion(context, kSectorShareId, [&](int p, const Region& host) {
      double total = 0;
      bool usable = true;
      for (const char* column : kColumns) {
        const double y = host.value(column);
        usable = usable && !isMissing(y) && y >= 0;
        total += y;
      }
      if (!usable || !(total > 0)) {
        detail::warnPark(context, p,
                         std::string(kSectorShareId) + ": host region '" + host.id +
                             "' needs y1, y2, y3 >= 0 (亿元) with a positive sum (y1 " +
                             util::formatNumber(host.value("y1")) + ", y2 " +
                             util::formatNumber(host.value("y2")) + ", y3 " +
                             util::formatNumber(host.value("y3")) + ")");
        return kNaN;
      }
      return host.value(kColumns[sector - 1]) / total;
    });
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("sector_share", SectorShare)

}  // namespace clustershift
