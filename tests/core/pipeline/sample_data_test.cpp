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
  // Every ranked park but the best says which two criteria keep it behind the next better one.
  for (const ParkResult& p : r.parks) {
    if (p.rank == 1 || p.status != "ok") {
      EXPECT_TRUE(p.explanation.empty()) << p.id << ": " << p.explanation;
    } else if (p.rank > 1) {
      EXPECT_EQ(p.explanation.rfind("behind ", 0), 0u) << p.id << ": " << p.explanation;
    }
  }
  // The sample scenarios ask for robustness draws: every ranked park has them, in [0, 1].
  for (const ParkResult& p : r.parks) {
    if (p.status != "ok") continue;
    EXPECT_GE(p.pTopK, 0.0) << p.id;
    EXPECT_LE(p.pTopK, 1.0) << p.id;
    EXPECT_LE(p.rankP05, p.rankP95) << p.id;
  }
  // The top five, plus the effects host when the scenario names one outside them.
  EXPECT_GE(r.flows.size(), 5u);
  EXPECT_LE(r.flows.size(), 6u);
  EXPECT_EQ(r.flows[0].rank, 1);
  EXPECT_GT(r.flows[0].movedOutputYuan100m, 0);
  EXPECT_EQ(r.sourceRegionId, s.sourceRegion);
}

INSTANTIATE_TEST_SUITE_P(Cases, SampleDataPipeline,
                         ::testing::Values("wenzhou_footwear_complete", "guangzhou_leather_partial",
                                           "suzhou_electronics_replication"));

}  // namespace
}  // namespace clustershift
