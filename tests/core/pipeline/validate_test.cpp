#include <gtest/gtest.h>

#include "clustershift/geo.h"
#include "clustershift/pipeline.h"
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

}  // namespace
}  // namespace clustershift
