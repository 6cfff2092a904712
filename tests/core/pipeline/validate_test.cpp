#include <gtest/gtest.h>

#include "clustershift/geo.h"
#include "clustershift/pipeline.h"
#include "pipeline/candidates.h"
#include "../criteria/synthetic_fixture.h"
#include "../problem_matchers.h"

namespace clustershift {
namespace {

using nlohmann::json;
using testing::allText;
using testing::findProblem;
using testing::syntheticInputs;
using testing::syntheticScenario;
using testing::syntheticScenarioJson;

int fatalCount(const std::vector<Problem>& problems) {
  int n = 0;
  for (const Problem& p : problems) n += p.severity == Severity::Fatal;
  return n;
}

TEST(Validate, TheSyntheticCaseHasOnlyTheOutsideParkWarning) {
  auto problems = validate(syntheticScenario(), syntheticInputs());
  EXPECT_EQ(fatalCount(problems), 0) << allText(problems);
  EXPECT_PROBLEM(problems, Severity::Warning,
                 "parks.gpkg/parks fid=5: park 'P4' is outside every region; excluded");
  EXPECT_EQ(findProblem(problems, "parks.gpkg/parks fid=5: park 'P4' is outside every region; excluded")
                ->featureId,
            "P4");
}

TEST(Validate, LoadingProblemsAreIncluded) {
  Inputs in = syntheticInputs();
  in.problems.push_back(Problem{Severity::Warning, "regions.gpkg/regions fid=2 field 'gdp'", "is NULL", "200"});
  auto problems = validate(syntheticScenario(), in);
  EXPECT_PROBLEM(problems, Severity::Warning, "regions.gpkg/regions fid=2 field 'gdp': is NULL");
}

TEST(Validate, EmptyLayers) {
  Inputs in = syntheticInputs();
  in.regions.clear();
  in.parks.clear();
  auto problems = validate(syntheticScenario(), in);
  EXPECT_PROBLEM(problems, Severity::Fatal, "regions.gpkg/regions: has no regions (empty layer)");
  EXPECT_PROBLEM(problems, Severity::Fatal, "parks.gpkg/parks: has no parks (empty layer)");
}

TEST(Validate, DuplicateAndEmptyIds) {
  Inputs in = syntheticInputs();
  in.parks[3].id = "P1";
  in.regions[2].id = "";
  auto problems = validate(syntheticScenario(), in);
  EXPECT_PROBLEM(problems, Severity::Fatal, "parks.gpkg/parks fid=4: duplicate id 'P1' (also fid=2)");
  EXPECT_PROBLEM(problems, Severity::Fatal, "regions.gpkg/regions fid=3: has an empty id");
}

TEST(Validate, SourceRegionMustExist) {
  json j = syntheticScenarioJson();
  j["source"]["region"] = "999";
  auto problems = validate(parseScenario(j, "/tmp"), syntheticInputs());
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "source.region: region '999' not found in regions.gpkg/regions");
}

TEST(Validate, TemplateParkMustExist) {
  json j = syntheticScenarioJson();
  j["mode"] = "replication";
  j["replication"] = {{"scale", 0.5}, {"template_park", "P9"}};
  auto problems = validate(parseScenario(j, "/tmp"), syntheticInputs());
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "replication.template_park: park 'P9' not found in parks.gpkg/parks");
  j["replication"]["template_park"] = "P0";
  EXPECT_EQ(fatalCount(validate(parseScenario(j, "/tmp"), syntheticInputs())), 0);
}

TEST(Validate, NoParkInsideAnyRegionIsFatal) {
  Inputs in = syntheticInputs();
  for (Park& p : in.parks) {
    p.lon += 50;  // e.g. swapped axes or a wrong CRS
  }
  auto problems = validate(syntheticScenario(), in);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "parks.gpkg/parks: no park lies inside any region of regions.gpkg/regions (do "
                 "the layers' CRSs match their coordinates?)");
}

TEST(Validate, ParksAreJoinedAgainWhateverTheCallerLeft) {
  Inputs in = syntheticInputs();
  joinParksToRegions(in);
  in.parks[1].region = -1;  // stale or foreign join result
  in.parks[4].region = 2;
  auto problems = validate(syntheticScenario(), in);
  EXPECT_FALSE(findProblem(problems, "parks.gpkg/parks fid=2: park 'P1' is outside every region; excluded"));
  EXPECT_PROBLEM(problems, Severity::Warning,
                 "parks.gpkg/parks fid=5: park 'P4' is outside every region; excluded");
}

