// industrial_base: location quotient of the cluster's industry in the host region,
// LQ_hi = (x_hi / x_h.) / (x_.i / x_..) over the industry-output table (Isard 1960;
// Miller & Blair 2009, §8.3). > 1: the host is specialised in the industry.
#include "clustershift/criterion.h"
#include "clustershift/indices.h"
#include "criteria/criterion_util.h"
#include "criteria/economic_util.h"

namespace clustershift {
namespace {

constexpr const char* kIndustrialBaseId = "industrial_base";

class IndustrialBase : public DescribedCriterion {
 public:
  IndustrialBase()
      : DescribedCriterion({kIndustrialBaseId, "Industrial base (location quotient)", "产业基础（区位商）",
                            "LQ", Direction::Benefit}) {}
  bool perRegion() const override { return true; }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    return detail::checkIndustryCriterion(*this, context, params);
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& params) const override {
    resolveParams(*this, params);  // takes none: rejects any
    const IndustryMatrix& table = detail::requireIndustryOutput(context, kIndustrialBaseId);
    const int industry = table.industryIndex(context.scenario.cluster.industry);
    // Missing cells stay NaN: the LQ of a missing cell is missing, not 0.
    const Eigen::MatrixXd lq =
        locationQuotients(detail::checkedOutputMatrix(context, kIndustrialBaseId, table, false));
    return detail::valuesByHostRow(context, kIndustrialBaseId, table, [&](int park, int row) {
      const double value = lq(row, industry);
      if (isMissing(value))
        detail::warnPark(context, park,
                         std::string(kIndustrialBaseId) + ": " + detail::industryOutputLabel(context) +
                             " has no value for region '" + table.regionIds[row] + "', industry '" +
                             table.industries[industry] + "'",
                         "industry_output_value_missing",
                         {{"criterion", kIndustrialBaseId},
                          {"table", detail::industryOutputLabel(context)},
                          {"region", table.regionIds[row]},
                          {"industry", table.industries[industry]}});
      return value;
    });
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("industrial_base", IndustrialBase)

}  // namespace clustershift
