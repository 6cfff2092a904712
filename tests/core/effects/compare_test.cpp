#include "clustershift/effects.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "effects_fixture.h"

using namespace clustershift;
using namespace clustershift::effects_test;

TEST(CompareModes, ThreeModesSameHostDifferentEffects) {
  const Inputs in = makeInputs(true);
  Feedback fb;
  const ModeComparison c = compareModes(makeScenario(TransferMode::Partial), in, makeRanking(in), fb);
  ASSERT_EQ(c.modes.size(), 3u);
  EXPECT_EQ(c.modes[0].mode, TransferMode::Complete);
  EXPECT_EQ(c.modes[1].mode, TransferMode::Partial);
  EXPECT_EQ(c.modes[2].mode, TransferMode::Replication);
  for (const EffectsResult& r : c.modes) EXPECT_EQ(r.hosts[0].parkId, "P2-01");
  EXPECT_GT(c.modes[0].moved.vaYuan100m, c.modes[1].moved.vaYuan100m);
  EXPECT_GT(c.modes[0].moved.vaYuan100m, c.modes[2].moved.vaYuan100m);
  // Replication: the source is unchanged.
  EXPECT_DOUBLE_EQ(c.modes[2].regions[0].after.gdp, c.modes[2].regions[0].before.gdp);
}

TEST(CompareModes, CsvAndTable) {
  const Inputs in = makeInputs(true);
  Feedback fb;
  const ModeComparison c = compareModes(makeScenario(TransferMode::Complete), in, makeRanking(in), fb);
  const std::string path = std::string(CLUSTERSHIFT_TEST_TMP) + "_effects_compare.csv";
  writeComparisonCsv(path, c);
  std::ifstream f(path);
  ASSERT_TRUE(f.good());
  std::string header, line;
  std::getline(f, header);
  EXPECT_EQ(header.rfind("mode,host_park,host_region,moved_segments,moved_output_yuan100m", 0), 0u);
  int rows = 0;
  std::vector<std::string> modes;
  while (std::getline(f, line)) {
    ++rows;
    modes.push_back(line.substr(0, line.find(',')));
    // same number of cells as columns (no cell contains a comma here)
    EXPECT_EQ(static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')),
              comparisonColumns().size() - 1);
  }
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(modes, (std::vector<std::string>{"complete", "partial", "replication"}));
  const std::string table = comparisonTable(c);
  EXPECT_NE(table.find("coupling_d"), std::string::npos);
  EXPECT_NE(table.find("replication"), std::string::npos);
  EXPECT_NE(table.find("P2-01"), std::string::npos);
}

TEST(CompareModes, UnwritableCsvIsAnIoError) {
  const Inputs in = makeInputs(true);
  Feedback fb;
  const ModeComparison c = compareModes(makeScenario(TransferMode::Complete), in, makeRanking(in), fb);
  EXPECT_THROW(writeComparisonCsv("/nonexistent-dir/x.csv", c), IoError);
}
