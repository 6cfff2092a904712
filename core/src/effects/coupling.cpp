// Coupling coordination degree of the source's and the host's upgrading, with the ten-class
// scale of 廖重斌 (1999, 热带地理 19(2):171–177), widely used for 耦合协调度.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

CouplingClass couplingClass(double d) {
  static const char* const kZh[10] = {"极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
                                      "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"};
  static const char* const kEn[10] = {
      "extreme imbalance",  "severe imbalance",         "moderate imbalance",   "mild imbalance",
      "verge of imbalance", "barely coordinated",       "primary coordination", "intermediate coordination",
      "good coordination",  "high-quality coordination"};
  // Width-0.1 classes; the 1e-9 tolerance puts D = √(0.3²)-style rounding results on the
  // boundary into the upper class.
  int index = static_cast<int>(std::floor(d * 10.0 + 1e-9));
  index = std::clamp(index, 0, 9);
  return CouplingClass{index, kZh[index], kEn[index]};
}

Coupling couplingCoordination(double uSource, double uHost, double a, double b) {
  auto check = [](double u, const char* which) {
    if (!(u >= 0 && u <= 1)) {
      std::ostringstream s;
      s << "coupling: " << which << " upgrading index must be in [0,1], got " << u;
      throw InputError(s.str());
    }
  };
  check(uSource, "source");
  check(uHost, "host");
  Coupling c;
  c.uSource = uSource;
  c.uHost = uHost;
  const double sum = uSource + uHost;
  // C = 2√(U1·U2)/(U1+U2), T = a·U1 + b·U2, D = √(C·T).
  c.c = sum > 0 ? 2.0 * std::sqrt(uSource * uHost) / sum : 0.0;
  c.t = a * uSource + b * uHost;
  c.d = std::sqrt(c.c * c.t);
  c.cls = couplingClass(c.d);
  return c;
}

}  // namespace clustershift
