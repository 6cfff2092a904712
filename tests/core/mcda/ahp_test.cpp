// AHP weights (core/src/mcda/ahp.cpp). Published example: Saaty, T.L. (1990) "How to make a
// decision: the analytic hierarchy process", European Journal of Operational Research
// 48(1):9-26, Table 2 (criteria for buying a house): priorities
// [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], lambda_max = 9.669,
// CI = 0.238, CR = 0.169. RI table: Saaty (1980), The Analytic Hierarchy Process.
#include <cmath>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

const std::vector<std::string> kHouseCriteria = {"size", "transport", "neighbourhood", "age",
                                                 "yard", "facilities", "condition", "finance"};
const Matrix kHouse = {
    {1, 5, 3, 7, 6, 6, 1.0 / 3, 1.0 / 4},
    {1.0 / 5, 1, 1.0 / 3, 5, 3, 3, 1.0 / 5, 1.0 / 7},
    {1.0 / 3, 3, 1, 6, 3, 4, 6, 1.0 / 5},
    {1.0 / 7, 1.0 / 5, 1.0 / 6, 1, 1.0 / 3, 1.0 / 4, 1.0 / 7, 1.0 / 8},
    {1.0 / 6, 1.0 / 3, 1.0 / 3, 3, 1, 1.0 / 2, 1.0 / 5, 1.0 / 6},
    {1.0 / 6, 1.0 / 3, 1.0 / 4, 4, 2, 1, 1.0 / 5, 1.0 / 6},
    {3, 5, 1.0 / 6, 7, 5, 5, 1, 1.0 / 2},
    {4, 7, 5, 8, 6, 6, 2, 1}};

TEST(AhpWeights, ReproducesSaaty1990HouseExample) {
  const AhpResult r = ahpWeights(kHouse, kHouseCriteria);
  const double expected[8] = {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333};
  ASSERT_EQ(r.weights.size(), 8u);
  for (size_t j = 0; j < 8; ++j) EXPECT_NEAR(r.weights[j], expected[j], 1.5e-3) << kHouseCriteria[j];
  EXPECT_NEAR(r.lambdaMax, 9.669, 5e-3);
  EXPECT_NEAR(r.ci, 0.238, 1e-3);
  EXPECT_NEAR(r.cr, 0.169, 1e-3);
  EXPECT_DOUBLE_EQ(r.ri, 1.41);
  EXPECT_FALSE(r.consistent);
}

TEST(AhpWeights, HintLowersTheConsistencyRatio) {
  const AhpResult r = ahpWeights(kHouse, kHouseCriteria);
  ASSERT_GE(r.hint.row, 0);
  EXPECT_LT(r.hint.row, r.hint.column);
  EXPECT_LT(r.hint.crAfter, r.cr);
  EXPECT_NE(r.hint.text.find("changing cell ("), std::string::npos) << r.hint.text;
  // Applying the hint really gives crAfter.
  Matrix fixed = kHouse;
  const auto i = static_cast<size_t>(r.hint.row), j = static_cast<size_t>(r.hint.column);
  fixed[i][j] = r.hint.suggested;
  fixed[j][i] = 1.0 / r.hint.suggested;
  EXPECT_NEAR(ahpWeights(fixed, kHouseCriteria).cr, r.hint.crAfter, 1e-12);
}

TEST(AhpWeights, HintFindsTheOneCorruptedJudgement) {
  // Consistent from w = (8, 4, 2, 1), then cell (a, d) flipped from 8 to 1/8.
  Matrix a = {{1, 2, 4, 8}, {0.5, 1, 2, 4}, {0.25, 0.5, 1, 2}, {0.125, 0.25, 0.5, 1}};
  const std::vector<std::string> names = {"a", "b", "c", "d"};
  const AhpResult clean = ahpWeights(a, names);
  EXPECT_NEAR(clean.lambdaMax, 4.0, 1e-9);
  EXPECT_NEAR(clean.cr, 0.0, 1e-9);
  EXPECT_NEAR(clean.weights[0], 8.0 / 15, 1e-9);
  EXPECT_NEAR(clean.weights[3], 1.0 / 15, 1e-9);
  EXPECT_TRUE(clean.consistent);
  a[0][3] = 0.125;
  a[3][0] = 8;
  const AhpResult r = ahpWeights(a, names);
  EXPECT_GT(r.cr, 0.10);
  EXPECT_EQ(r.hint.row, 0);
  EXPECT_EQ(r.hint.column, 3);
  EXPECT_DOUBLE_EQ(r.hint.suggested, 8.0);
  EXPECT_NEAR(r.hint.crAfter, 0.0, 1e-9);
  EXPECT_EQ(r.hint.text.substr(0, 37), "changing cell (a, d) from 1/8 to 8 wo");
}

TEST(AhpWeights, ReciprocalErrorNamesTheCell) {
  const Matrix a = {{1, 3, 5}, {0.5, 1, 2}, {0.2, 0.5, 1}};
  try {
    ahpWeights(a, {"labour_cost", "land", "distance_source"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "AHP matrix: cell (land, labour_cost) = 0.5 is not the reciprocal of cell "
                 "(labour_cost, land) = 3 (expected 1/3)");
  }
}

TEST(AhpWeights, RoundedReciprocalsAreAccepted) {
  const AhpResult r = ahpWeights({{1, 3}, {0.333, 1}}, {"a", "b"});
  EXPECT_NEAR(r.weights[0], 0.75, 1e-12);
  EXPECT_DOUBLE_EQ(r.cr, 0.0);
}

TEST(AhpWeights, InvalidMatricesAreErrors) {
  EXPECT_THROW(ahpWeights({{1, 0}, {0, 1}}, {"a", "b"}), InputError);
  EXPECT_THROW(ahpWeights({{2, 1}, {1, 1}}, {"a", "b"}), InputError);
  EXPECT_THROW(ahpWeights({{1, 1}}, {"a", "b"}), InputError);
  EXPECT_THROW(ahpWeights({{1, 1, 1}, {1, 1}}, {"a", "b"}), InputError);
}

TEST(AhpWeights, SingleCriterionHasWeightOne) {
  const AhpResult r = ahpWeights({{1}}, {"a"});
  EXPECT_DOUBLE_EQ(r.weights[0], 1.0);
  EXPECT_DOUBLE_EQ(r.cr, 0.0);
}

TEST(SaatyRandomIndex, TableForOneToFifteen) {
  const double ri[15] = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                         1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  for (int n = 1; n <= 15; ++n) EXPECT_DOUBLE_EQ(saatyRandomIndex(n), ri[n - 1]) << n;
  EXPECT_THROW(saatyRandomIndex(0), InputError);
  EXPECT_THROW(saatyRandomIndex(16), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
