#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "run_info.h"
#include "test_util.h"

#include <gtest/gtest.h>

#include <qgsdistancearea.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>
#include <qgsproject.h>
#include <qgsrectangle.h>
#include <qgscoordinatereferencesystem.h>

#include <memory>
#include <string>

namespace clustershift::layers {
namespace {

using testing::sampleInputs;
using testing::sampleResults;
using testing::scratchDir;
using testing::wkbFromWkt;

TEST(RunInfo, HoldsScenarioCriteriaWeightsAndSource) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.scenario.weighting.method = "ahp";
  res.scenario.weighting.matrix = {{1, 3}, {1.0 / 3, 1}};
  res.weightingInfo = {{"lambda_max", 2.0}, {"ci", 0.0}, {"cr", 0.0}};
  const nlohmann::json j = detail::runInfoJson(in, res);
  EXPECT_EQ(j["format"], 1);
  EXPECT_EQ(j["run_time"], "2026-11-27T01:00:00Z");
  EXPECT_EQ(j["title"]["zh_CN"], "测试情景：温州鞋业转移");
  EXPECT_EQ(j["cluster"]["name_zh"], "鞋业");
  EXPECT_EQ(j["mode"], "complete");
  EXPECT_EQ(j["source"]["id"], "330300");
  EXPECT_EQ(j["source"]["name_zh"], "温州市");
  ASSERT_EQ(j["criteria"].size(), 2u);
  EXPECT_EQ(j["criteria"][1]["id"], "field:land_price");
  EXPECT_EQ(j["criteria"][1]["direction"], "cost");
  EXPECT_DOUBLE_EQ(j["criteria"][0]["weight"].get<double>(), 0.6);
  EXPECT_EQ(j["weighting"]["method"], "ahp");
  EXPECT_DOUBLE_EQ(j["weighting"]["ahp_matrix"][0][1].get<double>(), 3.0);
  EXPECT_DOUBLE_EQ(j["weighting"]["info"]["lambda_max"].get<double>(), 2.0);
  EXPECT_TRUE(j["robustness"].is_null());  // draws = 0
  EXPECT_TRUE(j["effects"].is_null());
  EXPECT_TRUE(j["mode_comparison"].is_null());
  EXPECT_DOUBLE_EQ(j["catchment_km"].get<double>(), 50.0);
  EXPECT_EQ(j["counts"]["ranked"], 6);
}

TEST(RunInfo, CatchmentRadiusComesFromLabourPool) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  CriterionSpec pool;
  pool.id = "labour_pool";
  pool.params = {{"radius_km", 30}};
  res.scenario.criteria.push_back(pool);
  EXPECT_DOUBLE_EQ(detail::runInfoJson(in, res)["catchment_km"].get<double>(), 30.0);
}

TEST(RunInfo, WarningsAreSplitIntoFileLayerFeatureFieldAndValue) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.warnings.push_back(Problem{Severity::Warning, "parks.gpkg/parks fid=17 field 'area_ha'", "is negative (-3.2)", "P17"});
  res.warnings.push_back(Problem{Severity::Warning, "", "no IO table: indirect effects left out", ""});
  const nlohmann::json w = detail::runInfoJson(in, res)["warnings"];
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0]["severity"], "warning");
  EXPECT_EQ(w[0]["file"], "parks.gpkg");
  EXPECT_EQ(w[0]["layer"], "parks");
  EXPECT_EQ(w[0]["feature"], "P17");
  EXPECT_EQ(w[0]["field"], "area_ha");
  EXPECT_EQ(w[0]["value"], "-3.2");
  EXPECT_EQ(w[0]["text"], "parks.gpkg/parks fid=17 field 'area_ha': is negative (-3.2)");
  EXPECT_EQ(w[1]["file"], "");
  EXPECT_EQ(w[1]["text"], "no IO table: indirect effects left out");
}

