#pragma once
// Tiny Inputs for the economic criteria tests: four regions R1..R4 with the 4 × 4
// industry-output table of tests/core/indices/relatedness_test.cpp, one park per region.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "clustershift/criterion.h"

namespace clustershift::test {

struct EconomicFixture {
  Scenario scenario;
  Inputs inputs;
  Feedback feedback;

  EconomicFixture() {
    scenario.cluster.industry = "I3";
    for (int r = 0; r < 4; ++r) {
      Region region;
      region.id = "R" + std::to_string(r + 1);
      region.fid = std::to_string(r + 1);
      inputs.regions.push_back(region);
      Park park;
      park.id = "P" + std::to_string(r + 1);
      park.fid = std::to_string(r + 1);
      park.region = r;
      park.lon = 0;
      park.lat = 0;
      inputs.parks.push_back(park);
    }
    //          I1  I2  I3  I4 | row sum
    //   R1     50  10  20  20 |  100
    //   R2     10  30  40  20 |  100
    //   R3     40  80  20  60 |  200
    //   R4     20   0  10  70 |  100
    //   col   120 120  90 170 |  500
    IndustryMatrix m;
    m.regionIds = {"R1", "R2", "R3", "R4"};
    m.industries = {"I1", "I2", "I3", "I4"};
    m.values = {{50, 10, 20, 20}, {10, 30, 40, 20}, {40, 80, 20, 60}, {20, 0, 10, 70}};
    inputs.industryOutput = m;
  }

  std::vector<double> run(const std::string& id, const nlohmann::json& params = nlohmann::json::object()) {
    CriterionContext context{scenario, inputs, -1, kNaN, kNaN, feedback};
    return CriterionRegistry::instance().create(id)->compute(context, params);
  }

  std::vector<Problem> check(const std::string& id, const nlohmann::json& params = nlohmann::json::object()) {
    CriterionContext context{scenario, inputs, -1, kNaN, kNaN, feedback};
    return checkCriterion(*CriterionRegistry::instance().create(id), context, params);
  }

  /// Runs and expects an InputError with exactly `message`.
  void expectError(const std::string& id, const std::string& message,
                   const nlohmann::json& params = nlohmann::json::object()) {
    try {
      run(id, params);
      ADD_FAILURE() << id << ": expected InputError '" << message << "'";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
};

}  // namespace clustershift::test
