#include "clustershift/scenario.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "clustershift/error.h"

namespace clustershift {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json profile() {
  return json::parse(R"({
    "id": "footwear", "name": "Footwear", "name_zh": "鞋业", "industry": "C19",
    "output_yuan100m": 1000, "jobs": 200000, "rd_yuan100m": 10,
    "segments": [
      {"id": "rd", "output_share": 0.1, "job_share": 0.05, "va_rate": 0.5,
       "knowledge_intensity": 0.9, "jobs_per_ha": 200, "movable": false},
      {"id": "production", "output_share": 0.6, "job_share": 0.75, "va_rate": 0.2,
       "knowledge_intensity": 0.2, "jobs_per_ha": 150, "movable": true},
      {"id": "marketing", "output_share": 0.3, "job_share": 0.2, "va_rate": 0.4,
       "knowledge_intensity": 0.5, "jobs_per_ha": 300, "movable": false}
    ]})");
}

json base() {
  json j = json::parse(R"({
    "version": 1,
    "name": "test",
    "title": {"zh_CN": "测试", "en": "Test"},
    "data": {
      "regions": {"path": "../regions.gpkg", "layer": "regions", "fields": {"id": "code"}},
      "parks": {"path": "parks.gpkg", "coordinates": "gcj02"},
      "industry_output": {"path": "/abs/industry_output.csv"}
    },
    "source": {"region": "330300", "lon": 120.65, "lat": 28.0},
    "mode": "complete",
    "criteria": [
      {"id": "labour_cost", "weight": 0.3},
      {"id": "land", "weight": 0.2, "min": 1.0},
      {"id": "distance_source", "weight": 0.2, "direction": "cost"},
      {"id": "policy_level", "weight": 0.15, "params": {"national": 0.9}},
      {"id": "field:land_price", "weight": 0.15, "direction": "cost",
       "value_function": {"type": "minmax"}, "enabled": true, "max": null, "params": {}}
    ],
    "weighting": {"method": "direct"},
    "aggregation": "wlc",
    "missing": "exclude",
    "uncertainty": {"draws": 0, "seed": 42, "concentration": 50, "k": 5},
    "effects": {},
    "report": {"language": "zh_CN", "top_n": 10, "author": ""}
  })");
  j["cluster"] = {{"profile", profile()}};
  return j;
}

/// Parses and returns the problems (empty when it parsed).
std::vector<Problem> problemsOf(const json& j) {
  try {
    parseScenario(j, "/data/scenarios");
  } catch (const ValidationError& e) {
    return e.problems();
  }
  return {};
}

bool hasProblem(const std::vector<Problem>& problems, const std::string& text) {
  for (const Problem& p : problems) {
    if (p.text() == text) return true;
  }
  return false;
}

std::string allText(const std::vector<Problem>& problems) {
  std::string text;
  for (const Problem& p : problems) text += p.text() + "\n";
  return text;
}

#define EXPECT_PROBLEM(problems, text) \
  EXPECT_TRUE(hasProblem(problems, text)) << "expected: " << (text) << "\ngot:\n" << allText(problems)

TEST(Scenario, ParsesTheBriefExample) {
  Scenario s = parseScenario(base(), "/data/scenarios");
  EXPECT_EQ(s.name, "test");
  EXPECT_EQ(s.titleFor("en"), "Test");
  EXPECT_EQ(s.titleFor("zh_CN"), "测试");
  EXPECT_EQ(s.titleFor("fr"), "Test");
  EXPECT_EQ(s.data.regions.path, "/data/regions.gpkg");
  EXPECT_EQ(s.data.regions.field("id"), "code");
  EXPECT_EQ(s.data.regions.field("gdp"), "gdp");
  EXPECT_EQ(s.data.parks.path, "/data/scenarios/parks.gpkg");
  EXPECT_EQ(s.data.parks.coordinates, "gcj02");
  ASSERT_TRUE(s.data.industryOutput.has_value());
  EXPECT_EQ(s.data.industryOutput->path, "/abs/industry_output.csv");
  EXPECT_FALSE(s.data.ioTable.has_value());
  EXPECT_EQ(s.cluster.industry, "C19");
  ASSERT_EQ(s.cluster.segments.size(), 3u);
  EXPECT_DOUBLE_EQ(s.cluster.segments[1].jobsPerHa, 150);
  EXPECT_EQ(s.sourceRegion, "330300");
  ASSERT_TRUE(s.sourceLon.has_value());
  EXPECT_DOUBLE_EQ(*s.sourceLon, 120.65);
  EXPECT_EQ(s.mode, TransferMode::Complete);
  ASSERT_EQ(s.criteria.size(), 5u);
  EXPECT_EQ(s.criteria[1].min.value_or(-1), 1.0);
  EXPECT_FALSE(s.criteria[4].max.has_value());
  EXPECT_EQ(s.criteria[4].direction.value_or(Direction::Benefit), Direction::Cost);
  EXPECT_FALSE(s.criteria[0].direction.has_value());
  EXPECT_EQ(s.criteria[3].params["national"], 0.9);
  EXPECT_EQ(s.movedSegmentList().size(), 3u);
}

