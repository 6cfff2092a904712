// Direct (user-given) weights, rescaled to sum 1 (ratio weighting; Malczewski & Rinner
// 2015, Multicriteria Decision Analysis in GIScience, §5.2).
#include <cmath>
#include <sstream>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {

std::vector<double> directWeights(const std::vector<double>& weights,
                                  const std::vector<std::string>& names) {
  if (weights.size() != names.size()) {
    throw InputError("weights: " + std::to_string(weights.size()) + " weights for " +
                     std::to_string(names.size()) + " criteria");
  }
  if (weights.empty()) throw InputError("weights: no criteria");
  double sum = 0;
  for (size_t j = 0; j < weights.size(); ++j) {
    const double w = weights[j];
    if (!std::isfinite(w)) {
      throw InputError("weight of criterion '" + names[j] + "' is not a finite number");
    }
    if (w < 0) {
      std::ostringstream text;
      text << "weight of criterion '" << names[j] << "' is negative (" << w << ")";
      throw InputError(text.str());
    }
    sum += w;
  }
  if (!(sum > 0)) {
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    throw InputError("all criterion weights are zero (" + list + ")");
  }
  std::vector<double> out(weights.size());
  for (size_t j = 0; j < weights.size(); ++j) out[j] = weights[j] / sum;
  return out;
}

}  // namespace clustershift::mcda
