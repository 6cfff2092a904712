#pragma once
// Runs one criterion through the registry by id, as a scenario would.
#include <memory>

#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "synthetic_fixture.h"

namespace clustershift::testing {

struct CriterionRun {
  Scenario scenario = syntheticScenario();
  Inputs inputs = syntheticInputs();
  Feedback feedback;
  int sourceRegion = 0;
  double sourceLon = 110.5, sourceLat = 30.5;

  CriterionRun() { joinParksToRegions(inputs); }
  CriterionContext context() {
    return CriterionContext{scenario, inputs, sourceRegion, sourceLon, sourceLat, feedback};
  }
  std::vector<double> compute(const std::string& id, const nlohmann::json& params = nlohmann::json::object()) {
    return CriterionRegistry::instance().create(id)->compute(context(), params);
  }
  std::vector<Problem> check(const std::string& id, const nlohmann::json& params = nlohmann::json::object()) {
    return checkCriterion(*CriterionRegistry::instance().create(id), context(), params);
  }
};

}  // namespace clustershift::testing
