// policy_level: the park's administrative level as a score. National development zones
// carry the strongest policy package (tax, land quota, approvals), then provincial, then
// county parks. Scores overridable by params {"national", "provincial", "county", "other"}.
#include <algorithm>
#include <cctype>
#include <map>

#include "clustershift/criterion.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

const std::map<std::string, double> kDefaults = {
    {"national", 1.0}, {"provincial", 0.6}, {"county", 0.3}, {"other", 0.1}};

std::string levelKey(const std::string& level) {
  std::string key;
  for (char ch : level) {
    if (!std::isspace(static_cast<unsigned char>(ch))) {
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
  }
  if (key == "national" || key == "国家级") return "national";
  if (key == "provincial" || key == "省级") return "provincial";
  if (key == "county" || key == "县级" || key == "市级" || key == "municipal") return "county";
  return "other";
}

class PolicyLevel : public Criterion {
 public:
  std::string id() const override { return "policy_level"; }
  std::string label() const override { return "Park policy level"; }
  std::string labelZh() const override { return "园区政策级别"; }
  std::string unit() const override { return "score"; }
  Direction defaultDirection() const override { return Direction::Benefit; }

  std::vector<Problem> check(const CriterionContext& /*context*/,
                             const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    try {
      scores(params);
    } catch (const InputError& e) {
      problems.push_back(Problem{Severity::Fatal, "criteria", e.what(), {}});
    }
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& params) const override {
    std::map<std::string, double> table = scores(params);
    const Inputs& inputs = context.inputs;
    std::vector<double> raw(inputs.parks.size(), kNaN);
    for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
      raw[p] = table.at(levelKey(inputs.parks[p].level));
    }
    return raw;
  }

 private:
  static std::map<std::string, double> scores(const nlohmann::json& params) {
    std::map<std::string, double> table = kDefaults;
    if (params.is_null()) return table;
    if (!params.is_object()) throw InputError("policy_level: params must be an object");
    for (auto it = params.begin(); it != params.end(); ++it) {
      if (!table.count(it.key())) {
        throw InputError("policy_level: unknown param '" + it.key() +
                         "' (known: national, provincial, county, other)");
      }
      if (!it->is_number()) {
        throw InputError("policy_level: param '" + it.key() + "' must be a number, got " +
                         it->dump());
      }
      table[it.key()] = it->get<double>();
    }
    return table;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("policy_level", PolicyLevel)

}  // namespace clustershift

