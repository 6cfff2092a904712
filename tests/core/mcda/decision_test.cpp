// The decision engine in one call (core/src/mcda/decision.cpp): constraints, missing values,
// weighting methods, aggregation, degenerate inputs.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

std::vector<CriterionSetup> setups(const std::vector<std::string>& ids,
                                   const std::vector<double>& weights) {
  std::vector<CriterionSetup> out;
  for (size_t j = 0; j < ids.size(); ++j) {
    CriterionSetup s;
    s.id = ids[j];
    s.weight = weights[j];
    out.push_back(s);
  }
  return out;
}

Weighting method(const std::string& name) {
  Weighting w;
  w.method = name;
  return w;
}

bool hasWarning(const Feedback& feedback, const std::string& text) {
  for (const auto& p : feedback.warnings()) {
    if (p.text().find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(Decide, DirectWlcScoresRanksAndContributions) {
  auto s = setups({"labour_cost", "distance_source"}, {3, 1});
  s[1].direction = Direction::Cost;
  Feedback feedback;
  const Matrix raw = {{1.2, 100}, {0.8, 50}, {1.0, 300}};
  const Decision d = decide(raw, s, method("direct"), "wlc", Uncertainty{}, feedback);
  ASSERT_EQ(d.weights.size(), 2u);
  EXPECT_DOUBLE_EQ(d.weights[0], 0.75);
  // normalised: labour (1, 0, 0.5); distance cost (0.8, 1, 0)
  EXPECT_NEAR(d.scores[0], 0.75 * 1 + 0.25 * 0.8, 1e-12);
  EXPECT_NEAR(d.scores[1], 0.25, 1e-12);
  EXPECT_NEAR(d.scores[2], 0.375, 1e-12);
  EXPECT_EQ(d.ranks, (std::vector<int>{1, 3, 2}));
  EXPECT_NEAR(d.contributions[0][1], 0.2, 1e-12);
  EXPECT_EQ(d.status, (std::vector<std::string>{"ok", "ok", "ok"}));
  EXPECT_TRUE(d.robustness.pTop1.empty());
  EXPECT_EQ(d.explanations[1].better, 2);
  EXPECT_EQ(d.explanations[1].first, 0);
}

TEST(Decide, HardConstraintsExcludeWithReasonAndDoNotShiftTheFit) {
  auto s = setups({"land", "labour_cost"}, {1, 1});
  s[0].min = 1.0;
  s[1].max = 2.0;
  Feedback feedback;
  const Matrix raw = {{0.5, 1.0}, {2.0, 1.5}, {3.0, 1.2}, {4.0, 9.0}};
  const Decision d = decide(raw, s, method("direct"), "wlc", Uncertainty{}, feedback);
  EXPECT_EQ(d.status, (std::vector<std::string>{"excluded", "ok", "ok", "excluded"}));
  EXPECT_EQ(d.reason[0], "land: 0.5 < min 1");
  EXPECT_EQ(d.reason[3], "labour_cost: 9 > max 2");
  EXPECT_TRUE(std::isnan(d.scores[0]));
  EXPECT_EQ(d.ranks[0], 0);
  EXPECT_EQ(d.ranks[3], 0);
  // Fitted on rows 1-2 only: land 2 -> 0, 3 -> 1; labour 1.5 -> 1, 1.2 -> 0.
  EXPECT_DOUBLE_EQ(d.normalised[1][0], 0.0);
  EXPECT_DOUBLE_EQ(d.normalised[2][0], 1.0);
  EXPECT_DOUBLE_EQ(d.normalised[1][1], 1.0);
  EXPECT_TRUE(std::isnan(d.normalised[0][0]));
}

TEST(Decide, CallerExclusionsAreKeptWithTheirReason) {
  Feedback feedback;
  const Decision d = decide({{1}, {2}}, setups({"a"}, {1}), method("direct"), "wlc",
                            Uncertainty{}, feedback, "exclude",
                            {"inside sensitive zone 'Wetland A'", ""});
  EXPECT_EQ(d.status[0], "excluded");
  EXPECT_EQ(d.reason[0], "inside sensitive zone 'Wetland A'");
  EXPECT_EQ(d.ranks[1], 1);
  EXPECT_DOUBLE_EQ(d.scores[1], 1.0);  // single remaining candidate: zero variance -> 1
}

TEST(Decide, MissingValuePolicies) {
  const Matrix raw = {{kNan, 1.0}, {2.0, 0.0}, {4.0, 0.5}, {6.0, 1.0}};
  const auto s = setups({"wage_ratio", "land"}, {1, 1});
  {
    Feedback feedback;
    const Decision d = decide(raw, s, method("direct"), "wlc", Uncertainty{}, feedback);
    EXPECT_EQ(d.status[0], "excluded");
    EXPECT_EQ(d.reason[0], "wage_ratio: missing value");
  }
  {
    Feedback feedback;
    const Decision d =
        decide(raw, s, method("direct"), "wlc", Uncertainty{}, feedback, "worst");
    EXPECT_EQ(d.status[0], "ok");
    EXPECT_DOUBLE_EQ(d.normalised[0][0], 0.0);
    EXPECT_TRUE(hasWarning(feedback, "1 missing value(s) replaced by the worst normalised value"));
  }
  {
    Feedback feedback;
    const Decision d = decide(raw, s, method("direct"), "wlc", Uncertainty{}, feedback, "mean");
    EXPECT_DOUBLE_EQ(d.normalised[0][0], 0.5);  // mean 4 of (2, 4, 6)
    EXPECT_TRUE(hasWarning(feedback, "mean raw value"));
  }
  Feedback feedback;
  EXPECT_THROW(decide(raw, s, method("direct"), "wlc", Uncertainty{}, feedback, "zero"),
               InputError);
}

TEST(Decide, AllExcludedGivesNoRanksAndAWarning) {
  auto s = setups({"land"}, {1});
  s[0].min = 10;
  Feedback feedback;
  Uncertainty u;
  u.draws = 100;
  const Decision d = decide({{1}, {2}}, s, method("entropy"), "topsis", u, feedback);
  EXPECT_EQ(d.ranks, (std::vector<int>{0, 0}));
  EXPECT_TRUE(std::isnan(d.scores[0]));
  EXPECT_DOUBLE_EQ(d.weights[0], 1.0);
  EXPECT_TRUE(std::isnan(d.robustness.pTop1[0]));
  EXPECT_TRUE(hasWarning(feedback, "all 2 candidates are excluded"));
}

TEST(Decide, NoCandidatesAtAll) {
  Feedback feedback;
  const Decision d = decide({}, setups({"a", "b"}, {1, 1}), method("direct"), "wpm",
                            Uncertainty{}, feedback);
  EXPECT_TRUE(d.scores.empty());
  EXPECT_EQ(d.weights.size(), 2u);
}

TEST(Decide, EntropyWithValueFunctionNoneReproducesXu2004) {
  // Xu (2004) EJOR 156(2):530-532 -> w = [0.4630, 0.3992, 0.1378, 0.0000].
  const Matrix x = {{30, 30, 38, 29}, {19, 54, 86, 29}, {19, 15, 85, 28.9}, {68, 70, 60, 29}};
  auto s = setups({"c1", "c2", "c3", "c4"}, {1, 1, 1, 1});
  for (auto& c : s) c.valueFunction.type = "none";
  Feedback feedback;
  const Decision d = decide(x, s, method("entropy"), "wlc", Uncertainty{}, feedback);
  EXPECT_NEAR(d.weights[0], 0.4630, 5e-5);
  EXPECT_NEAR(d.weights[1], 0.3992, 5e-5);
  EXPECT_NEAR(d.weights[2], 0.1378, 5e-5);
  EXPECT_NEAR(d.weights[3], 0.0000, 5e-5);
}

TEST(Decide, TopsisWithVectorValueFunctionReproducesPapathanasiouPloskas2018) {
  const Matrix x = {{8, 7, 2, 1}, {5, 3, 7, 5}, {7, 5, 6, 4},
                    {9, 9, 7, 3}, {11, 10, 3, 7}, {6, 9, 5, 4}};
  auto s = setups({"c1", "c2", "c3", "c4"}, {0.4, 0.3, 0.1, 0.2});
  for (auto& c : s) c.valueFunction.type = "vector";
  Feedback feedback;
  const Decision d = decide(x, s, method("direct"), "topsis", Uncertainty{}, feedback);
  const double expected[6] = {0.387, 0.327, 0.391, 0.615, 0.868, 0.493};
  for (size_t i = 0; i < 6; ++i) EXPECT_NEAR(d.scores[i], expected[i], 5e-4);
}

TEST(Decide, AhpWeightsInfoAndInconsistencyWarning) {
  Weighting w = method("ahp");
  w.matrix = {{1, 2, 4, 8}, {0.5, 1, 2, 4}, {0.25, 0.5, 1, 2}, {0.125, 0.25, 0.5, 1}};
  Feedback feedback;
  const Matrix raw = {{1, 2, 3, 4}, {4, 3, 2, 1}};
  const auto s = setups({"a", "b", "c", "d"}, {1, 1, 1, 1});
  const Decision d = decide(raw, s, w, "wlc", Uncertainty{}, feedback);
  EXPECT_NEAR(d.weights[0], 8.0 / 15, 1e-9);
  EXPECT_NEAR(d.weightingInfo.at("lambda_max"), 4.0, 1e-9);
  EXPECT_NEAR(d.weightingInfo.at("cr"), 0.0, 1e-9);
  EXPECT_TRUE(feedback.warnings().empty());
  w.matrix[0][3] = 0.125;
  w.matrix[3][0] = 8;
  Feedback inconsistent;
  const Decision bad = decide(raw, s, w, "wlc", Uncertainty{}, inconsistent);
  EXPECT_GT(bad.weightingInfo.at("cr"), 0.10);
  EXPECT_NE(bad.weightingHint.find("changing cell (a, d) from 1/8 to 8"), std::string::npos);
  EXPECT_TRUE(hasWarning(inconsistent, "AHP consistency ratio"));
  Weighting missingMatrix = method("ahp");
  EXPECT_THROW(decide(raw, s, missingMatrix, "wlc", Uncertainty{}, feedback), InputError);
}

TEST(Decide, BlendAndCritic) {
  const Matrix raw = {{1, 5, 2}, {2, 3, 2.5}, {3, 4, 1}, {4, 1, 3}};
  const auto s = setups({"a", "b", "c"}, {1, 1, 2});
  Feedback feedback;
  const Decision critic = decide(raw, s, method("critic"), "wlc", Uncertainty{}, feedback);
  Weighting blend = method("blend");
  blend.alpha = 0.5;
  blend.objective = "critic";
  const Decision mixed = decide(raw, s, blend, "wlc", Uncertainty{}, feedback);
  const std::vector<double> direct = {0.25, 0.25, 0.5};
  for (size_t j = 0; j < 3; ++j) {
    EXPECT_NEAR(mixed.weights[j], 0.5 * direct[j] + 0.5 * critic.weights[j], 1e-12);
  }
  blend.objective = "variance";
  EXPECT_THROW(decide(raw, s, blend, "wlc", Uncertainty{}, feedback), InputError);
}

TEST(Decide, RobustnessIsAttachedWhenDrawsAreAsked) {
  Uncertainty u;
  u.draws = 200;
  u.k = 1;
  Feedback feedback;
  const Decision d = decide({{1, 1}, {0, 0}, {0.5, 0.6}}, setups({"a", "b"}, {1, 1}),
                            method("direct"), "wpm", u, feedback);
  ASSERT_EQ(d.robustness.pTop1.size(), 3u);
  EXPECT_DOUBLE_EQ(d.robustness.pTop1[0], 1.0);
  EXPECT_DOUBLE_EQ(d.robustness.pTopK[0], 1.0);
  EXPECT_EQ(d.robustness.draws, 200);
}

TEST(Decide, UnknownMethodsAreErrors) {
  Feedback feedback;
  const auto s = setups({"a"}, {1});
  EXPECT_THROW(decide({{1}}, s, method("direct"), "electre", Uncertainty{}, feedback), InputError);
  EXPECT_THROW(decide({{1}}, s, method("dematel"), "wlc", Uncertainty{}, feedback), InputError);
  EXPECT_THROW(decide({{1}}, {}, method("direct"), "wlc", Uncertainty{}, feedback), InputError);
  EXPECT_THROW(decide({{1, 2}}, s, method("direct"), "wlc", Uncertainty{}, feedback), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
