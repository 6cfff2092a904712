#include <gtest/gtest.h>

#include <cmath>

#include "criteria_helpers.h"

namespace clustershift {
namespace {

using testing::CriterionRun;

TEST(Land, AvailableOverNeededForACompleteTransfer) {
  // need = 0.8·10000/100 + 0.2·10000/200 = 90 ha
  CriterionRun run;
  std::vector<double> v = run.compute("land");
  EXPECT_DOUBLE_EQ(v[1], 400.0 / 90.0);
  EXPECT_DOUBLE_EQ(v[5], 10.0 / 90.0);
  auto land = CriterionRegistry::instance().create("land");
  EXPECT_EQ(land->explain(run.context(), {}, 5, v[5]), "available 10.0 ha < needed 90.0 ha");
  EXPECT_EQ(land->explain(run.context(), {}, 1, v[1]), "available 400.0 ha vs needed 90.0 ha");
}

TEST(Land, PartialTransferNeedsLandForTheMovedSegmentsOnly) {
  CriterionRun run;
  run.scenario.mode = TransferMode::Partial;  // movable: production only -> 80 ha
  EXPECT_DOUBLE_EQ(run.compute("land")[1], 400.0 / 80.0);
}

TEST(Land, ReplicationScalesTheNeed) {
  CriterionRun run;
  run.scenario.mode = TransferMode::Replication;
  run.scenario.replicationScale = 0.5;  // 45 ha
  EXPECT_DOUBLE_EQ(run.compute("land")[2], 300.0 / 45.0);
}

TEST(Land, MissingAvailableAreaIsNaNWithAWarning) {
  CriterionRun run;
  run.inputs.parks[2].values["available_ha"] = kNaN;
  std::vector<double> v = run.compute("land");
  EXPECT_TRUE(std::isnan(v[2]));
  ASSERT_EQ(run.feedback.warnings().size(), 1u);
  EXPECT_EQ(run.feedback.warnings()[0].text(), "parks.gpkg/parks fid=3: land: no available_ha");
}

TEST(Land, CheckNeedsTheAvailableAreaColumn) {
  CriterionRun run;
  EXPECT_TRUE(run.check("land").empty());
  for (Park& p : run.inputs.parks) p.values.erase("available_ha");
  auto problems = run.check("land");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(),
            "parks.gpkg/parks: has no field for column 'available_ha', needed by criterion land "
            "(map it in data.parks.fields)");
}

}  // namespace
}  // namespace clustershift
