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

struct Level {
  const char* key;
  double score;
  const char* doc;
  const char* label;
  const char* labelZh;
  const char* docZh;
};
const Level kLevels[] = {
    {"national", 1.0, "Score of a national development zone (国家级).", "Score of a national park",
     "国家级园区得分", "国家级开发区的得分。"},
    {"provincial", 0.6, "Score of a provincial park (省级).", "Score of a provincial park", "省级园区得分",
     "省级园区的得分。"},
    {"county", 0.3, "Score of a county or municipal park (县级, 市级).",
     "Score of a county or municipal park", "县级、市级园区得分", "县级、市级园区的得分。"},
    {"other", 0.1, "Score of a park of any other or unknown level.", "Score of any other park",
     "其他级别园区得分", "其他或未知级别园区的得分。"}};

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

class PolicyLevel : public DescribedCriterion {
 public:
  PolicyLevel()
      : DescribedCriterion(
            {"policy_level", "Park policy level", "园区政策级别", "score", Direction::Benefit}) {}

  std::vector<ParamSpec> parameters() const override {
    std::vector<ParamSpec> specs;
    for (const Level& l : kLevels)
      specs.push_back(ParamSpec::number(l.key, "", l.score, l.doc).words(l.label, l.labelZh, l.docZh));
    return specs;
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
  std::map<std::string, double> scores(const nlohmann::json& params) const {
    std::map<std::string, double> table;
    const nlohmann::json resolved = resolveParams(*this, params);
    for (const auto& [key, value] : resolved.items()) table[key] = value.get<double>();
    return table;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("policy_level", PolicyLevel)

}  // namespace clustershift

