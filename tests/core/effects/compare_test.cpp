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
  // Replication: the source keeps its farms and services; it grows as the hub and gains the
  // shared VA.
  const RegionEffect& src = c.modes[2].regions[0];
  EXPECT_DOUBLE_EQ(src.accountsAfter.y[0], src.accountsBefore.y[0]);
  EXPECT_GT(src.after.gdp, src.before.gdp);
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
    // same number of cells as columns (commas inside quoted cells, e.g. p_class, do not count)
    std::size_t separators = 0;
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      if (ch == ',' && !quoted) ++separators;
    }
    EXPECT_EQ(separators, comparisonColumns().size() - 1);
  }
  EXPECT_EQ(rows, 3);
  EXPECT_EQ(modes, (std::vector<std::string>{"complete", "partial", "replication"}));
  const std::string table = comparisonTable(c);
  for (const char* column : {"vc_source", "inn_host", "str_host_p95", "u_source_p05", "d_p95", "p_class"})
    EXPECT_NE(table.find(column), std::string::npos) << column;
  EXPECT_NE(table.find("replication"), std::string::npos);
  EXPECT_NE(table.find("P2-01"), std::string::npos);
}

TEST(CompareModes, UnwritableCsvIsAnIoError) {
  const Inputs in = makeInputs(true);
  Feedback fb;
  const ModeComparison c = compareModes(makeScenario(TransferMode::Complete), in, makeRanking(in), fb);
  EXPECT_THROW(writeComparisonCsv("/nonexistent-dir/x.csv", c), IoError);
}

TEST(CompareModes, IndicatorCellsSitUnderTheirColumns) {
  // Levels before/after and changes, source and host, each under its own column with its decimals.
  const Inputs in = makeInputs(true);
  Feedback fb;
  const ModeComparison c = compareModes(makeScenario(TransferMode::Complete), in, makeRanking(in), fb);
  const std::vector<std::vector<std::string>> rows = comparisonRows(c);
  const std::vector<std::string>& columns = comparisonColumns();
  auto cell = [&](std::size_t mode, const std::string& column) {
    const auto it = std::find(columns.begin(), columns.end(), column);
    EXPECT_NE(it, columns.end()) << column;
    return rows.at(mode).at(static_cast<std::size_t>(it - columns.begin()));
  };
  auto fixed = [](double v, int decimals) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(decimals);
    s << v;
    return s.str();
  };
  for (std::size_t m = 0; m < c.modes.size(); ++m) {
    const RegionEffect& src = c.modes[m].regions.front();
    const RegionEffect& host = c.modes[m].regions.at(1);
    EXPECT_EQ(cell(m, "source_isu_before"), fixed(src.before.isu, 4));
    EXPECT_EQ(cell(m, "host_isu_after"), fixed(host.after.isu, 4));
    EXPECT_EQ(cell(m, "host_h_before"), fixed(host.before.h, 5));
    EXPECT_EQ(cell(m, "source_lp2_after"), fixed(src.after.lp2, 3));
    EXPECT_EQ(cell(m, "host_ts_change"), fixed(host.after.ts - host.before.ts, 4));
    EXPECT_EQ(cell(m, "source_theil_change"), fixed(src.after.theil - src.before.theil, 4));
    EXPECT_EQ(cell(m, "host_jobs_change_10k"), fixed(host.after.jobs - host.before.jobs, 3));
  }
}
