// The committed sample data (sample_data/) runs end to end through the core pipeline.
#include <gtest/gtest.h>

#include <filesystem>

#include "clustershift/pipeline.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;

class SampleDataPipeline : public ::testing::TestWithParam<const char*> {};

TEST_P(SampleDataPipeline, RunsWithoutFatalProblems) {
  fs::path path = fs::path(CLUSTERSHIFT_SOURCE_DIR) / "sample_data" / "scenarios" /
                  (std::string(GetParam()) + ".json");
  ASSERT_TRUE(fs::exists(path)) << path << " is missing: sample_data is committed";
  Scenario s = loadScenario(path.string());
  Feedback feedback;
  Inputs inputs = loadInputs(s, feedback);
  std::vector<Problem> problems = validate(s, inputs);
  for (const Problem& p : problems) EXPECT_NE(p.severity, Severity::Fatal) << p.text();
  EXPECT_GE(inputs.regions.size(), 90u);
  EXPECT_GE(inputs.parks.size(), 150u);
  Results r = run(s, inputs, feedback);
  int ranked = 0;
  for (const ParkResult& p : r.parks) {
    if (p.rank > 0) ++ranked;
    if (p.status == "excluded") EXPECT_FALSE(p.reason.empty()) << p.id;
  }
  EXPECT_GE(ranked, 10);
  EXPECT_EQ(r.flows.size(), 5u);
  EXPECT_EQ(r.flows[0].rank, 1);
  EXPECT_GT(r.flows[0].movedOutputYuan100m, 0);
  EXPECT_EQ(r.sourceRegionId, s.sourceRegion);
}

INSTANTIATE_TEST_SUITE_P(Cases, SampleDataPipeline,
                         ::testing::Values("wenzhou_footwear_complete", "guangzhou_leather_partial",
                                           "suzhou_electronics_replication"));

}  // namespace
}  // namespace clustershift