TEST(Scenario, WrongTypeNamesTheJsonPathAndValue) {
  json j = base();
  j["criteria"][2]["weight"] = "high";
  EXPECT_PROBLEM(problemsOf(j), "criteria[2].weight: expected a number, got \"high\"");
}

TEST(Scenario, CollectsEveryProblemNotOnlyTheFirst) {
  json j = base();
  j["criteria"][0]["weight"] = "high";
  j["mode"] = "teleport";
  j["report"]["top_n"] = 0;
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "criteria[0].weight: expected a number, got \"high\"");
  EXPECT_PROBLEM(problems, "mode: expected one of complete, partial, replication, got \"teleport\"");
  EXPECT_PROBLEM(problems, "report.top_n: must be in [1, 1000]");
  try {
    parseScenario(j, "/x");
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find("3 problems"), std::string::npos) << e.what();
  }
}

TEST(Scenario, UnknownKeysAreErrorsAtEveryLevel) {
  json j = base();
  j["colour"] = "red";
  j["data"]["parks"]["srid"] = 4326;
  j["criteria"][1]["wieght"] = 1;
  j["cluster"]["profile"]["segments"][0]["shape"] = 1;
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems,
                 "colour: unknown key (allowed: version, name, title, description, data, cluster, "
                 "source, mode, moved_segments, replication, criteria, weighting, aggregation, "
                 "missing, uncertainty, effects, report, candidates)");
  EXPECT_PROBLEM(problems,
                 "data.parks.srid: unknown key (allowed: path, layer, sheet, header_row, service, schema, "
                 "table, encoding, coordinates, fields)");
  EXPECT_PROBLEM(problems,
                 "criteria[1].wieght: unknown key (allowed: id, enabled, direction, value_function, "
                 "weight, min, max, params)");
  EXPECT_PROBLEM(problems,
                 "cluster.profile.segments[0].shape: unknown key (allowed: id, name, name_zh, "
                 "output_share, job_share, va_rate, knowledge_intensity, jobs_per_ha, movable)");
}

TEST(Scenario, InvalidEffectsParameterIsAProblemWithItsJsonPath) {
  json j = base();
  j["effects"] = {{"theta", 1.4}};
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "effects.theta: expected a share in [0,1], got 1.4");
}

TEST(Scenario, UnknownFieldMapColumnIsAnError) {
  json j = base();
  j["data"]["regions"]["fields"]["gpd"] = "GDP";
  auto problems = problemsOf(j);
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].where, "data.regions.fields.gpd");
  EXPECT_EQ(problems[0].message.rfind("unknown column (allowed: id, name, name_zh, province, population", 0), 0u)
      << problems[0].message;
}

TEST(Scenario, MissingRequiredKeys) {
  json j = base();
  j.erase("source");
  j["data"].erase("parks");
  j["criteria"][0].erase("id");
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "source: missing required key");
  EXPECT_PROBLEM(problems, "data.parks: missing required key");
  EXPECT_PROBLEM(problems, "criteria[0].id: missing required key");
}

TEST(Scenario, UnsupportedVersion) {
  json j = base();
  j["version"] = 2;
  EXPECT_PROBLEM(problemsOf(j), "version: unsupported version 2 (this build reads 1)");
  j["version"] = 1.5;
  EXPECT_PROBLEM(problemsOf(j), "version: expected an integer, got 1.5");
}

