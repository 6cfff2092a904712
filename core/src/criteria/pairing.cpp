// pairing: 1 when the park lies in a designated partner region of the source (对口合作,
// 南北共建 / 南北挂钩 pairings decided by provincial government), else 0. Lets policy steer a
// replication or an enclave (飞地) scenario; with "min": 1 it becomes a hard constraint.
// params {"partners": ["region id", ...]} (required, non-empty; declared in parameters()).
#include <set>

#include "clustershift/criterion.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

constexpr const char* kPairingId = "pairing";

class Pairing : public DescribedCriterion {
 public:
  Pairing()
      : DescribedCriterion(
            {kPairingId, "Designated partner region (pairing)", "对口合作地区", "0/1", Direction::Benefit}) {}
  bool perRegion() const override { return true; }

  std::vector<ParamSpec> parameters() const override {
    return {ParamSpec::requiredTextList("partners",
                                        "The designated partner region ids of the source, e.g. [\"321300\"].")
                .words("Partner regions", "对口合作地区", "转出地的对口合作地区编号，例如 321300。")};
  }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    std::set<std::string> ids;
    try {
      ids = partners(params);
    } catch (const InputError&) {
      return problems;  // the declared parameters' problems are listed by checkCriterion
    }
    for (const std::string& id : ids)
      if (context.inputs.regionIndex(id) < 0)
        problems.push_back(
            codedProblem(Severity::Warning, "criteria",
                         std::string(kPairingId) + ": partner region '" + id + "' is not in " +
                             context.inputs.regionsLabel,
                         {}, "partner_not_found",
                         {{"criterion", kPairingId}, {"id", id}, {"layer", context.inputs.regionsLabel}}));
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const std::set<std::string> ids = partners(params);
    return detail::valuesByHostRegion(
        context, kPairingId, [&](int, const Region& host) { return ids.count(host.id) ? 1.0 : 0.0; });
  }

 private:
  /// The partner region ids; throws InputError naming the param (resolveParams).
  std::set<std::string> partners(const nlohmann::json& params) const {
    std::set<std::string> ids;
    // Keep the resolved object alive: a range-for over resolveParams(...).at(...) would iterate
    // a reference into a destroyed temporary.
    const nlohmann::json resolved = resolveParams(*this, params);
    for (const nlohmann::json& id : resolved.at("partners")) ids.insert(id.get<std::string>());
    return ids;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("pairing", Pairing)

}  // namespace clustershift
