// Nearest-rank quantiles (core/src/util/quantile.cpp).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "clustershift/util.h"

namespace clustershift::util {
namespace {

TEST(NearestRank, IndexIsCeilingOfQTimesCountMinusOne) {
  // Hyndman & Fan (1996) definition 1: the 5th percentile of 200 values is the 10th smallest,
  // the 95th the 190th; of 20 values the 1st and the 19th.
  EXPECT_EQ(nearestRankIndex(0.05, 200), 9u);
  EXPECT_EQ(nearestRankIndex(0.95, 200), 189u);
  EXPECT_EQ(nearestRankIndex(0.05, 20), 0u);
  EXPECT_EQ(nearestRankIndex(0.95, 20), 18u);
  EXPECT_EQ(nearestRankIndex(0.0, 7), 0u);
  EXPECT_EQ(nearestRankIndex(1.0, 7), 6u);
}

TEST(NearestRank, QuantileOfUnsortedValues) {
  // 15, 20, 35, 40, 50: the nearest-rank 30th percentile is 20, the 40th 20, the 50th 35,
  // the 100th 50 (the worked example of the nearest-rank method in Wikipedia, "Percentile").
  const std::vector<double> values{40, 15, 50, 35, 20};
  for (const auto& [q, expected] :
       std::vector<std::pair<double, double>>{{0.3, 20}, {0.4, 20}, {0.5, 35}, {1.0, 50}}) {
    std::vector<double> v = values;
    EXPECT_EQ(nearestRankQuantile(v, q), expected) << q;
  }
  std::vector<double> none;
  EXPECT_TRUE(std::isnan(nearestRankQuantile(none, 0.5)));
}

}  // namespace
}  // namespace clustershift::util
