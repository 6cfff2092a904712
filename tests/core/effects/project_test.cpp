#include "clustershift/effects.h"

#include <cmath>

#include <gtest/gtest.h>

#include "effects_fixture.h"

using namespace clustershift;
using namespace clustershift::effects_test;

namespace {
double dY(const RegionEffect& r, std::size_t s) { return r.accountsAfter.y[s] - r.accountsBefore.y[s]; }
double dL(const RegionEffect& r, std::size_t s) { return r.accountsAfter.l[s] - r.accountsBefore.l[s]; }
}  // namespace

TEST(ProjectEffects, CompleteTransferAccountingIdentitiesHoldExactly) {
  const Inputs in = makeInputs(false);  // no IO table: direct effects only
  Scenario sc = makeScenario(TransferMode::Complete);
  sc.effects = {{"theta", 0.0}};
  Feedback fb;
  const EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  ASSERT_EQ(r.hosts.size(), 1u);
  EXPECT_EQ(r.hosts[0].parkId, "P2-01");
  EXPECT_EQ(r.hosts[0].regionId, "200000");
  ASSERT_EQ(r.regions.size(), 2u);
  const RegionEffect& src = r.regions[0];
  const RegionEffect& host = r.regions[1];
  EXPECT_EQ(src.role, "source");
  EXPECT_EQ(host.role, "host");
  // Moved VA leaves the source's secondary sector and arrives at the host as the direct part.
  EXPECT_DOUBLE_EQ(r.hosts[0].direct.vaYuan100m, r.moved.vaYuan100m);
  EXPECT_NEAR(dY(src, 1), -r.moved.vaYuan100m, 1e-12);
  EXPECT_NEAR(dY(host, 1), r.moved.vaYuan100m, 1e-12);
  EXPECT_NEAR(dL(src, 1), -5.0, 1e-12);
  EXPECT_NEAR(dL(host, 1), 5.0, 1e-12);
  // Totals add up: the only net change is the re-employment of ρ = 0.5 of the freed jobs in
  // services at π = 0.35 of the source's service productivity (θ = 0, no indirect effects).
  const double reemployedVa = 0.5 * 5.0 * 0.35 * 550.0 / 130.0;
  EXPECT_NEAR(src.after.gdp - src.before.gdp + host.after.gdp - host.before.gdp, reemployedVa, 1e-9);
  EXPECT_NEAR(src.after.jobs - src.before.jobs + host.after.jobs - host.before.jobs, 2.5, 1e-12);
  // Cluster segments present: none left at the source; all at the host.
  EXPECT_TRUE(std::isnan(src.after.vaRate));
  EXPECT_NEAR(src.before.vaRate, 0.1965, 1e-12);
  EXPECT_TRUE(std::isnan(host.before.vaRate));
  EXPECT_NEAR(host.after.vaRate, 0.1965, 1e-12);
  EXPECT_EQ(r.coupling.size(), 1u);
  EXPECT_EQ(r.coupling[0].sourceId, "100000");
  EXPECT_EQ(r.coupling[0].hostId, "200000");
}

TEST(ProjectEffects, IndirectEffectsComeOnTopOfTheDirectPart) {
  const Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Complete);
  sc.effects = {{"theta", 0.0}};
  Feedback fb;
  const EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  const HostEffect& h = r.hosts[0];
  ASSERT_TRUE(h.multipliers.available);
  EXPECT_GT(h.multipliers.outputMultiplier, 1.0);
  EXPECT_GT(h.indirectVaYuan100m, 0.0);
  const RegionEffect& host = r.regions[1];
  EXPECT_NEAR(dY(host, 1), h.direct.vaYuan100m + h.multipliers.indirectVa[1] * h.direct.outputYuan100m, 1e-9);
  EXPECT_NEAR(host.after.gdp - host.before.gdp, h.direct.vaYuan100m + h.indirectVaYuan100m, 1e-9);
  EXPECT_NEAR((host.after.jobs - host.before.jobs) * 1e4, h.direct.jobs + h.indirectJobs, 1e-6);
  // The source side is unaffected by the host's multipliers.
  EXPECT_NEAR(dY(r.regions[0], 1), -r.moved.vaYuan100m, 1e-12);
}

