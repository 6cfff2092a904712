// Effects layers (layers/src/effects_layers.cpp): region_effects, effects_timeline and coupling
// are written to the GeoPackage with the run's numbers and the diverging ISU-change style.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"
#include "written_outputs.h"

#include <gtest/gtest.h>

#include <qgsdiagramrenderer.h>
#include <qgsfeatureiterator.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayertree.h>
#include <qgslayertreelayer.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "clustershift/effects.h"

namespace clustershift::layers {
namespace {

using namespace testing;  // fixtures.h, test_util.h, written_outputs.h

std::unique_ptr<QgsVectorLayer> openGpkgLayer(const QString& gpkg, const QString& name) {
  return std::make_unique<QgsVectorLayer>(gpkg + QStringLiteral("|layername=") + name, name, QStringLiteral("ogr"));
}

std::map<QString, QgsFeature> byId(QgsVectorLayer* layer, const QString& field) {
  std::map<QString, QgsFeature> out;
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f)) out[f.attribute(field).toString()] = f;
  return out;
}

class EffectsOutputs : public testing::WrittenOutputsTest<EffectsOutputs> {
 public:
  static QString scratchName() { return QStringLiteral("effects_outputs"); }
  /// The fixture's results with hand-made effects: source = region 0 (ISU up), host = region 5
  /// (ISU down: the moved manufacturing raises its secondary share).
  static Results makeResults(const Inputs& in) {
    Results res = sampleResultsWithEffects(in, {0.0, 0.5, 1.0});
    EffectsResult& e = *res.effects;
    for (int year = 0; year <= 2; ++year) {
      const double ramp = e.ramp[static_cast<size_t>(year)];
      for (const RegionEffect& r : e.regions)  // source, host
        e.timeline.push_back(
            TimelineRow{year, ramp, r.regionId, "isu", r.before.isu + ramp * (r.after.isu - r.before.isu)});
    }
    res.flows[0].knowledgeFlowYuan100m = 1.25;
    return res;
  }
};

TEST_F(EffectsOutputs, RegionEffectsHoldTheEffectsNumbersOfSourceAndHost) {
  auto layer = openGpkgLayer(s_paths->geopackage, QStringLiteral("region_effects"));
  ASSERT_TRUE(layer->isValid());
  EXPECT_EQ(layer->featureCount(), static_cast<long long>(s_inputs->regions.size()));
  EXPECT_TRUE(layer->isSpatial());
  const auto features = byId(layer.get(), QStringLiteral("id"));
  for (const RegionEffect& e : s_results->effects->regions) {
    SCOPED_TRACE(e.regionId);
    ASSERT_EQ(features.count(QString::fromStdString(e.regionId)), 1u);
    const QgsFeature& f = features.at(QString::fromStdString(e.regionId));
    EXPECT_EQ(f.attribute(QStringLiteral("role")).toString().toStdString(), e.role);
    EXPECT_DOUBLE_EQ(f.attribute(QStringLiteral("u")).toDouble(), e.upgrading);
    for (const std::string& ind : effectIndicators()) {
      SCOPED_TRACE(ind);
      const QString q = QString::fromStdString(ind);
      const double before = e.before.get(ind), after = e.after.get(ind);
      if (std::isnan(before)) {
        EXPECT_TRUE(f.attribute(q + QStringLiteral("_before")).isNull());
        EXPECT_TRUE(f.attribute(q + QStringLiteral("_change")).isNull());
      } else {
        EXPECT_DOUBLE_EQ(f.attribute(q + QStringLiteral("_before")).toDouble(), before);
        EXPECT_DOUBLE_EQ(f.attribute(q + QStringLiteral("_change")).toDouble(), after - before);
      }
      EXPECT_DOUBLE_EQ(f.attribute(q + QStringLiteral("_after")).toDouble(), after);
    }
  }
  // Sector shares of GDP in %: source 10/45/45 before, 10/40/50 after.
  const QgsFeature& src = features.at(QString::fromStdString(s_inputs->regions[0].id));
  EXPECT_DOUBLE_EQ(src.attribute(QStringLiteral("share2_before")).toDouble(), 45.0);
  EXPECT_DOUBLE_EQ(src.attribute(QStringLiteral("share2_after")).toDouble(), 40.0);
  EXPECT_DOUBLE_EQ(src.attribute(QStringLiteral("share3_after")).toDouble(), 50.0);
  // A region that is neither source nor host: role other, NULL changes.
  const QgsFeature& other = features.at(QString::fromStdString(s_inputs->regions[2].id));
  EXPECT_EQ(other.attribute(QStringLiteral("role")).toString(), QStringLiteral("other"));
  EXPECT_TRUE(other.attribute(QStringLiteral("isu_change")).isNull());
  EXPECT_TRUE(other.attribute(QStringLiteral("u")).isNull());
}

