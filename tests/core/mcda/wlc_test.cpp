// Weighted linear combination (core/src/mcda/wlc.cpp; Malczewski 1999, §6.2) and the
// aggregate() dispatcher (core/src/mcda/aggregate.cpp).
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

TEST(Wlc, WeightedSumOfNormalisedValues) {
  const Matrix m = {{1.0, 0.0}, {0.5, 0.5}, {0.0, 1.0}};
  const auto s = aggregate("wlc", m, {0.7, 0.3});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_DOUBLE_EQ(s[0], 0.7);
  EXPECT_DOUBLE_EQ(s[1], 0.5);
  EXPECT_DOUBLE_EQ(s[2], 0.3);
  EXPECT_EQ(rankDescending(s), (std::vector<int>{1, 2, 3}));
}

TEST(Wlc, RowWithNanGetsNan) {
  const auto s = aggregate("wlc", {{1.0, kNan}, {0.2, 0.4}}, {0.5, 0.5});
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_DOUBLE_EQ(s[1], 0.3);
}

TEST(Wlc, ShapeMismatchIsAnError) {
  try {
    aggregate("wlc", {{1.0, 0.0, 0.5}}, {0.5, 0.5});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "wlc: row 0 has 3 values for 2 weights");
  }
}

TEST(Aggregate, UnknownMethodIsAnError) {
  try {
    aggregate("electre", {{1.0}}, {1.0});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "aggregation: unknown method 'electre' (known: wlc, wpm, topsis)");
  }
}

TEST(Aggregate, NoCandidatesGivesNoScores) {
  EXPECT_TRUE(aggregate("wlc", {}, {1.0}).empty());
  EXPECT_TRUE(aggregate("wpm", {}, {1.0}).empty());
  EXPECT_TRUE(aggregate("topsis", {}, {1.0}).empty());
}

}  // namespace
}  // namespace clustershift::mcda
