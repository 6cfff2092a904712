// Multi-host allocation: the moved capacity split ∝ score^β, capped by each host's land
// capacity, the excess passed on to the others (water-filling).
#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

Allocation waterFill(const std::vector<double>& scores, const std::vector<double>& capacities, double beta) {
  if (scores.size() != capacities.size())
    throw InputError("allocation: " + std::to_string(scores.size()) + " scores but " +
                     std::to_string(capacities.size()) + " capacities");
  if (!(beta >= 0)) throw InputError("allocation: beta must be ≥ 0");
  const std::size_t n = scores.size();
  std::vector<double> w(n, 0.0);
  bool anyPositive = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!(capacities[i] >= 0)) {
      std::ostringstream s;
      s << "allocation: capacity of host " << i << " is negative or NaN (" << capacities[i] << ")";
      throw InputError(s.str());
    }
    if (scores[i] > 0) {
      w[i] = std::pow(scores[i], beta);
      anyPositive = true;
    }
  }
  if (!anyPositive) std::fill(w.begin(), w.end(), 1.0);

  Allocation a;
  a.shares.assign(n, 0.0);
  std::vector<bool> active(n);
  for (std::size_t i = 0; i < n; ++i) active[i] = w[i] > 0 && capacities[i] > 0;
  double remaining = 1.0;
  // Each round gives the remaining capacity to the active hosts ∝ w; hosts whose share
  // would exceed their cap are fixed at the cap and leave; repeat until nobody overflows.
  for (std::size_t round = 0; round <= n && remaining > 1e-15; ++round) {
    double total = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (active[i]) total += w[i];
    if (total <= 0) break;
    bool overflow = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!active[i]) continue;
      const double room = capacities[i] - a.shares[i];
      if (remaining * w[i] / total >= room) {
        overflow = true;
      }
    }
    if (!overflow) {
      for (std::size_t i = 0; i < n; ++i)
        if (active[i]) a.shares[i] += remaining * w[i] / total;
      remaining = 0;
      break;
    }
    double given = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!active[i]) continue;
      const double room = capacities[i] - a.shares[i];
      if (remaining * w[i] / total >= room) {
        a.shares[i] = capacities[i];
        given += room;
        active[i] = false;
      }
    }
    remaining -= given;
  }
  double sum = 0;
  for (double s : a.shares) sum += s;
  a.unallocated = std::max(0.0, 1.0 - sum);
  return a;
}

}  // namespace clustershift
