#include <gtest/gtest.h>

#include <cmath>

#include "criteria_helpers.h"

namespace clustershift {
namespace {

using testing::CriterionRun;

TEST(LabourCost, SourceWageOverHostWage) {
  CriterionRun run;
  auto criterion = CriterionRegistry::instance().create("labour_cost");
  EXPECT_EQ(criterion->defaultDirection(), Direction::Benefit);
  EXPECT_EQ(criterion->unit(), "ratio");
  std::vector<double> v = run.compute("labour_cost");
  ASSERT_EQ(v.size(), 6u);
  EXPECT_DOUBLE_EQ(v[0], 1.0);     // the source region itself
  EXPECT_DOUBLE_EQ(v[1], 2.0);     // 100000 / 50000
  EXPECT_DOUBLE_EQ(v[2], 1.25);    // 100000 / 80000
  EXPECT_TRUE(std::isnan(v[3]));   // host without wage
  EXPECT_TRUE(std::isnan(v[4]));   // outside every region
  EXPECT_DOUBLE_EQ(v[5], 2.0);
}

TEST(LabourCost, HostWithoutWageAndParkOutsideEveryRegionWarnNamingThePark) {
  CriterionRun run;
  run.compute("labour_cost");
  auto warnings = run.feedback.warnings();
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].text(),
            "parks.gpkg/parks fid=4: labour_cost: host region '400' has no wage > 0");
  EXPECT_EQ(warnings[0].featureId, "P3");
  // Worded as every criterion over the host region words it (criterion_util.h hostRegion();
  // labour_cost left the NULL unexplained before).
  EXPECT_EQ(warnings[1].text(), "parks.gpkg/parks fid=5: labour_cost: park lies outside every region");
  EXPECT_EQ(warnings[1].code, "park_outside_regions_for");
  EXPECT_EQ(warnings[1].featureId, "P4");
}

TEST(LabourCost, CheckNeedsTheWageColumnAndASourceWage) {
  CriterionRun run;
  EXPECT_TRUE(run.check("labour_cost").empty());
  run.inputs.regions[0].values["wage"] = kNaN;
  auto problems = run.check("labour_cost");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(),
            "regions.gpkg/regions fid=1 field 'wage': source region '100' has no value, "
            "criterion labour_cost needs a value > 0");
  EXPECT_THROW(run.compute("labour_cost"), InputError);
  for (Region& r : run.inputs.regions) r.values.erase("wage");
  problems = run.check("labour_cost");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(),
            "regions.gpkg/regions: has no field for column 'wage', needed by criterion "
            "labour_cost (map it in data.regions.fields)");
}

}  // namespace
}  // namespace clustershift
