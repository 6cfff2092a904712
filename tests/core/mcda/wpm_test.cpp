// Weighted product model (core/src/mcda/wpm.cpp). Example after Triantaphyllou (2000),
// Multi-Criteria Decision Making Methods: A Comparative Study, Springer, §2.2.2: WPM ratios
// R(A1/A2) = prod (a1j/a2j)^wj. Three alternatives, four criteria, w = [0.20,0.15,0.40,0.25],
// A1 = (25,20,15,30), A2 = (10,30,20,30), A3 = (30,10,30,10):
// R(A1/A2) = 1.007 > 1, R(A1/A3) = 1.067 > 1, R(A2/A3) = 1.059 > 1 -> A1 > A2 > A3.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

TEST(Wpm, ReproducesTriantaphyllou2000Ratios) {
  const Matrix a = {{25, 20, 15, 30}, {10, 30, 20, 30}, {30, 10, 30, 10}};
  const std::vector<double> w = {0.20, 0.15, 0.40, 0.25};
  const auto s = aggregate("wpm", a, w);
  EXPECT_NEAR(s[0] / s[1], 1.007, 5e-4);
  EXPECT_NEAR(s[0] / s[2], 1.067, 5e-4);
  EXPECT_NEAR(s[1] / s[2], 1.059, 5e-4);
  EXPECT_EQ(rankDescending(s), (std::vector<int>{1, 2, 3}));
}

TEST(Wpm, ZeroValueGivesZeroUnlessItsWeightIsZero) {
  const auto s = aggregate("wpm", {{0.0, 0.5}, {0.5, 0.5}}, {0.5, 0.5});
  EXPECT_DOUBLE_EQ(s[0], 0.0);
  EXPECT_DOUBLE_EQ(s[1], 0.5);
  const auto z = aggregate("wpm", {{0.0, 0.25}}, {0.0, 1.0});
  EXPECT_DOUBLE_EQ(z[0], 0.25);
}

TEST(Wpm, NanRowGetsNanAndNegativeValueIsAnError) {
  const auto s = aggregate("wpm", {{std::nan(""), 0.5}}, {0.5, 0.5});
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_THROW(aggregate("wpm", {{-0.1, 0.5}}, {0.5, 0.5}), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
