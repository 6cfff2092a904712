// Shannon entropy weights (Shannon 1948; Hwang & Yoon 1981, Multiple Attribute Decision
// Making, §II.3; worked example: Xu 2004, "A note on the subjective and objective integrated
// approach to determine attribute weights", EJOR 156(2):530-532):
//   p_ij = x_ij / sum_i x_ij,  e_j = -(1/ln m) sum_i p_ij ln p_ij  (0 ln 0 = 0),
//   d_j = 1 - e_j,  w_j = d_j / sum_k d_k.
#include <cmath>

#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {

std::vector<double> entropyWeights(const Matrix& values, const std::vector<std::string>& names) {
  if (values.empty()) throw InputError("entropy weights: no candidates");
  const size_t n = values.front().size();
  if (n == 0) throw InputError("entropy weights: no criteria");
  detail::checkShape(values, std::vector<double>(n), "entropy");
  auto name = [&](size_t j) {
    return j < names.size() ? "'" + names[j] + "'" : "#" + std::to_string(j + 1);
  };
  // Complete rows only: a missing value would bias p_ij of that column.
  const std::vector<const std::vector<double>*> rows = detail::completeRows(values);
  const size_t m = rows.size();
  std::vector<double> diversity(n, 0.0);
  if (m >= 2) {
    const double k = 1.0 / std::log(static_cast<double>(m));
    for (size_t j = 0; j < n; ++j) {
      double sum = 0;
      for (const auto* row : rows) {
        const double x = (*row)[j];
        if (x < 0) {
          throw InputError("entropy weights: criterion " + name(j) + " has a negative value (" +
                           util::formatNumber(x) + "); entropy needs non-negative values");
        }
        sum += x;
      }
      if (!(sum > 0)) continue;  // all zero: no information, d_j = 0
      double h = 0;
      for (const auto* row : rows) {
        const double p = (*row)[j] / sum;
        if (p > 0) h -= p * std::log(p);
      }
      diversity[j] = std::max(0.0, 1.0 - k * h);
    }
  }
  double total = 0;
  for (double d : diversity) total += d;
  // Fewer than two complete rows, or no criterion separates them: equal weights.
  if (!(total > 0)) return std::vector<double>(n, 1.0 / static_cast<double>(n));
  for (double& d : diversity) d /= total;
  return diversity;
}

}  // namespace clustershift::mcda
