// Upgrading index U of a region from the normalised changes of its indicators
// (docs/model.md "Transfer effects"; weights and scales are planning assumptions).
#include <algorithm>
#include <cmath>

#include "clustershift/effects.h"

namespace clustershift {

double upgradingIndex(const RegionIndicators& before, const RegionIndicators& after,
                      const EffectsParams& params, std::map<std::string, double>* parts) {
  double weighted = 0;
  double weights = 0;
  for (const std::string& name : effectIndicators()) {
    const double b = before.get(name);
    const double a = after.get(name);
    if (!std::isfinite(b) || !std::isfinite(a)) continue;  // undefined before or after
    const auto w = params.uWeights.find(name);
    const auto sc = params.uScale.find(name);
    const double weight = w == params.uWeights.end() ? 0.0 : w->second;
    const double scale = sc == params.uScale.end() ? 0.0 : sc->second;
    if (weight <= 0 || scale <= 0) continue;
    double change = a - b;                                                    // ratios: absolute change
    if (name == "gdp" || name == "jobs") change = b > 0 ? (a - b) / b : 0.0;  // relative
    if (name == "theil") change = -change;                                    // lower Theil = more rational
    const double u = std::clamp(change / scale, 0.0, 1.0);
    if (parts) (*parts)[name] = u;
    weighted += weight * u;
    weights += weight;
  }
  return weights > 0 ? weighted / weights : 0.0;
}

}  // namespace clustershift
