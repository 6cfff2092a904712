#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "clustershift/geo.h"
#include "clustershift/pipeline.h"
#include "../criteria/synthetic_fixture.h"

namespace clustershift {
namespace {

using nlohmann::json;
using testing::syntheticInputs;
using testing::syntheticScenarioJson;

Results runWith(const json& j, Inputs inputs = syntheticInputs()) {
  Feedback feedback;
  return run(parseScenario(j, "/tmp"), std::move(inputs), feedback);
}

TEST(Run, EffectsThatCannotBeComputedAreAnErrorNotASilentOmission) {
  // The synthetic regions have no sector accounts (y1..y3, l1..l3, rd).
  json j = syntheticScenarioJson();
  j["effects"] = json::object();
  try {
    runWith(j);
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("effects: cannot be computed:"), std::string::npos) << what;
    EXPECT_NE(what.find("field 'y1' is missing"), std::string::npos) << what;
    EXPECT_NE(what.find("\"enabled\": false"), std::string::npos) << what;
  }
}

TEST(Run, RanksFeasibleParksAndExplainsExclusions) {
  Results r = runWith(syntheticScenarioJson());
  ASSERT_EQ(r.parks.size(), 6u);
  // Feasible: P1 (labour 2, land 4.44) and P2 (labour 1.25, land 3.33): min-max gives 1 and 0.
  EXPECT_EQ(r.parks[1].status, "ok");
  EXPECT_EQ(r.parks[1].rank, 1);
  EXPECT_DOUBLE_EQ(r.parks[1].score, 1.0);
  EXPECT_EQ(r.parks[2].rank, 2);
  EXPECT_DOUBLE_EQ(r.parks[2].score, 0.0);

  EXPECT_EQ(r.parks[0].status, "excluded");
  EXPECT_EQ(r.parks[0].reason, "in the source region");
  EXPECT_EQ(r.parks[3].reason, "labour_cost: missing value");
  EXPECT_EQ(r.parks[4].reason, "outside every region");
  EXPECT_EQ(r.parks[5].reason,
            "land_raw 0.11 < min 1.00 (available 10.0 ha < needed 90.0 ha)");
  for (int p : {0, 3, 4, 5}) {
    EXPECT_EQ(r.parks[p].rank, 0) << p;
    EXPECT_TRUE(std::isnan(r.parks[p].score)) << p;
  }
  // Excluded parks keep their raw values.
  EXPECT_DOUBLE_EQ(r.parks[5].criteria[0].raw, 2.0);
  EXPECT_NEAR(r.parks[5].criteria[1].raw, 10.0 / 90.0, 1e-12);
  EXPECT_TRUE(std::isnan(r.parks[5].criteria[1].norm));

  EXPECT_EQ(r.parks[1].regionId, "200");
  EXPECT_EQ(r.parks[4].regionId, "");
  EXPECT_EQ(r.sourceRegionId, "100");
  EXPECT_EQ(r.ranking().front(), 1);
  EXPECT_EQ(r.ranking()[1], 2);
}

TEST(Run, CriterionInfoAndContributions) {
  json j = syntheticScenarioJson();
  j["criteria"][0]["weight"] = 3;
  j["criteria"][1]["weight"] = 1;
  j["criteria"].push_back({{"id", "distance_source"}, {"weight", 0}});
  Results r = runWith(j);
  ASSERT_EQ(r.criteria.size(), 3u);
  EXPECT_EQ(r.criteria[0].id, "labour_cost");
  EXPECT_EQ(r.criteria[0].label, "Labour cost advantage");
  EXPECT_DOUBLE_EQ(r.criteria[0].weight, 0.75);
  EXPECT_DOUBLE_EQ(r.criteria[1].weight, 0.25);
  EXPECT_EQ(r.criteria[2].direction, Direction::Cost);
  EXPECT_EQ(r.criteria[2].unit, "km");
  for (const ParkResult& p : r.parks) {
    if (p.status != "ok") continue;
    double sum = 0;
    for (const CriterionScore& c : p.criteria) sum += c.contrib;
    EXPECT_NEAR(sum, p.score, 1e-12) << p.id;  // WLC: score = Σ contributions
  }
}

TEST(Run, TiesShareTheBetterRank) {
  Inputs in = syntheticInputs();
  in.parks[2].values["available_ha"] = 400;   // P2 now equals P1 on land
  in.regions[2].values["wage"] = 50000;        // and on labour cost
  in.regions[3].values["wage"] = 100000;       // P3: labour 1, land 2.22 -> last
  Results r = runWith(syntheticScenarioJson(), in);
  EXPECT_EQ(r.parks[1].rank, 1);
  EXPECT_EQ(r.parks[2].rank, 1);
  EXPECT_EQ(r.parks[3].rank, 3);
}

TEST(Run, MissingPolicyWorstAndMean) {
  json j = syntheticScenarioJson();
  j["missing"] = "worst";
  Results r = runWith(j);
  // P3's missing labour_cost takes the worst feasible value (1.25): norm 0, land norm 0.
  EXPECT_EQ(r.parks[3].status, "ok");
  EXPECT_TRUE(std::isnan(r.parks[3].criteria[0].raw));  // output keeps the NULL
  EXPECT_DOUBLE_EQ(r.parks[3].criteria[0].norm, 0.0);
  EXPECT_DOUBLE_EQ(r.parks[3].score, 0.0);
  EXPECT_EQ(r.parks[3].rank, 3);
  EXPECT_NEAR(r.parks[2].score, 0.25, 1e-12);

  j["missing"] = "mean";
  r = runWith(j);
  // mean of 2 and 1.25 = 1.625 -> (1.625 - 1.25) / 0.75 = 0.5
  EXPECT_DOUBLE_EQ(r.parks[3].criteria[0].norm, 0.5);
  EXPECT_NEAR(r.parks[3].score, 0.25, 1e-12);
  EXPECT_EQ(r.parks[1].rank, 1);
}

TEST(Run, MaxConstraint) {
  json j = syntheticScenarioJson();
  j["criteria"].push_back({{"id", "distance_source"}, {"weight", 1}, {"max", 150}});
  Results r = runWith(j);
  EXPECT_EQ(r.parks[1].status, "ok");
  EXPECT_EQ(r.parks[2].status, "excluded");
  EXPECT_EQ(r.parks[2].reason.rfind("distance_source_raw 192.", 0), 0u) << r.parks[2].reason;
  EXPECT_NE(r.parks[2].reason.find(" > max 150.00"), std::string::npos) << r.parks[2].reason;
}

TEST(Run, FlowsGoFromTheSourceToTheTopParks) {
  json j = syntheticScenarioJson();
  j["missing"] = "worst";
  Results r = runWith(j);
  ASSERT_EQ(r.flows.size(), 3u);
  EXPECT_EQ(r.flows[0].parkId, "P1");
  EXPECT_EQ(r.flows[0].rank, 1);
  EXPECT_DOUBLE_EQ(r.flows[0].fromLon, 110.5);
  EXPECT_DOUBLE_EQ(r.flows[0].toLon, 111.5);
  EXPECT_DOUBLE_EQ(r.flows[0].distanceKm, geodesicKm(110.5, 30.5, 111.5, 30.5));
  // Complete transfer: the whole cluster (100 亿元 output, 10000 jobs) goes to rank 1.
  EXPECT_DOUBLE_EQ(r.flows[0].movedOutputYuan100m, 100);
  EXPECT_DOUBLE_EQ(r.flows[0].movedVaYuan100m, 0.7 * 0.2 * 100 + 0.3 * 0.5 * 100);
  EXPECT_DOUBLE_EQ(r.flows[0].movedJobs, 10000);
  EXPECT_TRUE(std::isnan(r.flows[1].movedOutputYuan100m));
  EXPECT_EQ(r.flows[2].parkId, "P3");
}

TEST(Run, PartialTransferMovesOnlyTheMovedSegments) {
  json j = syntheticScenarioJson();
  j["mode"] = "partial";
  Results r = runWith(j);
  ASSERT_FALSE(r.flows.empty());
  EXPECT_DOUBLE_EQ(r.flows[0].movedOutputYuan100m, 70);
  EXPECT_DOUBLE_EQ(r.flows[0].movedJobs, 8000);
}

TEST(Run, SourceLocationDefaultsToTheRegion) {
  json j = syntheticScenarioJson();
  j["source"].erase("lon");
  j["source"].erase("lat");
  Results r = runWith(j);
  EXPECT_GT(r.sourceLon, 110);
  EXPECT_LT(r.sourceLon, 111);
  Inputs in = syntheticInputs();
  in.regions[0].extra["seat_lon"] = 110.2;
  in.regions[0].extra["seat_lat"] = 30.3;
  r = runWith(j, in);
  EXPECT_DOUBLE_EQ(r.sourceLon, 110.2);
  EXPECT_DOUBLE_EQ(r.sourceLat, 30.3);
}

TEST(Run, FatalProblemsStopTheRunListingAll) {
  json j = syntheticScenarioJson();
  j["source"]["region"] = "999";
  Inputs in = syntheticInputs();
  in.problems.push_back(Problem{Severity::Fatal, "parks.gpkg/parks fid=9", "broken", {}});
  try {
    runWith(j, in);
    FAIL();
  } catch (const ValidationError& e) {
    std::string text = e.what();
    EXPECT_NE(text.find("source.region: region '999' not found in regions.gpkg/regions"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("parks.gpkg/parks fid=9: broken"), std::string::npos) << text;
  }
}

TEST(Run, WarningsAreReportedThroughFeedbackAndResults) {
  Feedback feedback;
  Results r = run(testing::syntheticScenario(), syntheticInputs(), feedback);
  bool outside = false, wage = false;
  for (const Problem& p : r.warnings) {
    if (p.message == "park 'P4' is outside every region; excluded") outside = true;
    if (p.message == "labour_cost: host region '400' has no wage > 0") wage = true;
  }
  EXPECT_TRUE(outside);
  EXPECT_TRUE(wage);
  EXPECT_EQ(feedback.warnings().size(), r.warnings.size());
  EXPECT_DOUBLE_EQ(feedback.progress(), 1.0);
  EXPECT_EQ(r.runTime.size(), 20u);  // 2026-11-27T01:23:45Z
  EXPECT_EQ(r.runTime.back(), 'Z');
}

TEST(Run, CancelStopsWithCancelled) {
  Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(run(testing::syntheticScenario(), syntheticInputs(), feedback), Cancelled);
}

TEST(Run, EveryParkExcludedGivesNoFlows) {
  json j = syntheticScenarioJson();
  j["criteria"][1]["min"] = 100;
  Results r = runWith(j);
  EXPECT_TRUE(r.flows.empty());
  for (const ParkResult& p : r.parks) EXPECT_EQ(p.status, "excluded");
}

TEST(Version, MatchesTheProject) { EXPECT_STREQ(version(), "0.1.0"); }

TEST(Run, CriterionNullAtEveryCandidateIsAnErrorNamingIt) {
  // Issue 14: a wage field that is NULL in every host region (the source keeps its wage) leaves
  // labour_cost without a value at any candidate park; the run stops there (exit 2 on the
  // command line) instead of ranking nothing.
  Inputs inputs = syntheticInputs();
  for (Region& r : inputs.regions)
    if (r.id != "100") r.values["wage"] = kNaN;
  try {
    runWith(syntheticScenarioJson(), inputs);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("labour_cost: no value for any of the"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("every one is NULL"), std::string::npos) << e.what();
  }
}

TEST(Run, CriteriaWarningsComeInScenarioOrderThoughComputedTwoAtATime) {
  // land warns about P2 (no available_ha), labour_cost about P3's host region (no wage): each
  // criterion's warnings come together, in the scenario's order of the criteria, whichever of
  // the two lanes finished first.
  Inputs inputs = syntheticInputs();
  inputs.parks[2].values["available_ha"] = kNaN;
  for (const bool landFirst : {true, false}) {
    nlohmann::json scenario = syntheticScenarioJson();
    nlohmann::json land = scenario["criteria"][1], labour = scenario["criteria"][0];
    land.erase("min");
    scenario["criteria"] =
        landFirst ? nlohmann::json::array({land, labour}) : nlohmann::json::array({labour, land});
    Feedback feedback;
    run(parseScenario(scenario, "/tmp"), inputs, feedback);
    std::vector<std::string> order;  // the criteria whose warnings come, in the order they come
    for (const Problem& p : feedback.warnings())
      for (const char* id : {"land", "labour_cost"})
        if (p.message.rfind(std::string(id) + ":", 0) == 0 && (order.empty() || order.back() != id))
          order.emplace_back(id);  // a criterion's warnings together: one entry
    const std::vector<std::string> expected = landFirst ? std::vector<std::string>{"land", "labour_cost"}
                                                        : std::vector<std::string>{"labour_cost", "land"};
    EXPECT_EQ(order, expected) << (landFirst ? "land first" : "labour_cost first");
  }
}

}  // namespace
}  // namespace clustershift
