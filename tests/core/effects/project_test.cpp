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
  sc.effects = {{"theta", 0.0}, {"reuse", 0.0}, {"rho", 0.5}};
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
  sc.effects = {{"theta", 0.0}, {"reuse", 0.0}};
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
  // The source loses its own suppliers' demand too (its multipliers, not the host's).
  ASSERT_TRUE(r.source.multipliers.available);
  EXPECT_NEAR(dY(r.regions[0], 1),
              -r.moved.vaYuan100m - r.source.multipliers.indirectVa[1] * r.moved.outputYuan100m, 1e-9);
  EXPECT_GT(r.source.supplierVaLossYuan100m, 0.0);
  EXPECT_LT(r.source.multipliers.outputMultiplier, h.multipliers.outputMultiplier + 1.0);
}

TEST(ProjectEffects, ReplicationIsAHubThatGrowsAndSharesTheReplicasGains) {
  const Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Replication);
  sc.replicationScale = 0.5;
  Feedback fb;
  const EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  const RegionEffect& src = r.regions[0];
  // The replica copies the movable segments (production, assembly) at λ = 0.5.
  EXPECT_EQ(r.moved.segmentIds, (std::vector<std::string>{"production", "assembly"}));
  EXPECT_NEAR(r.hosts[0].direct.outputYuan100m, 0.5 * 80.0, 1e-12);
  EXPECT_NEAR(r.hosts[0].direct.vaYuan100m, 0.5 * (9.0 + 2.4), 1e-12);
  // The source keeps everything; its R&D and marketing grow by η·λ = 0.25 to serve both plants.
  EXPECT_EQ(src.accountsAfter.y[0], src.accountsBefore.y[0]);
  EXPECT_EQ(src.accountsAfter.y[2], src.accountsBefore.y[2]);
  EXPECT_NEAR(r.source.hubVaYuan100m, 0.25 * (0.05 * 0.45 + 0.15 * 0.40) * 100, 1e-12);
  EXPECT_NEAR(dY(src, 1), r.source.hubVaYuan100m, 1e-12);
  EXPECT_NEAR(r.source.hubJobs, 0.25 * (0.05 + 0.05) * 50000, 1e-9);
  // τ = 0.5 of the replica's VA is credited to the source and leaves the host's GDP: once each.
  EXPECT_NEAR(src.accountsAfter.sharedVa, 0.5 * r.hosts[0].direct.vaYuan100m, 1e-12);
  EXPECT_NEAR(r.regions[1].accountsAfter.sharedVa, -0.5 * r.hosts[0].direct.vaYuan100m, 1e-12);
  EXPECT_NEAR(r.hosts[0].sharedTaxYuan100m, 0.5 * 0.08 * r.hosts[0].direct.vaYuan100m, 1e-12);
  // A real source side: innovation from the hub and the reverse flow, and a coupling class.
  EXPECT_GT(r.hosts[0].reverseFlowYuan100m, 0.0);
  EXPECT_GT(src.mechanisms.inn, 0.0);
  EXPECT_GT(src.upgrading, 0.5);
  ASSERT_FALSE(r.coupling.empty());
  EXPECT_GE(r.coupling[0].cls.index, 0);
  EXPECT_GT(r.coupling[0].d, 0.0);
}

