// Shared report helpers (layers/src/report_common.cpp) that read the run's results.
#include "report_detail.h"  // first: see the note in layers.h

#include <gtest/gtest.h>

#include "clustershift/criterion.h"

namespace clustershift::layers::detail {
namespace {

using nlohmann::json;

double declaredRadiusKm() {
  const auto criterion = CriterionRegistry::instance().create("labour_pool");
  return resolveParams(*criterion, nullptr).at("radius_km").get<double>();
}

json scenarioWithLabourPool(const json& params) {
  return {
      {"scenario",
       {{"criteria", json::array({{{"id", "labour_cost"}}, {{"id", "labour_pool"}, {"params", params}}})}}}};
}

TEST(ReportCatchment, RunInfoRadiusComesFirst) {
  json info = scenarioWithLabourPool({{"radius_km", 25}});
  info["catchment_km"] = 30;
  EXPECT_DOUBLE_EQ(catchmentKm(info), 30);
}

TEST(ReportCatchment, WithoutRunInfoRadiusTheScenariosLabourPoolRadius) {
  // Results written before run_info carried catchment_km: the scenario says 25 km, not 50.
  EXPECT_DOUBLE_EQ(catchmentKm(scenarioWithLabourPool({{"radius_km", 25}})), 25);
}

TEST(ReportCatchment, OtherwiseTheCriterionsDeclaredDefault) {
  EXPECT_DOUBLE_EQ(catchmentKm(json::object()), declaredRadiusKm());
  EXPECT_DOUBLE_EQ(catchmentKm(scenarioWithLabourPool(json::object())), declaredRadiusKm());
  // A radius the declaration refuses (the run refused it too) and a zero run_info value.
  EXPECT_DOUBLE_EQ(catchmentKm(scenarioWithLabourPool({{"radius_km", -5}})), declaredRadiusKm());
  EXPECT_DOUBLE_EQ(catchmentKm({{"catchment_km", 0}}), declaredRadiusKm());
}

}  // namespace
}  // namespace clustershift::layers::detail
