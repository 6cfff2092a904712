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
  SourceChange change;
  change.leaving.vaYuan100m = 19.65;
  change.leaving.jobs = 50000;
  change.leaving.rdYuan100m = 2;
  const EffectsParams p;
  const SectorAccounts after = sourceAfter(before, change, p);
  const RegionIndicators b = indicatorsOf(before, 0.2, p);
  const RegionIndicators a = indicatorsOf(after, kNaN, p);
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
  const RegionIndicators r = indicatorsOf(acc, 0.3, EffectsParams());
  EXPECT_DOUBLE_EQ(r.get("ts"), 1.5);
  EXPECT_DOUBLE_EQ(r.get("lp2"), 10);
  EXPECT_DOUBLE_EQ(r.get("va_rate"), 0.3);
  EXPECT_DOUBLE_EQ(r.get("rd_intensity"), 0.02);
  EXPECT_DOUBLE_EQ(r.get("gdp"), 60);
  EXPECT_THROW(r.get("happiness"), InputError);
}

// H = Σ_s (Y_s/Y)·(LP_s − LP_b,s)/(LP_f,s − LP_b,s) (刘伟, 张辉 & 黄泽华 2008), by hand.
TEST(AdvancementIndex, HandComputedValue) {
  SectorAccounts a;
  a.y = {280, 980, 1020};  // 亿元
  a.l = {100, 100, 120};   // 10k persons: LP = 2.8, 9.8, 8.5 万元/person
  const std::array<double, 3> b{0.5, 1.0, 1.0}, f{15.0, 35.0, 35.0};
  const double y = 2280;
  const double expected = 280 / y * (2.8 - 0.5) / 14.5 + 980 / y * (9.8 - 1) / 34 + 1020 / y * (8.5 - 1) / 34;
  EXPECT_NEAR(advancementIndex(a, b, f), expected, 1e-12);
}

TEST(AdvancementIndex, ZeroAtThePreIndustrialAndOneAtTheDevelopedBenchmark) {
  const std::array<double, 3> b{0.5, 1.0, 1.0}, f{15.0, 35.0, 35.0};
  SectorAccounts a;
  a.l = {10, 20, 30};
  for (std::size_t s = 0; s < 3; ++s) a.y[s] = b[s] * a.l[s];
  EXPECT_NEAR(advancementIndex(a, b, f), 0.0, 1e-12);
  for (std::size_t s = 0; s < 3; ++s) a.y[s] = f[s] * a.l[s];
  EXPECT_NEAR(advancementIndex(a, b, f), 1.0, 1e-12);
}

TEST(AdvancementIndex, StageAware) {
  const EffectsParams p;
  // An industrialising region: farm workers (LP 2.8) move into industry at 11 万元/person.
  SectorAccounts poor;
  poor.y = {280, 980, 1020};
  poor.l = {100, 100, 120};
  SectorAccounts moved = poor;
  moved.y[0] -= 5 * 2.8;
  moved.l[0] -= 5;
  moved.y[1] += 5 * 11;
  moved.l[1] += 5;
  EXPECT_GT(advancementIndex(moved, p.lpPreIndustrial, p.lpDeveloped),
            advancementIndex(poor, p.lpPreIndustrial, p.lpDeveloped));
  // A region past industrialisation (services at 33, industry at 31 万元/person, little
  // agriculture): more manufacturing at 11 万元/person lowers H.
  SectorAccounts rich;
  rich.y = {170, 11500, 12300};
  rich.l = {33, 370, 372};
  SectorAccounts more = rich;
  more.y[1] += 5 * 11;
  more.l[1] += 5;
  EXPECT_LT(advancementIndex(more, p.lpPreIndustrial, p.lpDeveloped),
            advancementIndex(rich, p.lpPreIndustrial, p.lpDeveloped));
}

TEST(IndicesAfter, RoundingResidueIsZeroAndRealNegativeIsRejected) {
  const EffectsParams p;
  SectorAccounts drained;
  drained.y = {-8.9e-16, 400, 550};  // the national benchmark's source after the transfer
  drained.l = {0, 150, 130};
  drained.rd = 25;
  const RegionIndicators r = indicatorsOf(drained, 0.2, p);
  EXPECT_NEAR(r.isu, (2 * 400.0 + 3 * 550.0) / 950, 1e-12);
  EXPECT_NEAR(r.gdp, 950, 1e-9);

  SectorAccounts negative = drained;
  negative.y[0] = -0.5;  // a real deficit, not a residue
  try {
    indicatorsOf(negative, 0.2, p);
    FAIL() << "a negative sector output must be rejected";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "structure indices: y1 is negative (-0.5)");
  }
}
