#include <gtest/gtest.h>

#include "clustershift/auxiliary_data.h"
#include "../io/ogr_fixtures.h"
#include "../problem_matchers.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;
using namespace clustershift::testing;

Scenario scenarioIn(const fs::path& dir) {
  return parseScenario(nlohmann::json::parse(R"({
    "version": 1, "name": "aux",
    "data": {
      "regions": {"path": "regions.gpkg"}, "parks": {"path": "parks.gpkg"},
      "industry_output": {"path": "industry_output.csv"},
      "io_table": {"path": "io_table.csv"}
    },
    "cluster": {"profile": {"id": "c", "industry": "C19", "output_yuan100m": 100, "jobs": 4000,
      "segments": [{"id": "production", "output_share": 1, "job_share": 1, "va_rate": 0.2,
                    "jobs_per_ha": 100, "movable": true}]}},
    "source": {"region": "100"},
    "criteria": [{"id": "labour_cost", "weight": 1}]
  })"), dir.string());
}

TEST(LoadAuxiliaryData, ReadsTheTablesWithTheCoreReaders) {
  const fs::path dir = tempDir("aux_tables");
  writeText(dir / "industry_output.csv", "region_id,C19,C18\n100,300,5\n200,10,\n");
  writeText(dir / "io_table.csv", "sector,C19,S\nC19,0.3,0.01\nS,0.1,0.2\n");
  Inputs inputs;
  loadAuxiliaryData(scenarioIn(dir), inputs);
  ASSERT_TRUE(inputs.industryOutput.has_value());
  EXPECT_EQ(inputs.industryOutput->industries, (std::vector<std::string>{"C19", "C18"}));
  EXPECT_EQ(inputs.industryOutput->regionIds, (std::vector<std::string>{"100", "200"}));
  EXPECT_DOUBLE_EQ(inputs.industryOutput->values[0][0], 300);
  ASSERT_TRUE(inputs.ioTable.has_value());
  EXPECT_DOUBLE_EQ(inputs.ioTable->a[1][0], 0.1);
  for (const Problem& p : inputs.problems) EXPECT_NE(p.severity, Severity::Fatal) << p.text();
}

TEST(LoadAuxiliaryData, AMissingFileIsAProblemAndTheOtherTableIsStillRead) {
  const fs::path dir = tempDir("aux_missing");
  writeText(dir / "industry_output.csv", "region_id,C19\n100,abc\n200,10\n");
  // io_table.csv is not there.
  Inputs inputs;
  EXPECT_NO_THROW(loadAuxiliaryData(scenarioIn(dir), inputs));
  const Problem* missing = nullptr;
  for (const Problem& p : inputs.problems)
    if (p.where.rfind("data.io_table.path", 0) == 0) missing = &p;
  ASSERT_NE(missing, nullptr) << allText(inputs.problems);
  EXPECT_EQ(missing->severity, Severity::Fatal);
  EXPECT_NE(missing->where.find("io_table.csv"), std::string::npos) << missing->where;
  // Both problems are listed, not only the first: the non-numeric cell names its value.
  EXPECT_NE(allText(inputs.problems).find("abc"), std::string::npos) << allText(inputs.problems);
  EXPECT_FALSE(inputs.ioTable.has_value());
}

}  // namespace
}  // namespace clustershift
