// pairing criterion (core/src/criteria/pairing.cpp) through the registry.
#include <gtest/gtest.h>

#include <cmath>

#include "criteria_helpers.h"

using clustershift::Problem;
using clustershift::Severity;
using clustershift::testing::CriterionRun;

TEST(Pairing, OneInADesignatedPartnerRegionZeroElsewhereMissingOutside) {
  CriterionRun run;
  // Regions 100..400 in a row; P1 and P5 lie in "200", P3 in "400", P4 outside every region.
  const auto raw = run.compute("pairing", {{"partners", {"200", "400"}}});
  ASSERT_EQ(raw.size(), 6u);
  EXPECT_EQ(raw[0], 0.0);  // P0 in the source region "100"
  EXPECT_EQ(raw[1], 1.0);
  EXPECT_EQ(raw[2], 0.0);
  EXPECT_EQ(raw[3], 1.0);
  EXPECT_TRUE(std::isnan(raw[4]));
  EXPECT_EQ(raw[5], 1.0);
  const auto warnings = run.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].featureId, "P4");
}

TEST(Pairing, PartnersAreRequiredAndCheckedWithTheirPath) {
  CriterionRun run;
  auto fatal = [](const std::vector<Problem>& problems) {
    std::string text;
    for (const Problem& p : problems)
      if (p.severity == Severity::Fatal) text += p.message;
    return text;
  };
  EXPECT_NE(fatal(run.check("pairing")).find("pairing: params.partners is required"), std::string::npos);
  EXPECT_NE(fatal(run.check("pairing", {{"partners", nlohmann::json::array()}})).find("non-empty list"), std::string::npos);
  EXPECT_NE(fatal(run.check("pairing", {{"partners", {200}}}))
                .find("pairing: params.partners[0]: expected a text, got 200"),
            std::string::npos);
  EXPECT_NE(fatal(run.check("pairing", {{"partners", {"200"}}, {"radius", 3}}))
                .find("pairing: params.radius: unknown parameter (known: partners)"),
            std::string::npos);
  // An unknown partner region is a warning naming it (the designation may cover regions outside the data).
  const auto problems = run.check("pairing", {{"partners", {"999"}}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, Severity::Warning);
  EXPECT_NE(problems[0].message.find("partner region '999' is not in regions.gpkg/regions"), std::string::npos);
}
