// Value functions: raw criterion values -> scores, 1 = best.
// Sources: minmax and vector normalisation as in Hwang & Yoon (1981), Multiple Attribute
// Decision Making, Springer, ch. 2; the piecewise-linear, sigmoid and Gaussian value
// functions follow Malczewski & Rinner (2015), Multicriteria Decision Analysis in
// Geographic Information Science, Springer, §4.3 (value functions / standardisation).
#include <algorithm>
#include <cmath>
#include <limits>

#include "clustershift/methods.h"
#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {
namespace {

double param(const ValueFunction& function, const char* name) {
  auto it = function.params.find(name);
  if (it == function.params.end()) {
    throw InputError("value function '" + function.type + "': missing parameter '" + name +
                     "'");
  }
  if (!std::isfinite(it->second)) {
    throw InputError("value function '" + function.type + "': parameter '" + name +
                     "' is not a finite number");
  }
  return it->second;
}

struct Range {
  double lo = kNaN;
  double hi = kNaN;
  double sumSquares = 0;
  int count = 0;
};

Range fit(const std::vector<double>& raw) {
  Range range;
  for (double x : raw) {
    if (std::isnan(x)) continue;
    if (!std::isfinite(x)) throw InputError("value function: infinite raw value");
    if (range.count == 0) {
      range.lo = range.hi = x;
    } else {
      range.lo = std::min(range.lo, x);
      range.hi = std::max(range.hi, x);
    }
    range.sumSquares += x * x;
    ++range.count;
  }
  return range;
}

}  // namespace

std::vector<double> normalise(const std::vector<double>& raw, const ValueFunction& function,
                              Direction direction) {
  const bool cost = direction == Direction::Cost;
  const Range range = fit(raw);
  std::vector<double> out(raw.size(), kNaN);
  const std::string& type = function.type;

  const ValueFunctionType kind = valueFunctionTypeFromName(type);
  if (kind == ValueFunctionType::MinMax) {
    // Linear scale transformation (max-min), Hwang & Yoon 1981:
    // benefit (x - min)/(max - min), cost (max - x)/(max - min).
    // Zero variance: every non-missing value gets 1 (it cannot separate the candidates,
    // and 1 keeps WPM scores non-zero).
    const double span = range.hi - range.lo;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (std::isnan(raw[i])) continue;
      if (!(span > 0)) {
        out[i] = 1.0;
      } else {
        out[i] = cost ? (range.hi - raw[i]) / span : (raw[i] - range.lo) / span;
      }
    }
  } else if (kind == ValueFunctionType::Vector) {
    // Vector normalisation r = x / sqrt(sum x^2) (Hwang & Yoon 1981; TOPSIS).
    // Cost: 1 - r, which keeps every distance between candidates (so TOPSIS is unchanged)
    // while making larger = better. All-zero column: 1 for every non-missing value.
    const double norm = std::sqrt(range.sumSquares);
    for (size_t i = 0; i < raw.size(); ++i) {
      if (std::isnan(raw[i])) continue;
      if (!(norm > 0)) {
        out[i] = 1.0;
      } else {
        const double r = raw[i] / norm;
        out[i] = cost ? 1.0 - r : r;
      }
    }
  } else if (kind == ValueFunctionType::None) {
    // Raw values used as they are. Cost reflects them inside their own range,
    // x' = min + max - x, which reverses the order but keeps scale and sign.
    for (size_t i = 0; i < raw.size(); ++i) {
      if (std::isnan(raw[i])) continue;
      out[i] = cost ? range.lo + range.hi - raw[i] : raw[i];
    }
  } else if (kind == ValueFunctionType::Linear) {
    // Piecewise linear between lo (score 0) and hi (score 1), clamped
    // (Malczewski & Rinner 2015, §4.3). Cost swaps the ends.
    const double lo = param(function, "lo");
    const double hi = param(function, "hi");
    if (!(hi != lo)) {
      throw InputError("value function 'linear': lo and hi must differ (both " + util::formatNumber(lo) +
                       ")");
    }
    for (size_t i = 0; i < raw.size(); ++i) {
      if (std::isnan(raw[i])) continue;
      const double t = std::clamp((raw[i] - lo) / (hi - lo), 0.0, 1.0);
      out[i] = cost ? 1.0 - t : t;
    }
  } else if (kind == ValueFunctionType::Sigmoid) {
    // Logistic value function 1 / (1 + exp(-s (x - mid))) (Malczewski & Rinner 2015, §4.3).
    // steepness s > 0 in 1/unit of the raw value; cost mirrors it: 1 - f(x).
    const double mid = param(function, "mid");
    const double steepness = param(function, "steepness");
    if (!(steepness > 0)) {
      throw InputError("value function 'sigmoid': steepness must be > 0 (got " +
                       util::formatNumber(steepness) + ")");
    }
    for (size_t i = 0; i < raw.size(); ++i) {
      if (std::isnan(raw[i])) continue;
      const double f = 1.0 / (1.0 + std::exp(-steepness * (raw[i] - mid)));
      out[i] = cost ? 1.0 - f : f;
    }
  } else {  // Gaussian
    // Gaussian value function exp(-(x - target)^2 / (2 width^2)): 1 at the target
    // (Malczewski & Rinner 2015, §4.3). Cost: 1 - f (the target is the worst value).
    const double target = param(function, "target");
    const double width = param(function, "width");
    if (!(width > 0)) {
      throw InputError("value function 'gaussian': width must be > 0 (got " + util::formatNumber(width) +
                       ")");
    }
    for (size_t i = 0; i < raw.size(); ++i) {
      if (std::isnan(raw[i])) continue;
      const double z = (raw[i] - target) / width;
      const double f = std::exp(-0.5 * z * z);
      out[i] = cost ? 1.0 - f : f;
    }
  }
  return out;
}

}  // namespace clustershift::mcda