TEST_F(EffectsOutputs, RegionEffectsStyleIsADivergingGraduatedIsuChange) {
  auto layer = openGpkgLayer(s_paths->geopackage, QStringLiteral("region_effects"));
  ASSERT_TRUE(layer->isValid());
  bool ok = false;
  layer->loadNamedStyle(QFileInfo(s_paths->geopackage).absolutePath() + QStringLiteral("/test_scenario_region_effects.qml"), ok);
  ASSERT_TRUE(ok);
  auto* renderer = dynamic_cast<QgsGraduatedSymbolRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr) << "renderer: " << layer->renderer()->type().toStdString();
  EXPECT_TRUE(renderer->classAttribute().contains(QStringLiteral("isu_change")));
  int below = 0, above = 0, other = 0;
  for (const QgsRendererRange& r : renderer->ranges()) {
    if (r.label().contains(QStringLiteral("other regions"))) ++other;
    else if (r.upperValue() <= 0) ++below;
    else if (r.lowerValue() >= 0) ++above;
  }
  EXPECT_GE(below, 2);
  EXPECT_EQ(below, above);  // symmetric around 0
  EXPECT_EQ(other, 1);      // NULL changes: their own grey class
  // The source's ISU rose (blue end), the host's fell (red end): different classes.
  const QgsRangeList ranges = renderer->ranges();
  auto classOf = [&](double v) {
    for (int i = 0; i < ranges.size(); ++i)
      if (v > ranges[i].lowerValue() && v <= ranges[i].upperValue()) return i;
    return -1;
  };
  const int up = classOf(0.06), down = classOf(-0.05);
  EXPECT_GT(up, down);
  EXPECT_GE(down, 0);
  // The classes span the largest |ISU change| of the layer's rows: seven equal steps from -max.
  double maxAbs = 0;
  const int column = layer->fields().lookupField(QStringLiteral("isu_change"));
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f))
    if (!f.attribute(column).isNull()) maxAbs = std::max(maxAbs, std::abs(f.attribute(column).toDouble()));
  ASSERT_GT(maxAbs, 0.0);
  ASSERT_GE(ranges.size(), 3);
  EXPECT_NEAR(ranges[1].lowerValue(), -maxAbs + 2 * maxAbs / 7, 1e-9);
  EXPECT_NEAR(ranges[1].upperValue(), -maxAbs + 4 * maxAbs / 7, 1e-9);
  // Sector-share bars before/after, shown on the source and host only.
  ASSERT_NE(layer->diagramRenderer(), nullptr);
  const QList<QgsDiagramSettings> settings = layer->diagramRenderer()->diagramSettings();
  ASSERT_EQ(settings.size(), 1);
  EXPECT_EQ(settings[0].categoryAttributes.size(), 6);
  EXPECT_TRUE(settings[0].categoryAttributes.join(QLatin1Char(' ')).contains(QStringLiteral("share2_after")));
  ASSERT_NE(layer->diagramLayerSettings(), nullptr);
  EXPECT_TRUE(layer->diagramLayerSettings()->dataDefinedProperties().isActive(QgsDiagramLayerSettings::Show));
}

TEST_F(EffectsOutputs, CouplingRowHasDAndClassOfTheEffects) {
  auto layer = openGpkgLayer(s_paths->geopackage, QStringLiteral("coupling"));
  ASSERT_TRUE(layer->isValid());
  EXPECT_FALSE(layer->isSpatial());
  ASSERT_EQ(layer->featureCount(), 1);
  QgsFeature f;
  ASSERT_TRUE(layer->getFeatures().nextFeature(f));
  const Coupling& c = s_results->effects->coupling[0];
  EXPECT_EQ(f.attribute(QStringLiteral("source")).toString().toStdString(), c.sourceId);
  EXPECT_EQ(f.attribute(QStringLiteral("host")).toString().toStdString(), c.hostId);
  EXPECT_DOUBLE_EQ(f.attribute(QStringLiteral("u_source")).toDouble(), 0.42);
  EXPECT_DOUBLE_EQ(f.attribute(QStringLiteral("d")).toDouble(), c.d);
  EXPECT_EQ(f.attribute(QStringLiteral("class_zh")).toString().toStdString(), c.cls.labelZh);
  EXPECT_EQ(f.attribute(QStringLiteral("class_en")).toString().toStdString(), c.cls.labelEn);
  EXPECT_FALSE(c.cls.labelEn.empty());
}

