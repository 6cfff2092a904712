// pairing: 1 when the park lies in a designated partner region of the source (对口合作,
// 南北共建 / 南北挂钩 pairings decided by provincial government), else 0. Lets policy steer a
// replication or an enclave (飞地) scenario; with "min": 1 it becomes a hard constraint.
// params {"partners": ["region id", ...]} (required, non-empty).
#include <set>

#include "clustershift/criterion.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

constexpr const char* kId = "pairing";

/// The partner region ids; throws InputError naming the param.
std::set<std::string> partners(const nlohmann::json& params) {
  if (!params.is_object() || !params.contains("partners"))
    throw InputError(std::string(kId) +
                     ": params.partners is required (the designated partner region ids of the source, "
                     "e.g. {\"partners\": [\"321300\"]})");
  for (auto it = params.begin(); it != params.end(); ++it)
    if (it.key() != "partners") throw InputError(std::string(kId) + ": unknown param '" + it.key() + "' (known: partners)");
  const nlohmann::json& list = params.at("partners");
  if (!list.is_array() || list.empty())
    throw InputError(std::string(kId) + ": params.partners must be a non-empty list of region ids, got " + list.dump());
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string() || list[i].get<std::string>().empty())
      throw InputError(std::string(kId) + ": params.partners[" + std::to_string(i) + "] must be a region id, got " +
                       list[i].dump());
    ids.insert(list[i].get<std::string>());
  }
  return ids;
}

class Pairing : public Criterion {
 public:
  std::string id() const override { return kId; }
  std::string label() const override { return "Designated partner region (pairing)"; }
  std::string labelZh() const override { return "对口合作地区"; }
  std::string unit() const override { return "0/1"; }
  Direction defaultDirection() const override { return Direction::Benefit; }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    try {
      for (const std::string& id : partners(params))
        if (context.inputs.regionIndex(id) < 0)
          problems.push_back(Problem{Severity::Warning, "criteria",
                                     std::string(kId) + ": partner region '" + id + "' is not in " +
                                         context.inputs.regionsLabel,
                                     {}});
    } catch (const InputError& e) {
      problems.push_back(Problem{Severity::Fatal, "criteria", e.what(), {}});
    }
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const std::set<std::string> ids = partners(params);
    const Inputs& inputs = context.inputs;
    std::vector<double> raw(inputs.parks.size(), kNaN);
    for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
      const int region = inputs.parks[p].region;
      if (region < 0) {
        detail::warnPark(context, static_cast<int>(p), std::string(kId) + ": the park lies outside every region");
        continue;
      }
      raw[p] = ids.count(inputs.regions[static_cast<std::size_t>(region)].id) ? 1.0 : 0.0;
    }
    return raw;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("pairing", Pairing)

}  // namespace clustershift
