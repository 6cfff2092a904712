#include "clustershift/effects.h"

#include <cmath>

#include <gtest/gtest.h>

using namespace clustershift;

TEST(Ramp, StartsAtZeroEndsAtOneAndIncrementsSumToOne) {
  const std::vector<double> r = logisticRamp(10, 3, 1.0);
  ASSERT_EQ(r.size(), 11u);
  EXPECT_DOUBLE_EQ(r.front(), 0.0);
  EXPECT_DOUBLE_EQ(r.back(), 1.0);
  double sum = 0;
  for (std::size_t t = 1; t < r.size(); ++t) {
    EXPECT_GT(r[t], r[t - 1]);  // strictly increasing
    sum += r[t] - r[t - 1];
  }
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST(Ramp, HandComputedValue) {
  // σ(t) = 1/(1+e^{−(t−3)}); R(3) = (σ(3) − σ(0)) / (σ(10) − σ(0)).
  const double s0 = 1 / (1 + std::exp(3.0)), s3 = 0.5, s10 = 1 / (1 + std::exp(-7.0));
  EXPECT_NEAR(logisticRamp(10, 3, 1.0)[3], (s3 - s0) / (s10 - s0), 1e-12);
}

TEST(Ramp, SymmetricMidpointGivesHalfway) { EXPECT_NEAR(logisticRamp(10, 5, 0.7)[5], 0.5, 1e-12); }

TEST(Ramp, LargestYearlyStepAroundTheMidpoint) {
  const std::vector<double> r = logisticRamp(10, 3, 1.0);
  std::size_t best = 1;
  for (std::size_t t = 1; t < r.size(); ++t)
    if (r[t] - r[t - 1] > r[best] - r[best - 1]) best = t;
  EXPECT_TRUE(best == 3 || best == 4);
}

TEST(Ramp, InvalidHorizonOrSteepnessIsAnError) {
  EXPECT_THROW(logisticRamp(0, 3, 1), InputError);
  EXPECT_THROW(logisticRamp(10, 3, 0), InputError);
}