TEST_F(EffectsOutputs, TimelineHasOneRowPerYearRegionAndIndicator) {
  auto layer = openGpkgLayer(s_paths->geopackage, QStringLiteral("effects_timeline"));
  ASSERT_TRUE(layer->isValid());
  EXPECT_FALSE(layer->isSpatial());
  EXPECT_EQ(layer->featureCount(), static_cast<long long>(s_results->effects->timeline.size()));
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  bool seenLast = false;
  while (it.nextFeature(f))
    if (f.attribute(QStringLiteral("year")).toInt() == 2 && f.attribute(QStringLiteral("region_id")).toString() == QStringLiteral("330300")) {
      seenLast = true;
      EXPECT_EQ(f.attribute(QStringLiteral("indicator")).toString(), QStringLiteral("isu"));
      EXPECT_DOUBLE_EQ(f.attribute(QStringLiteral("value")).toDouble(), 2.36);
    }
  EXPECT_TRUE(seenLast);
}

TEST_F(EffectsOutputs, FlowsCarryTheKnowledgeFlowAndProjectHasRegionEffectsUnchecked) {
  auto flows = openGpkgLayer(s_paths->geopackage, QStringLiteral("transfer_flows"));
  ASSERT_TRUE(flows->isValid());
  for (const char* name : {"moved_output", "moved_va", "moved_jobs", "knowledge_flow"})
    EXPECT_GE(flows->fields().lookupField(QLatin1String(name)), 0) << name;
  const auto features = byId(flows.get(), QStringLiteral("park_id"));
  EXPECT_DOUBLE_EQ(features.at(QString::fromStdString(s_results->flows[0].parkId)).attribute(QStringLiteral("knowledge_flow")).toDouble(), 1.25);

  QgsProject project;
  ASSERT_TRUE(project.read(s_paths->project));
  const QList<QgsMapLayer*> found = project.mapLayersByName(QStringLiteral("region_effects"));
  ASSERT_EQ(found.size(), 1);
  EXPECT_TRUE(found[0]->isValid());
  QgsLayerTreeLayer* node = project.layerTreeRoot()->findLayer(found[0]->id());
  ASSERT_NE(node, nullptr);
  EXPECT_FALSE(node->isVisible());
}

TEST(EffectsLayers, WithoutEffectsNoEffectsLayersAreWritten) {
  const QString dir = scratchDir(QStringLiteral("no_effects"));
  const Inputs in = sampleInputs();
  Feedback feedback;
  const OutputPaths paths = writeOutputs(in, sampleResults(in), dir, {}, feedback);
  auto layer = openGpkgLayer(paths.geopackage, QStringLiteral("region_effects"));
  EXPECT_FALSE(layer->isValid());
}

}  // namespace
TEST(RegionEffectsStyle, AColumnNullThroughoutGivesFiniteClasses) {
  // A memory layer answers minimumValue/maximumValue of a column NULL in every row with its
  // cache's start values (±DBL_MAX): the classes must still be finite and the NULL rows grey.
  QgsVectorLayer layer(QStringLiteral("Polygon?crs=EPSG:4326&field=id:string&field=isu_change:double"),
                       QStringLiteral("region_effects"), QStringLiteral("memory"));
  ASSERT_TRUE(layer.isValid());
  QgsFeatureList features;
  for (int i = 0; i < 3; ++i) {
    QgsFeature f(layer.fields());
    f.setAttribute(0, QString::number(i));
    f.setAttribute(1, QVariant(QVariant::Double));
    features << f;
  }
  ASSERT_TRUE(layer.dataProvider()->addFeatures(features));
  styleRegionEffects(&layer);
  auto* renderer = dynamic_cast<QgsGraduatedSymbolRenderer*>(layer.renderer());
  ASSERT_NE(renderer, nullptr);
  for (const QgsRendererRange& r : renderer->ranges()) {
    EXPECT_TRUE(std::isfinite(r.lowerValue())) << r.label().toStdString();
    EXPECT_TRUE(std::isfinite(r.upperValue())) << r.label().toStdString();
    EXPECT_FALSE(r.label().contains(QStringLiteral("inf"))) << r.label().toStdString();
  }
}

}  // namespace clustershift::layers