TEST(Scenario, UnknownCriterionListsTheKnownOnes) {
  json j = base();
  j["criteria"][0]["id"] = "labor_cost";
  auto problems = problemsOf(j);
  ASSERT_EQ(problems.size(), 1u) << allText(problems);
  EXPECT_EQ(problems[0].where, "criteria[0].id");
  EXPECT_EQ(problems[0].message.rfind("unknown criterion 'labor_cost' (known: ", 0), 0u);
  EXPECT_NE(problems[0].message.find("labour_cost"), std::string::npos);
  EXPECT_NE(problems[0].message.find("field:<name>"), std::string::npos);
}

TEST(Scenario, DuplicateCriterionAndNegativeWeight) {
  json j = base();
  j["criteria"][1]["id"] = "labour_cost";
  j["criteria"][2]["weight"] = -1;
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "criteria[1].id: duplicate criterion 'labour_cost'");
  EXPECT_PROBLEM(problems, "criteria[2].weight: must be >= 0, got -1");
}

TEST(Scenario, NeedsAnEnabledCriterionWithWeight) {
  json j = base();
  for (auto& c : j["criteria"]) c["weight"] = 0;
  EXPECT_PROBLEM(problemsOf(j), "criteria: the weights of the enabled criteria are all 0");
  for (auto& c : j["criteria"]) c["enabled"] = false;
  EXPECT_PROBLEM(problemsOf(j), "criteria: needs at least one enabled criterion");
}

TEST(Scenario, MinAboveMaxAndBadDirection) {
  json j = base();
  j["criteria"][1]["max"] = 0.5;
  j["criteria"][2]["direction"] = "down";
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "criteria[1]: min 1 > max 0.5");
  EXPECT_PROBLEM(problems, "criteria[2].direction: expected one of benefit, cost, got \"down\"");
}

TEST(Scenario, ValueFunctionParameters) {
  json j = base();
  j["criteria"][0]["value_function"] = {{"type", "linear"}, {"lo", 1}};
  j["criteria"][1]["value_function"] = {{"type", "gaussian"}, {"target", 1}, {"width", 0}};
  j["criteria"][2]["value_function"] = "sigmoidal";
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "criteria[0].value_function.hi: required by value function 'linear'");
  EXPECT_PROBLEM(problems, "criteria[1].value_function.width: must be > 0");
  EXPECT_PROBLEM(problems,
                 "criteria[2].value_function: expected one of minmax, vector, none, linear, "
                 "sigmoid, gaussian, got \"sigmoidal\"");
  j = base();
  j["criteria"][0]["value_function"] = {{"type", "linear"}, {"lo", 1}, {"hi", 3}};
  j["criteria"][1]["value_function"] = "vector";
  Scenario s = parseScenario(j, "/x");
  EXPECT_EQ(s.criteria[0].valueFunction.type, "linear");
  EXPECT_DOUBLE_EQ(s.criteria[0].valueFunction.params.at("hi"), 3);
  EXPECT_EQ(s.criteria[1].valueFunction.type, "vector");
}

TEST(Scenario, SegmentValidation) {
  json j = base();
  auto& segments = j["cluster"]["profile"]["segments"];
  segments[0]["output_share"] = 1.2;
  segments[1]["jobs_per_ha"] = 0;
  segments[2]["job_share"] = 0.5;
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "cluster.profile.segments[0].output_share: must be in [0, 1], got 1.2");
  EXPECT_PROBLEM(problems, "cluster.profile.segments[1].jobs_per_ha: must be > 0, got 0");
  EXPECT_PROBLEM(problems,
                 "cluster.profile.segments: output_share values sum to 2.1, expected 1 (±0.01)");
  EXPECT_PROBLEM(problems,
                 "cluster.profile.segments: job_share values sum to 1.3, expected 1 (±0.01)");
}

TEST(Scenario, SegmentSharesWithinToleranceAreAccepted) {
  json j = base();
  j["cluster"]["profile"]["segments"][0]["output_share"] = 0.105;  // sum 1.005
  EXPECT_TRUE(problemsOf(j).empty()) << allText(problemsOf(j));
}

TEST(Scenario, DuplicateSegmentIds) {
  json j = base();
  j["cluster"]["profile"]["segments"][2]["id"] = "rd";
  EXPECT_PROBLEM(problemsOf(j), "cluster.profile.segments[2].id: duplicate segment id 'rd'");
}

