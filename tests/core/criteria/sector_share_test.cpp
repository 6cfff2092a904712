// sector_share criterion (core/src/criteria/sector_share.cpp) through the registry.
#include <cmath>

#include "economic_fixture.h"

using clustershift::test::EconomicFixture;

namespace {

void setOutput(EconomicFixture& f, int region, double y1, double y2, double y3) {
  f.inputs.regions[region].values["y1"] = y1;
  f.inputs.regions[region].values["y2"] = y2;
  f.inputs.regions[region].values["y3"] = y3;
}

}  // namespace

TEST(SectorShare, SecondarySectorShareOfHostOutputByDefault) {
  EconomicFixture f;
  setOutput(f, 0, 10, 60, 30);   // 60 / 100
  setOutput(f, 1, 5, 20, 75);    // 20 / 100
  setOutput(f, 2, 0, 0, 0);      // nothing produced: no share
  setOutput(f, 3, 40, 120, 40);  // 120 / 200
  const auto raw = f.run("sector_share");
  EXPECT_DOUBLE_EQ(raw[0], 0.6);
  EXPECT_DOUBLE_EQ(raw[1], 0.2);
  EXPECT_TRUE(std::isnan(raw[2]));
  EXPECT_DOUBLE_EQ(raw[3], 0.6);
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].featureId, "P3");
  EXPECT_EQ(
      warnings[0].message,
      "sector_share: host region 'R3' needs y1, y2, y3 >= 0 (亿元) with a positive sum (y1 0, y2 0, y3 0)");
}

TEST(SectorShare, SectorParameterPicksTheTertiaryShare) {
  EconomicFixture f;
  for (int r = 0; r < 4; ++r) setOutput(f, r, 10, 60, 30);
  f.inputs.regions[1].values["y3"] = clustershift::kNaN;
  const auto raw = f.run("sector_share", {{"sector", 3}});
  EXPECT_DOUBLE_EQ(raw[0], 0.3);
  EXPECT_TRUE(std::isnan(raw[1]));  // a missing sector makes the total unknown
}

TEST(SectorShare, DeclaredParameterIsCheckedLikeEveryOther) {
  EconomicFixture f;
  for (int r = 0; r < 4; ++r) setOutput(f, r, 10, 60, 30);
  EXPECT_TRUE(f.check("sector_share", {{"sector", 1}}).empty());
  const auto problems = f.check("sector_share", {{"sector", 4}, {"sectr", 2}});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].severity, clustershift::Severity::Fatal);
  f.expectError("sector_share", "sector_share: params.sector: expected a whole number, got 2.5",
                {{"sector", 2.5}});
}

TEST(SectorShare, MissingColumnIsAnError) {
  EconomicFixture f;
  f.inputs.regions[0].values["y1"] = 1;
  f.inputs.regions[0].values["y2"] = 1;
  f.expectError("sector_share",
                "sector_share: regions has no field for column 'y3' (map it in data.regions.fields)");
  EXPECT_EQ(f.check("sector_share").size(), 1u);
}

TEST(SectorShare, AParkOutsideEveryRegionIsNullWithItsReason) {
  // Worded as every criterion over the host region words it (criterion_util.h hostRegion();
  // sector_share left this NULL unexplained before).
  EconomicFixture f;
  for (int r = 0; r < 4; ++r) setOutput(f, r, 10, 60, 30);
  f.inputs.parks[2].region = -1;
  const auto raw = f.run("sector_share");
  EXPECT_TRUE(std::isnan(raw[2]));
  EXPECT_DOUBLE_EQ(raw[3], 0.6);
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].featureId, "P3");
  EXPECT_EQ(warnings[0].code, "park_outside_regions_for");
  EXPECT_EQ(warnings[0].message, "sector_share: park lies outside every region");
}
