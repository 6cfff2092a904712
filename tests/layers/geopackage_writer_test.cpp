// GeoPackageWriter (layers/src/geopackage_writer.cpp): tables written through OGR hold what the
// memory layers hold, read back in QGIS.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "layers_detail.h"

#include <gtest/gtest.h>

#include <qgsfeatureiterator.h>
#include <qgssqliteutils.h>
#include <qgsvectorlayer.h>

#include <QTemporaryDir>

#include <gdal.h>
#include <ogr_api.h>
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "clustershift/error.h"

namespace clustershift::layers {
namespace {

using testing::sampleInputs;
using testing::sampleResults;

/// Every feature of `written` (read from the GeoPackage) equals `memory`'s: fields after the
/// GeoPackage's fid, values, NULLs and geometries; returns the number of geometries compared.
int expectSameFeatures(QgsVectorLayer* memory, QgsVectorLayer& written) {
  const QgsFields a = memory->fields(), b = written.fields();
  EXPECT_EQ(b.size(), a.size() + 1) << memory->name().toStdString();
  if (b.size() != a.size() + 1) return 0;
  for (int i = 0; i < a.size(); ++i) {
    EXPECT_EQ(b.at(i + 1).name(), a.at(i).name());
    EXPECT_EQ(b.at(i + 1).type(), a.at(i).type()) << a.at(i).name().toStdString();
  }
  EXPECT_EQ(written.featureCount(), memory->featureCount()) << memory->name().toStdString();
  QgsFeatureIterator ia = memory->getFeatures(), ib = written.getFeatures();
  QgsFeature fa, fb;
  int geometries = 0;
  while (ia.nextFeature(fa)) {
    if (!ib.nextFeature(fb)) {
      ADD_FAILURE() << "missing features in " << memory->name().toStdString();
      break;
    }
    for (int i = 0; i < a.size(); ++i)
      EXPECT_EQ(fb.attribute(i + 1), fa.attribute(i)) << a.at(i).name().toStdString();
    EXPECT_EQ(fb.hasGeometry(), fa.hasGeometry());
    if (fa.hasGeometry() && fb.hasGeometry()) {
      ++geometries;
      EXPECT_EQ(fb.geometry().asWkb(), fa.geometry().asWkb()) << memory->name().toStdString();
    }
  }
  return geometries;
}

TEST(GeoPackageWriter, CandidatesHoldTheMemoryLayersFieldsValuesAndPoints) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  // Cover every kind of value: a park without a location, robustness values, a NULL rank.
  res.parks[2].lon = kNaN;
  res.parks[2].lat = kNaN;
  for (std::size_t i = 0; i < res.parks.size(); ++i) {
    res.parks[i].pTop1 = 0.1 * static_cast<double>(i);
    res.parks[i].rankMean = i == 3 ? kNaN : 1.5 + static_cast<double>(i);
  }
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("results.gpkg"));
  {
    detail::GeoPackageWriter writer(gpkg, gpkg);
    writer.addCandidates(res);
    writer.close();
  }

  std::unique_ptr<QgsVectorLayer> memory(makeCandidateLayer(res));
  QgsVectorLayer written(gpkg + QStringLiteral("|layername=candidate_scores"), QStringLiteral("written"),
                         QStringLiteral("ogr"));
  ASSERT_TRUE(written.isValid());
  EXPECT_EQ(written.crs().authid(), QStringLiteral("EPSG:4326"));
  EXPECT_EQ(written.wkbType(), QgsWkbTypes::Point);
  const int located = expectSameFeatures(memory.get(), written);
  // The comparison covered NULLs and points, and the park without a location has none.
  int nulls = 0;
  QgsFeature f;
  for (QgsFeatureIterator it = memory->getFeatures(); it.nextFeature(f);)
    for (const QVariant& v : f.attributes()) nulls += v.isNull() ? 1 : 0;
  EXPECT_GT(nulls, 4);
  EXPECT_EQ(located, static_cast<int>(res.parks.size()) - 1);
}

