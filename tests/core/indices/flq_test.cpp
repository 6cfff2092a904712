// FLQ regionalisation (Flegg & Webber 1997): hand-computed two-sector case.
#include <cmath>

#include <gtest/gtest.h>

#include "clustershift/indices.h"

namespace cs = clustershift;

TEST(Flq, LambdaIsLog2PowerDelta) {
  // λ* = [log2(1 + 30/400)]^0.3 = 0.1043366^0.3 = 0.5076111
  EXPECT_NEAR(cs::flqLambda(30, 400), 0.5076110632, 1e-9);
  EXPECT_NEAR(cs::flqLambda(30, 400, 0.0), 1.0, 1e-12);
  EXPECT_THROW(cs::flqLambda(500, 400), cs::InputError);
  EXPECT_THROW(cs::flqLambda(30, 400, 1.2), cs::InputError);
}

TEST(Flq, RegionalisedCoefficients) {
  // National sizes (100, 300), regional (20, 10): TRE = 30, TNE = 400.
  // SLQ = ((20/30)/(100/400), (10/30)/(300/400)) = (2.6667, 0.4444)
  // FLQ = λ·[[SLQ1, SLQ1/SLQ2], [SLQ2/SLQ1, SLQ2]] = [[1.35363, 3.04567], [0.08460, 0.22560]]
  Eigen::VectorXd regional(2), national(2);
  regional << 20, 10;
  national << 100, 300;
  const Eigen::MatrixXd flq = cs::flqQuotients(regional, national);
  EXPECT_NEAR(flq(0, 0), 1.3536295018, 1e-9);
  EXPECT_NEAR(flq(0, 1), 3.0456663790, 1e-9);
  EXPECT_NEAR(flq(1, 0), 0.0846018439, 1e-9);
  EXPECT_NEAR(flq(1, 1), 0.2256049170, 1e-9);
  Eigen::MatrixXd a(2, 2);
  a << 0.15, 0.25, 0.20, 0.05;
  const Eigen::MatrixXd r = cs::flqRegionalise(a, regional, national);
  // r_ij = a_ij · min(FLQ_ij, 1)
  EXPECT_NEAR(r(0, 0), 0.15, 1e-12);
  EXPECT_NEAR(r(0, 1), 0.25, 1e-12);
  EXPECT_NEAR(r(1, 0), 0.20 * 0.0846018439, 1e-10);
  EXPECT_NEAR(r(1, 1), 0.05 * 0.2256049170, 1e-10);
}

TEST(Flq, SectorAbsentInRegionHasZeroColumn) {
  Eigen::VectorXd regional(2), national(2);
  regional << 20, 0;
  national << 100, 300;
  Eigen::MatrixXd a(2, 2);
  a << 0.15, 0.25, 0.20, 0.05;
  const Eigen::MatrixXd r = cs::flqRegionalise(a, regional, national);
  EXPECT_EQ(r(0, 1), 0.0);
  EXPECT_EQ(r(1, 1), 0.0);
  EXPECT_TRUE(r.allFinite());
}
