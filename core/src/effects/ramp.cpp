// Logistic time path of the transfer over a horizon of T years.
#include <cmath>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

std::vector<double> logisticRamp(int horizonYears, double midpointYear, double steepness) {
  if (horizonYears < 1 || !(steepness > 0) || !std::isfinite(midpointYear)) {
    std::ostringstream s;
    s << "ramp: expected horizon ≥ 1 year and steepness > 0, got horizon " << horizonYears << ", midpoint "
      << midpointYear << ", steepness " << steepness;
    throw InputError(s.str());
  }
  auto sigma = [&](double t) { return 1.0 / (1.0 + std::exp(-steepness * (t - midpointYear))); };
  const double s0 = sigma(0);
  const double span = sigma(horizonYears) - s0;
  std::vector<double> r(static_cast<std::size_t>(horizonYears) + 1);
  for (int t = 0; t <= horizonYears; ++t)
    r[static_cast<std::size_t>(t)] = span > 0 ? (sigma(t) - s0) / span : double(t) / horizonYears;
  r.front() = 0.0;
  r.back() = 1.0;
  return r;
}

}  // namespace clustershift
