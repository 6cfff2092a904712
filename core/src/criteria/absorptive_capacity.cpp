// absorptive_capacity: R&D intensity of the host region, rd / gdp (both 亿元) — the host's
// own R&D effort as a proxy for its ability to absorb the moved knowledge
// (Cohen & Levinthal 1990, Administrative Science Quarterly 35:128).
#include "clustershift/criterion.h"
#include "criteria/criterion_util.h"
#include "criteria/economic_util.h"

namespace clustershift {
namespace {

constexpr const char* kId = "absorptive_capacity";

class AbsorptiveCapacity : public Criterion {
 public:
  std::string id() const override { return kId; }
  std::string label() const override { return "Absorptive capacity (R&D intensity)"; }
  std::string labelZh() const override { return "吸收能力（研发强度）"; }
  std::string unit() const override { return "R&D / GDP"; }
  Direction defaultDirection() const override { return Direction::Benefit; }
  bool perRegion() const override { return true; }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    detail::requireRegionColumn(context, kId, "rd", false, problems);
    detail::requireRegionColumn(context, kId, "gdp", false, problems);
    if (problems.empty()) detail::requireSomeValue(*this, context, params, problems);
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& params) const override {
    resolveParams(*this, params);  // takes none: rejects any
    const Inputs& inputs = context.inputs;
    for (const char* column : {"rd", "gdp"})
      if (!detail::regionsHaveColumn(inputs, column))
        throw InputError(std::string(kId) + ": " + inputs.regionsLabel + " has no field for column '" +
                         column + "' (map it in data.regions.fields)");
    std::vector<double> raw(inputs.parks.size(), kNaN);
    for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
      const int r = inputs.parks[p].region;
      if (r < 0) {
        detail::warnPark(context, static_cast<int>(p), std::string(kId) + ": park lies outside every region");
        continue;
      }
      const Region& host = inputs.regions[static_cast<std::size_t>(r)];
      const double rd = host.value("rd"), gdp = host.value("gdp");
      if (isMissing(rd) || rd < 0 || isMissing(gdp) || !(gdp > 0)) {
        detail::warnPark(context, static_cast<int>(p),
                         std::string(kId) + ": host region '" + host.id + "' needs rd >= 0 and gdp > 0 (rd " +
                             (isMissing(rd) ? std::string("missing") : detail::fixed(rd, 2)) + ", gdp " +
                             (isMissing(gdp) ? std::string("missing") : detail::fixed(gdp, 2)) + ")");
        continue;
      }
      raw[p] = rd / gdp;
    }
    return raw;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("absorptive_capacity", AbsorptiveCapacity)

}  // namespace clustershift
