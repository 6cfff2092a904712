// Value functions (core/src/mcda/normalise.cpp). Minmax/vector: Hwang & Yoon (1981),
// Multiple Attribute Decision Making, ch. 2; linear/sigmoid/gaussian: Malczewski & Rinner
// (2015), Multicriteria Decision Analysis in GIScience, §4.3.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

ValueFunction fn(const std::string& type, std::map<std::string, double> params = {}) {
  ValueFunction f;
  f.type = type;
  f.params = std::move(params);
  return f;
}

TEST(Normalise, MinmaxBenefitMapsMinToZeroAndMaxToOne) {
  const auto v = normalise({2, 4, 6, 10}, fn("minmax"), Direction::Benefit);
  ASSERT_EQ(v.size(), 4u);
  EXPECT_DOUBLE_EQ(v[0], 0.0);
  EXPECT_DOUBLE_EQ(v[1], 0.25);
  EXPECT_DOUBLE_EQ(v[2], 0.5);
  EXPECT_DOUBLE_EQ(v[3], 1.0);
}

TEST(Normalise, MinmaxCostReversesTheScale) {
  const auto v = normalise({2, 4, 6, 10}, fn("minmax"), Direction::Cost);
  EXPECT_DOUBLE_EQ(v[0], 1.0);
  EXPECT_DOUBLE_EQ(v[1], 0.75);
  EXPECT_DOUBLE_EQ(v[3], 0.0);
}

TEST(Normalise, MinmaxZeroVarianceGivesOneForEveryNonMissingValue) {
  const auto v = normalise({3, 3, kNan, 3}, fn("minmax"), Direction::Cost);
  EXPECT_DOUBLE_EQ(v[0], 1.0);
  EXPECT_DOUBLE_EQ(v[1], 1.0);
  EXPECT_TRUE(std::isnan(v[2]));
  EXPECT_DOUBLE_EQ(v[3], 1.0);
}

TEST(Normalise, SingleCandidateGetsOne) {
  const auto v = normalise({42}, fn("minmax"), Direction::Benefit);
  EXPECT_DOUBLE_EQ(v[0], 1.0);
}

TEST(Normalise, MissingValuesStayMissingAndAreIgnoredWhenFitting) {
  const auto v = normalise({kNan, 0, 10, kNan, 5}, fn("minmax"), Direction::Benefit);
  EXPECT_TRUE(std::isnan(v[0]));
  EXPECT_DOUBLE_EQ(v[1], 0.0);
  EXPECT_DOUBLE_EQ(v[2], 1.0);
  EXPECT_TRUE(std::isnan(v[3]));
  EXPECT_DOUBLE_EQ(v[4], 0.5);
}

TEST(Normalise, AllMissingStaysMissing) {
  const auto v = normalise({kNan, kNan}, fn("minmax"), Direction::Benefit);
  EXPECT_TRUE(std::isnan(v[0]));
  EXPECT_TRUE(std::isnan(v[1]));
}

TEST(Normalise, EmptyColumnGivesEmptyResult) {
  EXPECT_TRUE(normalise({}, fn("minmax"), Direction::Benefit).empty());
}

TEST(Normalise, VectorDividesByEuclideanNorm) {
  const auto v = normalise({3, 4}, fn("vector"), Direction::Benefit);
  EXPECT_DOUBLE_EQ(v[0], 0.6);
  EXPECT_DOUBLE_EQ(v[1], 0.8);
  const auto c = normalise({3, 4}, fn("vector"), Direction::Cost);
  EXPECT_NEAR(c[0], 0.4, 1e-15);
  EXPECT_NEAR(c[1], 0.2, 1e-15);
}

TEST(Normalise, VectorAllZeroColumnGivesOne) {
  const auto v = normalise({0, 0, kNan}, fn("vector"), Direction::Benefit);
  EXPECT_DOUBLE_EQ(v[0], 1.0);
  EXPECT_DOUBLE_EQ(v[1], 1.0);
  EXPECT_TRUE(std::isnan(v[2]));
}

TEST(Normalise, NoneKeepsValuesAndReflectsCost) {
  const auto b = normalise({30, 19, 68}, fn("none"), Direction::Benefit);
  EXPECT_DOUBLE_EQ(b[0], 30);
  EXPECT_DOUBLE_EQ(b[2], 68);
  const auto c = normalise({30, 19, 68}, fn("none"), Direction::Cost);
  EXPECT_DOUBLE_EQ(c[0], 57);  // 19 + 68 - 30
  EXPECT_DOUBLE_EQ(c[1], 68);
  EXPECT_DOUBLE_EQ(c[2], 19);
}

TEST(Normalise, LinearClampsBetweenLoAndHi) {
  const auto v = normalise({0, 5, 10, 20}, fn("linear", {{"lo", 5}, {"hi", 15}}),
                           Direction::Benefit);
  EXPECT_DOUBLE_EQ(v[0], 0.0);
  EXPECT_DOUBLE_EQ(v[1], 0.0);
  EXPECT_DOUBLE_EQ(v[2], 0.5);
  EXPECT_DOUBLE_EQ(v[3], 1.0);
  const auto c = normalise({10, 20}, fn("linear", {{"lo", 5}, {"hi", 15}}), Direction::Cost);
  EXPECT_DOUBLE_EQ(c[0], 0.5);
  EXPECT_DOUBLE_EQ(c[1], 0.0);
}

TEST(Normalise, LinearRejectsEqualBoundsAndMissingParams) {
  try {
    normalise({1}, fn("linear", {{"lo", 5}, {"hi", 5}}), Direction::Benefit);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("lo and hi must differ"), std::string::npos);
  }
  try {
    normalise({1}, fn("linear", {{"lo", 5}}), Direction::Benefit);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("missing parameter 'hi'"), std::string::npos);
  }
}

TEST(Normalise, SigmoidIsHalfAtMidAndMonotone) {
  const auto v = normalise({0, 10, 20}, fn("sigmoid", {{"mid", 10}, {"steepness", 0.5}}),
                           Direction::Benefit);
  EXPECT_NEAR(v[0], 1.0 / (1.0 + std::exp(5.0)), 1e-15);
  EXPECT_DOUBLE_EQ(v[1], 0.5);
  EXPECT_GT(v[2], 0.99);
  const auto c = normalise({0, 10}, fn("sigmoid", {{"mid", 10}, {"steepness", 0.5}}),
                           Direction::Cost);
  EXPECT_GT(c[0], 0.99);
  EXPECT_DOUBLE_EQ(c[1], 0.5);
  EXPECT_THROW(normalise({1}, fn("sigmoid", {{"mid", 1}, {"steepness", 0}}), Direction::Benefit),
               InputError);
}

TEST(Normalise, GaussianPeaksAtTarget) {
  const auto v = normalise({50, 60, 40}, fn("gaussian", {{"target", 50}, {"width", 10}}),
                           Direction::Benefit);
  EXPECT_DOUBLE_EQ(v[0], 1.0);
  EXPECT_NEAR(v[1], std::exp(-0.5), 1e-15);
  EXPECT_NEAR(v[2], std::exp(-0.5), 1e-15);
  EXPECT_THROW(
      normalise({1}, fn("gaussian", {{"target", 1}, {"width", -1}}), Direction::Benefit),
      InputError);
}

TEST(Normalise, UnknownTypeIsAnErrorListingTheKnownOnes) {
  try {
    normalise({1}, fn("log"), Direction::Benefit);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown value function 'log'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("gaussian"), std::string::npos);
  }
}

}  // namespace
}  // namespace clustershift::mcda