TEST(RunInfo, ModeComparisonIsStoredAsColumnsAndRows) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.modeComparison = ModeComparison{};  // no modes: header only
  const nlohmann::json j = detail::runInfoJson(in, res);
  ASSERT_TRUE(j["mode_comparison"].is_object());
  EXPECT_EQ(j["mode_comparison"]["columns"][0], "mode");
  EXPECT_EQ(j["mode_comparison"]["columns"].size(), comparisonColumns().size());
  EXPECT_TRUE(j["mode_comparison"]["rows"].empty());
}

TEST(RunInfo, RoundTripsThroughTheLayer) {
  const Inputs in = sampleInputs();
  const nlohmann::json j = detail::runInfoJson(in, sampleResults(in));
  std::unique_ptr<QgsVectorLayer> layer(detail::makeRunInfoLayer(j));
  EXPECT_EQ(layer->name(), QStringLiteral("run_info"));
  EXPECT_EQ(layer->featureCount(), 1);
  EXPECT_EQ(detail::readRunInfo(layer.get()), j);
}

TEST(RunInfo, ReadingAnInvalidRowNamesTheProblem) {
  QgsVectorLayer layer(QStringLiteral("None?field=json:string"), QStringLiteral("run_info"), QStringLiteral("memory"));
  try {
    detail::readRunInfo(&layer);
    FAIL() << "no row accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("run_info has no row"), std::string::npos) << e.what();
  }
  QgsFeature f(layer.fields());
  f.setAttributes(QgsAttributes() << QStringLiteral("{not json"));
  layer.dataProvider()->addFeature(f);
  try {
    detail::readRunInfo(&layer);
    FAIL() << "invalid JSON accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("field 'json' is not valid JSON"), std::string::npos) << e.what();
  }
}

TEST(RunInfo, PublicReaderRejectsAGeoPackageWithoutTheTable) {
  // A GeoPackage, but not a results one: the sample regions (only read).
  const QString gpkg = QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data/regions.gpkg");
  try {
    readRunInfo(gpkg);
    FAIL() << "a GeoPackage without run_info was accepted";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("regions.gpkg: no run_info table"), std::string::npos) << message;
  }
  EXPECT_THROW(readRunInfo(scratchDir(QStringLiteral("run_info_missing")) + QStringLiteral("/absent.gpkg")), IoError);
}

TEST(Catchments, GeodesicCirclesAroundTheRankedParksInRankOrder) {
  const Inputs in = sampleInputs();
  const Results res = sampleResults(in);
  std::unique_ptr<QgsVectorLayer> layer(detail::makeCatchmentLayer(res, 50.0, 4));
  ASSERT_EQ(layer->featureCount(), 4);
  QgsDistanceArea da;
  da.setSourceCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), QgsCoordinateTransformContext());
  da.setEllipsoid(QStringLiteral("WGS84"));
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  int expectedRank = 1;
  while (it.nextFeature(f)) {
    EXPECT_EQ(f.attribute(QStringLiteral("rank")).toInt(), expectedRank++);
    EXPECT_DOUBLE_EQ(f.attribute(QStringLiteral("radius_km")).toDouble(), 50.0);
    const QString id = f.attribute(QStringLiteral("park_id")).toString();
    const ParkResult& park = res.parks[static_cast<size_t>(in.parkIndex(id.toStdString()))];
    const QgsPointXY centre(park.lon, park.lat);
    // Every vertex lies 50 km (geodesic) from the park.
    const QgsPolygonXY polygon = f.geometry().asMultiPolygon().value(0);
    ASSERT_FALSE(polygon.isEmpty());
    ASSERT_GE(polygon[0].size(), 72);
    for (const QgsPointXY& v : polygon[0]) EXPECT_NEAR(da.measureLine(centre, v), 50000.0, 1.0);
  }
}

