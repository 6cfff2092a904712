// Every block of the scenario file goes through one table of fields (core/src/scenario/block.h):
// what parseScenario reads, toJson writes back, and every block names its unknown keys.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clustershift/error.h"
#include "clustershift/scenario.h"

namespace clustershift {
namespace {

using nlohmann::json;

/// A scenario that sets every key of every block to a value other than its default (paths
/// absolute so that resolving them changes nothing; "sheet" is written back as "layer", see
/// source_location.h). `mode` picks the blocks that depend on it.
json everyBlock(const std::string& mode) {
  json j = json::parse(R"({
    "version": 1,
    "name": "every block",
    "title": {"zh_CN": "全部", "en": "All"},
    "description": "each key set",
    "data": {
      "regions": {"path": "/d/regions.gpkg", "layer": "regions", "encoding": "GBK",
                  "fields": {"id": "code", "name_zh": "mc"}},
      "parks": {"path": "/d/parks.gpkg", "layer": "parks", "coordinates": "bd09",
                "fields": {"area_ha": "mj"}},
      "industry_output": {"path": "/d/industry_output.csv", "fields": {"region_id": "code"}},
      "io_table": {"path": "/d/io.xlsx", "layer": "io", "header_row": 3, "fields": {"sector": "bm"}},
      "exclusions": {"path": "/d/zones.gpkg", "layer": "zones", "fields": {"id": "zid", "name": "zname"}},
      "roads": {"path": "/d/roads.gpkg", "layer": "roads", "fields": {"class": "fclass", "speed_kmh": "v"}}
    },
    "cluster": {"preset": "my_label", "profile": {
      "id": "footwear", "name": "Footwear", "name_zh": "鞋业", "industry": "C19",
      "output_yuan100m": 1000, "jobs": 200000, "rd_yuan100m": 10,
      "segments": [
        {"id": "rd", "name": "R&D", "name_zh": "研发", "output_share": 0.4, "job_share": 0.25,
         "va_rate": 0.5, "knowledge_intensity": 0.9, "jobs_per_ha": 200, "movable": false},
        {"id": "production", "name": "Production", "name_zh": "生产", "output_share": 0.6,
         "job_share": 0.75, "va_rate": 0.2, "knowledge_intensity": 0.2, "jobs_per_ha": 150,
         "movable": true}]}},
    "source": {"region": "330300", "lon": 120.65, "lat": 28.0},
    "criteria": [
      {"id": "labour_cost", "enabled": true, "direction": "cost", "weight": 0.3, "min": 1, "max": 9,
       "value_function": {"type": "linear", "lo": 0.5, "hi": 2}, "params": {}},
      {"id": "land", "enabled": true, "direction": "benefit", "weight": 0.7, "min": null, "max": 3,
       "value_function": {"type": "gaussian", "target": 4, "width": 2}, "params": {}},
      {"id": "policy_level", "enabled": false, "weight": 0.2, "min": null, "max": null,
       "value_function": {"type": "sigmoid", "mid": 1, "steepness": 3}, "params": {"national": 0.9}}
    ],
    "weighting": {"method": "blend", "matrix": [[1, 3], [0.3333333333333333, 1]], "alpha": 0.25,
                  "objective": "critic"},
    "aggregation": "topsis",
    "missing": "worst",
    "uncertainty": {"draws": 200, "seed": 7, "concentration": 20, "k": 3},
    "effects": {"theta": 0.5},
    "report": {"language": "en", "top_n": 7, "author": "Planning office"}
  })");
  j["mode"] = mode;
  if (mode == "partial") j["moved_segments"] = {"production"};
  if (mode == "replication") j["replication"] = {{"scale", 0.5}, {"template_park", "P1"}};
  return j;
}

/// Every key of `expected` stands in `actual` with the same value (recursively); returns the
/// JSON paths that differ.
void missingFrom(const json& expected, const json& actual, const std::string& path,
                 std::vector<std::string>& out) {
  if (expected.is_object() && actual.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string p = path.empty() ? it.key() : path + "." + it.key();
      if (!actual.contains(it.key()))
        out.push_back(p + " (absent)");
      else
        missingFrom(*it, actual.at(it.key()), p, out);
    }
    return;
  }
  if (expected.is_array() && actual.is_array() && expected.size() == actual.size()) {
    for (std::size_t i = 0; i < expected.size(); ++i)
      missingFrom(expected[i], actual[i], path + "[" + std::to_string(i) + "]", out);
    return;
  }
  if (expected.is_number() && actual.is_number() && expected.get<double>() == actual.get<double>()) return;
  if (expected != actual) out.push_back(path + ": " + expected.dump() + " != " + actual.dump());
}

