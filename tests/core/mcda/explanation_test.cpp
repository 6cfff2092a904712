// Contributions and explanations (core/src/mcda/explanation.cpp).
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

TEST(Contributions, SumToTheWlcScore) {
  const Matrix m = {{0.2, 0.8, 0.5}, {1.0, 0.0, 0.25}};
  const std::vector<double> w = {0.5, 0.3, 0.2};
  const auto c = contributions(m, w);
  const auto s = aggregate("wlc", m, w);
  for (size_t i = 0; i < 2; ++i) EXPECT_NEAR(c[i][0] + c[i][1] + c[i][2], s[i], 1e-15);
  EXPECT_DOUBLE_EQ(c[1][0], 0.5);
}

TEST(Explain, NamesTheTwoCriteriaThatSeparateAParkFromTheNextBetterOne) {
  const Matrix m = {{0.9, 0.9, 0.9, 0.9},   // rank 1
                    {0.8, 0.2, 0.9, 0.1},   // rank 2
                    {0.1, 0.3, 0.95, 0.0}}; // rank 3
  const std::vector<double> w = {0.4, 0.2, 0.2, 0.2};
  const auto s = aggregate("wlc", m, w);
  ASSERT_EQ(rankDescending(s), (std::vector<int>{1, 2, 3}));
  const auto e = explain(m, w, s);
  EXPECT_EQ(e[0].better, -1);
  EXPECT_EQ(e[1].better, 0);
  EXPECT_EQ(e[1].first, 3);  // gaps: 0.04, 0.14, 0.0, 0.16 -> criterion 3 then 1
  EXPECT_EQ(e[1].second, 1);
  EXPECT_EQ(e[2].better, 1);
  EXPECT_EQ(e[2].first, 0);   // 0.4 * 0.7 = 0.28
  EXPECT_EQ(e[2].second, 3);  // 0.2 * 0.1 = 0.02 (criterion 1 is behind, 2 is ahead)
  EXPECT_NEAR(e[2].firstGap, 0.28, 1e-12);
  EXPECT_NEAR(e[2].secondGap, 0.02, 1e-12);
  EXPECT_EQ(explanationText(e[2], {"labour_cost", "land", "distance_source", "policy_level"},
                            {"P1", "P2", "P3"}),
            "behind P2 mainly on labour_cost (-0.280) and policy_level (-0.020)");
  EXPECT_EQ(explanationText(e[0], {}, {}), "");
}

TEST(Explain, TiesPointAboveTheirGroupAndNanIsSkipped) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Matrix m = {{0.5, 0.5}, {1.0, 0.0}, {0.0, 1.0}, {nan, nan}, {0.0, 0.0}};
  const std::vector<double> w = {0.5, 0.5};
  const auto s = aggregate("wlc", m, w);  // 0.5, 0.5, 0.5, NaN, 0
  const auto e = explain(m, w, s);
  EXPECT_EQ(e[0].better, -1);
  EXPECT_EQ(e[1].better, -1);
  EXPECT_EQ(e[2].better, -1);
  EXPECT_EQ(e[3].better, -1);
  EXPECT_EQ(e[4].better, 0);  // first in input order of the tie group above
  EXPECT_EQ(e[4].first, 0);   // both gaps 0.25: the first criterion wins the tie
  EXPECT_EQ(e[4].second, 1);
}

}  // namespace
}  // namespace clustershift::mcda
