// CRITIC weights (core/src/mcda/critic.cpp; Diakoulaki, Mavrotas & Papayannakis 1995,
// Computers & Operations Research 22(7):763-770). Published example: Tuş, A. & Aytaç Adalı,
// E. (2019) "The new combination with CRITIC and WASPAS methods for the time and attendance
// software selection problem", Opsearch 56(2):528-538: 5 alternatives x 6 criteria
// -> w = [0.157, 0.249, 0.168, 0.121, 0.154, 0.151]. The published weights come from every
// column min-max normalised as benefit (price, a cost, enters the later WASPAS step only);
// criticWeights takes whatever normalised matrix it is given, and decide() hands it the
// direction-aware one, as Diakoulaki et al. define it.
#include <cmath>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

Matrix minmax(const Matrix& x, const std::vector<Direction>& directions) {
  Matrix out(x.size(), std::vector<double>(directions.size()));
  ValueFunction f;
  for (size_t j = 0; j < directions.size(); ++j) {
    std::vector<double> column;
    for (const auto& row : x) column.push_back(row[j]);
    const auto v = normalise(column, f, directions[j]);
    for (size_t i = 0; i < x.size(); ++i) out[i][j] = v[i];
  }
  return out;
}

TEST(CriticWeights, ReproducesTusAytacAdali2019) {
  const Matrix x = {{5000, 3, 3, 4, 3, 2},
                    {680, 5, 3, 2, 2, 1},
                    {2000, 3, 2, 3, 4, 3},
                    {600, 4, 3, 1, 2, 2},
                    {800, 2, 4, 3, 3, 4}};
  const auto w = criticWeights(minmax(x, std::vector<Direction>(6, Direction::Benefit)));
  const double expected[6] = {0.157, 0.249, 0.168, 0.121, 0.154, 0.151};
  ASSERT_EQ(w.size(), 6u);
  for (size_t j = 0; j < 6; ++j) EXPECT_NEAR(w[j], expected[j], 5e-4) << "criterion " << j;
}

TEST(CriticWeights, CostDirectionFlipsCorrelationsNotSpread) {
  // Diakoulaki et al. normalise towards the ideal, so a cost column is mirrored: its sigma is
  // unchanged but its correlations change sign, which moves the weights.
  const Matrix x = {{5000, 3, 3}, {680, 5, 3}, {2000, 3, 2}, {600, 4, 3}, {800, 2, 4}};
  const auto benefit = criticWeights(minmax(x, std::vector<Direction>(3, Direction::Benefit)));
  const auto cost = criticWeights(
      minmax(x, {Direction::Cost, Direction::Benefit, Direction::Benefit}));
  EXPECT_GT(std::fabs(benefit[0] - cost[0]), 1e-3);
  EXPECT_NEAR(cost[0] + cost[1] + cost[2], 1.0, 1e-12);
}

TEST(CriticWeights, ConstantColumnGetsZeroAndDoesNotPoisonOthers) {
  const auto w = criticWeights({{0, 1, 0.5}, {1, 1, 0.0}, {0.5, 1, 1.0}});
  EXPECT_DOUBLE_EQ(w[1], 0.0);
  EXPECT_NEAR(w[0] + w[2], 1.0, 1e-12);
  EXPECT_FALSE(std::isnan(w[0]));
}

TEST(CriticWeights, PerfectlyCorrelatedCriteriaShareLessThanAnIndependentOne) {
  // Columns 0 and 1 identical (r = 1): their conflict with each other is 0.
  const auto w = criticWeights({{0, 0, 1}, {0.5, 0.5, 0}, {1, 1, 0.5}});
  EXPECT_NEAR(w[0], w[1], 1e-12);
  EXPECT_GT(w[2], w[0]);
}

TEST(CriticWeights, DegenerateInputsGiveEqualWeights) {
  const auto one = criticWeights({{0.2, 0.9}});
  EXPECT_DOUBLE_EQ(one[0], 0.5);
  const auto flat = criticWeights({{1, 1}, {1, 1}});
  EXPECT_DOUBLE_EQ(flat[1], 0.5);
  EXPECT_THROW(criticWeights({}), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