TEST(Scenario, PartialModeMovedSegmentsMustExist) {
  json j = base();
  j["mode"] = "partial";
  j["moved_segments"] = {"production", "assembly"};
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems,
                 "moved_segments[1]: unknown segment 'assembly' (cluster has: rd, production, "
                 "marketing)");
  j["moved_segments"] = {"production"};
  Scenario s = parseScenario(j, "/x");
  ASSERT_EQ(s.movedSegmentList().size(), 1u);
  EXPECT_EQ(s.movedSegmentList()[0]->id, "production");
}

TEST(Scenario, PartialModeDefaultsToMovableSegments) {
  json j = base();
  j["mode"] = "partial";
  Scenario s = parseScenario(j, "/x");
  ASSERT_EQ(s.movedSegmentList().size(), 1u);
  EXPECT_EQ(s.movedSegmentList()[0]->id, "production");
  for (auto& seg : j["cluster"]["profile"]["segments"]) seg["movable"] = false;
  EXPECT_PROBLEM(problemsOf(j),
                 "moved_segments: no segment moves: list moved_segments or mark segments "
                 "movable in the cluster");
}

TEST(Scenario, MovedSegmentsOnlyInPartialMode) {
  json j = base();
  j["moved_segments"] = {"production"};
  EXPECT_PROBLEM(problemsOf(j),
                 "moved_segments: only allowed when mode is \"partial\" (mode is \"complete\")");
}

TEST(Scenario, ReplicationNeedsScaleAndTemplatePark) {
  json j = base();
  j["mode"] = "replication";
  EXPECT_PROBLEM(problemsOf(j), "replication.template_park: required when mode is \"replication\"");
  j["replication"] = {{"scale", 0}, {"template_park", "P320500-01"}};
  EXPECT_PROBLEM(problemsOf(j), "replication.scale: must be in (0, 1], got 0");
  j["replication"]["scale"] = 1.5;
  EXPECT_PROBLEM(problemsOf(j), "replication.scale: must be in (0, 1], got 1.5");
  j["replication"]["scale"] = 0.4;
  Scenario s = parseScenario(j, "/x");
  EXPECT_EQ(s.mode, TransferMode::Replication);
  EXPECT_DOUBLE_EQ(s.replicationScale, 0.4);
  EXPECT_EQ(s.templatePark, "P320500-01");
  j["mode"] = "complete";
  EXPECT_PROBLEM(problemsOf(j),
                 "replication: only allowed when mode is \"replication\" (mode is \"complete\")");
}

TEST(Scenario, SourceChecks) {
  json j = base();
  j["source"] = {{"region", ""}, {"lon", 200}};
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "source.region: must not be empty");
  EXPECT_PROBLEM(problems, "source.lon: must be in [-180, 180], got 200");
  EXPECT_PROBLEM(problems, "source: give both lon and lat or neither");
}

TEST(Scenario, AhpMatrixMustMatchTheEnabledCriteria) {
  json j = base();
  j["weighting"] = {{"method", "ahp"}, {"matrix", {{1, 3}, {0.3333, 1}}}};
  EXPECT_PROBLEM(problemsOf(j),
                 "weighting.matrix: is 2x2, expected 5x5 (one row per enabled criterion)");
  j["weighting"] = {{"method", "ahp"}, {"matrix", {{1, -3}, {0.3333}}}};
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "weighting.matrix[0][1]: must be > 0, got -3");
  EXPECT_PROBLEM(problems, "weighting.matrix[1]: has 1 entries, expected 2 (square matrix)");
}

TEST(Scenario, ClusterNeedsExactlyOneSource) {
  json j = base();
  j["cluster"] = json::object();
  EXPECT_PROBLEM(problemsOf(j), "cluster: needs one of preset, file or profile");
  j["cluster"] = {{"file", "x.json"}, {"preset", "footwear"}};
  EXPECT_PROBLEM(problemsOf(j), "cluster: give one of preset, file or profile");
}

TEST(Scenario, ClusterFromFileResolvedAgainstTheScenarioFolder) {
  fs::path dir = fs::path(CLUSTERSHIFT_TEST_TMP) / "scenario_cluster_file";
  fs::create_directories(dir / "clusters");
  std::ofstream(dir / "clusters" / "mine.json") << profile().dump();
  json j = base();
  j["cluster"] = {{"file", "clusters/mine.json"}};
  Scenario s = parseScenario(j, dir.string());
  EXPECT_EQ(s.cluster.id, "footwear");
  EXPECT_EQ(s.cluster.segments.size(), 3u);

  json bad = profile();
  bad["segments"][0]["va_rate"] = "x";
  std::ofstream(dir / "clusters" / "bad.json") << bad.dump();
  j["cluster"] = {{"file", "clusters/bad.json"}};
  try {
    parseScenario(j, dir.string());
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_PROBLEM(e.problems(), "bad.json:segments[0].va_rate: expected a number, got \"x\"");
  }
  j["cluster"] = {{"file", "clusters/none.json"}};
  auto problems = problemsOf(j);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "cluster.file");
}

