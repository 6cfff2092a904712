// TOPSIS (core/src/mcda/topsis.cpp). Published example: Papathanasiou, J. & Ploskas, N.
// (2018) Multiple Criteria Decision Aid: Methods, Examples and Python Implementations,
// Springer Optimization and Its Applications 136, ch. 1 "TOPSIS", numerical example:
// 6 alternatives x 4 benefit criteria, w = [0.4, 0.3, 0.1, 0.2]
// -> C = [0.387, 0.327, 0.391, 0.615, 0.868, 0.493].
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

const Matrix kPapathanasiouX = {{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4},
                                {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}};
const std::vector<double> kPapathanasiouW = {0.4, 0.3, 0.1, 0.2};
const std::vector<double> kPapathanasiouC = {0.387, 0.327, 0.391, 0.615, 0.868, 0.493};

TEST(Topsis, ReproducesPapathanasiouPloskas2018) {
  const std::vector<Direction> benefit(4, Direction::Benefit);
  const auto c = topsis(kPapathanasiouX, kPapathanasiouW, benefit);
  ASSERT_EQ(c.size(), 6u);
  for (size_t i = 0; i < 6; ++i) EXPECT_NEAR(c[i], kPapathanasiouC[i], 5e-4) << "row " << i;
  EXPECT_EQ(rankDescending(c), (std::vector<int>{5, 6, 4, 2, 1, 3}));
}

TEST(Topsis, AggregateOnVectorNormalisedMatrixGivesTheSameCloseness) {
  Matrix normalisedMatrix(6, std::vector<double>(4));
  ValueFunction vector;
  vector.type = "vector";
  for (size_t j = 0; j < 4; ++j) {
    std::vector<double> column;
    for (const auto& row : kPapathanasiouX) column.push_back(row[j]);
    const auto r = normalise(column, vector, Direction::Benefit);
    for (size_t i = 0; i < 6; ++i) normalisedMatrix[i][j] = r[i];
  }
  const auto c = aggregate("topsis", normalisedMatrix, kPapathanasiouW);
  for (size_t i = 0; i < 6; ++i) EXPECT_NEAR(c[i], kPapathanasiouC[i], 5e-4) << "row " << i;
}

TEST(Topsis, CostCriterionSwapsIdealAndAntiIdeal) {
  // Classical TOPSIS with a cost column equals TOPSIS on the negated-order column:
  // here making criterion 4 a cost must lower alternative 5 (largest x4 = 7).
  std::vector<Direction> dirs(4, Direction::Benefit);
  dirs[3] = Direction::Cost;
  const auto c = topsis(kPapathanasiouX, kPapathanasiouW, dirs);
  const auto b = topsis(kPapathanasiouX, kPapathanasiouW, std::vector<Direction>(4));
  EXPECT_LT(c[4], b[4]);
  EXPECT_GT(c[0], b[0]);  // alternative 1 has the smallest x4 = 1
  // Hand check for the cost column: r = x / ||x||, ideal = min r, anti-ideal = max r.
  double norms[4] = {0, 0, 0, 0};
  for (const auto& row : kPapathanasiouX)
    for (size_t j = 0; j < 4; ++j) norms[j] += row[j] * row[j];
  for (double& n : norms) n = std::sqrt(n);
  double plus = 0, minus = 0;
  for (size_t j = 0; j < 4; ++j) {
    double best = j == 3 ? 1e9 : -1e9, worst = j == 3 ? -1e9 : 1e9;
    for (const auto& row : kPapathanasiouX) {
      const double v = kPapathanasiouW[j] * row[j] / norms[j];
      if (j == 3) {
        best = std::min(best, v);
        worst = std::max(worst, v);
      } else {
        best = std::max(best, v);
        worst = std::min(worst, v);
      }
    }
    const double v0 = kPapathanasiouW[j] * kPapathanasiouX[0][j] / norms[j];
    plus += (v0 - best) * (v0 - best);
    minus += (v0 - worst) * (v0 - worst);
  }
  EXPECT_NEAR(c[0], std::sqrt(minus) / (std::sqrt(plus) + std::sqrt(minus)), 1e-12);
}

TEST(Topsis, SingleCandidateAndIdenticalRowsGetOne) {
  const auto one = topsis({{3, 4}}, {0.5, 0.5}, {Direction::Benefit, Direction::Cost});
  EXPECT_DOUBLE_EQ(one[0], 1.0);
  const auto same = aggregate("topsis", {{0.2, 0.4}, {0.2, 0.4}}, {0.5, 0.5});
  EXPECT_DOUBLE_EQ(same[0], 1.0);
  EXPECT_DOUBLE_EQ(same[1], 1.0);
}

TEST(Topsis, RowsWithNanAreLeftOut) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto c = aggregate("topsis", {{1.0, 0.0}, {nan, 5.0}, {0.0, 1.0}}, {0.5, 0.5});
  EXPECT_TRUE(std::isnan(c[1]));
  EXPECT_DOUBLE_EQ(c[0], 0.5);  // ideal (0.5,0.5), anti-ideal (0,0): equidistant
  EXPECT_DOUBLE_EQ(c[2], 0.5);
}

TEST(Topsis, DirectionCountMustMatch) {
  EXPECT_THROW(topsis({{1, 2}}, {0.5, 0.5}, {Direction::Benefit}), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
