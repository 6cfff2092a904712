// Subjective/objective blend w = alpha * w_subjective + (1 - alpha) * w_objective, renormalised
// (linear combination of subjective and objective weights, e.g. Ma, Fan & Huang 1999,
// EJOR 112(2):397-404; Xu 2004, EJOR 156(2):530-532).
#include <cmath>

#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {

std::vector<double> blendWeights(const std::vector<double>& subjective,
                                 const std::vector<double>& objective, double alpha) {
  if (!(alpha >= 0 && alpha <= 1)) {
    throw InputError("weighting.alpha must be in [0, 1] (got " + util::formatNumber(alpha) + ")");
  }
  if (subjective.size() != objective.size()) {
    throw InputError("blend: " + std::to_string(subjective.size()) + " subjective and " +
                     std::to_string(objective.size()) + " objective weights");
  }
  std::vector<double> w(subjective.size());
  double sum = 0;
  for (size_t j = 0; j < w.size(); ++j) {
    w[j] = alpha * subjective[j] + (1 - alpha) * objective[j];
    sum += w[j];
  }
  if (!(sum > 0)) throw InputError("blend: the blended weights are all zero");
  for (double& x : w) x /= sum;
  return w;
}

}  // namespace clustershift::mcda