TEST(Validate, WhatEnabledCriteriaNeed) {
  Inputs in = syntheticInputs();
  for (Region& r : in.regions) r.values.erase("wage");
  for (Park& p : in.parks) p.values.erase("available_ha");
  json j = syntheticScenarioJson();
  j["criteria"].push_back({{"id", "field:nope"}, {"weight", 1}});
  j["criteria"].push_back({{"id", "field:also_nope"}, {"weight", 1}, {"enabled", false}});
  auto problems = validate(parseScenario(j, "/tmp"), in);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "regions.gpkg/regions: has no field for column 'wage', needed by criterion "
                 "labour_cost (map it in data.regions.fields)");
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "parks.gpkg/parks: has no field for column 'available_ha', needed by criterion "
                 "land (map it in data.parks.fields)");
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "parks.gpkg/parks: criterion field:nope: no numeric field 'nope' in "
                 "parks.gpkg/parks or regions.gpkg/regions");
  EXPECT_EQ(fatalCount(problems), 3) << allText(problems);  // disabled criteria are not checked
}

TEST(Validate, SourceRegionValueNeededByACriterion) {
  Inputs in = syntheticInputs();
  in.regions[0].values["wage"] = kNaN;
  auto problems = validate(syntheticScenario(), in);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "regions.gpkg/regions fid=1 field 'wage': source region '100' has no value, "
                 "criterion labour_cost needs a value > 0");
}

// Issue 12: validate() passes what run() rejects. A wage that is NULL in every host region leaves
// labour_cost with no value at any candidate; validate() says so with the words run() uses (one
// routine, detail::noValueProblem), and run() stops in that check before computing anything.
TEST(Validate, CriterionThatCanOnlyBeNullIsFatalWithRunsWords) {
  Inputs in = syntheticInputs();
  for (Region& r : in.regions)
    if (r.id != "100") r.values["wage"] = kNaN;
  const auto problems = validate(syntheticScenario(), in);
  const Problem* p = nullptr;
  for (const Problem& q : problems)
    if (q.message.rfind("labour_cost: no value for any of the", 0) == 0) p = &q;
  ASSERT_NE(p, nullptr) << allText(problems);
  EXPECT_EQ(p->severity, Severity::Fatal);
  EXPECT_EQ(
      p->text(),
      "parks.gpkg/parks: labour_cost: no value for any of the 4 candidate parks, every one is NULL (first: "
      "parks.gpkg/parks fid=2: labour_cost: host region '200' has no wage > 0)");
  Feedback feedback;
  try {
    run(syntheticScenario(), in, feedback);
    FAIL() << "expected ValidationError";
  } catch (const ValidationError& e) {
    EXPECT_NE(std::string(e.what()).find(p->text()), std::string::npos) << e.what();
  }
  EXPECT_EQ(feedback.progress(), 0.0);  // stopped before the first step of the run
}

TEST(Validate, ProblemsCarryCodesAndValuesBesideTheirEnglishWording) {
  // The UI words these itself (layers::problemText); the English text stays as the CLI prints it.
  Inputs in = syntheticInputs();
  for (Region& r : in.regions)
    if (r.id != "100") r.values["wage"] = kNaN;
  in.parks[3].id = "P1";
  const auto problems = validate(syntheticScenario(), in);
  const Problem* duplicate = findProblem(problems, "parks.gpkg/parks fid=4: duplicate id 'P1' (also fid=2)");
  ASSERT_NE(duplicate, nullptr) << allText(problems);
  EXPECT_EQ(duplicate->code, "duplicate_id");
  EXPECT_EQ(duplicate->values.at("id"), "P1");
  EXPECT_EQ(duplicate->values.at("also"), "fid=2");
  const Problem* allNull = nullptr;
  for (const Problem& q : problems)
    if (q.code == "criterion_all_null") allNull = &q;
  ASSERT_NE(allNull, nullptr) << allText(problems);
  EXPECT_EQ(allNull->values.at("criterion"), "labour_cost");
  EXPECT_EQ(allNull->values.at("count"), "4");
  // The first warning nested under "first.": its own code and values.
  EXPECT_EQ(allNull->values.at("first.code"), "host_without_wage");
  EXPECT_EQ(allNull->values.at("first.region"), "200");
  EXPECT_EQ(allNull->values.at("first.where"), "parks.gpkg/parks fid=2");
}

