#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "clustershift/pipeline.h"

#include <gtest/gtest.h>

#include <qgscoordinatereferencesystem.h>
#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <algorithm>
#include <memory>

namespace clustershift::layers {
namespace {

std::unique_ptr<QgsVectorLayer> regionLayer(const QString& crs = QStringLiteral("EPSG:4326")) {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("MultiPolygon?crs=%1&field=code:string&field=name:string&field=name_zh:string&field=province:string"
                     "&field=wage:double&field=gdp_pc:double")
          .arg(crs),
      QStringLiteral("regions"), QStringLiteral("memory"));
  QgsFeatureList features;
  for (int k = 0; k < 2; ++k) {
    QgsFeature f(layer->fields());
    const double x0 = 120.0 + k;
    f.setGeometry(QgsGeometry::fromWkt(QStringLiteral("MULTIPOLYGON(((%1 28,%2 28,%2 29,%1 29,%1 28)))").arg(x0).arg(x0 + 1)));
    f.setAttributes(QgsAttributes() << QStringLiteral("33030%1").arg(k) << QStringLiteral("R%1").arg(k)
                                    << QStringLiteral("地区%1").arg(k) << QStringLiteral("Zhejiang") << 60000.0 + k
                                    << 12.5);
    features << f;
  }
  layer->dataProvider()->addFeatures(features);
  return layer;
}

std::unique_ptr<QgsVectorLayer> parkLayer() {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Point?crs=EPSG:3857&field=id:string&field=name:string&field=level:string&field=area_ha:double"
                     "&field=available_ha:string"),
      QStringLiteral("parks"), QStringLiteral("memory"));
  QgsFeature f(layer->fields());
  // 120.5E, 28.5N in web Mercator.
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(13413998.6406, 3312159.8598)));
  f.setAttributes(QgsAttributes() << QStringLiteral("P1") << QStringLiteral("Park 1") << QStringLiteral("national") << 500.0
                                  << QStringLiteral("120.5"));
  layer->dataProvider()->addFeatures(QgsFeatureList() << f);
  return layer;
}

Scenario scenarioWithRegionIdField() {
  Scenario s;
  s.data.regions.fields["id"] = "code";
  return s;
}

bool hasProblem(const Inputs& in, Severity severity, const std::string& text) {
  return std::any_of(in.problems.begin(), in.problems.end(), [&](const Problem& p) {
    return p.severity == severity && p.text().find(text) != std::string::npos;
  });
}

TEST(InputsFromLayers, ReadsFieldMapNumbersExtrasAndTransformsToLonLat) {
  auto regions = regionLayer();
  auto parks = parkLayer();
  Feedback feedback;
  const Inputs in = inputsFromLayers(regions.get(), parks.get(), scenarioWithRegionIdField(), feedback);
  ASSERT_EQ(in.regions.size(), 2u);
  EXPECT_EQ(in.regions[0].id, "330300");  // through the field map id -> code
  EXPECT_EQ(in.regions[0].nameZh, "地区0");
  EXPECT_DOUBLE_EQ(in.regions[1].value("wage"), 60001.0);
  EXPECT_DOUBLE_EQ(in.regions[0].extra.at("gdp_pc"), 12.5);  // for field:<name> criteria
  EXPECT_FALSE(in.regions[0].wkb.empty());
  ASSERT_EQ(in.parks.size(), 1u);
  EXPECT_NEAR(in.parks[0].lon, 120.5, 1e-6);
  EXPECT_NEAR(in.parks[0].lat, 28.5, 1e-6);
  EXPECT_DOUBLE_EQ(in.parks[0].value("available_ha"), 120.5);  // numeric text is accepted
  EXPECT_EQ(in.parks[0].level, "national");
  // Default-named fields that are absent are warnings, not fatal.
  EXPECT_TRUE(hasProblem(in, Severity::Warning, "field 'name_zh' not found"));
  EXPECT_FALSE(std::any_of(in.problems.begin(), in.problems.end(),
                           [](const Problem& p) { return p.severity == Severity::Fatal; }));
}

TEST(InputsFromLayers, CountsUnsavedEditsAndRespectsTheSubsetFilter) {
  auto regions = regionLayer();
  auto parks = parkLayer();
  ASSERT_TRUE(regions->startEditing());
  QgsFeature added(regions->fields());
  added.setGeometry(QgsGeometry::fromWkt(QStringLiteral("MULTIPOLYGON(((122 28,123 28,123 29,122 29,122 28)))")));
  added.setAttributes(QgsAttributes() << QStringLiteral("330500") << QStringLiteral("Edited") << QString() << QString()
                                      << 1.0 << 2.0);
  ASSERT_TRUE(regions->addFeature(added));  // in the edit buffer only
  Feedback feedback;
  Inputs in = inputsFromLayers(regions.get(), parks.get(), scenarioWithRegionIdField(), feedback);
  EXPECT_EQ(in.regions.size(), 3u);
  regions->rollBack();

  ASSERT_TRUE(regions->setSubsetString(QStringLiteral("\"code\" = '330301'")));
  in = inputsFromLayers(regions.get(), parks.get(), scenarioWithRegionIdField(), feedback);
  ASSERT_EQ(in.regions.size(), 1u);
  EXPECT_EQ(in.regions[0].id, "330301");
}

