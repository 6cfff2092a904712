// relatedness: relatedness density ω of the host region for the cluster's industry
// (Hidalgo, Klinger, Barabási & Hausmann 2007, Science 317:482), from the region × industry
// output table: RCA ≥ threshold → presence, proximity φ, ω_rp = Σ_{q≠p} M_rq φ_pq / Σ_{q≠p} φ_pq.
#include "clustershift/criterion.h"
#include "clustershift/indices.h"
#include "criteria/criterion_util.h"
#include "criteria/economic_util.h"

namespace clustershift {
namespace {

constexpr const char* kRelatednessId = "relatedness";

class RelatednessCriterion : public DescribedCriterion {
 public:
  RelatednessCriterion()
      : DescribedCriterion(
            {kRelatednessId, "Relatedness density", "产业关联密度", "density (0-1)", Direction::Benefit}) {}
  bool perRegion() const override { return true; }

  std::vector<ParamSpec> parameters() const override {
    return {ParamSpec::positive(
                "rca_threshold", "RCA", 1.0,
                "Revealed comparative advantage above which a region counts as specialised in an industry.")
                .words("RCA threshold", "显示性比较优势阈值",
                       "地区某产业的显示性比较优势高于此值即视为专业化。")};
  }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    return detail::checkIndustryCriterion(*this, context, params);
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& params) const override {
    const double rcaThreshold = resolveParams(*this, params).at("rca_threshold").get<double>();
    const IndustryMatrix& table = detail::requireIndustryOutput(context, kRelatednessId);
    const int industry = table.industryIndex(context.scenario.cluster.industry);
    const Eigen::MatrixXd x = detail::checkedOutputMatrix(context, kRelatednessId, table, true);
    if (!(x.sum() > 0))
      throw InputError(std::string(kRelatednessId) + ": " + detail::industryOutputLabel(context) +
                       " sums to zero");
    const Relatedness r = computeRelatedness(x, rcaThreshold);
    return detail::valuesByHostRow(context, kRelatednessId, table,
                                   [&](int, int row) { return r.density(row, industry); });
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("relatedness", RelatednessCriterion)

}  // namespace clustershift