TEST(GeoPackageWriter, LinesMultipolygonsAndTablesHoldTheirLayersFieldsValuesAndGeometries) {
  const Inputs in = sampleInputs();
  const Results res = testing::sampleResultsWithEffects(in, {0.0, 0.5, 1.0});
  std::unique_ptr<QgsVectorLayer> flows(makeFlowLayer(res)), regions(makeRegionLayer(in, res)),
      effects(makeRegionEffectsLayer(in, res)), coupling(makeCouplingLayer(res));
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("results.gpkg"));
  {
    detail::GeoPackageWriter writer(gpkg, gpkg);
    writer.addCandidates(res);
    for (QgsVectorLayer* layer : {flows.get(), regions.get(), effects.get(), coupling.get()})
      writer.addLayer(layer);
    writer.close();
  }
  for (QgsVectorLayer* layer : {flows.get(), regions.get(), effects.get(), coupling.get()}) {
    SCOPED_TRACE(layer->name().toStdString());
    QgsVectorLayer written(gpkg + QStringLiteral("|layername=") + layer->name(), layer->name(),
                           QStringLiteral("ogr"));
    ASSERT_TRUE(written.isValid());
    EXPECT_EQ(written.wkbType(), layer->wkbType());
    ASSERT_GT(layer->featureCount(), 0);
    const int geometries = expectSameFeatures(layer, written);
    if (layer->isSpatial()) {
      EXPECT_EQ(written.crs().authid(), QStringLiteral("EPSG:4326"));
      EXPECT_EQ(geometries, layer->featureCount());
    }
  }
}

TEST(GeoPackageWriter, RegionTablesWrittenFromTheInputsHoldTheMemoryLayersFieldsValuesAndMultiPolygons) {
  Inputs in = sampleInputs();
  ASSERT_GE(in.regions.size(), 3u);
  // The sample regions are polygons (each becomes a one-part MultiPolygon); add a two-part
  // MultiPolygon, a region without a geometry and one without a value.
  in.regions[1].wkb =
      testing::wkbFromWkt(QStringLiteral("MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((2 2,3 2,3 3,2 2)))"));
  in.regions[2].wkb.clear();
  in.regions[0].values.erase(in.regions[0].values.begin());
  const Results res = testing::sampleResultsWithEffects(in, {0.0, 0.5, 1.0});
  ASSERT_TRUE(res.effects);
  std::unique_ptr<QgsVectorLayer> regions(makeRegionLayer(in, res)), effects(makeRegionEffectsLayer(in, res));
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("results.gpkg"));
  {
    detail::GeoPackageWriter writer(gpkg, gpkg);
    writer.addRegions(in, res);
    writer.addRegionEffects(in, res);
    writer.close();
  }
  for (QgsVectorLayer* layer : {regions.get(), effects.get()}) {
    SCOPED_TRACE(layer->name().toStdString());
    QgsVectorLayer written(gpkg + QStringLiteral("|layername=") + layer->name(), layer->name(),
                           QStringLiteral("ogr"));
    ASSERT_TRUE(written.isValid());
    EXPECT_EQ(written.wkbType(), QgsWkbTypes::MultiPolygon);
    EXPECT_EQ(written.crs().authid(), QStringLiteral("EPSG:4326"));
    ASSERT_EQ(layer->featureCount(), static_cast<long long>(in.regions.size()));
    EXPECT_EQ(expectSameFeatures(layer, written), static_cast<int>(in.regions.size()) - 1);
    const QgsFeature twoParts = written.getFeature(2);  // fid 2: the two-part region
    ASSERT_TRUE(twoParts.hasGeometry());
    EXPECT_EQ(twoParts.geometry().constGet()->partCount(), 2);
  }
  // In the file itself (QGIS promotes what it reads to the table's type): MultiPolygons only.
  GDALDatasetH ds =
      GDALOpenEx(gpkg.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  for (const char* table : {"regions", "region_effects"}) {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, table);
    ASSERT_NE(layer, nullptr) << table;
    int multi = 0;
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
      if (OGRGeometryH g = OGR_F_GetGeometryRef(feature)) {
        EXPECT_EQ(OGR_G_GetGeometryType(g), wkbMultiPolygon) << table;
        ++multi;
      }
      OGR_F_Destroy(feature);
    }
    EXPECT_EQ(multi, static_cast<int>(in.regions.size()) - 1) << table;
  }
  GDALClose(ds);
  // The comparison met a missing value (NULL) and a region without effects ("other").
  QgsFeature f;
  ASSERT_TRUE(regions->getFeatures().nextFeature(f));
  const QgsAttributes first = f.attributes();
  EXPECT_TRUE(std::any_of(first.begin(), first.end(), [](const QVariant& v) { return v.isNull(); }));
  int others = 0;
  for (QgsFeatureIterator it = effects->getFeatures(); it.nextFeature(f);)
    others += f.attribute(QStringLiteral("role")).toString() == QLatin1String("other") ? 1 : 0;
  EXPECT_GT(others, 0);
}