TEST(ProjectEffects, ReplicationLeavesTheSourceUntouched) {
  const Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Replication);
  sc.replicationScale = 0.5;
  Feedback fb;
  const EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  const RegionEffect& src = r.regions[0];
  EXPECT_EQ(src.accountsAfter.y, src.accountsBefore.y);
  EXPECT_EQ(src.accountsAfter.l, src.accountsBefore.l);
  EXPECT_EQ(src.accountsAfter.rd, src.accountsBefore.rd);
  EXPECT_DOUBLE_EQ(src.after.vaRate, src.before.vaRate);
  EXPECT_DOUBLE_EQ(src.upgrading, 0.0);
  // D = 0 by construction carries no information on joint upgrading: class not applicable.
  ASSERT_FALSE(r.coupling.empty());
  EXPECT_DOUBLE_EQ(r.coupling[0].d, 0.0);
  EXPECT_EQ(r.coupling[0].cls.index, -1);
  EXPECT_EQ(r.coupling[0].cls.labelEn, "not applicable");
  EXPECT_EQ(r.coupling[0].cls.labelZh, "不适用");
  EXPECT_NEAR(r.hosts[0].direct.outputYuan100m, 50.0, 1e-12);
  EXPECT_NEAR(r.hosts[0].direct.vaYuan100m, 19.65 / 2, 1e-12);
}

TEST(ProjectEffects, PartialMovesOnlyTheListedSegments) {
  const Inputs in = makeInputs(false);
  Scenario sc = makeScenario(TransferMode::Partial);
  sc.movedSegments = {"production"};
  sc.effects = {{"theta", 0.0}};
  Feedback fb;
  const EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  EXPECT_EQ(r.moved.segmentIds, std::vector<std::string>{"production"});
  EXPECT_NEAR(r.moved.vaYuan100m, 9.0, 1e-12);  // 0.6·0.15·100
  EXPECT_NEAR(dY(r.regions[0], 1), -9.0, 1e-12);
  // Host: only production's VA rate; source keeps rd, assembly and marketing.
  EXPECT_NEAR(r.regions[1].after.vaRate, 0.15, 1e-12);
  EXPECT_NEAR(r.regions[0].after.vaRate, (0.0225 + 0.024 + 0.06) / 0.40, 1e-12);
  EXPECT_GT(r.regions[0].after.vaRate, r.regions[0].before.vaRate);  // value-chain upgrading
}

TEST(ProjectEffects, KnowledgeFlowIsLargestForPartialTransfer) {
  const Inputs in = makeInputs(true);
  double k[3];
  const TransferMode modes[3] = {TransferMode::Complete, TransferMode::Partial, TransferMode::Replication};
  for (int i = 0; i < 3; ++i) {
    Feedback fb;
    const EffectsResult r = projectEffects(makeScenario(modes[i]), in, makeRanking(in), fb);
    k[i] = r.hosts[0].knowledgeFlowYuan100m;
    // K = φ · RD · a · exp(−d/δ_k), a = (4/400)/(25/1000) = 0.4.
    EXPECT_NEAR(r.hosts[0].absorptive, 0.4, 1e-12);
    EXPECT_NEAR(k[i], r.params.phi.of(modes[i]) * 2.0 * 0.4 * std::exp(-r.hosts[0].distanceKm / 300.0),
                1e-12);
  }
  EXPECT_GT(k[1], k[2]);
  EXPECT_GT(k[2], k[0]);
}

