// Relatedness (Hidalgo, Klinger, Barabási & Hausmann 2007) on a hand-checkable 4 × 4 table.
#include <gtest/gtest.h>

#include "clustershift/indices.h"

namespace cs = clustershift;

namespace {

// Output x_rp (亿元), regions R1..R4 × industries I1..I4.
//          I1  I2  I3  I4 | row sum
//   R1     50  10  20  20 |  100
//   R2     10  30  40  20 |  100
//   R3     40  80  20  60 |  200
//   R4     20   0  10  70 |  100
//   col   120 120  90 170 |  500
Eigen::MatrixXd sampleOutput() {
  Eigen::MatrixXd x(4, 4);
  x << 50, 10, 20, 20,  //
      10, 30, 40, 20,   //
      40, 80, 20, 60,   //
      20, 0, 10, 70;
  return x;
}

}  // namespace

TEST(Relatedness, RcaIsBalassaIndex) {
  const Eigen::MatrixXd rca = cs::revealedComparativeAdvantage(sampleOutput());
  // RCA_rp = (x_rp / x_r.) / (x_.p / x_..)
  EXPECT_NEAR(rca(0, 0), (50.0 / 100) / (120.0 / 500), 1e-12);  // 0.5 / 0.24 = 2.0833
  EXPECT_NEAR(rca(0, 2), (20.0 / 100) / (90.0 / 500), 1e-12);   // 0.2 / 0.18 = 1.1111
  EXPECT_NEAR(rca(1, 1), (30.0 / 100) / (120.0 / 500), 1e-12);  // 0.3 / 0.24 = 1.25
  EXPECT_NEAR(rca(1, 2), 2.2222222222, 1e-9);                   // 0.4 / 0.18
  EXPECT_NEAR(rca(2, 1), 1.6666666667, 1e-9);                   // 0.4 / 0.24
  EXPECT_NEAR(rca(2, 3), 0.8823529412, 1e-9);                   // 0.3 / 0.34
  EXPECT_NEAR(rca(3, 3), 2.0588235294, 1e-9);                   // 0.7 / 0.34
  EXPECT_EQ(rca(3, 1), 0.0);
}

TEST(Relatedness, PresenceProximityAndLeaveOneOutDensity) {
  const cs::Relatedness r = cs::computeRelatedness(sampleOutput());
  // Presence M = RCA >= 1:
  //   R1: I1 I3 | R2: I2 I3 | R3: I2 | R4: I4      ubiquity k = (1, 2, 2, 1)
  Eigen::MatrixXd m(4, 4);
  m << 1, 0, 1, 0,  //
      0, 1, 1, 0,   //
      0, 1, 0, 0,   //
      0, 0, 0, 1;
  EXPECT_TRUE(r.presence.isApprox(m)) << r.presence;
  // Co-occurrence: (I1,I3) in R1, (I2,I3) in R2, none else.
  // φ_13 = 1 / max(1, 2) = 0.5, φ_23 = 1 / max(2, 2) = 0.5, φ_12 = 0, φ_·4 = 0, φ_pp = 1.
  Eigen::MatrixXd phi(4, 4);
  phi << 1, 0, 0.5, 0,  //
      0, 1, 0.5, 0,     //
      0.5, 0.5, 1, 0,   //
      0, 0, 0, 1;
  EXPECT_TRUE(r.proximity.isApprox(phi)) << r.proximity;
  // Density ω_rp = Σ_{q≠p} M_rq φ_pq / Σ_{q≠p} φ_pq:
  //   p = I1: denominator φ_12 + φ_13 + φ_14 = 0.5; R1, R2 have I3 -> 0.5 / 0.5 = 1; R3, R4 -> 0.
  //   p = I2: denominator 0.5 (via I3); R1, R2 have I3 -> 1; R3 (only I2 itself) -> 0.
  //   p = I3: denominator φ_31 + φ_32 = 1; R1 has I1 -> 0.5; R2 has I2 -> 0.5; R3 has I2 -> 0.5.
  //   p = I4: no proximity to any other industry -> density 0 everywhere.
  Eigen::MatrixXd omega(4, 4);
  omega << 1, 1, 0.5, 0,  //
      1, 1, 0.5, 0,       //
      0, 0, 0.5, 0,       //
      0, 0, 0, 0;
  EXPECT_TRUE(r.density.isApprox(omega)) << r.density;
  // Leaving p out matters: R3 specialises in I2 but has no *related* industry, so ω = 0
  // (with p included it would be (1·1) / (1 + 0.5) = 0.67).
  EXPECT_EQ(r.density(2, 1), 0.0);
}

TEST(Relatedness, ThresholdChangesPresence) {
  // With threshold 0.8, R3 is also present in I1 (RCA 0.8333) and I4 (0.8824).
  const cs::Relatedness r = cs::computeRelatedness(sampleOutput(), 0.8);
  EXPECT_EQ(r.presence(2, 0), 1.0);
  EXPECT_EQ(r.presence(2, 3), 1.0);
  EXPECT_EQ(r.presence(2, 2), 0.0);  // RCA 0.5556
}

TEST(Relatedness, ZeroRowAndColumnGiveZeroRca) {
  Eigen::MatrixXd x(2, 3);
  x << 0, 0, 0,  //
      1, 2, 0;
  const Eigen::MatrixXd rca = cs::revealedComparativeAdvantage(x);
  EXPECT_EQ(rca.row(0).sum(), 0.0);
  EXPECT_EQ(rca(1, 2), 0.0);
  EXPECT_NEAR(rca(1, 0), 1.0, 1e-12);
  EXPECT_TRUE(rca.allFinite());
}

TEST(Relatedness, NegativeOrMissingOutputIsAnError) {
  Eigen::MatrixXd x(2, 2);
  x << 1, -2, 3, 4;
  try {
    cs::revealedComparativeAdvantage(x);
    FAIL() << "expected InputError";
  } catch (const cs::InputError& e) {
    EXPECT_STREQ(e.what(), "RCA: output of row 1, column 2 is negative (-2.000000)");
  }
  x(0, 1) = cs::kNaN;
  EXPECT_THROW(cs::revealedComparativeAdvantage(x), cs::InputError);
  EXPECT_THROW(cs::revealedComparativeAdvantage(Eigen::MatrixXd::Zero(2, 2)), cs::InputError);
}