TEST(SensitiveZones, CopyOfTheInputZonesOrNothing) {
  Inputs in = sampleInputs();
  EXPECT_EQ(detail::makeSensitiveZonesLayer(in), nullptr);
  Zone z;
  z.id = "Z1";
  z.name = "Water source";
  z.wkb = wkbFromWkt(QStringLiteral("POLYGON((118.1 26.1,118.3 26.1,118.3 26.3,118.1 26.1))"));
  in.exclusions.push_back(z);
  std::unique_ptr<QgsVectorLayer> layer(detail::makeSensitiveZonesLayer(in));
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer->name(), QStringLiteral("sensitive_zones"));
  ASSERT_EQ(layer->featureCount(), 1);
  QgsFeature f;
  layer->getFeatures().nextFeature(f);
  EXPECT_EQ(f.attribute(QStringLiteral("id")).toString(), QStringLiteral("Z1"));
  EXPECT_EQ(f.attribute(QStringLiteral("name")).toString(), QStringLiteral("Water source"));
  EXPECT_TRUE(f.hasGeometry());
}

TEST(StudyAreaCrs, AnAuthorityEqualAreaCrsWhereItFitsElseANamedFittedOne) {
  // The sample study area (east and south China): ESRI:102025, named, so QGIS never shows "Unknown CRS".
  const QgsCoordinateReferenceSystem china = studyAreaCrs(QgsRectangle(108.5, 20.5, 122.5, 35.0));
  EXPECT_EQ(china.authid(), QStringLiteral("ESRI:102025"));
  EXPECT_FALSE(china.description().isEmpty());
  EXPECT_FALSE(china.isGeographic());
  // Western Europe lies outside its area of use: an Albers fitted to the extent, with a name.
  const QgsCoordinateReferenceSystem europe = studyAreaCrs(QgsRectangle(0, 42, 20, 55));
  EXPECT_TRUE(europe.authid().isEmpty());
  EXPECT_EQ(europe.description(), QStringLiteral("ClusterShift study area (Albers equal-area)"));
  EXPECT_TRUE(europe.toProj().contains(QStringLiteral("+proj=aea")));
  // Japan's east: more than 25° from the central meridian 95°E, the fitted one again.
  EXPECT_TRUE(studyAreaCrs(QgsRectangle(135, 33, 145, 43)).authid().isEmpty());
  // Too large an extent: lon/lat.
  EXPECT_EQ(studyAreaCrs(QgsRectangle(-170, -60, 170, 70)).authid(), QStringLiteral("EPSG:4326"));
}

TEST(StudyAreaCrs, AFittedCrsRegisteredAsAUserCrsGetsAnAuthorityAndItsName) {
  const QgsCoordinateReferenceSystem japan = studyAreaCrs(QgsRectangle(135, 33, 145, 43));
  ASSERT_TRUE(isUnregisteredStudyAreaCrs(japan));
  EXPECT_FALSE(isUnregisteredStudyAreaCrs(studyAreaCrs(QgsRectangle(108.5, 20.5, 122.5, 35.0))));
  const QString name = studyAreaCrsName(japan, true);
  EXPECT_EQ(name, QStringLiteral("ClusterShift 研究区等积投影（Albers，中央经线 140°E）"));
  // Registered in the test profile's QGIS user database (qgis_test_main sets a fresh profile).
  const QgsCoordinateReferenceSystem user = registerStudyAreaCrs(japan, name);
  EXPECT_TRUE(user.authid().startsWith(QStringLiteral("USER:"))) << user.authid().toStdString();
  EXPECT_EQ(user.description(), name);
  EXPECT_EQ(user.toProj(), japan.toProj());
  EXPECT_FALSE(isUnregisteredStudyAreaCrs(user));
  // Again: the same user CRS, not a second one.
  EXPECT_EQ(registerStudyAreaCrs(japan, name).authid(), user.authid());
  // An authority CRS is left as it is.
  EXPECT_EQ(registerStudyAreaCrs(QgsCoordinateReferenceSystem(QStringLiteral("ESRI:102025")), name).authid(),
            QStringLiteral("ESRI:102025"));
}

}  // namespace
}  // namespace clustershift::layers
