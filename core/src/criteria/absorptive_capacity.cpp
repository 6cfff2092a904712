// absorptive_capacity: R&D intensity of the host region, rd / gdp (both 亿元) — the host's
// own R&D effort as a proxy for its ability to absorb the moved knowledge
// (Cohen & Levinthal 1990, Administrative Science Quarterly 35:128).
#include "clustershift/criterion.h"
#include "clustershift/util.h"
#include "criteria/criterion_util.h"
#include "criteria/economic_util.h"

namespace clustershift {
namespace {

constexpr const char* kAbsorptiveCapacityId = "absorptive_capacity";

class AbsorptiveCapacity : public DescribedCriterion {
 public:
  AbsorptiveCapacity()
      : DescribedCriterion({kAbsorptiveCapacityId, "Absorptive capacity (R&D intensity)",
                            "吸收能力（研发强度）", "R&D / GDP", Direction::Benefit}) {}
  bool perRegion() const override { return true; }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    detail::requireRegionColumn(context, kAbsorptiveCapacityId, "rd", false, problems);
    detail::requireRegionColumn(context, kAbsorptiveCapacityId, "gdp", false, problems);
    if (problems.empty()) detail::requireSomeValue(*this, context, params, problems);
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& params) const override {
    resolveParams(*this, params);  // takes none: rejects any
    const Inputs& inputs = context.inputs;
    detail::requireRegionColumns(inputs, kAbsorptiveCapacityId, {"rd", "gdp"});
    return detail::valuesByHostRegion(context, kAbsorptiveCapacityId, [&](int p, const Region& host) {
      const double rd = host.value("rd"), gdp = host.value("gdp");
      if (isMissing(rd) || rd < 0 || isMissing(gdp) || !(gdp > 0)) {
        detail::warnPark(context, p,
                         std::string(kAbsorptiveCapacityId) + ": host region '" + host.id +
                             "' needs rd >= 0 and gdp > 0 (rd " +
                             (isMissing(rd) ? std::string("missing") : util::formatFixed(rd, 2)) + ", gdp " +
                             (isMissing(gdp) ? std::string("missing") : util::formatFixed(gdp, 2)) + ")",
                         "host_needs_rd_gdp",
                         {{"criterion", kAbsorptiveCapacityId},
                          {"region", host.id},
                          {"rd", isMissing(rd) ? std::string() : util::formatFixed(rd, 2)},
                          {"gdp", isMissing(gdp) ? std::string() : util::formatFixed(gdp, 2)}});
        return kNaN;
      }
      return rd / gdp;
    });
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("absorptive_capacity", AbsorptiveCapacity)

}  // namespace clustershift
