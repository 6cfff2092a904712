#include "clustershift/effects.h"

#include <gtest/gtest.h>

#include "effects_fixture.h"

using namespace clustershift;

namespace {
SectorAccounts sample() {
  SectorAccounts a;
  a.y = {50, 400, 550};
  a.l = {20, 150, 130};
  a.rd = 25;
  return a;
}
DirectEffect direct(double va, double jobs, double output = 0, double rd = 0) {
  DirectEffect d;
  d.vaYuan100m = va;
  d.jobs = jobs;
  d.outputYuan100m = output;
  d.rdYuan100m = rd;
  return d;
}
}  // namespace

TEST(Accounts, ReadFromRegionColumns) {
  const Region r = effects_test::makeRegion("9", {1, 2, 3}, {4, 5, 6}, 0.5, 0, 0);
  const SectorAccounts a = accountsOf(r);
  EXPECT_EQ(a.y, (std::array<double, 3>{1, 2, 3}));
  EXPECT_EQ(a.l, (std::array<double, 3>{4, 5, 6}));
  EXPECT_DOUBLE_EQ(a.rd, 0.5);
  EXPECT_DOUBLE_EQ(a.gdp(), 6);
  EXPECT_DOUBLE_EQ(a.jobs(), 15);
}

TEST(Accounts, MissingColumnIsAnErrorNamingRegionAndField) {
  Region r = effects_test::makeRegion("330300", {1, 2, 3}, {4, 5, 6}, 0.5, 0, 0);
  r.values.erase("l2");
  try {
    accountsOf(r, "regions.gpkg/regions");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("regions.gpkg/regions id=330300: field 'l2' is missing"),
              std::string::npos);
  }
}

namespace {
EffectsParams sourceParams(double rho, double mu, double pi, double reuse) {
  EffectsParams p;
  p.rho = rho;
  p.mu = mu;
  p.reemploymentProductivity = pi;
  p.reuse = reuse;
  return p;
}
}  // namespace

TEST(Accounts, SourceLosesMovedVaAndJobsFromSecondary) {
  const SectorAccounts b = sample();
  SourceChange change;
  change.leaving = direct(19.65, 50000, 100, 2);
  const SectorAccounts a = sourceAfter(b, change, sourceParams(0.5, 0.05, 0.4, 0.0));
  EXPECT_DOUBLE_EQ(a.y[1], 400 - 19.65);
  EXPECT_DOUBLE_EQ(a.l[1], 150 - 5.0);
  // ρ = 0.5 of 5 (10k) freed jobs re-employed in services at π = 0.4 of Y3/L3 = 550/130.
  EXPECT_DOUBLE_EQ(a.l[2], 130 + 2.5);
  EXPECT_NEAR(a.y[2], 550 + 2.5 * 0.4 * 550 / 130, 1e-12);
  EXPECT_DOUBLE_EQ(a.y[0], 50);
  EXPECT_DOUBLE_EQ(a.l[0], 20);
  // R&D: −2 leaving + μ·ΔVA reinvested.
  EXPECT_DOUBLE_EQ(a.rd, 25 - 2 + 0.05 * 19.65);
}

TEST(Accounts, SourceReLetsFreedLandAtItsAverageManufacturingProductivity) {
  // 腾笼换鸟: κ = 0.4 of the 5 (10k) freed cluster jobs are re-hired on the re-let land at
  // Y2/L2 = 400/150; ρ = 0.5 of the other 3 find service jobs.
  const SectorAccounts b = sample();
  SourceChange change;
  change.leaving = direct(19.65, 50000, 100, 2);
  const SectorAccounts a = sourceAfter(b, change, sourceParams(0.5, 0.05, 0.4, 0.4));
  EXPECT_NEAR(a.y[1], 400 - 19.65 + 2.0 * 400 / 150, 1e-12);
  EXPECT_NEAR(a.l[1], 150 - 5.0 + 2.0, 1e-12);
  EXPECT_NEAR(a.l[2], 130 + 1.5, 1e-12);
  EXPECT_NEAR(a.y[2], 550 + 1.5 * 0.4 * 550 / 130, 1e-12);
}

