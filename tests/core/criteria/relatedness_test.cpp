// relatedness criterion (core/src/criteria/relatedness.cpp) through the registry.
#include <cmath>

#include "economic_fixture.h"

using clustershift::test::EconomicFixture;

TEST(RelatednessCriterion, DensityOfHostRegionForClusterIndustry) {
  EconomicFixture f;
  // Hand-computed in tests/core/indices/relatedness_test.cpp: ω(·, I3) = (0.5, 0.5, 0.5, 0),
  // ω(·, I1) = (1, 1, 0, 0).
  auto raw = f.run("relatedness");
  ASSERT_EQ(raw.size(), 4u);
  EXPECT_NEAR(raw[0], 0.5, 1e-12);
  EXPECT_NEAR(raw[1], 0.5, 1e-12);
  EXPECT_NEAR(raw[2], 0.5, 1e-12);
  EXPECT_NEAR(raw[3], 0.0, 1e-12);
  f.scenario.cluster.industry = "I1";
  raw = f.run("relatedness");
  EXPECT_NEAR(raw[0], 1.0, 1e-12);
  EXPECT_NEAR(raw[1], 1.0, 1e-12);
  EXPECT_NEAR(raw[2], 0.0, 1e-12);
  auto* registry = &clustershift::CriterionRegistry::instance();
  EXPECT_EQ(registry->create("relatedness")->defaultDirection(), clustershift::Direction::Benefit);
}

TEST(RelatednessCriterion, ParkOutsideRegionsOrTableIsMissingWithWarning) {
  EconomicFixture f;
  f.inputs.parks[0].region = -1;
  f.inputs.regions[1].id = "R9";  // no row in the table
  const auto raw = f.run("relatedness");
  EXPECT_TRUE(std::isnan(raw[0]));
  EXPECT_TRUE(std::isnan(raw[1]));
  EXPECT_NEAR(raw[2], 0.5, 1e-12);
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].featureId, "P1");
  EXPECT_NE(warnings[1].message.find("host region 'R9' has no row in industry_output"), std::string::npos)
      << warnings[1].message;
}

TEST(RelatednessCriterion, MissingTableNamesTheScenarioKey) {
  EconomicFixture f;
  f.inputs.industryOutput.reset();
  f.expectError("relatedness", "relatedness: scenario data.industry_output is required");
  const auto problems = f.check("relatedness");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(), "relatedness: scenario data.industry_output is required");
}

TEST(RelatednessCriterion, UnknownIndustryAndBadParamsAreErrors) {
  EconomicFixture f;
  f.scenario.cluster.industry = "C19";
  f.expectError("relatedness", "relatedness: cluster industry 'C19' is not a column of industry_output");
  f.scenario.cluster.industry = "I3";
  f.expectError("relatedness", "relatedness: params.rca_threshold: must be > 0, got -1",
                {{"rca_threshold", -1}});
  f.expectError("relatedness", "relatedness: params.radius: unknown parameter (known: rca_threshold)",
                {{"radius", 1}});
}

TEST(RelatednessCriterion, NegativeOutputNamesRegionAndIndustry) {
  EconomicFixture f;
  f.inputs.industryOutput->values[2][1] = -5;
  f.expectError("relatedness", "relatedness: industry_output region 'R3', industry 'I2': output is negative (-5)");
}
