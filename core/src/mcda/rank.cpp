// Competition ranking ("1224"): tied scores share the better rank.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "clustershift/mcda.h"

namespace clustershift::mcda {

std::vector<int> rankDescending(const std::vector<double>& scores) {
  std::vector<size_t> order;
  order.reserve(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) {
    if (!std::isnan(scores[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  std::vector<int> ranks(scores.size(), 0);
  for (size_t k = 0; k < order.size(); ++k) {
    const double s = scores[order[k]];
    if (k > 0) {
      // Ties within a relative 1e-12: scores that differ only by rounding tie.
      const double prev = scores[order[k - 1]];
      const double tol = 1e-12 * std::max({1.0, std::fabs(s), std::fabs(prev)});
      if (prev - s <= tol) {
        ranks[order[k]] = ranks[order[k - 1]];
        continue;
      }
    }
    ranks[order[k]] = static_cast<int>(k) + 1;
  }
  return ranks;
}

}  // namespace clustershift::mcda