TEST(InputsFromLayers, CollectsEveryProblemWithItsLocation) {
  auto regions = regionLayer();
  auto parks = parkLayer();
  ASSERT_TRUE(parks->startEditing());
  QgsFeature bad(parks->fields());
  bad.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(13413998.6406, 3312159.8598)));
  bad.setAttributes(QgsAttributes() << QStringLiteral("P2") << QString() << QString() << -3.0 << QStringLiteral("lots"));
  ASSERT_TRUE(parks->addFeature(bad));
  Scenario s = scenarioWithRegionIdField();
  s.data.parks.fields["name"] = "title";  // explicit mapping to a missing field: fatal
  Feedback feedback;
  const Inputs in = inputsFromLayers(regions.get(), parks.get(), s, feedback);
  EXPECT_TRUE(hasProblem(in, Severity::Fatal, "field 'title' not found (mapped from column 'name')"));
  EXPECT_TRUE(hasProblem(in, Severity::Fatal, "field 'area_ha': is negative (-3)"));
  // Core's rule, as for files (this reader used to let it pass as a warning): text that is not a
  // number where a number belongs is fatal.
  EXPECT_TRUE(hasProblem(in, Severity::Fatal, "field 'available_ha': is not a number ('lots')"));
  EXPECT_FALSE(feedback.warnings().empty());
  parks->rollBack();
}

TEST(InputsFromLayers, MissingLayerOrIdFieldIsFatal) {
  auto parks = parkLayer();
  Feedback feedback;
  Inputs in = inputsFromLayers(nullptr, parks.get(), Scenario{}, feedback);
  EXPECT_TRUE(hasProblem(in, Severity::Fatal, "regions: no layer given"));
  auto regions = regionLayer();
  in = inputsFromLayers(regions.get(), parks.get(), Scenario{}, feedback);  // no field map: 'id' is absent
  EXPECT_TRUE(hasProblem(in, Severity::Fatal, "field 'id' not found"));
}

// One validation routine: a layer without CRS is reported by core's reader in the words the
// file path uses, and its geometry is not used.
TEST(InputsFromLayers, LayerWithoutCrsIsFatalInCoresWords) {
  auto regions = regionLayer();
  auto parks = std::make_unique<QgsVectorLayer>(QStringLiteral("Point?field=id:string&field=area_ha:double"),
                                                QStringLiteral("parks"), QStringLiteral("memory"));
  parks->setCrs(QgsCoordinateReferenceSystem());  // QGIS may give a new layer a default CRS
  QgsFeature f(parks->fields());
  f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(120.5, 28.5)));
  f.setAttributes(QgsAttributes() << QStringLiteral("P1") << 10.0);
  parks->dataProvider()->addFeatures(QgsFeatureList() << f);
  Feedback feedback;
  const Inputs in = inputsFromLayers(regions.get(), parks.get(), scenarioWithRegionIdField(), feedback);
  EXPECT_TRUE(
      hasProblem(in, Severity::Fatal,
                 "parks: missing CRS: define the layer's coordinate reference system (e.g. a .prj file or an "
                 "SRS in the GeoPackage)"))
      << [&] {
           std::string all;
           for (const Problem& p : in.problems) all += p.text() + "\n";
           return all;
         }();
  ASSERT_EQ(in.parks.size(), 1u);
  EXPECT_TRUE(in.parks[0].wkb.empty());
  EXPECT_DOUBLE_EQ(in.parks[0].value("area_ha"), 10.0);
}

}  // namespace
}  // namespace clustershift::layers

