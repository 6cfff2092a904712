#include "clustershift/effects.h"

#include <cmath>

#include <gtest/gtest.h>

using namespace clustershift;

TEST(Coupling, HandComputedUnequalCase) {
  // U1 = 0.2, U2 = 0.8: C = 2√0.16/1 = 0.8, T = 0.5, D = √0.4 = 0.63246 → 初级协调.
  const Coupling c = couplingCoordination(0.2, 0.8);
  EXPECT_NEAR(c.c, 0.8, 1e-12);
  EXPECT_NEAR(c.t, 0.5, 1e-12);
  EXPECT_NEAR(c.d, std::sqrt(0.4), 1e-12);
  EXPECT_EQ(c.cls.index, 6);
  EXPECT_EQ(c.cls.labelZh, "初级协调");
  EXPECT_EQ(c.cls.labelEn, "primary coordination");
}

TEST(Coupling, WeightsOfT) {
  // a = 0.3, b = 0.7: T = 0.3·0.4 + 0.7·0.9 = 0.75; C = 2·0.6/1.3.
  const Coupling c = couplingCoordination(0.4, 0.9, 0.3, 0.7);
  EXPECT_NEAR(c.t, 0.75, 1e-12);
  EXPECT_NEAR(c.c, 1.2 / 1.3, 1e-12);
  EXPECT_NEAR(c.d, std::sqrt(0.75 * 1.2 / 1.3), 1e-12);
}

TEST(Coupling, ZeroUpgradingOnBothSidesIsExtremeImbalance) {
  const Coupling c = couplingCoordination(0, 0);
  EXPECT_DOUBLE_EQ(c.c, 0);
  EXPECT_DOUBLE_EQ(c.d, 0);
  EXPECT_EQ(c.cls.labelZh, "极度失调");
}

TEST(Coupling, OutOfRangeUpgradingIsAnError) {
  EXPECT_THROW(couplingCoordination(1.2, 0.5), InputError);
  EXPECT_THROW(couplingCoordination(0.5, -0.1), InputError);
}

// Every class boundary b = 0.1 … 0.9, hand-computed: with U1 = U2 = u, C = 1 and T = u, so
// D = √u; u = b² lands exactly on the boundary (upper class), u = (b − 0.001)² just below.
struct Boundary {
  double d;
  int below;
  const char* zhBelow;
  const char* zhAt;
  const char* enAt;
};

class CouplingBoundary : public ::testing::TestWithParam<Boundary> {};

TEST_P(CouplingBoundary, ClassChangesExactlyAtTheBoundary) {
  const Boundary& b = GetParam();
  const Coupling at = couplingCoordination(b.d * b.d, b.d * b.d);
  EXPECT_NEAR(at.c, 1.0, 1e-12);
  EXPECT_NEAR(at.d, b.d, 1e-12);
  EXPECT_EQ(at.cls.index, b.below + 1);
  EXPECT_EQ(at.cls.labelZh, b.zhAt);
  EXPECT_EQ(at.cls.labelEn, b.enAt);
  const double u = (b.d - 0.001) * (b.d - 0.001);
  const Coupling below = couplingCoordination(u, u);
  EXPECT_EQ(below.cls.index, b.below);
  EXPECT_EQ(below.cls.labelZh, b.zhBelow);
}

INSTANTIATE_TEST_SUITE_P(
    TenClasses, CouplingBoundary,
    ::testing::Values(Boundary{0.1, 0, "极度失调", "严重失调", "severe imbalance"},
                      Boundary{0.2, 1, "严重失调", "中度失调", "moderate imbalance"},
                      Boundary{0.3, 2, "中度失调", "轻度失调", "mild imbalance"},
                      Boundary{0.4, 3, "轻度失调", "濒临失调", "verge of imbalance"},
                      Boundary{0.5, 4, "濒临失调", "勉强协调", "barely coordinated"},
                      Boundary{0.6, 5, "勉强协调", "初级协调", "primary coordination"},
                      Boundary{0.7, 6, "初级协调", "中级协调", "intermediate coordination"},
                      Boundary{0.8, 7, "中级协调", "良好协调", "good coordination"},
                      Boundary{0.9, 8, "良好协调", "优质协调", "high-quality coordination"}));

TEST(Coupling, ClassEnds) {
  EXPECT_EQ(couplingClass(0.0).labelEn, "extreme imbalance");
  EXPECT_EQ(couplingClass(0.0999).index, 0);
  EXPECT_EQ(couplingClass(1.0).index, 9);
  EXPECT_EQ(couplingClass(1.0).labelZh, "优质协调");
}
