// The three sample scenarios (sample_data/scenarios) through the real pipeline and the effects
// projection. Sample statistics are illustrative (sample_data/README.md); the test checks the
// identities, conservation and the research's sign matrix, and prints the headline numbers.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

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

// What the research asserts for a developed source and a less-industrialised host (the
// matrix of the co-upgrading model, docs/model.md "Transfer effects"): the signs the sample
// scenarios must show with default parameters, computed from the accounts.
struct Expected {
  std::vector<std::string> sourceUp;
  std::vector<std::string> hostUp;
};
Expected expectedFor(TransferMode mode) {
  switch (mode) {
    case TransferMode::Complete:
      return {{"str"}, {"str", "vc"}};
    case TransferMode::Partial:
      return {{"vc", "inn"}, {"vc"}};
    case TransferMode::Replication:
      return {{"inn", "vc"}, {"str"}};
  }
  return {};
}

TEST_P(SampleScenario, EffectsAreConsistentAndReproduceTheResearchMatrix) {
  const Case& c = GetParam();
  const std::string path = std::string(CLUSTERSHIFT_SOURCE_DIR) + "/sample_data/scenarios/" + c.file;
  Scenario sc = loadScenario(path);
  ASSERT_EQ(sc.mode, c.mode);
  sc.effects["uncertainty"] = {{"draws", 200}};  // intervals, kept small for the test
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
  EXPECT_GE(cp.d, 0.0);
  EXPECT_LE(cp.d, 1.0);
  EXPECT_GE(cp.cls.index, 0);
  EXPECT_GT(host.after.jobs, host.before.jobs);

  const Expected want = expectedFor(c.mode);
  for (const std::string& m : want.sourceUp) EXPECT_GT(src.mechanisms.get(m), 0.0) << "source " << m;
  for (const std::string& m : want.hostUp) EXPECT_GT(host.mechanisms.get(m), 0.0) << "host " << m;

  // Conservation: R&D that moves plus the knowledge that flows never exceed the cluster's
  // R&D (replication: the source's R&D including the hub's growth).
  double flows = 0, reverse = 0;
  for (const HostEffect& x : r.hosts) {
    flows += x.knowledgeFlowYuan100m;
    reverse += x.reverseFlowYuan100m;
    EXPECT_LE(x.reverseFlowYuan100m, x.direct.rdYuan100m + 1e-12);
  }
  if (c.mode == TransferMode::Replication)
    EXPECT_LE(flows, sc.cluster.rdYuan100m * (1 + r.params.hubGrowth * r.moved.scale) + 1e-9);
  else
    EXPECT_LE(r.moved.rdYuan100m + flows, sc.cluster.rdYuan100m + 1e-9);
  if (c.mode == TransferMode::Complete) EXPECT_DOUBLE_EQ(flows, 0.0);  // nothing stays to flow from

  // VA identities. Source: GDP change = −moved VA − suppliers' VA + re-let VA + re-employed
  // service VA (complete/partial); + hub VA + shared VA (replication). Host: + direct,
  // indirect, spill-over VA − agricultural VA drawn − shared VA.
  const double dSource = src.accountsAfter.gdp() - src.accountsBefore.gdp();
  const double lp2 = src.accountsBefore.y[1] / src.accountsBefore.l[1];
  const double lp3 = src.accountsBefore.y[2] / src.accountsBefore.l[2];
  if (c.mode == TransferMode::Replication) {
    EXPECT_NEAR(dSource, r.source.hubVaYuan100m + r.source.sharedVaYuan100m, 1e-9);
    EXPECT_NEAR(src.accountsAfter.y[0], src.accountsBefore.y[0], 1e-12);  // the source keeps everything
    EXPECT_NEAR(r.source.sharedVaYuan100m, h.sharedVaYuan100m, 1e-12);    // shared once on each side
    EXPECT_NEAR(host.accountsAfter.sharedVa, -h.sharedVaYuan100m, 1e-12);
    EXPECT_NEAR(src.accountsAfter.sharedVa, h.sharedVaYuan100m, 1e-12);
    EXPECT_GT(h.sharedTaxYuan100m, 0.0);
  } else {
    const double expected = -r.moved.vaYuan100m - r.source.supplierVaLossYuan100m +
                            r.source.reusedJobs / 1e4 * lp2 +
                            r.source.reemployedJobs / 1e4 * r.params.reemploymentProductivity * lp3;
    EXPECT_NEAR(dSource, expected, 1e-6);
    EXPECT_GT(r.source.supplierVaLossYuan100m, 0.0);  // the source's suppliers lose too
    EXPECT_DOUBLE_EQ(src.accountsAfter.sharedVa, 0.0);
  }
  const double farmVa = host.accountsBefore.y[0] * h.drawnFromAgriculture / 1e4 / host.accountsBefore.l[0];
  EXPECT_NEAR(host.accountsAfter.gdp() - host.accountsBefore.gdp(),
              h.direct.vaYuan100m + h.indirectVaYuan100m + h.spilloverVaYuan100m - farmVa - h.sharedVaYuan100m,
              1e-6);
  for (const RegionEffect* e : {&src, &host})
    for (std::size_t s = 0; s < 3; ++s) {
      EXPECT_GE(e->accountsAfter.y[s], 0.0);
      EXPECT_GE(e->accountsAfter.l[s], 0.0);
    }
  if (c.mode == TransferMode::Partial) {
    EXPECT_EQ(r.moved.segmentIds, sc.movedSegments);
    EXPECT_GT(src.after.vaRate, src.before.vaRate);  // the high-VA segments stay
  }

  // Intervals bracket the central value for U and D (200 draws).
  ASSERT_EQ(r.draws, 200);
  ASSERT_EQ(r.couplingUncertainty.size(), r.coupling.size());
  EXPECT_LE(r.couplingUncertainty[0].d.p05, cp.d + 1e-9);
  EXPECT_GE(r.couplingUncertainty[0].d.p95, cp.d - 1e-9);
  double pSum = 0;
  for (double pc : r.couplingUncertainty[0].pClass) pSum += pc;
  EXPECT_NEAR(pSum, 1.0, 1e-9);

  auto interval = [](const RegionEffect& e, const char* key) {
    const Interval& i = e.intervals.at(key);
    char buf[64];
    std::snprintf(buf, sizeof buf, "[%+.4f, %+.4f]", i.p05, i.p95);
    return std::string(buf);
  };
  std::printf(
      "HEADLINE %s: mode=%s host=%s (%s, region %s %s, %.0f km) moved X=%.1f VA=%.2f jobs=%.0f | "
      "source vc=%+.4f %s inn=%+.4f %s str=%+.5f %s U=%.3f | host vc=%+.4f %s inn=%+.4f %s str=%+.5f %s "
      "U=%.3f | D=%.3f [%.3f, %.3f] %s / %s\n",
      sc.name.c_str(), toString(r.mode).c_str(), h.parkId.c_str(), h.parkName.c_str(), host.regionId.c_str(),
      host.regionName.c_str(), h.distanceKm, h.direct.outputYuan100m, h.direct.vaYuan100m, h.direct.jobs,
      src.mechanisms.vc, interval(src, "vc").c_str(), src.mechanisms.inn, interval(src, "inn").c_str(),
      src.mechanisms.str, interval(src, "str").c_str(), src.upgrading, host.mechanisms.vc,
      interval(host, "vc").c_str(), host.mechanisms.inn, interval(host, "inn").c_str(), host.mechanisms.str,
      interval(host, "str").c_str(), host.upgrading, cp.d, r.couplingUncertainty[0].d.p05,
      r.couplingUncertainty[0].d.p95, cp.cls.labelZh.c_str(), cp.cls.labelEn.c_str());
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
  // Knowledge flows only from R&D that stays: none after a complete transfer.
  EXPECT_DOUBLE_EQ(cmp.modes[0].hosts[0].knowledgeFlowYuan100m, 0.0);
  EXPECT_GT(cmp.modes[1].hosts[0].knowledgeFlowYuan100m, 0.0);
  EXPECT_GT(cmp.modes[2].hosts[0].knowledgeFlowYuan100m, 0.0);
  // Replication now has a real source side.
  EXPECT_GE(cmp.modes[2].coupling[0].cls.index, 0);
  EXPECT_GT(cmp.modes[2].regions[0].upgrading, 0.5);
  std::printf("%s", comparisonTable(cmp).c_str());
}

}  // namespace