TEST(Accounts, SourceSuppliersLoseTheMovedOutputsDemand) {
  // The source's own multipliers: per 亿元 of moved output its suppliers lose 0.1/0.2/0.05
  // 亿元 VA and 0.001/0.002/0.0005 (10k) jobs in sectors 1..3.
  const SectorAccounts b = sample();
  SourceChange change;
  change.leaving = direct(20, 10000, 100);
  change.multipliers.available = true;
  change.multipliers.indirectVa = {0.1, 0.2, 0.05};
  change.multipliers.indirectJobs = {0.001, 0.002, 0.0005};
  const SectorAccounts a = sourceAfter(b, change, sourceParams(0.0, 0.0, 0.35, 0.0));
  EXPECT_NEAR(a.y[0], 50 - 10, 1e-12);
  EXPECT_NEAR(a.y[1], 400 - 20 - 20, 1e-12);
  EXPECT_NEAR(a.y[2], 550 - 5, 1e-12);
  EXPECT_NEAR(a.l[0], 20 - 0.1, 1e-12);
  EXPECT_NEAR(a.l[1], 150 - 1 - 0.2, 1e-12);
  EXPECT_NEAR(a.l[2], 130 - 0.05, 1e-12);
  // GDP identity: the source loses the moved VA plus its suppliers' VA.
  EXPECT_NEAR(b.gdp() - a.gdp(), 20 + 35, 1e-9);
}

TEST(Accounts, ReplicationHubGrowsAtTheSourceAndSharesAppearOnce) {
  const SectorAccounts b = sample();
  SourceChange change;
  change.sourceLoses = false;
  change.leaving = direct(19.65, 50000, 100, 2);  // ignored: the source keeps everything
  change.hubVaYuan100m = 3;
  change.hubJobs = 2000;
  change.hubRdYuan100m = 0.5;
  change.reverseFlowYuan100m = 0.1;
  change.sharedVaYuan100m = 4;
  const SectorAccounts a = sourceAfter(b, change, EffectsParams());
  EXPECT_DOUBLE_EQ(a.y[1], 400 + 3);
  EXPECT_DOUBLE_EQ(a.l[1], 150 + 0.2);
  EXPECT_DOUBLE_EQ(a.y[0], b.y[0]);
  EXPECT_DOUBLE_EQ(a.y[2], b.y[2]);
  EXPECT_DOUBLE_EQ(a.rd, 25 + 0.5 + 0.1);
  EXPECT_DOUBLE_EQ(a.sharedVa, 4);
  EXPECT_DOUBLE_EQ(a.gdp(), b.gdp() + 3 + 4);
  EXPECT_DOUBLE_EQ(a.production(), b.production() + 3);
}

TEST(Accounts, HostGainsDirectVaInSecondaryAndDrawsSurplusFarmLabour) {
  SectorAccounts b;
  b.y = {80, 150, 170};
  b.l = {60, 50, 40};  // S1 = 0.4
  b.rd = 4;
  HostInflow in;
  in.direct = direct(19.65, 50000, 100, 2);
  in.knowledgeFlowYuan100m = 0.7;
  double drawn = 0;
  const SectorAccounts a = hostAfter(b, in, 0.6, 0.05, &drawn);
  EXPECT_DOUBLE_EQ(a.y[1], 150 + 19.65);
  EXPECT_DOUBLE_EQ(a.l[1], 50 + 5.0);
  // θ_h = 0.6 · (1 − 0.05/0.4) = 0.525 of 5 new (10k) jobs leave agriculture with Y1/L1 each.
  EXPECT_NEAR(drawn, 0.525 * 5, 1e-12);
  EXPECT_NEAR(a.l[0], 60 - 2.625, 1e-12);
  EXPECT_NEAR(a.y[0], 80 * (1 - 2.625 / 60), 1e-12);
  EXPECT_DOUBLE_EQ(a.y[2], 170);
  EXPECT_DOUBLE_EQ(a.rd, 4 + 2 + 0.7);
}

