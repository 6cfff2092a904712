// The three sample scenarios (sample_data/scenarios) through the real pipeline and the effects
// projection. Sample statistics are illustrative (sample_data/README.md); the test checks the
// identities and the direction of the effects, and prints the headline numbers.
#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "clustershift/effects.h"
#include "clustershift/pipeline.h"

using namespace clustershift;

namespace {

struct Case {
  const char* file;
  TransferMode mode;
};

class SampleScenario : public ::testing::TestWithParam<Case> {};

TEST_P(SampleScenario, EffectsAreConsistentAndExplainable) {
  const Case& c = GetParam();
  const std::string path = std::string(CLUSTERSHIFT_SOURCE_DIR) + "/sample_data/scenarios/" + c.file;
  const Scenario sc = loadScenario(path);
  ASSERT_EQ(sc.mode, c.mode);
  Feedback fb;
  const Inputs inputs = loadInputs(sc, fb);
  const Results ranking = run(sc, inputs, fb);
  const EffectsResult r = projectEffects(sc, inputs, ranking, fb);

  ASSERT_FALSE(r.hosts.empty());
  const HostEffect& h = r.hosts.front();
  ASSERT_GE(r.regions.size(), 2u) << "host in the source region";
  const RegionEffect& src = r.regions[0];
  const RegionEffect& host = r.regions[1];
  const Coupling& cp = r.coupling.front();

  EXPECT_GT(r.moved.vaYuan100m, 0);
  EXPECT_DOUBLE_EQ(h.direct.vaYuan100m, r.moved.vaYuan100m);  // single host: everything
  EXPECT_TRUE(h.multipliers.available) << "sample IO table should contain " << sc.cluster.industry;
  EXPECT_GT(h.multipliers.outputMultiplier, 1.0);
  EXPECT_GT(h.knowledgeFlowYuan100m, 0.0);
  EXPECT_GE(cp.d, 0.0);
  EXPECT_LE(cp.d, 1.0);
  EXPECT_GT(host.after.gdp, host.before.gdp);
  EXPECT_GT(host.after.jobs, host.before.jobs);

  const double dY2 = src.accountsAfter.y[1] - src.accountsBefore.y[1];
  if (c.mode == TransferMode::Replication) {
    EXPECT_EQ(src.accountsAfter.y, src.accountsBefore.y);
    EXPECT_EQ(src.accountsAfter.l, src.accountsBefore.l);
    EXPECT_DOUBLE_EQ(src.upgrading, 0.0);
  } else {
    EXPECT_NEAR(dY2, -r.moved.vaYuan100m, 1e-9);
    // Manufacturing leaves a source whose ISU is above 2: its structure index rises.
    EXPECT_GT(src.before.isu, 2.0);
    EXPECT_GT(src.after.isu, src.before.isu);
    EXPECT_GT(src.after.ts, src.before.ts);
  }
  if (c.mode == TransferMode::Partial) {
    EXPECT_EQ(r.moved.segmentIds, sc.movedSegments);
    EXPECT_GT(src.after.vaRate, src.before.vaRate);  // the high-VA segments stay
  }

  std::printf(
      "HEADLINE %s: mode=%s host=%s (%s, region %s %s, %.0f km) moved X=%.1f VA=%.2f (亿元) jobs=%.0f "
      "indirect VA=%.2f jobs=%.0f mult=%.3f K=%.3f | source %s dGDP=%.1f ISU %.4f->%.4f (%+.4f) "
      "TS %+.4f U=%.3f | host dGDP=%.1f (%+.1f%%) ISU %.4f->%.4f (%+.4f) TS %+.4f U=%.3f | "
      "C=%.3f T=%.3f D=%.3f %s / %s\n",
      sc.name.c_str(), toString(r.mode).c_str(), h.parkId.c_str(), h.parkName.c_str(), host.regionId.c_str(),
      host.regionName.c_str(), h.distanceKm, h.direct.outputYuan100m, h.direct.vaYuan100m, h.direct.jobs,
      h.indirectVaYuan100m, h.indirectJobs, h.multipliers.outputMultiplier, h.knowledgeFlowYuan100m,
      src.regionName.c_str(), src.after.gdp - src.before.gdp, src.before.isu, src.after.isu,
      src.after.isu - src.before.isu, src.after.ts - src.before.ts, src.upgrading,
      host.after.gdp - host.before.gdp, 100 * (host.after.gdp / host.before.gdp - 1), host.before.isu,
      host.after.isu, host.after.isu - host.before.isu, host.after.ts - host.before.ts, host.upgrading, cp.c,
      cp.t, cp.d, cp.cls.labelZh.c_str(), cp.cls.labelEn.c_str());
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleScenario,
                         ::testing::Values(Case{"wenzhou_footwear_complete.json", TransferMode::Complete},
                                           Case{"guangzhou_leather_partial.json", TransferMode::Partial},
                                           Case{"suzhou_electronics_replication.json",
                                                TransferMode::Replication}));

TEST(SampleScenarioCompare, ModesDifferOnTheWenzhouCase) {
  const Scenario sc = loadScenario(std::string(CLUSTERSHIFT_SOURCE_DIR) +
                                   "/sample_data/scenarios/wenzhou_footwear_complete.json");
  Feedback fb;
  const Inputs inputs = loadInputs(sc, fb);
  const ModeComparison cmp = compareModes(sc, inputs, run(sc, inputs, fb), fb);
  ASSERT_EQ(cmp.modes.size(), 3u);
  const double vaComplete = cmp.modes[0].moved.vaYuan100m;
  EXPECT_GT(vaComplete, cmp.modes[1].moved.vaYuan100m);
  EXPECT_GT(vaComplete, cmp.modes[2].moved.vaYuan100m);
  EXPECT_GT(cmp.modes[1].hosts[0].knowledgeFlowYuan100m, cmp.modes[2].hosts[0].knowledgeFlowYuan100m);
  EXPECT_GT(cmp.modes[2].hosts[0].knowledgeFlowYuan100m, cmp.modes[0].hosts[0].knowledgeFlowYuan100m);
  std::printf("%s", comparisonTable(cmp).c_str());
}

}  // namespace
