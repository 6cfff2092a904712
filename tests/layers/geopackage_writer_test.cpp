// GeoPackageWriter (layers/src/geopackage_writer.cpp): tables written through OGR hold what the
// memory layers hold, read back in QGIS.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "layers_detail.h"

#include <gtest/gtest.h>

#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <QTemporaryDir>

#include <cmath>
#include <memory>

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
