// supply_chain criterion (core/src/criteria/supply_chain.cpp) through the registry.
#include <cmath>

#include "clustershift/indices.h"
#include "economic_fixture.h"

using clustershift::test::EconomicFixture;

namespace {

// Cluster industry I3 buys (column I3 of A): I1 0.2, I2 0.1, I3 0.1, I4 0, S 0.3.
// S (services) is not in the industry-output table, so it has no LQ and is left out.
void addIoTable(EconomicFixture& f) {
  clustershift::IoTable io;
  io.sectors = {"I1", "I2", "I3", "I4", "S"};
  io.a = {{0.1, 0.0, 0.2, 0.0, 0.0},
          {0.0, 0.1, 0.1, 0.0, 0.0},
          {0.0, 0.0, 0.1, 0.1, 0.0},
          {0.0, 0.0, 0.0, 0.1, 0.0},
          {0.1, 0.1, 0.3, 0.1, 0.2}};
  f.inputs.ioTable = io;
}

}  // namespace

TEST(SupplyChain, IoWeightedCappedLocationQuotients) {
  EconomicFixture f;
  addIoTable(f);
  // R2: LQ = (0.1/0.24, 0.3/0.24, 0.4/0.18, 0.2/0.34) = (0.41667, 1.25, 2.22222, 0.58824)
  //   S = (0.2·0.41667 + 0.1·1.25 + 0.1·2.22222) / 0.4 = 0.43056 / 0.4 = 1.07639
  // R3: LQ = (0.2/0.24, 0.4/0.24, 0.1/0.18) = (0.83333, 1.66667, 0.55556)
  //   S = (0.16667 + 0.16667 + 0.05556) / 0.4 = 0.97222
  auto raw = f.run("supply_chain");
  EXPECT_NEAR(raw[1], 1.0763888889, 1e-9);
  EXPECT_NEAR(raw[2], 0.9722222222, 1e-9);
  // cap 2: R2 = (0.08333 + 0.125 + 0.2) / 0.4 = 1.02083
  raw = f.run("supply_chain", {{"cap", 2.0}});
  EXPECT_NEAR(raw[1], 1.0208333333, 1e-9);
  // own purchases left out: R2 = (0.08333 + 0.125) / 0.3 = 0.69444
  raw = f.run("supply_chain", {{"include_own", false}});
  EXPECT_NEAR(raw[1], 0.6944444444, 1e-9);
}

TEST(SupplyChain, MissingTablesNameTheScenarioKeys) {
  EconomicFixture f;
  f.expectError("supply_chain", "supply_chain: scenario data.io_table is required");
  addIoTable(f);
  f.inputs.industryOutput.reset();
  f.expectError("supply_chain", "supply_chain: scenario data.industry_output is required");
  const auto problems = f.check("supply_chain");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].message, "supply_chain: scenario data.industry_output is required");
}

TEST(SupplyChain, BadParamsAreErrors) {
  EconomicFixture f;
  addIoTable(f);
  f.expectError("supply_chain", "supply_chain: params.cap: expected a number, got \"high\"", {{"cap", "high"}});
  f.expectError("supply_chain", "supply_chain: params.include_own: expected true or false, got 1",
                {{"include_own", 1}});
}

TEST(SupplyChain, RunsOnTheSampleTables) {
  // sample_data/industry_output.csv (95 regions × 20 industries) and io_table.csv (25 sectors):
  // footwear (C19) buys from C17, C18, C19, C20, C21, C26, C29, ... and A, B, D, S (left out).
  const std::string dir = std::string(CLUSTERSHIFT_SOURCE_DIR) + "/sample_data/";
  EconomicFixture f;
  f.inputs.industryOutput =
      clustershift::industryMatrixFromCsv(clustershift::readCsvTable(dir + "industry_output.csv"));
  f.inputs.ioTable = clustershift::ioTableFromCsv(clustershift::readCsvTable(dir + "io_table.csv"));
  f.scenario.cluster.industry = "C19";
  const auto& ids = f.inputs.industryOutput->regionIds;
  ASSERT_GE(ids.size(), 4u);
  for (int r = 0; r < 4; ++r) f.inputs.regions[r].id = ids[static_cast<std::size_t>(r)];
  const auto raw = f.run("supply_chain");
  for (double v : raw) {
    EXPECT_TRUE(std::isfinite(v));
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 3.0);  // a weighted mean of LQs capped at 3
  }
  const auto density = f.run("relatedness");
  for (double v : density) {
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
  EXPECT_TRUE(f.feedback.warnings().empty());
}
