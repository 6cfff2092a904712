// template_similarity (replication mode): how much a park looks like the template park that
// the replicated cluster grew in. Each park p gets a profile of K features
//   area_ha, available_ha, level score (national 1, provincial 0.6, county 0.3, other 0.1),
//   lead-industry overlap with the template (Jaccard |A∩B|/|A∪B| of the ';'-separated codes),
//   host region GDP per capita (gdp/population), industrial share y2/gdp, wage,
// standardised over all parks, z_pk = (x_pk − mean_k) / sd_k (population sd), and
//   S_p = cos(z_p, z_t) = z_p·z_t / (|z_p| |z_t|)
// with t the template (Scenario::templatePark). S ∈ [−1, 1]; the template itself scores 1
// (the pipeline may exclude it from the ranking). A feature with no spread across parks
// (sd = 0) or missing at the template is left out; a park missing another feature is NULL
// with a warning. Benefit.
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/error.h"

namespace clustershift {
namespace {

constexpr const char* kTemplateSimilarityId = "template_similarity";

std::set<std::string> industryCodes(const std::string& text) {
  std::set<std::string> codes;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ';')) {
    const auto begin = item.find_first_not_of(" \t");
    const auto end = item.find_last_not_of(" \t");
    if (begin != std::string::npos) codes.insert(item.substr(begin, end - begin + 1));
  }
  return codes;
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() && b.empty()) return kNaN;
  std::size_t common = 0;
  for (const auto& code : a) common += b.count(code);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

double levelScore(const std::string& level) {
  // Same default mapping as policy_level.
  if (level == "national") return 1.0;
  if (level == "provincial") return 0.6;
  if (level == "county") return 0.3;
  return 0.1;
}

const std::vector<std::string>& featureNames() {
  static const std::vector<std::string> kNames = {
      "area_ha", "available_ha", "level", "lead_industries_jaccard", "gdp_per_capita", "y2_share", "wage"};
  return kNames;
}

class TemplateSimilarity final : public DescribedCriterion {
 public:
  TemplateSimilarity()
      : DescribedCriterion({kTemplateSimilarityId, "Similarity to the template park", "与模板园区相似度",
                            "cosine", Direction::Benefit}) {}

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    resolveParams(*this, params);  // takes none: rejects any
    const Inputs& inputs = context.inputs;
    const std::string& templateId = context.scenario.templatePark;
    if (templateId.empty()) {
      throw InputError(std::string(kTemplateSimilarityId) +
                       ": needs a template park (replication mode, scenario replication.template_park)");
    }
    const int t = inputs.parkIndex(templateId);
    if (t < 0) {
      throw InputError(std::string(kTemplateSimilarityId) + ": template park '" + templateId +
                       "' is not in " + inputs.parksLabel);
    }
    const std::set<std::string> templateCodes =
        industryCodes(inputs.parks[static_cast<std::size_t>(t)].leadIndustries);

    const std::size_t n = inputs.parks.size();
    const std::size_t k = featureNames().size();
    std::vector<std::vector<double>> x(n, std::vector<double>(k, kNaN));
    for (std::size_t i = 0; i < n; ++i) {
      const Park& park = inputs.parks[i];
      auto& row = x[i];
      row[0] = park.value("area_ha");
      row[1] = park.value("available_ha");
      row[2] = levelScore(park.level);
      row[3] = jaccard(industryCodes(park.leadIndustries), templateCodes);
      if (park.region >= 0 && static_cast<std::size_t>(park.region) < inputs.regions.size()) {
        const Region& region = inputs.regions[static_cast<std::size_t>(park.region)];
        const double gdp = region.value("gdp");
        const double population = region.value("population");
        const double y2 = region.value("y2");
        row[4] = population > 0 ? gdp / population : kNaN;
        row[5] = gdp > 0 ? y2 / gdp : kNaN;
        row[6] = region.value("wage");
      }
    }

    // Standardise each feature over the parks that have it; keep the informative ones.
    std::vector<std::size_t> used;
    const auto& tx = x[static_cast<std::size_t>(t)];
    for (std::size_t f = 0; f < k; ++f) {
      double sum = 0;
      std::size_t count = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (!std::isnan(x[i][f])) {
          sum += x[i][f];
          ++count;
        }
      }
      if (count == 0 || std::isnan(tx[f])) {
        Problem problem;
        problem.severity = Severity::Warning;
        problem.where = inputs.parksLabel;
        problem.featureId = templateId;
        problem.message = std::string(kTemplateSimilarityId) + ": feature '" + featureNames()[f] +
                          "' is missing for the template park '" + templateId + "'; left out of the profile";
        problem.code = "template_feature_missing";
        problem.values = {
            {"criterion", kTemplateSimilarityId}, {"feature", featureNames()[f]}, {"id", templateId}};
        context.feedback.warn(problem);
        continue;
      }
      const double mean = sum / static_cast<double>(count);
      double ss = 0;
      for (std::size_t i = 0; i < n; ++i) {
        if (!std::isnan(x[i][f])) ss += (x[i][f] - mean) * (x[i][f] - mean);
      }
      const double sd = std::sqrt(ss / static_cast<double>(count));
      if (!(sd > 0)) continue;  // no spread: carries no information about similarity
      for (std::size_t i = 0; i < n; ++i) x[i][f] = (x[i][f] - mean) / sd;
      used.push_back(f);
    }

    double templateNorm = 0;
    for (std::size_t f : used) templateNorm += tx[f] * tx[f];
    templateNorm = std::sqrt(templateNorm);
    if (!(templateNorm > 0)) {
      throw InputError(std::string(kTemplateSimilarityId) + ": the template park '" + templateId +
                       "' sits at the mean of every profile feature; cosine similarity is undefined");
    }

    std::vector<double> values(n, kNaN);
    for (std::size_t i = 0; i < n; ++i) {
      const Park& park = inputs.parks[i];
      double dot = 0, norm = 0;
      std::string missing;
      for (std::size_t f : used) {
        if (std::isnan(x[i][f])) {
          missing += (missing.empty() ? "" : ", ") + featureNames()[f];
          continue;
        }
        dot += x[i][f] * tx[f];
        norm += x[i][f] * x[i][f];
      }
      if (!missing.empty()) {
        Problem problem;
        problem.severity = Severity::Warning;
        problem.where = inputs.parksLabel + " fid=" + park.fid;
        problem.featureId = park.id;
        problem.message = std::string(kTemplateSimilarityId) + ": park '" + park.id + "' lacks " + missing +
                          (park.region < 0 ? " (no host region)" : "") + "; value is NULL";
        problem.code = park.region < 0 ? "park_lacks_features_no_region" : "park_lacks_features";
        problem.values = {{"criterion", kTemplateSimilarityId}, {"id", park.id}, {"features", missing}};
        context.feedback.warn(problem);
        continue;
      }
      if (static_cast<int>(i) == t) {
        values[i] = 1.0;
      } else {
        // A park exactly at the mean profile has no direction: similarity 0.
        values[i] = norm > 0 ? std::clamp(dot / (std::sqrt(norm) * templateNorm), -1.0, 1.0) : 0.0;
      }
    }
    return values;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("template_similarity", TemplateSimilarity)

}  // namespace clustershift
