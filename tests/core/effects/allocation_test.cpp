#include "clustershift/effects.h"

#include <limits>

#include <gtest/gtest.h>

using namespace clustershift;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

TEST(Allocation, ProportionalToScorePowerBetaWhenNothingBinds) {
  // w = (1, 0.25, 0.25) for scores (1, 0.5, 0.5), β = 2 → shares (2/3, 1/6, 1/6).
  const Allocation a = waterFill({1, 0.5, 0.5}, {kInf, kInf, kInf}, 2);
  EXPECT_NEAR(a.shares[0], 2.0 / 3, 1e-12);
  EXPECT_NEAR(a.shares[1], 1.0 / 6, 1e-12);
  EXPECT_NEAR(a.shares[2], 1.0 / 6, 1e-12);
  EXPECT_NEAR(a.unallocated, 0, 1e-12);
}

TEST(Allocation, CappedHostPassesItsRemainderOn) {
  // Host 0 capped at 0.5; the remaining 0.5 goes to hosts 1 and 2 in proportion 1:1.
  const Allocation a = waterFill({1, 0.5, 0.5}, {0.5, kInf, kInf}, 2);
  EXPECT_NEAR(a.shares[0], 0.5, 1e-12);
  EXPECT_NEAR(a.shares[1], 0.25, 1e-12);
  EXPECT_NEAR(a.shares[2], 0.25, 1e-12);
}

TEST(Allocation, CascadingCapsRespectEveryCapacity) {
  // Host 0 capped at 0.3; then host 1 would get 0.35 but holds 0.2; host 2 takes the rest.
  const std::vector<double> caps = {0.3, 0.2, 1.0};
  const Allocation a = waterFill({1, 0.5, 0.5}, caps, 2);
  for (std::size_t i = 0; i < caps.size(); ++i) EXPECT_LE(a.shares[i], caps[i] + 1e-12);
  EXPECT_NEAR(a.shares[0], 0.3, 1e-12);
  EXPECT_NEAR(a.shares[1], 0.2, 1e-12);
  EXPECT_NEAR(a.shares[2], 0.5, 1e-12);
  EXPECT_NEAR(a.unallocated, 0, 1e-12);
}

TEST(Allocation, InsufficientCapacityLeavesAnUnallocatedRemainder) {
  const Allocation a = waterFill({0.9, 0.8}, {0.3, 0.4}, 2);
  EXPECT_NEAR(a.shares[0], 0.3, 1e-12);
  EXPECT_NEAR(a.shares[1], 0.4, 1e-12);
  EXPECT_NEAR(a.unallocated, 0.3, 1e-12);
}

TEST(Allocation, BetaZeroSplitsEvenly) {
  const Allocation a = waterFill({0.9, 0.1}, {kInf, kInf}, 0);
  EXPECT_NEAR(a.shares[0], 0.5, 1e-12);
  EXPECT_NEAR(a.shares[1], 0.5, 1e-12);
}

TEST(Allocation, InvalidInputsAreErrors) {
  EXPECT_THROW(waterFill({1, 2}, {1}, 2), InputError);
  EXPECT_THROW(waterFill({1}, {-1}, 2), InputError);
  EXPECT_THROW(waterFill({1}, {1}, -1), InputError);
}
