#include "clustershift/effects.h"

#include <gtest/gtest.h>

using namespace clustershift;

namespace {
RegionIndicators state(double ts, double isu, double theil, double va, double rd, double gdp, double jobs) {
  RegionIndicators r;
  r.ts = ts;
  r.isu = isu;
  r.theil = theil;
  r.vaRate = va;
  r.rdIntensity = rd;
  r.gdp = gdp;
  r.jobs = jobs;
  return r;
}
}  // namespace

TEST(Upgrading, HandComputedIndex) {
  const EffectsParams
      p;  // equal weights; scales ts .1, isu .05, theil .05, va .05, rd .005, gdp .05, jobs .05
  const RegionIndicators b = state(1.0, 2.3, 0.10, 0.20, 0.020, 1000, 300);
  const RegionIndicators a = state(1.05, 2.32, 0.12, 0.30, 0.021, 980, 330);
  std::map<std::string, double> parts;
  const double u = upgradingIndex(b, a, p, &parts);
  EXPECT_NEAR(parts["ts"], 0.5, 1e-9);            // +0.05 / 0.1
  EXPECT_NEAR(parts["isu"], 0.4, 1e-9);           // +0.02 / 0.05
  EXPECT_NEAR(parts["theil"], 0.0, 1e-12);        // Theil rose: no credit
  EXPECT_NEAR(parts["va_rate"], 1.0, 1e-12);      // +0.10 / 0.05, capped at 1
  EXPECT_NEAR(parts["rd_intensity"], 0.2, 1e-9);  // +0.001 / 0.005
  EXPECT_NEAR(parts["gdp"], 0.0, 1e-12);          // −2 %: no credit
  EXPECT_NEAR(parts["jobs"], 1.0, 1e-12);         // +10 % / 5 %, capped
  EXPECT_NEAR(u, (0.5 + 0.4 + 0 + 1 + 0.2 + 0 + 1) / 7, 1e-9);
}

TEST(Upgrading, UndefinedIndicatorsAreLeftOutAndWeightsRenormalised) {
  EffectsParams p;
  p.uWeights["gdp"] = 3;
  const RegionIndicators b = state(1.0, 2.3, 0.10, kNaN, 0.020, 1000, 300);
  const RegionIndicators a = state(1.0, 2.3, 0.10, 0.15, 0.020, 1050, 300);
  std::map<std::string, double> parts;
  const double u = upgradingIndex(b, a, p, &parts);
  EXPECT_EQ(parts.count("va_rate"), 0u);
  EXPECT_NEAR(u, 3.0 * 1.0 / (1 + 1 + 1 + 1 + 3 + 1), 1e-12);
}

TEST(Upgrading, NoChangeGivesZero) {
  const RegionIndicators b = state(1.0, 2.3, 0.10, 0.2, 0.020, 1000, 300);
  EXPECT_DOUBLE_EQ(upgradingIndex(b, b, EffectsParams()), 0.0);
}
