// template_similarity criterion (core/src/criteria/template_similarity.cpp).
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "clustershift/criterion.h"

namespace {

using namespace clustershift;

Park park(const std::string& id, double area, double available, const std::string& codes, int region,
          const std::string& level = "provincial") {
  Park p;
  p.id = id;
  p.fid = id;
  p.level = level;
  p.leadIndustries = codes;
  p.values["area_ha"] = area;
  p.values["available_ha"] = available;
  p.region = region;
  return p;
}

Region region(const std::string& id, double gdp, double population, double y2, double wage) {
  Region r;
  r.id = id;
  r.fid = id;
  r.values = {{"gdp", gdp}, {"population", population}, {"y2", y2}, {"wage", wage}};
  return r;
}

struct Fixture {
  Scenario scenario;
  Inputs inputs;
  Feedback feedback;
  std::vector<double> run() {
    CriterionContext context{scenario, inputs, -1, kNaN, kNaN, feedback};
    return CriterionRegistry::instance()
        .create("template_similarity")
        ->compute(context, nlohmann::json::object());
  }
};

}  // namespace

TEST(TemplateSimilarity, HandComputedCosinesOfStandardisedProfiles) {
  // Same region and level for all: those features have no spread and drop out. Left:
  //   area     [100, 300, 200] → z = √1.5·[−1, 1, 0]
  //   avail    [ 50,  10,  30] → z = √1.5·[ 1,−1, 0]
  //   Jaccard  [  1, 0.5,   0] → z = √1.5·[ 1, 0,−1]   (C19;C18 vs C19 → 1/2, vs C26 → 0)
  // cos(A, T) = (−1 − 1 + 0)/(√2·√3) = −0.81650; cos(B, T) = −1/√3 = −0.57735.
  Fixture f;
  f.scenario.mode = TransferMode::Replication;
  f.scenario.templatePark = "T";
  f.inputs.regions = {region("320500", 20000, 1000, 9000, 100000)};
  f.inputs.parks = {park("T", 100, 50, "C19;C18", 0), park("A", 300, 10, "C19", 0),
                    park("B", 200, 30, "C26", 0)};
  const auto v = f.run();
  EXPECT_DOUBLE_EQ(v[0], 1.0);
  EXPECT_NEAR(v[1], -2.0 / std::sqrt(6.0), 1e-12);
  EXPECT_NEAR(v[2], -1.0 / std::sqrt(3.0), 1e-12);
}

TEST(TemplateSimilarity, ParkWithTheTemplateProfileScoresOne) {
  Fixture f;
  f.scenario.templatePark = "T";
  f.inputs.regions = {region("320500", 20000, 1000, 9000, 100000), region("341300", 2000, 500, 800, 60000)};
  f.inputs.parks = {park("T", 100, 50, "C39", 0, "national"), park("Twin", 100, 50, " C39 ", 0, "national"),
                    park("Other", 20, 5, "C13", 1, "county")};
  const auto v = f.run();
  EXPECT_NEAR(v[1], 1.0, 1e-12);
  EXPECT_LT(v[2], 0.0);
  EXPECT_GE(v[2], -1.0);
}

TEST(TemplateSimilarity, ParkWithoutHostRegionIsNullWithAWarning) {
  Fixture f;
  f.scenario.templatePark = "T";
  f.inputs.regions = {region("320500", 20000, 1000, 9000, 100000), region("341300", 2000, 500, 800, 60000)};
  f.inputs.parks = {park("T", 100, 50, "C39", 0), park("A", 80, 20, "C39", 1),
                    park("Lost", 80, 20, "C39", -1)};
  const auto v = f.run();
  EXPECT_FALSE(std::isnan(v[1]));
  EXPECT_TRUE(std::isnan(v[2]));
  const auto w = f.feedback.warnings();
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].featureId, "Lost");
  EXPECT_NE(w[0].message.find("gdp_per_capita"), std::string::npos) << w[0].message;
}

TEST(TemplateSimilarity, NeedsAKnownTemplatePark) {
  Fixture f;
  f.inputs.parks = {park("T", 100, 50, "C39", -1)};
  EXPECT_THROW(f.run(), InputError);
  f.scenario.templatePark = "P999";
  try {
    f.run();
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("template_similarity: template park 'P999'"), std::string::npos)
        << e.what();
  }
}
