// Industrial-structure indices of a region: advancement TS, upgrading ISU and
// rationalisation (Theil) — Gan, Zheng & Yu (2011), 经济研究 46(5):4–16.
#include <cmath>
#include <sstream>

#include "clustershift/indices.h"
#include "clustershift/util.h"

namespace clustershift {

namespace {

}  // namespace

StructureIndices structureIndices(const std::array<double, 3>& y, const std::array<double, 3>& l) {
  StructureIndices s;
  bool yMissing = false, lMissing = false;
  for (int k = 0; k < 3; ++k) {
    const std::string ys = "y" + std::to_string(k + 1), ls = "l" + std::to_string(k + 1);
    if (y[k] < 0)
      throw InputError("structure indices: " + ys + " is negative (" + util::formatNumber(y[k]) + ")");
    if (l[k] < 0)
      throw InputError("structure indices: " + ls + " is negative (" + util::formatNumber(l[k]) + ")");
    if (std::isnan(y[k])) {
      yMissing = true;
      s.warnings.push_back(ys + " is missing");
    }
    if (std::isnan(l[k])) {
      lMissing = true;
      s.warnings.push_back(ls + " is missing");
    }
  }

  // TS = Y3 / Y2 (advancement: services relative to industry).
  if (std::isnan(y[1]) || std::isnan(y[2])) {
    s.ts = kNaN;
  } else if (y[1] == 0) {
    s.ts = 0;
    s.warnings.push_back("y2 is zero: TS set to 0");
  } else {
    s.ts = y[2] / y[1];
  }

  if (yMissing) {
    s.isu = kNaN;
    s.theil = kNaN;
    return s;
  }
  const double total = y[0] + y[1] + y[2];
  if (total == 0) {
    s.isu = 0;
    s.theil = 0;
    s.warnings.push_back("total output y1+y2+y3 is zero: ISU and Theil set to 0");
    return s;
  }
  // ISU = Σ_s s · Y_s / Y
  s.isu = (1.0 * y[0] + 2.0 * y[1] + 3.0 * y[2]) / total;

  if (lMissing) {
    s.theil = kNaN;
    return s;
  }
  const double jobs = l[0] + l[1] + l[2];
  if (jobs == 0) {
    s.theil = 0;
    s.warnings.push_back("total employment l1+l2+l3 is zero: Theil set to 0");
    return s;
  }
  // TL = Σ_s (Y_s/Y) · ln((Y_s/L_s) / (Y/L)); a sector with Y_s = 0 or L_s = 0 has no
  // defined productivity and contributes 0 (Y_s = 0 is also the limit y·ln y → 0).
  const double productivity = total / jobs;
  double theil = 0;
  for (int k = 0; k < 3; ++k) {
    if (y[k] == 0 || l[k] == 0) {
      s.warnings.push_back("sector " + std::to_string(k + 1) + " has zero " +
                           (y[k] == 0 ? "output (y" : "employment (l") + std::to_string(k + 1) +
                           "): its Theil term set to 0");
      continue;
    }
    theil += (y[k] / total) * std::log((y[k] / l[k]) / productivity);
  }
  s.theil = theil;
  return s;
}

StructureIndices structureIndices(const Region& region) {
  return structureIndices({region.value("y1"), region.value("y2"), region.value("y3")},
                          {region.value("l1"), region.value("l2"), region.value("l3")});
}

}  // namespace clustershift
