#include <gtest/gtest.h>

#include "criteria_helpers.h"

namespace clustershift {
namespace {

using testing::CriterionRun;

TEST(PolicyLevel, DefaultScores) {
  CriterionRun run;
  run.inputs.parks[4].level = " National ";
  run.inputs.parks[0].level = "省级";
  std::vector<double> v = run.compute("policy_level");
  EXPECT_DOUBLE_EQ(v[0], 0.6);  // 省级 = provincial
  EXPECT_DOUBLE_EQ(v[1], 1.0);
  EXPECT_DOUBLE_EQ(v[2], 0.6);
  EXPECT_DOUBLE_EQ(v[3], 0.3);
  EXPECT_DOUBLE_EQ(v[4], 1.0);  // case and spaces ignored
  EXPECT_DOUBLE_EQ(v[5], 0.1);  // anything else
  run.inputs.parks[5].level = "";
  EXPECT_DOUBLE_EQ(run.compute("policy_level")[5], 0.1);  // no level: other
}

TEST(PolicyLevel, ParamsOverrideScores) {
  CriterionRun run;
  std::vector<double> v = run.compute("policy_level", {{"county", 0.5}, {"other", 0}});
  EXPECT_DOUBLE_EQ(v[3], 0.5);
  EXPECT_DOUBLE_EQ(v[5], 0.0);
  EXPECT_DOUBLE_EQ(v[1], 1.0);
}

TEST(PolicyLevel, UnknownOrNonNumericParamsAreErrors) {
  CriterionRun run;
  auto problems = run.check("policy_level", {{"state", 1}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message,
            "policy_level: params.state: unknown parameter (known: national, provincial, county, other)");
  EXPECT_THROW(run.compute("policy_level", {{"national", "high"}}), InputError);
}

}  // namespace
}  // namespace clustershift
