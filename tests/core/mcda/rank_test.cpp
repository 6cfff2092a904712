// Competition ranking (core/src/mcda/rank.cpp).
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

TEST(RankDescending, TiesShareTheBetterRank) {
  EXPECT_EQ(rankDescending({0.9, 0.5, 0.5, 0.1}), (std::vector<int>{1, 2, 2, 4}));
  EXPECT_EQ(rankDescending({0.1, 0.5, 0.9, 0.5}), (std::vector<int>{4, 2, 1, 2}));
}

TEST(RankDescending, NanGetsZeroAndIsNotCounted) {
  EXPECT_EQ(rankDescending({kNan, 0.2, 0.7, kNan}), (std::vector<int>{0, 2, 1, 0}));
  EXPECT_EQ(rankDescending({kNan, kNan}), (std::vector<int>{0, 0}));
}

TEST(RankDescending, RoundingNoiseCountsAsATie) {
  EXPECT_EQ(rankDescending({0.3, 0.1 + 0.2}), (std::vector<int>{1, 1}));
}

TEST(RankDescending, EmptyAndSingle) {
  EXPECT_TRUE(rankDescending({}).empty());
  EXPECT_EQ(rankDescending({5}), (std::vector<int>{1}));
}

}  // namespace
}  // namespace clustershift::mcda