TEST(Scenario, ClusterPresetFromTheDataFolder) {
  fs::path dir = fs::path(CLUSTERSHIFT_TEST_TMP) / "scenario_presets";
  fs::create_directories(dir / "clusters");
  json p = profile();
  p["id"] = "socks";
  std::ofstream(dir / "clusters" / "socks.json") << p.dump();
  setenv("CLUSTERSHIFT_DATA", dir.string().c_str(), 1);
  EXPECT_EQ(presetSearchPath().front(), (dir / "clusters").string());
  json j = base();
  j["cluster"] = {{"preset", "socks"}};
  Scenario s = parseScenario(j, "/x");
  EXPECT_EQ(s.cluster.id, "socks");
  EXPECT_EQ(s.clusterPreset, "socks");
  j["cluster"] = {{"preset", "no_such_preset"}};
  auto problems = problemsOf(j);
  unsetenv("CLUSTERSHIFT_DATA");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].where, "cluster.preset");
  EXPECT_EQ(problems[0].message.rfind("unknown preset \"no_such_preset\" (known: ", 0), 0u);
  EXPECT_NE(problems[0].message.find("socks"), std::string::npos);
}

TEST(Scenario, SourceTreePresetsAreFound) {
  fs::path footwear = fs::path(CLUSTERSHIFT_SOURCE_DIR) / "sample_data" / "clusters" / "footwear.json";
  ASSERT_TRUE(fs::exists(footwear)) << "sample_data/clusters/footwear.json is missing";
  json j = base();
  j["cluster"] = {{"preset", "footwear"}};
  Scenario s = parseScenario(j, "/x");
  EXPECT_EQ(s.clusterPreset, "footwear");
  EXPECT_FALSE(s.cluster.segments.empty());
}

TEST(Scenario, OptionalLayersTitleStringAndEncoding) {
  json j = base();
  j["title"] = "Plain title";
  j["data"]["parks"]["encoding"] = "GBK";
  j["data"]["exclusions"] = {{"path", "zones.shp"}, {"fields", {{"name", "NAME"}}}};
  j["data"]["roads"] = {{"path", "roads.gpkg"}, {"fields", {{"speed_kmh", "maxspeed"}}}};
  Scenario s = parseScenario(j, "/d");
  EXPECT_EQ(s.titleFor("zh_CN"), "Plain title");
  EXPECT_EQ(s.data.parks.encoding, "GBK");
  ASSERT_TRUE(s.data.exclusions.has_value());
  EXPECT_EQ(s.data.exclusions->path, "/d/zones.shp");
  EXPECT_EQ(s.data.exclusions->field("name"), "NAME");
  ASSERT_TRUE(s.data.roads.has_value());
  EXPECT_EQ(s.data.roads->field("speed_kmh"), "maxspeed");
  EXPECT_EQ(s.data.roads->field("class"), "class");
  j["data"]["roads"]["fields"]["lanes"] = "LANES";
  j["data"]["exclusions"]["coordinates"] = "gcj02";
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "data.roads.fields.lanes: unknown column (allowed: class, speed_kmh)");
  EXPECT_PROBLEM(problems,
                 "data.exclusions.coordinates: unknown key (allowed: path, layer, sheet, header_row, "
                 "service, schema, table, encoding, fields)");
}

TEST(Scenario, PresetSearchPathEndsWithTheSourceTree) {
  std::vector<std::string> dirs = presetSearchPath();
  ASSERT_GE(dirs.size(), 2u);
  EXPECT_EQ(fs::path(dirs.back()).lexically_normal(),
            (fs::path(CLUSTERSHIFT_SOURCE_DIR) / "sample_data" / "clusters").lexically_normal());
}

