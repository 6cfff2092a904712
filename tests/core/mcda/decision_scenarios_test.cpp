// The sample scenarios run through the decision engine with every aggregation method
// (issue 3, "Done when"), and with objective weights plus robustness.
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <tuple>

#include <gtest/gtest.h>

#include "clustershift/pipeline.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;

struct Loaded {
  Scenario scenario;
  Inputs inputs;
};

// Inputs are read once per scenario file for the whole suite.
const Loaded* load(const std::string& name) {
  static std::map<std::string, std::unique_ptr<Loaded>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second.get();
  const fs::path path =
      fs::path(CLUSTERSHIFT_SOURCE_DIR) / "sample_data" / "scenarios" / (name + ".json");
  if (!fs::exists(path)) return nullptr;
  auto loaded = std::make_unique<Loaded>();
  loaded->scenario = loadScenario(path.string());
  Feedback feedback;
  loaded->inputs = loadInputs(loaded->scenario, feedback);
  return (cache[name] = std::move(loaded)).get();
}

void expectConsistentRanking(const Results& r, const std::string& what) {
  int ranked = 0, first = 0;
  for (const ParkResult& p : r.parks) {
    if (p.status == "ok") {
      ++ranked;
      EXPECT_GT(p.rank, 0) << what << " " << p.id;
      EXPECT_TRUE(std::isfinite(p.score)) << what << " " << p.id;
      if (p.rank == 1) ++first;
    } else {
      EXPECT_EQ(p.rank, 0) << what << " " << p.id;
      EXPECT_FALSE(p.reason.empty()) << what << " " << p.id;
    }
  }
  EXPECT_GE(ranked, 10) << what;
  EXPECT_GE(first, 1) << what;
  // A better score never has a worse rank.
  for (const ParkResult& a : r.parks) {
    for (const ParkResult& b : r.parks) {
      if (a.rank > 0 && b.rank > 0 && a.score > b.score + 1e-9) {
        ASSERT_LT(a.rank, b.rank) << what << " " << a.id << " vs " << b.id;
      }
    }
  }
  double sum = 0;
  for (const CriterionInfo& c : r.criteria) sum += c.weight;
  EXPECT_NEAR(sum, 1.0, 1e-9) << what;
}

using Case = std::tuple<const char*, const char*>;
class SampleScenarioAggregation : public ::testing::TestWithParam<Case> {};

TEST_P(SampleScenarioAggregation, RanksEveryFeasiblePark) {
  const auto [name, method] = GetParam();
  const Loaded* loaded = load(name);
  ASSERT_NE(loaded, nullptr) << name << " did not load";
  Scenario s = loaded->scenario;
  s.aggregation = method;
  Feedback feedback;
  const Results r = run(s, loaded->inputs, feedback);
  const std::string what = std::string(name) + "/" + method;
  expectConsistentRanking(r, what);
  if (std::string(method) == "topsis") {
    for (const ParkResult& p : r.parks) {
      if (p.rank > 0) {
        EXPECT_GE(p.score, 0.0) << what;
        EXPECT_LE(p.score, 1.0) << what;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SampleScenarioAggregation,
    ::testing::Combine(::testing::Values("wenzhou_footwear_complete", "guangzhou_leather_partial",
                                         "suzhou_electronics_replication"),
                       ::testing::Values("wlc", "wpm", "topsis")));

TEST(SampleScenarioDecision, ObjectiveWeightsAndRobustness) {
  const Loaded* loaded = load("wenzhou_footwear_complete");
  ASSERT_NE(loaded, nullptr) << "sample data did not load";
  for (const char* weighting : {"entropy", "critic", "blend"}) {
    Scenario s = loaded->scenario;
    s.weighting.method = weighting;
    s.uncertainty.draws = 200;
    s.uncertainty.k = 5;
    Feedback feedback;
    const Results r = run(s, loaded->inputs, feedback);
    expectConsistentRanking(r, weighting);
    double top1 = 0;
    for (const ParkResult& p : r.parks) {
      if (p.rank == 0) continue;
      ASSERT_TRUE(std::isfinite(p.pTop1)) << weighting << " " << p.id;
      EXPECT_LE(p.pTop1, p.pTopK);
      // (the mean may lie outside [p05, p95] with discrete ranks; the interval may not invert)
      EXPECT_LE(p.rankP05, p.rankP95);
      EXPECT_GE(p.rankP05, 1.0);
      top1 += p.pTop1;
    }
    EXPECT_GE(top1, 1.0 - 1e-12) << weighting;  // someone is first in every draw
  }
}

}  // namespace
}  // namespace clustershift