TEST(ProjectEffects, PartialMovesOnlyTheListedSegments) {
  const Inputs in = makeInputs(false);
  Scenario sc = makeScenario(TransferMode::Partial);
  sc.movedSegments = {"production"};
  sc.effects = {{"theta", 0.0}, {"reuse", 0.0}};
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

TEST(ProjectEffects, KnowledgeFlowsDrawOnlyOnRdThatStaysAndAreConserved) {
  const Inputs in = makeInputs(true);
  const TransferMode modes[3] = {TransferMode::Complete, TransferMode::Partial, TransferMode::Replication};
  for (TransferMode mode : modes) {
    Feedback fb;
    const EffectsResult r = projectEffects(makeScenario(mode), in, makeRanking(in), fb);
    const HostEffect& h = r.hosts[0];
    // a = (4/400)/(25/1000) = 0.4.
    EXPECT_NEAR(h.absorptive, 0.4, 1e-12);
    const double rd = 2.0;  // the cluster's R&D
    const double decay = std::exp(-h.distanceKm / 300.0);
    double pool = 0;
    if (mode == TransferMode::Complete) pool = 0;  // all R&D moved: nothing stays to flow from
    if (mode == TransferMode::Partial) pool = rd - r.moved.rdYuan100m;
    if (mode == TransferMode::Replication) pool = rd * (1 + r.params.hubGrowth * r.moved.scale * r.moved.hubRdShare);
    EXPECT_NEAR(h.knowledgeFlowYuan100m, std::min(pool, r.params.phi.of(mode) * pool * 0.4 * decay), 1e-12);
    if (mode != TransferMode::Replication) EXPECT_LE(r.moved.rdYuan100m + h.knowledgeFlowYuan100m, rd + 1e-12);
    // The reverse flow draws on the host plant's R&D only.
    EXPECT_LE(h.reverseFlowYuan100m, h.direct.rdYuan100m + 1e-12);
  }
}

// The research's signs hold for a less-industrialised host; from the accounts they must turn
// for a host whose manufacturing is more productive than the cluster and which is past
// industrialisation (little farm labour, services as productive as industry).
TEST(ProjectEffects, SignsTurnForAMoreProductiveHostPastIndustrialisation) {
  Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Complete);
  sc.effects = {{"host", "P3-01"}, {"uncertainty", {{"draws", 0}}}};
  Feedback fb;
  // Region 300000 as an industrialising county: farm labour 50 %, industry at 3 万元/person,
  // below the cluster's 3.93.
  in.regions[2] = makeRegion("300000", {40, 90, 80}, {60, 30, 30}, 1.5, 115.0, 28.0);
  EffectsResult r = projectEffects(sc, in, makeRanking(in), fb);
  const RegionEffect* poor = r.regionEffect("300000");
  ASSERT_NE(poor, nullptr);
  EXPECT_GT(poor->mechanisms.vc, 0.0);
  EXPECT_GT(poor->mechanisms.str, 0.0);
  EXPECT_GT(r.hosts[0].drawnFromAgriculture, 0.0);

  // The same region as a developed city: farm labour 1 %, industry at 20 万元/person.
  in.regions[2] = makeRegion("300000", {10, 800, 900}, {1, 40, 40}, 30, 115.0, 28.0);
  // A second result: `poor` points into the first (found by the ASan build of make core-check).
  const EffectsResult r2 = projectEffects(sc, in, makeRanking(in), fb);
  const RegionEffect* rich = r2.regionEffect("300000");
  ASSERT_NE(rich, nullptr);
  EXPECT_LT(rich->mechanisms.vc, 0.0);
  EXPECT_LT(rich->mechanisms.str, 0.0);
  EXPECT_DOUBLE_EQ(r2.hosts[0].drawnFromAgriculture, 0.0);  // no surplus farm labour
  EXPECT_LT(rich->upgradingSigned, poor->upgradingSigned);
}

TEST(ProjectEffects, MonteCarloGivesIntervalsAroundTheCentralValuesAndClassProbabilities) {
  const Inputs in = makeInputs(true);
  Scenario sc = makeScenario(TransferMode::Partial);
  sc.effects = {{"uncertainty", {{"draws", 300}, {"seed", 9}}}};
  Feedback fb;
  const EffectsResult a = projectEffects(sc, in, makeRanking(in), fb);
  ASSERT_EQ(a.draws, 300);
  for (const RegionEffect& e : a.regions)
    for (const std::string& m : mechanismNames()) {
      const Interval& i = e.intervals.at(m);
      EXPECT_LE(i.p05, i.p95);
      EXPECT_LE(i.p05, e.mechanisms.get(m) + 1e-9) << e.regionId << " " << m;
      EXPECT_GE(i.p95, e.mechanisms.get(m) - 1e-9) << e.regionId << " " << m;
    }
  double total = 0;
  for (double p : a.couplingUncertainty[0].pClass) total += p;
  EXPECT_NEAR(total, 1.0, 1e-12);
  // Seeded: the same seed gives the same intervals.
  const EffectsResult b = projectEffects(sc, in, makeRanking(in), fb);
  EXPECT_EQ(a.couplingUncertainty[0].d.p05, b.couplingUncertainty[0].d.p05);
  EXPECT_EQ(a.regions[1].intervals.at("vc").p95, b.regions[1].intervals.at("vc").p95);
  // No draws: no intervals.
  sc.effects = {{"uncertainty", {{"draws", 0}}}};
  const EffectsResult c = projectEffects(sc, in, makeRanking(in), fb);
  EXPECT_EQ(c.draws, 0);
  EXPECT_TRUE(c.couplingUncertainty.empty());
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
  // rows per year: 2 regions × (9 indicators + 3 mechanisms + u) + 1 coupling_d
  EXPECT_EQ(r.timeline.size(), 11u * (2 * 13 + 1));
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
      EXPECT_NEAR(row.value, 0.5, 1e-12);  // no change yet: Ũ = 0.5
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
  EXPECT_DOUBLE_EQ(results.flows[0].knowledgeFlowYuan100m, 0.0);  // complete: no R&D stays
  EXPECT_GT(results.flows[0].distanceKm, 250.0);  // 3° of longitude at 30°N ≈ 289 km
}
