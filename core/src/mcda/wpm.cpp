// Weighted product model: S_i = prod_j v_ij^w_j (Bridgman 1922; Miller & Starr 1969;
// Triantaphyllou 2000, Multi-Criteria Decision Making Methods, Springer, §2.2.2).
// v = 0 with w > 0 gives 0; a criterion with w = 0 is left out (0^0 = 1).
#include <cmath>
#include <limits>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {

std::vector<double> weightedProduct(const Matrix& normalised, const std::vector<double>& weights) {
  detail::checkShape(normalised, weights, "wpm");
  std::vector<double> scores(normalised.size());
  for (size_t i = 0; i < normalised.size(); ++i) {
    double s = 1;
    for (size_t j = 0; j < weights.size(); ++j) {
      const double v = normalised[i][j];
      if (std::isnan(v)) {
        s = std::numeric_limits<double>::quiet_NaN();
        break;
      }
      if (v < 0) {
        throw InputError("wpm: normalised value of row " + std::to_string(i) + ", criterion " +
                         std::to_string(j) + " is negative (" + std::to_string(v) +
                         "); use a value function with non-negative output");
      }
      if (weights[j] == 0) continue;
      s *= std::pow(v, weights[j]);
    }
    scores[i] = s;
  }
  return scores;
}

}  // namespace clustershift::mcda