TEST(Accounts, HostWithoutSurplusFarmLabourDrawsNothingAndNoAccountTurnsNegative) {
  // The case: a developed host whose agriculture is below the benchmark share
  // (Suzhou Industrial Park-like), and a county whose l1 is smaller than θ·new jobs.
  SectorAccounts developed;
  developed.y = {170.9, 11500.8, 12288.3};
  developed.l = {4.8, 394.3, 369.9};  // S1 = 0.6 % < 5 %
  HostInflow in;
  in.direct = direct(60, 56000, 240);
  double drawn = -1;
  SectorAccounts a = hostAfter(developed, in, 0.6, 0.05, &drawn);
  EXPECT_DOUBLE_EQ(drawn, 0.0);
  EXPECT_DOUBLE_EQ(a.y[0], developed.y[0]);
  EXPECT_DOUBLE_EQ(a.l[0], developed.l[0]);

  SectorAccounts county;
  county.y = {0.3, 10, 8};
  county.l = {0.05, 1, 1};  // S1 = 2.4 % < 5 %: no surplus even though l1 > 0
  a = hostAfter(county, in, 1.0, 0.05, &drawn);
  EXPECT_DOUBLE_EQ(drawn, 0.0);
  county.l = {0.5, 1, 1};  // S1 = 20 %: surplus 0.5 − 0.05·2.5 = 0.375 < θ·N
  a = hostAfter(county, in, 1.0, 0.05, &drawn);
  EXPECT_NEAR(drawn, 0.375, 1e-12);
  EXPECT_GE(a.y[0], 0.0);
  EXPECT_GE(a.l[0], 0.0);
  EXPECT_NEAR(a.l[0], 0.125, 1e-12);
  EXPECT_NEAR(a.y[0], 0.3 * 0.125 / 0.5, 1e-12);
}

TEST(Accounts, HostSpilloverRaisesLocalVaWithoutJobsAndSharedVaLeavesHostGdp) {
  SectorAccounts b;
  b.y = {80, 150, 170};
  b.l = {60, 50, 40};
  HostInflow in;
  in.direct = direct(20, 10000, 100);
  in.spilloverVaYuan100m = 1.5;
  in.sharedVaYuan100m = 10;
  const SectorAccounts a = hostAfter(b, in, 0.0, 0.05);
  EXPECT_DOUBLE_EQ(a.y[1], 150 + 20 + 1.5);
  EXPECT_DOUBLE_EQ(a.l[1], 50 + 1);
  EXPECT_DOUBLE_EQ(a.sharedVa, -10);
  EXPECT_DOUBLE_EQ(a.gdp(), b.gdp() + 21.5 - 10);
}

TEST(Accounts, HostIndirectEffectsAddBySector) {
  SectorAccounts b;
  b.y = {80, 150, 170};
  b.l = {60, 50, 40};
  HostInflow in;
  in.direct = direct(20, 10000, 100);
  in.multipliers.available = true;
  in.multipliers.indirectVa = {0.1, 0.2, 0.3};
  in.multipliers.indirectJobs = {0.001, 0.002, 0.003};
  const SectorAccounts a = hostAfter(b, in, 0.0, 0.05);
  EXPECT_DOUBLE_EQ(a.y[0], 80 + 10);
  EXPECT_DOUBLE_EQ(a.y[1], 150 + 20 + 20);
  EXPECT_DOUBLE_EQ(a.y[2], 170 + 30);
  EXPECT_DOUBLE_EQ(a.l[0], 60 + 0.1);
  EXPECT_DOUBLE_EQ(a.l[1], 50 + 1 + 0.2);
  EXPECT_DOUBLE_EQ(a.l[2], 40 + 0.3);
}

TEST(Accounts, SettleResiduesZeroesRoundingLeftoversOnly) {
  // The national benchmark's case: the source's primary sector drained to nothing came out as
  // −8.9e−16 亿元 (subtractions that cancel), which the structure indices rejected as negative.
  SectorAccounts a;
  a.y = {-8.9e-16, 400, 550};
  a.l = {-2e-13, 150, 130};
  a.rd = -1e-14;
  settleResidues(a);
  EXPECT_EQ(a.y[0], 0.0);
  EXPECT_EQ(a.l[0], 0.0);
  EXPECT_EQ(a.rd, 0.0);
  EXPECT_EQ(a.y[1], 400.0);  // the others untouched
  EXPECT_EQ(a.l[2], 130.0);

  // Relative to the region's total (950 亿元, 280 10k persons): 1e−9 of it is the bound.
  SectorAccounts edge;
  edge.y = {-0.9e-6, 400, 550};  // 0.9e−6 ≤ 1e−9 · 950.0000009: a residue
  edge.l = {-0.3e-6, 150, 130};  // 0.3e−6 > 1e−9 · 280.0000003: real
  settleResidues(edge);
  EXPECT_EQ(edge.y[0], 0.0);
  EXPECT_EQ(edge.l[0], -0.3e-6);

  // Real deficits stay negative (the projection then rejects them with the region named).
  SectorAccounts real;
  real.y = {-0.5, 400, 550};
  real.l = {20, -1e-3, 130};
  real.rd = -2;
  settleResidues(real);
  EXPECT_EQ(real.y[0], -0.5);
  EXPECT_EQ(real.l[1], -1e-3);
  EXPECT_EQ(real.rd, -2.0);
}
