#include <gtest/gtest.h>

#include <cmath>

#include "clustershift/pipeline.h"
#include "../io/ogr_fixtures.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;
using namespace clustershift::testing;

/// A scenario folder with regions.gpkg, parks.geojson, two CSV tables and scenarios/x.json.
fs::path makeCase(const std::string& name) {
  fs::path dir = tempDir(name);
  writeLayer((dir / "regions.gpkg").string(), "GPKG", "regions", 4326, wkbPolygon, regionFields(),
             {{"POLYGON((110 30,111 30,111 31,110 31,110 30))",
               {"100", "Source", "源", "P", "10", "100", "100000", "500"}},
              {"POLYGON((111 30,112 30,112 31,111 31,111 30))",
               {"200", "Host", "承", "P", "10", "100", "50000", "200"}}});
  writeText(dir / "parks.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"P1","level":"national","area_ha":500,"available_ha":400},
     "geometry":{"type":"Point","coordinates":[111.5,30.5]}},
    {"type":"Feature","properties":{"id":"P2","level":"county","area_ha":50,"available_ha":20},
     "geometry":{"type":"Point","coordinates":[111.2,30.2]}}]})");
  writeText(dir / "industry_output.csv", "region_id,C19\n100,300\n200,10\n");
  writeText(dir / "io_table.csv", "sector,C19,S\nC19,0.3,0.01\nS,0.1,0.2\n");
  fs::create_directories(dir / "scenarios");
  writeText(dir / "scenarios" / "case.json", R"({
    "version": 1, "name": "case",
    "data": {
      "regions": {"path": "../regions.gpkg", "layer": "regions"},
      "parks": {"path": "../parks.geojson"},
      "industry_output": {"path": "../industry_output.csv"},
      "io_table": {"path": "../io_table.csv"}
    },
    "cluster": {"profile": {"id": "c", "industry": "C19", "output_yuan100m": 100, "jobs": 4000,
      "segments": [{"id": "production", "output_share": 1, "job_share": 1, "va_rate": 0.2,
                    "jobs_per_ha": 100, "movable": true}]}},
    "source": {"region": "100"},
    "effects": {"enabled": false},
    "criteria": [{"id": "labour_cost", "weight": 1}, {"id": "land", "weight": 1, "min": 1}]
  })");
  return dir;
}

TEST(LoadInputs, ReadsEverySourceOfAScenario) {
  fs::path dir = makeCase("pipeline_load");
  Scenario s = loadScenario((dir / "scenarios" / "case.json").string());
  Feedback feedback;
  Inputs in = loadInputs(s, feedback);
  EXPECT_EQ(in.regionsLabel, "regions.gpkg/regions");
  EXPECT_EQ(in.parksLabel, "parks.geojson/parks");
  ASSERT_EQ(in.regions.size(), 2u);
  ASSERT_EQ(in.parks.size(), 2u);
  ASSERT_TRUE(in.industryOutput.has_value());
  EXPECT_DOUBLE_EQ(in.industryOutput->values[0][0], 300);
  ASSERT_TRUE(in.ioTable.has_value());
  EXPECT_EQ(in.ioTable->sectors, (std::vector<std::string>{"C19", "S"}));
  EXPECT_TRUE(in.exclusions.empty());
  for (const Problem& p : in.problems) EXPECT_NE(p.severity, Severity::Fatal) << p.text();

  Results r = run(s, in, feedback);
  // need 40 ha: P1 400/40 = 10 ok, P2 20/40 = 0.5 excluded.
  EXPECT_EQ(r.parks[0].rank, 1);
  EXPECT_EQ(r.parks[1].status, "excluded");
  EXPECT_EQ(r.parks[1].reason, "land_raw 0.50 < min 1.00 (available 20.0 ha < needed 40.0 ha)");
  ASSERT_EQ(r.flows.size(), 1u);
  EXPECT_GT(r.sourceLon, 110);  // point on the source region's surface
  EXPECT_LT(r.sourceLon, 111);
}

TEST(LoadInputs, UnreadableSourceIsAnIoError) {
  fs::path dir = makeCase("pipeline_load_missing");
  fs::remove(dir / "parks.geojson");
  Scenario s = loadScenario((dir / "scenarios" / "case.json").string());
  Feedback feedback;
  EXPECT_THROW(loadInputs(s, feedback), IoError);
}

TEST(LoadInputs, CancelIsHonoured) {
  fs::path dir = makeCase("pipeline_load_cancel");
  Scenario s = loadScenario((dir / "scenarios" / "case.json").string());
  Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(loadInputs(s, feedback), Cancelled);
}

}  // namespace
}  // namespace clustershift