// The report reads the candidates by rank (its top N, the atlas, the top-10 labels) and the
// regions by id: SQLite answers those from an index, not by reading the whole table.
TEST(GeoPackageWriter, TheReportsLookupsByRankAndIdUseAnIndex) {
  const Inputs in = sampleInputs();
  const Results res = testing::sampleResultsWithEffects(in, {0.0, 0.5, 1.0});
  ASSERT_TRUE(res.effects);
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("results.gpkg"));
  {
    detail::GeoPackageWriter writer(gpkg, gpkg);
    writer.addCandidates(res);
    writer.addRegions(in, res);
    writer.addRegionEffects(in, res);
    writer.close();
  }
  sqlite3_database_unique_ptr db;
  ASSERT_EQ(db.open_v2(gpkg, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  auto plan = [&db](const QString& query) {
    int status = SQLITE_OK;
    sqlite3_statement_unique_ptr statement =
        db.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + query, status);
    EXPECT_EQ(status, SQLITE_OK) << query.toStdString();
    QString details;
    while (status == SQLITE_OK && statement.step() == SQLITE_ROW)
      details += statement.columnAsText(3) + QLatin1Char(';');
    return details.toStdString();
  };
  EXPECT_NE(plan(QStringLiteral("SELECT * FROM candidate_scores WHERE \"rank\" > 0 AND \"rank\" <= 5"))
                .find("USING INDEX candidate_scores_rank_index"),
            std::string::npos);
  for (const char* table : {"regions", "region_effects"})
    EXPECT_NE(
        plan(
            QStringLiteral("SELECT * FROM %1 WHERE \"id\" IN ('330300', '330100')").arg(QLatin1String(table)))
            .find(std::string("USING INDEX ") + table + "_id_index"),
        std::string::npos)
        << table;
}

TEST(GeoPackageWriter, AnEmptyLayerIsAnEmptyTableWithItsFieldsAndGeometryType) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.flows.clear();  // no ranked park: no flows
  std::unique_ptr<QgsVectorLayer> flows(makeFlowLayer(res));
  ASSERT_EQ(flows->featureCount(), 0);
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("results.gpkg"));
  {
    detail::GeoPackageWriter writer(gpkg, gpkg);
    writer.addLayer(flows.get());
    writer.close();
  }
  QgsVectorLayer written(gpkg + QStringLiteral("|layername=") + flows->name(), flows->name(),
                         QStringLiteral("ogr"));
  ASSERT_TRUE(written.isValid());
  EXPECT_EQ(written.featureCount(), 0);
  EXPECT_EQ(written.wkbType(), QgsWkbTypes::LineString);
  EXPECT_EQ(written.fields().size(), flows->fields().size() + 1);
}

TEST(GeoPackageWriter, AFolderThatCannotBeWrittenIsAnIoErrorNamingTheShownFile) {
  const Inputs in = sampleInputs();
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("missing/results.gpkg"));
  try {
    detail::GeoPackageWriter writer(gpkg, QStringLiteral("out/results.gpkg"));
    writer.addCandidates(sampleResults(in));
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("out/results.gpkg"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace clustershift::layers