TEST(ProjectEffects, NamedHostAndAllocation) {
  const Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Complete);
  sc.effects = {{"host", "P3-01"}};
  Feedback fb;
  EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  ASSERT_EQ(r.hosts.size(), 1u);
  EXPECT_EQ(r.hosts[0].regionId, "300000");

  // Allocation over the top 2 (P2-01 score .8, P3-01 .6; β = 2 → .64 : .36). Land need of the
  // complete move ≈ 447.9 ha; P3-01 holds 300 ha (≈ 0.67 of it), P2-01 1000 ha: nothing binds.
  sc.effects = {{"host", "allocate"}, {"host_count", 2}};
  r = projectEffects(sc, in, makeRanking(in), fb);
  ASSERT_EQ(r.hosts.size(), 2u);
  EXPECT_NEAR(r.hosts[0].share, 0.64, 1e-12);
  EXPECT_NEAR(r.hosts[1].share, 0.36, 1e-12);
  EXPECT_NEAR(r.hosts[0].direct.vaYuan100m + r.hosts[1].direct.vaYuan100m, r.moved.vaYuan100m, 1e-12);
  EXPECT_EQ(r.regions.size(), 3u);
  EXPECT_EQ(r.coupling.size(), 2u);

  // With β = 0 the split would be even, but P3-01's land caps it: the rest passes to P2-01.
  sc.effects = {{"host", "allocate"}, {"host_count", 2}, {"beta", 0}};
  const double cap = 300.0 / r.moved.landHa;
  sc.cluster.jobs *= 1.6;  // land need ×1.6 → P3-01 holds 300/(1.6·447.9) < 0.5
  r = projectEffects(sc, in, makeRanking(in), fb);
  EXPECT_NEAR(r.hosts[1].share, cap / 1.6, 1e-12);
  EXPECT_NEAR(r.hosts[0].share, 1 - cap / 1.6, 1e-12);
  EXPECT_NEAR(r.unallocatedShare, 0, 1e-12);
}

TEST(ProjectEffects, UnknownHostAndMissingSourceAreErrors) {
  const Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Complete);
  sc.effects = {{"host", "P9"}};
  Feedback fb;
  EXPECT_THROW(projectEffects(sc, in, makeRanking(in), fb), InputError);
  sc = makeScenario(TransferMode::Complete);
  sc.sourceRegion = "999999";
  EXPECT_THROW(projectEffects(sc, in, makeRanking(in), fb), InputError);
  sc = makeScenario(TransferMode::Complete);
  sc.effects = {{"theta", 1.4}};
  EXPECT_THROW(projectEffects(sc, in, makeRanking(in), fb), ValidationError);
}

TEST(ProjectEffects, TimelineFollowsTheRampFromBeforeToAfter) {
  const Inputs in = makeInputs(true);
  Feedback fb;
  const EffectsResult r = projectEffects(makeScenario(TransferMode::Complete), in, makeRanking(in), fb);
  ASSERT_EQ(r.ramp.size(), 11u);
  // rows per year: 2 regions × (7 indicators + u) + 1 coupling_d
  EXPECT_EQ(r.timeline.size(), 11u * (2 * 8 + 1));
  for (const TimelineRow& row : r.timeline) {
    const RegionEffect* e = r.regionEffect(row.regionId);
    ASSERT_NE(e, nullptr);
    if (row.indicator == "gdp") {
      const double expected = e->before.gdp + row.ramp * (e->after.gdp - e->before.gdp);
      EXPECT_NEAR(row.value, expected, 1e-9);
    }
    if (row.year == 10 && row.indicator == "isu") {
      EXPECT_NEAR(row.value, e->after.isu, 1e-12);
    }
    if (row.year == 0 && row.indicator == "u") {
      EXPECT_NEAR(row.value, 0.0, 1e-12);
    }
    if (row.year == 10 && row.indicator == "coupling_d") {
      EXPECT_NEAR(row.value, r.coupling[0].d, 1e-12);
    }
  }
}

TEST(ProjectEffects, AttachEffectsFillsTheFlows) {
  const Inputs in = makeInputs(true);
  Results results = makeRanking(in);
  Feedback fb;
  attachEffects(results, makeScenario(TransferMode::Complete), in, fb);
  ASSERT_TRUE(results.effects.has_value());
  ASSERT_EQ(results.flows.size(), 1u);
  EXPECT_EQ(results.flows[0].parkId, "P2-01");
  EXPECT_NEAR(results.flows[0].movedVaYuan100m, 19.65, 1e-12);
  EXPECT_NEAR(results.flows[0].movedJobs, 50000, 1e-9);
  EXPECT_GT(results.flows[0].knowledgeFlowYuan100m, 0.0);
  EXPECT_GT(results.flows[0].distanceKm, 250.0);  // 3° of longitude at 30°N ≈ 289 km
}