TEST(Scenario, ToJsonRoundTrips) {
  json j = base();
  j["mode"] = "partial";
  j["moved_segments"] = {"production"};
  j["criteria"][0]["value_function"] = {{"type", "linear"}, {"lo", 0.5}, {"hi", 2}};
  Scenario s = parseScenario(j, "/data/scenarios");
  json out = toJson(s);
  Scenario again = parseScenario(out, "/elsewhere");
  EXPECT_EQ(toJson(again), out);
  EXPECT_EQ(again.data.regions.path, "/data/regions.gpkg");
  EXPECT_EQ(again.movedSegments, std::vector<std::string>{"production"});
  EXPECT_EQ(again.criteria[0].valueFunction.params.at("lo"), 0.5);
  EXPECT_EQ(again.criteria[1].min.value_or(0), 1.0);
}

TEST(Scenario, LoadScenarioReportsUnreadableFilesAsIoErrors) {
  EXPECT_THROW(loadScenario("/nonexistent/scenario.json"), IoError);
  fs::path dir = fs::path(CLUSTERSHIFT_TEST_TMP) / "scenario_load";
  fs::create_directories(dir);
  std::ofstream(dir / "broken.json") << "{ \"version\": 1, ";
  EXPECT_THROW(loadScenario((dir / "broken.json").string()), InputError);
  json j = base();
  j.erase("name");
  std::ofstream(dir / "my_case.json") << "// comments are allowed\n" << j.dump(2);
  Scenario s = loadScenario((dir / "my_case.json").string());
  EXPECT_EQ(s.name, "my_case");
  EXPECT_EQ(s.baseDir, dir.string());
  EXPECT_EQ(s.data.parks.path, (dir / "parks.gpkg").string());
}

TEST(Scenario, TransferModeNames) {
  EXPECT_EQ(toString(TransferMode::Replication), "replication");
  EXPECT_EQ(transferModeFromString("partial"), TransferMode::Partial);
  EXPECT_THROW(transferModeFromString("full"), InputError);
  EXPECT_EQ(toString(Direction::Cost), "cost");
}

TEST(Scenario, CandidateGridReadAndWritten) {
  json j = base();
  j["candidates"] = {
      {"grid_km", 2.5}, {"keep", 50}, {"raster", false}, {"spacing_km", 12.5}, {"per_region", 0}};
  const Scenario s = parseScenario(j, ".");
  EXPECT_DOUBLE_EQ(s.candidates.gridKm, 2.5);
  EXPECT_EQ(s.candidates.keep, 50);
  EXPECT_FALSE(s.candidates.raster);
  EXPECT_DOUBLE_EQ(s.candidates.spacingKm, 12.5);
  EXPECT_EQ(s.candidates.perRegion, 0);
  const Scenario again = parseScenario(toJson(s), ".");
  EXPECT_DOUBLE_EQ(again.candidates.gridKm, 2.5);
  EXPECT_EQ(again.candidates.keep, 50);
  EXPECT_DOUBLE_EQ(again.candidates.spacingKm, 12.5);
  EXPECT_EQ(again.candidates.perRegion, 0);
  // The spacing defaults (docs/model.md "Candidate sites"): 5 km, 3 cells per region.
  json d = base();
  d["candidates"] = {{"grid_km", 1}};
  const Scenario defaults = parseScenario(d, ".");
  EXPECT_DOUBLE_EQ(defaults.candidates.spacingKm, 5.0);
  EXPECT_EQ(defaults.candidates.perRegion, 3);
  EXPECT_FALSE(toJson(parseScenario(base(), ".")).contains("candidates"));
}

TEST(Scenario, CandidateGridProblemsNamed) {
  json j = base();
  j["candidates"] = {{"grid_km", 0.01}, {"keep", 0}, {"cell", 1}, {"spacing_km", -1}, {"per_region", -2}};
  auto problems = problemsOf(j);
  EXPECT_PROBLEM(problems, "candidates.grid_km: must be a cell side >= 0.1 km, got 0.01");
  EXPECT_PROBLEM(problems, "candidates.keep: must be in [1, 100000], got 0");
  EXPECT_PROBLEM(problems,
                 "candidates.cell: unknown key (allowed: grid_km, keep, raster, spacing_km, per_region)");
  EXPECT_PROBLEM(problems, "candidates.spacing_km: must be a distance >= 0 km (0: no spacing), got -1");
  EXPECT_PROBLEM(problems, "candidates.per_region: must be in [0, 100000] (0: no limit), got -2");
}

}  // namespace
}  // namespace clustershift
