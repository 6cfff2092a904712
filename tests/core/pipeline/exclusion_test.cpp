#include "clustershift/exclusion.h"

#include <gtest/gtest.h>

#include "clustershift/pipeline.h"
#include "../criteria/synthetic_fixture.h"

namespace clustershift {
namespace {

TEST(ExclusionReasons, ReadsEveryReasonOfARealRunIntoCodesAndValues) {
  Feedback feedback;
  const Results r =
      run(parseScenario(testing::syntheticScenarioJson(), "/tmp"), testing::syntheticInputs(), feedback);
  ASSERT_EQ(r.parks.size(), 6u);
  const std::vector<std::string> ids{"labour_cost", "land"};

  auto source = exclusionReasons(r.parks[0].reason, ids);
  ASSERT_EQ(source.size(), 1u);
  EXPECT_EQ(source[0].code, "source_region");

  auto missing = exclusionReasons(r.parks[3].reason, ids);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].code, "missing_value");
  EXPECT_EQ(missing[0].criterion, "labour_cost");

  auto outside = exclusionReasons(r.parks[4].reason, ids);
  ASSERT_EQ(outside.size(), 1u);
  EXPECT_EQ(outside[0].code, "outside_regions");

  // "land_raw 0.11 < min 1.00 (available 10.0 ha < needed 90.0 ha)"
  auto land = exclusionReasons(r.parks[5].reason, ids);
  ASSERT_EQ(land.size(), 1u);
  EXPECT_EQ(land[0].code, "below_min");
  EXPECT_EQ(land[0].criterion, "land");
  EXPECT_DOUBLE_EQ(land[0].value, 0.11);
  EXPECT_DOUBLE_EQ(land[0].limit, 1.0);
  EXPECT_DOUBLE_EQ(land[0].values.at("available_ha"), 10.0);
  EXPECT_DOUBLE_EQ(land[0].values.at("needed_ha"), 90.0);

  EXPECT_TRUE(exclusionReasons(r.parks[1].reason, ids).empty());  // ranked: no reason
}

TEST(ExclusionReasons, SeveralReasonsFieldPrefixesAndUnknownWording) {
  const auto reasons = exclusionReasons(
      "no location; field_land_price_raw 12.50 > max 10.00; labour_pool: 3 < min 5; something new",
      {"field:land_price"});
  ASSERT_EQ(reasons.size(), 4u);
  EXPECT_EQ(reasons[0].code, "no_location");
  EXPECT_EQ(reasons[1].code, "above_max");
  EXPECT_EQ(reasons[1].criterion, "field:land_price");  // prefix mapped back to the id
  EXPECT_DOUBLE_EQ(reasons[1].value, 12.5);
  EXPECT_DOUBLE_EQ(reasons[1].limit, 10.0);
  EXPECT_TRUE(reasons[1].values.empty());
  EXPECT_EQ(reasons[2].code, "below_min");  // the decision engine's wording (CLI mcda)
  EXPECT_EQ(reasons[2].criterion, "labour_pool");
  EXPECT_EQ(reasons[3].code, "other");
  EXPECT_EQ(reasons[3].text, "something new");
}

}  // namespace
}  // namespace clustershift
