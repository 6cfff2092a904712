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

TEST(Accounts, SourceLosesMovedVaAndJobsFromSecondary) {
  const SectorAccounts b = sample();
  const SectorAccounts a = sourceAfter(b, direct(19.65, 50000, 100, 2), true, 0.5, 0.05, 0.4);
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

TEST(Accounts, ReplicationLeavesTheSourceUntouched) {
  const SectorAccounts b = sample();
  const SectorAccounts a = sourceAfter(b, direct(19.65, 50000, 100, 2), false, 0.5, 0.05);
  EXPECT_EQ(a.y, b.y);
  EXPECT_EQ(a.l, b.l);
  EXPECT_EQ(a.rd, b.rd);
}

TEST(Accounts, HostGainsDirectVaInSecondaryAndDrawsThetaFromAgriculture) {
  SectorAccounts b;
  b.y = {80, 150, 170};
  b.l = {60, 50, 40};
  b.rd = 4;
  const IoMultipliers none;  // no indirect effects
  const SectorAccounts a = hostAfter(b, direct(19.65, 50000, 100, 2), none, 0.3, 0.7);
  EXPECT_DOUBLE_EQ(a.y[1], 150 + 19.65);
  EXPECT_DOUBLE_EQ(a.l[1], 50 + 5.0);
  // θ = 0.3 of 5 new (10k) jobs leave agriculture with Y1/L1 = 80/60 each.
  EXPECT_DOUBLE_EQ(a.l[0], 60 - 1.5);
  EXPECT_DOUBLE_EQ(a.y[0], 80 - 1.5 * 80 / 60);
  EXPECT_DOUBLE_EQ(a.y[2], 170);
  EXPECT_DOUBLE_EQ(a.rd, 4 + 2 + 0.7);
}

TEST(Accounts, HostIndirectEffectsAddBySector) {
  SectorAccounts b;
  b.y = {80, 150, 170};
  b.l = {60, 50, 40};
  IoMultipliers m;
  m.available = true;
  m.indirectVa = {0.1, 0.2, 0.3};
  m.indirectJobs = {0.001, 0.002, 0.003};
  const SectorAccounts a = hostAfter(b, direct(20, 10000, 100), m, 0.0, 0.0);
  EXPECT_DOUBLE_EQ(a.y[0], 80 + 10);
  EXPECT_DOUBLE_EQ(a.y[1], 150 + 20 + 20);
  EXPECT_DOUBLE_EQ(a.y[2], 170 + 30);
  EXPECT_DOUBLE_EQ(a.l[0], 60 + 0.1);
  EXPECT_DOUBLE_EQ(a.l[1], 50 + 1 + 0.2);
  EXPECT_DOUBLE_EQ(a.l[2], 40 + 0.3);
}
