// The three signed upgrading mechanisms of a region (value chain, innovation, structure),
// their combination U and the map of U into [0, 1] for the coupling (docs/model.md
// "Transfer effects"; weights and scales are planning assumptions).
#include <algorithm>
#include <cmath>

#include "clustershift/effects.h"

namespace clustershift {

namespace {
// R&D intensity floor of the relative change (0.1 %), so a region with almost no R&D does not
// turn a small absolute gain into an unbounded relative one.
constexpr double kRdIntensityFloor = 0.001;

double orZero(double v) { return std::isfinite(v) ? v : 0.0; }
}  // namespace

double Mechanisms::get(const std::string& name) const {
  if (name == "vc") return vc;
  if (name == "inn") return inn;
  if (name == "str") return str;
  throw InputError("unknown upgrading mechanism '" + name + "'");
}

Mechanisms mechanismsOf(const RegionIndicators& before, const RegionIndicators& after) {
  Mechanisms m;
  // Value chain: VA per worker of the region's secondary sector (where the cluster is).
  m.vc = orZero(after.lp2 / before.lp2 - 1.0);
  // Innovation: relative change of R&D intensity.
  m.inn = orZero((after.rdIntensity - before.rdIntensity) / std::max(before.rdIntensity, kRdIntensityFloor));
  // Structure: change of the productivity-weighted advancement index H.
  m.str = orZero(after.h - before.h);
  return m;
}

double signedUpgrading(const Mechanisms& m, const EffectsParams& params) {
  double weighted = 0, weights = 0;
  for (const std::string& name : mechanismNames()) {
    const auto w = params.mechanismWeights.find(name);
    const auto s = params.mechanismScale.find(name);
    const double weight = w == params.mechanismWeights.end() ? 0.0 : w->second;
    const double scale = s == params.mechanismScale.end() ? 0.0 : s->second;
    if (weight <= 0 || scale <= 0) continue;
    weighted += weight * m.get(name) / scale;
    weights += weight;
  }
  return weights > 0 ? weighted / weights : 0.0;
}

double couplingScale(double signedU) { return 0.5 * (1.0 + std::tanh(signedU)); }

}  // namespace clustershift
