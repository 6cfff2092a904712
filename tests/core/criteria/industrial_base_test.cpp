// industrial_base criterion (core/src/criteria/industrial_base.cpp) through the registry.
#include <cmath>

#include "economic_fixture.h"

using clustershift::test::EconomicFixture;

TEST(IndustrialBase, LocationQuotientOfClusterIndustryInHostRegion) {
  EconomicFixture f;
  f.scenario.cluster.industry = "I1";
  // LQ_r,I1 = (x_r,I1 / x_r.) / (120 / 500): R1 0.5/0.24, R2 0.1/0.24, R3 0.2/0.24, R4 0.2/0.24
  const auto raw = f.run("industrial_base");
  EXPECT_NEAR(raw[0], 2.0833333333, 1e-9);
  EXPECT_NEAR(raw[1], 0.4166666667, 1e-9);
  EXPECT_NEAR(raw[2], 0.8333333333, 1e-9);
  EXPECT_NEAR(raw[3], 0.8333333333, 1e-9);
}

TEST(IndustrialBase, EmptyCellGivesMissingWithWarning) {
  EconomicFixture f;
  f.inputs.industryOutput->values[1][2] = clustershift::kNaN;  // R2, I3
  const auto raw = f.run("industrial_base");
  EXPECT_TRUE(std::isnan(raw[1]));
  // Totals without the cell: R1 100, I3 50, all 460 -> (20/100)/(50/460) = 1.84
  EXPECT_NEAR(raw[0], 1.84, 1e-12);
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].featureId, "P2");
}

TEST(IndustrialBase, MissingTableNamesTheScenarioKey) {
  EconomicFixture f;
  f.inputs.industryOutput.reset();
  f.expectError("industrial_base", "industrial_base: scenario data.industry_output is required");
}

// Issue 12: the cluster's industry column empty in every host region leaves nothing to rank; check()
// (validate) says so in run()'s words, through the same routine (detail::noValueProblem).
TEST(IndustrialBase, CheckReportsAClusterIndustryWithNoValueAtAnyCandidate) {
  EconomicFixture f;
  EXPECT_TRUE(f.check("industrial_base").empty());
  for (auto& row : f.inputs.industryOutput->values) row[2] = clustershift::kNaN;  // I3 everywhere
  const auto problems = f.check("industrial_base");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, clustershift::Severity::Fatal);
  EXPECT_EQ(problems[0].message.rfind(
                "industrial_base: no value for any of the 4 candidate parks, every one is NULL", 0),
            0u)
      << problems[0].text();
}
