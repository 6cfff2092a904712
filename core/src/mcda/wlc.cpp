// Weighted linear combination (simple additive weighting):
// S_i = sum_j w_j v_ij (Malczewski 1999, GIS and Multicriteria Decision Analysis, Wiley, §6.2;
// Hwang & Yoon 1981, §III.1.3 "SAW").
#include <cmath>
#include <limits>

#include "clustershift/mcda.h"

namespace clustershift::mcda {

std::vector<double> weightedLinearCombination(const Matrix& normalised,
                                              const std::vector<double>& weights) {
  detail::checkShape(normalised, weights, "wlc");
  std::vector<double> scores(normalised.size());
  for (size_t i = 0; i < normalised.size(); ++i) {
    double s = 0;
    for (size_t j = 0; j < weights.size(); ++j) s += weights[j] * normalised[i][j];
    scores[i] = s;  // NaN propagates from any missing value
  }
  return scores;
}

}  // namespace clustershift::mcda
