#include "clustershift/util.h"

#include <cstdio>

namespace clustershift::util {

std::string formatNumber(double value, int significant) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*g", significant, value);
  return buffer;
}

std::string formatFixed(double value, int decimals) {
  char buffer[400];  // "%.*f" of 1e308 has 309 digits before the point
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace clustershift::util