TEST(Validate, FieldCriterionNullAtEveryCandidateIsFatal) {
  json j = syntheticScenarioJson();
  j["criteria"].push_back({{"id", "field:land_price"}, {"weight", 0.5}});
  Inputs in = syntheticInputs();
  for (Region& r : in.regions) r.values["land_price"] = kNaN;
  const auto problems = validate(parseScenario(j, "/tmp"), in);
  bool found = false;
  for (const Problem& q : problems)
    found = found ||
            (q.severity == Severity::Fatal &&
             q.message.rfind("field:land_price: no value for any of the 4 candidate parks, every one is NULL",
                             0) == 0);
  EXPECT_TRUE(found) << allText(problems);
  // One host with a value is enough.
  in.regions[1].values["land_price"] = 300;
  for (const Problem& q : validate(parseScenario(j, "/tmp"), in))
    EXPECT_EQ(q.message.find("no value for any"), std::string::npos) << q.text();
}

// Issue 12: a source too far from the road network was found after the whole network was built
// (25 s on a national data set). validate() finds it from the road vertices alone, with the
// distance and the limit, in the words compute() uses; run() stops there before any criterion.
TEST(Validate, SourceFarFromTheRoadNetworkIsFatalWithDistanceAndLimit) {
  json j = syntheticScenarioJson();
  j["criteria"].push_back({{"id", "travel_time_source"}, {"weight", 0.5}, {"params", {{"max_snap_km", 20}}}});
  Inputs in = syntheticInputs();
  Road road;
  road.fid = "1";
  road.wkb = detail::geosToWkb(
      detail::geosFromWkt("LINESTRING(110.5 31, 111.5 31)", "road").get());  // 55.4 km north
  in.roads = {road};
  const auto problems = validate(parseScenario(j, "/tmp"), in);
  EXPECT_PROBLEM(
      problems, Severity::Fatal,
      "source: travel_time_source: the source location (110.5, 30.5) is 55.43 km from the nearest road "
      "node (params.max_snap_km 20)");
  Feedback feedback;
  EXPECT_THROW(run(parseScenario(j, "/tmp"), in, feedback), ValidationError);
  EXPECT_EQ(feedback.progress(), 0.0);
  // Within the limit: nothing to say.
  j["criteria"].back()["params"]["max_snap_km"] = 60;
  for (const Problem& q : validate(parseScenario(j, "/tmp"), in))
    EXPECT_EQ(q.message.find("travel_time_source"), std::string::npos) << q.text();
  // Without roads: the same words as compute().
  in.roads.clear();
  const auto withoutRoads = validate(parseScenario(j, "/tmp"), in);
  EXPECT_PROBLEM(withoutRoads, Severity::Fatal,
                 "data.roads: travel_time_source: needs a road layer (scenario data.roads); none was loaded");
}

// The pipeline joins once and then checks (detail::validateJoined); validate() joins a copy
// itself, ignoring the regions the caller left. Both must report the same problems, in order.
TEST(Validate, JoinedInputsGiveTheSameProblemsAsValidate) {
  Scenario scenario = syntheticScenario();
  scenario.sourceRegion = "999";  // a fatal problem besides the outside-park warning
  Inputs in = syntheticInputs();
  for (Park& park : in.parks) park.region = 0;  // stale: validate() must not trust these
  const std::vector<Problem> expected = validate(scenario, in);
  Inputs joined = in;
  const std::vector<Problem> got = detail::joinAndValidate(scenario, joined);
  EXPECT_EQ(joined.parks[4].region, -1) << "P4 lies outside every region: joined, not the stale 0";
  EXPECT_EQ(allText(got), allText(expected));
  EXPECT_EQ(fatalCount(got), fatalCount(expected));
  EXPECT_PROBLEM(got, Severity::Warning,
                 "parks.gpkg/parks fid=5: park 'P4' is outside every region; excluded");
  EXPECT_NE(allText(got).find("source.region: region '999' not found"), std::string::npos) << allText(got);
}

}  // namespace
}  // namespace clustershift