namespace clustershift::layers {
namespace {

// A results project reopened in the dock knows its stored results are current when the inputs read
// from its layers have the fingerprint the run stored (a CLI run read them through OGR).
TEST(InputsFromLayers, FingerprintIsTheSameThroughQgisAndOgrAndChangesWithAValue) {
  const Scenario scenario =
      loadScenario(CLUSTERSHIFT_SOURCE_DIR "/sample_data/scenarios/wenzhou_footwear_complete.json");
  QgsVectorLayer regions(
      QString::fromStdString(scenario.data.regions.path) + QStringLiteral("|layername=regions"),
      QStringLiteral("regions"), QStringLiteral("ogr"));
  QgsVectorLayer parks(QString::fromStdString(scenario.data.parks.path) + QStringLiteral("|layername=parks"),
                       QStringLiteral("parks"), QStringLiteral("ogr"));
  ASSERT_TRUE(regions.isValid() && parks.isValid());
  Feedback feedback;
  const Inputs fromLayers = inputsFromLayers(&regions, &parks, scenario, feedback);
  const Inputs fromFiles = loadInputs(scenario, feedback);
  // QGIS shows a GeoPackage's feature id as a field "fid" (an extra value OGR does not give):
  // the fingerprint leaves it out.
  ASSERT_FALSE(fromLayers.parks.empty());
  EXPECT_EQ(fromLayers.parks.front().extra.count("fid"), 1u);
  EXPECT_EQ(fromFiles.parks.front().extra.count("fid"), 0u);
  const QString fingerprint = inputsFingerprint(fromFiles);
  EXPECT_EQ(fingerprint.size(), 64);
  EXPECT_EQ(inputsFingerprint(fromLayers), fingerprint);
  Inputs changed = fromFiles;
  changed.parks.front().values["available_ha"] += 1.0;
  EXPECT_NE(inputsFingerprint(changed), fingerprint);
  Inputs moved = fromFiles;
  moved.parks.back().lon += 0.01;
  EXPECT_NE(inputsFingerprint(moved), fingerprint);
  ASSERT_TRUE(fromFiles.industryOutput.has_value());
  Inputs table = fromFiles;
  table.industryOutput->values.front().front() += 1.0;
  EXPECT_NE(inputsFingerprint(table), fingerprint);
}

// The plugin path (QGIS layers) and the CLI path (OGR files) must feed the model identically.
TEST(InputsFromLayers, MatchesTheCoreOgrReaderOnTheSampleData) {
  const Scenario scenario =
      loadScenario(CLUSTERSHIFT_SOURCE_DIR "/sample_data/scenarios/wenzhou_footwear_complete.json");
  QgsVectorLayer regions(QString::fromStdString(scenario.data.regions.path) + QStringLiteral("|layername=regions"),
                         QStringLiteral("regions"), QStringLiteral("ogr"));
  QgsVectorLayer parks(QString::fromStdString(scenario.data.parks.path) + QStringLiteral("|layername=parks"),
                       QStringLiteral("parks"), QStringLiteral("ogr"));
  ASSERT_TRUE(regions.isValid());
  ASSERT_TRUE(parks.isValid());
  Feedback feedback;
  const Inputs fromLayers = inputsFromLayers(&regions, &parks, scenario, feedback);
  const Inputs fromFiles = loadInputs(scenario, feedback);

  ASSERT_EQ(fromLayers.regions.size(), fromFiles.regions.size());
  for (size_t i = 0; i < fromFiles.regions.size(); ++i) {
    const Region& a = fromLayers.regions[i];
    const Region& b = fromFiles.regions[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.nameZh, b.nameZh);
    for (const auto& [column, value] : b.values) EXPECT_DOUBLE_EQ(a.value(column), value) << b.id << " " << column;
  }
  ASSERT_EQ(fromLayers.parks.size(), fromFiles.parks.size());
  for (size_t i = 0; i < fromFiles.parks.size(); ++i) {
    const Park& a = fromLayers.parks[i];
    const Park& b = fromFiles.parks[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.level, b.level);
    EXPECT_NEAR(a.lon, b.lon, 1e-9);
    EXPECT_NEAR(a.lat, b.lat, 1e-9);
    EXPECT_DOUBLE_EQ(a.value("available_ha"), b.value("available_ha"));
  }
  ASSERT_TRUE(fromLayers.industryOutput && fromFiles.industryOutput);
  EXPECT_EQ(fromLayers.industryOutput->industries, fromFiles.industryOutput->industries);
  EXPECT_EQ(fromLayers.industryOutput->regionIds, fromFiles.industryOutput->regionIds);

  // Same inputs, same ranking.
  const Results viaLayers = run(scenario, fromLayers, feedback);
  const Results viaFiles = run(scenario, fromFiles, feedback);
  ASSERT_EQ(viaLayers.parks.size(), viaFiles.parks.size());
  for (size_t i = 0; i < viaFiles.parks.size(); ++i) {
    EXPECT_EQ(viaLayers.parks[i].rank, viaFiles.parks[i].rank) << viaFiles.parks[i].id;
    EXPECT_EQ(viaLayers.parks[i].status, viaFiles.parks[i].status) << viaFiles.parks[i].id;
  }
}

}  // namespace
}  // namespace clustershift::layers
