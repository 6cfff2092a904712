// Shared report helpers (layers/src/report_common.cpp) that read the run's results.
#include "report_detail.h"  // first: see the note in layers.h

#include <gtest/gtest.h>

#include <qgsexpressioncontextutils.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <memory>

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

/// The value of `name` in a scope the caller owns.
QVariant scopeValue(QgsExpressionContextScope* scope, const QString& name) {
  std::unique_ptr<QgsExpressionContextScope> owned(scope);
  return owned->variable(name);
}

TEST(SharedGlobalScope, TheProjectScopeIsBuiltOncePerProjectAndLayerCountWhileAGuardLives) {
  QgsProject project;
  project.setTitle(QStringLiteral("first"));
  const QString title = QStringLiteral("project_title");
  EXPECT_EQ(scopeValue(SharedGlobalScope::projectScope(&project), title).toString(), QStringLiteral("first"));
  {
    const SharedGlobalScope guard;
    EXPECT_EQ(scopeValue(SharedGlobalScope::projectScope(&project), title).toString(),
              QStringLiteral("first"));
    // The copy made when the guard first met this project serves, with the same variables as
    // QGIS's own scope...
    project.setTitle(QStringLiteral("second"));
    std::unique_ptr<QgsExpressionContextScope> shared(SharedGlobalScope::projectScope(&project));
    EXPECT_EQ(shared->variable(title).toString(), QStringLiteral("first"));
    std::unique_ptr<QgsExpressionContextScope> fresh(QgsExpressionContextUtils::projectScope(&project));
    QStringList names = shared->variableNames(), freshNames = fresh->variableNames();
    names.sort();
    freshNames.sort();
    EXPECT_EQ(names, freshNames);
    // ... until the project's layers change (a report adds its companion layers as it goes).
    project.addMapLayer(new QgsVectorLayer(QStringLiteral("Point?crs=EPSG:4326"), QStringLiteral("added"),
                                           QStringLiteral("memory")));
    EXPECT_EQ(scopeValue(SharedGlobalScope::projectScope(&project), title).toString(),
              QStringLiteral("second"));
    // Another project gets its own.
    QgsProject other;
    other.setTitle(QStringLiteral("other"));
    EXPECT_EQ(scopeValue(SharedGlobalScope::projectScope(&other), title).toString(), QStringLiteral("other"));
  }
  // No guard: built afresh, so later changes show.
  project.setTitle(QStringLiteral("third"));
  EXPECT_EQ(scopeValue(SharedGlobalScope::projectScope(&project), title).toString(), QStringLiteral("third"));
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
