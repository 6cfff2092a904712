#include <algorithm>
#include <cmath>
#include <limits>

#include "clustershift/util.h"

namespace clustershift::util {

std::size_t nearestRankIndex(double q, std::size_t count) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(count)));
  return std::min(count - 1, rank == 0 ? 0 : rank - 1);
}

double nearestRankQuantile(std::vector<double>& values, double q) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(nearestRankIndex(q, values.size()));
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace clustershift::util
