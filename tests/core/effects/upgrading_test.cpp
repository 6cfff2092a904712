#include "clustershift/effects.h"

#include <cmath>

#include <gtest/gtest.h>

using namespace clustershift;

namespace {
RegionIndicators state(double h, double lp2, double rd) {
  RegionIndicators r;
  r.h = h;
  r.lp2 = lp2;
  r.rdIntensity = rd;
  return r;
}
}  // namespace

TEST(Upgrading, MechanismsAreSignedChanges) {
  const RegionIndicators b = state(0.40, 10.0, 0.020);
  const RegionIndicators a = state(0.398, 10.3, 0.019);
  const Mechanisms m = mechanismsOf(b, a);
  EXPECT_NEAR(m.vc, 0.03, 1e-12);    // lp2 +3 %
  EXPECT_NEAR(m.inn, -0.05, 1e-12);  // R&D intensity −5 %: a loss counts
  EXPECT_NEAR(m.str, -0.002, 1e-12);
}

TEST(Upgrading, RdIntensityChangeHasAFloorForRegionsWithoutResearch) {
  const Mechanisms m = mechanismsOf(state(0.4, 10, 0.0), state(0.4, 10, 0.0005));
  EXPECT_NEAR(m.inn, 0.5, 1e-12);  // +0.05 points over the 0.1 % floor
}

TEST(Upgrading, HandComputedSignedIndexAndItsMap) {
  const EffectsParams p;  // equal weights; scales vc 0.01, inn 0.05, str 0.002
  Mechanisms m;
  m.vc = 0.005;   // 0.5 unit
  m.inn = -0.05;  // −1 unit
  m.str = 0.004;  // 2 units
  const double u = signedUpgrading(m, p);
  EXPECT_NEAR(u, (0.5 - 1 + 2) / 3, 1e-12);
  EXPECT_NEAR(couplingScale(u), 0.5 * (1 + std::tanh(0.5)), 1e-12);
}

TEST(Upgrading, NoChangeMapsToOneHalfAndALossBelowIt) {
  const EffectsParams p;
  EXPECT_DOUBLE_EQ(signedUpgrading(Mechanisms{}, p), 0.0);
  EXPECT_DOUBLE_EQ(couplingScale(0.0), 0.5);
  EXPECT_LT(couplingScale(-0.01), 0.5);
  EXPECT_GT(couplingScale(0.01), 0.5);
  EXPECT_GT(couplingScale(-50), 0.0 - 1e-15);
  EXPECT_LE(couplingScale(50), 1.0);
}

TEST(Upgrading, WeightsRenormaliseAndAZeroWeightLeavesAMechanismOut) {
  EffectsParams p;
  p.mechanismWeights["inn"] = 0;
  p.mechanismWeights["vc"] = 3;
  Mechanisms m;
  m.vc = 0.01;
  m.inn = -10;  // ignored
  m.str = 0.002;
  EXPECT_NEAR(signedUpgrading(m, p), (3 * 1 + 1 * 1) / 4.0, 1e-12);
}
