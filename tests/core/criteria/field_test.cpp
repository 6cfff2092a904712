#include <gtest/gtest.h>

#include <cmath>

#include "criteria_helpers.h"

namespace clustershift {
namespace {

using testing::CriterionRun;

TEST(FieldCriterion, RegionColumnThroughTheHostRegion) {
  CriterionRun run;
  auto criterion = CriterionRegistry::instance().create("field:land_price");
  EXPECT_EQ(criterion->id(), "field:land_price");
  // A core column gets its label and unit (reports, tables); other fields keep their name.
  EXPECT_EQ(criterion->label(), "Industrial land price");
  EXPECT_EQ(criterion->labelZh(), "工业用地价格");
  EXPECT_EQ(criterion->unit(), "yuan/m²");
  auto extra = CriterionRegistry::instance().create("field:broadband_share");
  EXPECT_EQ(extra->label(), "broadband_share");
  EXPECT_EQ(extra->unit(), "");
  std::vector<double> v = run.compute("field:land_price");
  EXPECT_DOUBLE_EQ(v[0], 500);
  EXPECT_DOUBLE_EQ(v[1], 200);
  EXPECT_DOUBLE_EQ(v[3], 100);
  EXPECT_TRUE(std::isnan(v[4]));  // outside every region
}

TEST(FieldCriterion, ParkAttributeWinsOverRegion) {
  CriterionRun run;
  std::vector<double> v = run.compute("field:rating");  // park extra field
  EXPECT_DOUBLE_EQ(v[0], 2);
  EXPECT_DOUBLE_EQ(v[5], 7);
  v = run.compute("field:available_ha");  // park core column
  EXPECT_DOUBLE_EQ(v[1], 400);
}

TEST(FieldCriterion, MissingValuesAreCountedInOneWarning) {
  CriterionRun run;
  run.compute("field:wage");
  auto warnings = run.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].text(), "regions.gpkg/regions: field:wage: 1 park(s) have no value for 'wage'");
}

TEST(FieldCriterion, UnknownFieldIsFatalInCheck) {
  CriterionRun run;
  auto problems = run.check("field:nope");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message,
            "criterion field:nope: no numeric field 'nope' in parks.gpkg/parks or regions.gpkg/regions");
  EXPECT_THROW(run.compute("field:nope"), InputError);
}

}  // namespace
}  // namespace clustershift
