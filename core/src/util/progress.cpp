#include <algorithm>

#include "clustershift/util.h"

namespace clustershift::util {

double scaleProgress(double fraction, double from, double to) {
  return from + std::clamp(fraction, 0.0, 1.0) * (to - from);
}

}  // namespace clustershift::util