class EveryBlock : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryBlock, ParseWriteParseKeepsEveryKey) {
  const json in = everyBlock(GetParam());
  const Scenario first = parseScenario(in, "/d");
  const json out = toJson(first);
  std::vector<std::string> lost;
  missingFrom(in, out, "", lost);
  EXPECT_TRUE(lost.empty()) << ::testing::PrintToString(lost);
  const Scenario second = parseScenario(out, "/elsewhere");
  EXPECT_EQ(toJson(second), out);
  // A few members directly, so that equal JSON is not equal because both sides lost them.
  ASSERT_TRUE(second.data.ioTable.has_value());
  EXPECT_EQ(second.data.ioTable->headerRow, 3);
  EXPECT_EQ(second.data.parks.coordinates, "bd09");
  EXPECT_EQ(second.cluster.segments.at(1).nameZh, "生产");
  EXPECT_EQ(second.criteria.at(1).valueFunction.params.at("width"), 2.0);
  EXPECT_EQ(second.weighting.objective, "critic");
  EXPECT_EQ(second.uncertainty.seed, 7u);
  EXPECT_EQ(second.report.topN, 7);
  EXPECT_EQ(second.clusterPreset, "my_label");
}

INSTANTIATE_TEST_SUITE_P(Modes, EveryBlock, ::testing::Values("complete", "partial", "replication"));

TEST(ScenarioBlocks, UnknownKeyInEveryBlockIsReportedWithItsPath) {
  // JSON pointer of each block -> the path the problem must carry.
  const std::vector<std::pair<std::string, std::string>> blocks = {
      {"", "bogus"},
      {"/data", "data.bogus"},
      {"/data/regions", "data.regions.bogus"},
      {"/data/parks", "data.parks.bogus"},
      {"/data/industry_output", "data.industry_output.bogus"},
      {"/data/io_table", "data.io_table.bogus"},
      {"/data/exclusions", "data.exclusions.bogus"},
      {"/data/roads", "data.roads.bogus"},
      {"/cluster", "cluster.bogus"},
      {"/cluster/profile", "cluster.profile.bogus"},
      {"/cluster/profile/segments/1", "cluster.profile.segments[1].bogus"},
      {"/source", "source.bogus"},
      {"/replication", "replication.bogus"},
      {"/criteria/2", "criteria[2].bogus"},
      {"/criteria/0/value_function", "criteria[0].value_function.bogus"},
      {"/weighting", "weighting.bogus"},
      {"/uncertainty", "uncertainty.bogus"},
      {"/effects", "effects.bogus"},
      {"/report", "report.bogus"},
  };
  for (const auto& [pointer, path] : blocks) {
    json j = everyBlock("replication");
    j[json::json_pointer(pointer)]["bogus"] = 1;
    std::vector<Problem> problems;
    try {
      parseScenario(j, "/d");
    } catch (const ValidationError& e) {
      problems = e.problems();
    }
    ASSERT_EQ(problems.size(), 1u) << pointer;
    EXPECT_EQ(problems[0].where, path);
    EXPECT_EQ(problems[0].message.rfind("unknown key (", 0), 0u) << problems[0].message;
  }
}

TEST(ScenarioBlocks, NonStringMovedSegmentIsAProblemNotACrash) {
  // Before the blocks, a non-number here escaped as nlohmann's type_error instead of a problem.
  json j = everyBlock("partial");
  j["moved_segments"] = {true, nullptr};
  std::vector<std::string> texts;
  try {
    parseScenario(j, "/d");
  } catch (const ValidationError& e) {
    for (const Problem& p : e.problems()) texts.push_back(p.text());
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"moved_segments[0]: expected a string, got true",
                                             "moved_segments[1]: expected a string, got null"}));
}

}  // namespace
}  // namespace clustershift
