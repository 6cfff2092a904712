#include "clustershift/effects.h"

#include <cmath>

#include <gtest/gtest.h>

using namespace clustershift;

namespace {
// The formulas written out by hand (Gan, Zheng & Yu 2011): TS = Y3/Y2, ISU = Σ s·Y_s/Y,
// TL = Σ (Y_s/Y) ln((Y_s/L_s)/(Y/L)).
void expectFormulas(const SectorAccounts& a, const RegionIndicators& r) {
  const double y = a.y[0] + a.y[1] + a.y[2];
  const double l = a.l[0] + a.l[1] + a.l[2];
  double theil = 0;
  for (std::size_t s = 0; s < 3; ++s) theil += (a.y[s] / y) * std::log((a.y[s] / a.l[s]) / (y / l));
  EXPECT_NEAR(r.ts, a.y[2] / a.y[1], 1e-12);
  EXPECT_NEAR(r.isu, (1 * a.y[0] + 2 * a.y[1] + 3 * a.y[2]) / y, 1e-12);
  EXPECT_NEAR(r.theil, theil, 1e-12);
  EXPECT_NEAR(r.gdp, y, 1e-9);
  EXPECT_NEAR(r.jobs, l, 1e-9);
  EXPECT_NEAR(r.rdIntensity, a.rd / y, 1e-15);
}
}  // namespace

TEST(IndicesAfter, AfterValuesEqualTheFormulasOnTheAfterAccounts) {
  SectorAccounts before;
  before.y = {50, 400, 550};
  before.l = {20, 150, 130};
  before.rd = 25;
  DirectEffect moved;
  moved.vaYuan100m = 19.65;
  moved.jobs = 50000;
  moved.rdYuan100m = 2;
  const SectorAccounts after = sourceAfter(before, moved, true, 0.5, 0.05);
  const RegionIndicators b = indicatorsOf(before, 0.2);
  const RegionIndicators a = indicatorsOf(after, kNaN);
  expectFormulas(before, b);
  expectFormulas(after, a);
  EXPECT_DOUBLE_EQ(b.vaRate, 0.2);
  EXPECT_TRUE(std::isnan(a.vaRate));
  // Moving manufacturing out of a service-heavy source raises TS and ISU.
  EXPECT_GT(a.ts, b.ts);
  EXPECT_GT(a.isu, b.isu);
}

TEST(IndicesAfter, GetByName) {
  SectorAccounts acc;
  acc.y = {10, 20, 30};
  acc.l = {1, 2, 3};
  acc.rd = 1.2;
  const RegionIndicators r = indicatorsOf(acc, 0.3);
  EXPECT_DOUBLE_EQ(r.get("ts"), 1.5);
  EXPECT_DOUBLE_EQ(r.get("va_rate"), 0.3);
  EXPECT_DOUBLE_EQ(r.get("rd_intensity"), 0.02);
  EXPECT_DOUBLE_EQ(r.get("gdp"), 60);
  EXPECT_THROW(r.get("happiness"), InputError);
}
