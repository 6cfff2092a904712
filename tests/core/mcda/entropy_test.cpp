// Shannon entropy weights (core/src/mcda/entropy.cpp). Published example: Xu, X. (2004)
// "A note on the subjective and objective integrated approach to determine attribute
// weights", European Journal of Operational Research 156(2):530-532:
// X = [[30,30,38,29],[19,54,86,29],[19,15,85,28.9],[68,70,60,29]] with raw values
// (value function none) -> w = [0.4630, 0.3992, 0.1378, 0.0000].
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

const Matrix kXuX = {{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}};

TEST(EntropyWeights, ReproducesXu2004) {
  const auto w = entropyWeights(kXuX);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_NEAR(w[0], 0.4630, 5e-5);
  EXPECT_NEAR(w[1], 0.3992, 5e-5);
  EXPECT_NEAR(w[2], 0.1378, 5e-5);
  EXPECT_NEAR(w[3], 0.0000, 5e-5);
  EXPECT_NEAR(w[0] + w[1] + w[2] + w[3], 1.0, 1e-12);
}

TEST(EntropyWeights, XuExampleThroughValueFunctionNone) {
  // The value function `none` hands the raw values to the entropy method unchanged.
  ValueFunction none;
  none.type = "none";
  Matrix values(4, std::vector<double>(4));
  for (size_t j = 0; j < 4; ++j) {
    std::vector<double> column;
    for (const auto& row : kXuX) column.push_back(row[j]);
    const auto v = normalise(column, none, Direction::Benefit);
    for (size_t i = 0; i < 4; ++i) values[i][j] = v[i];
  }
  const auto w = entropyWeights(values);
  EXPECT_NEAR(w[0], 0.4630, 5e-5);
  EXPECT_NEAR(w[3], 0.0000, 5e-5);
}

TEST(EntropyWeights, ConstantColumnGetsZeroWeight) {
  const auto w = entropyWeights({{1, 5}, {2, 5}, {9, 5}});
  EXPECT_GT(w[0], 0.999999);
  EXPECT_NEAR(w[1], 0.0, 1e-12);
}

TEST(EntropyWeights, NoDiversityOrSingleCandidateGivesEqualWeights) {
  const auto same = entropyWeights({{3, 5}, {3, 5}});
  EXPECT_DOUBLE_EQ(same[0], 0.5);
  EXPECT_DOUBLE_EQ(same[1], 0.5);
  const auto one = entropyWeights({{3, 5, 7}});
  EXPECT_DOUBLE_EQ(one[2], 1.0 / 3);
}

TEST(EntropyWeights, RowsWithNanAreSkipped) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Matrix x = kXuX;
  x.push_back({nan, 1000, 1, 1});
  const auto w = entropyWeights(x);
  EXPECT_NEAR(w[0], 0.4630, 5e-5);
}

TEST(EntropyWeights, NegativeValueNamesTheCriterion) {
  try {
    entropyWeights({{1, -2}, {3, 4}}, {"labour_cost", "land"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("criterion 'land' has a negative value"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(entropyWeights({}), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
