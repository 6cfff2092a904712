// writeCandidateTable (layers/src/candidate_table.cpp): candidate_scores written through OGR
// holds what the memory layer of makeCandidateLayer holds, read back in QGIS.
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

TEST(CandidateTable, TheGeoPackagesTableHoldsTheMemoryLayersFieldsValuesAndPoints) {
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
  detail::writeCandidateTable(res, gpkg, gpkg);

  std::unique_ptr<QgsVectorLayer> memory(makeCandidateLayer(res));
  QgsVectorLayer written(gpkg + QStringLiteral("|layername=candidate_scores"), QStringLiteral("written"),
                         QStringLiteral("ogr"));
  ASSERT_TRUE(written.isValid());
  EXPECT_EQ(written.crs().authid(), QStringLiteral("EPSG:4326"));
  EXPECT_EQ(written.wkbType(), QgsWkbTypes::Point);
  // The GeoPackage adds its fid first; then the same fields with the same types.
  const QgsFields a = memory->fields(), b = written.fields();
  ASSERT_EQ(b.size(), a.size() + 1);
  EXPECT_EQ(b.at(0).name(), QStringLiteral("fid"));
  for (int i = 0; i < a.size(); ++i) {
    EXPECT_EQ(b.at(i + 1).name(), a.at(i).name());
    EXPECT_EQ(b.at(i + 1).type(), a.at(i).type()) << a.at(i).name().toStdString();
  }
  ASSERT_EQ(written.featureCount(), memory->featureCount());
  QgsFeatureIterator ia = memory->getFeatures(), ib = written.getFeatures();
  QgsFeature fa, fb;
  int located = 0, nulls = 0;
  while (ia.nextFeature(fa)) {
    ASSERT_TRUE(ib.nextFeature(fb));
    for (int i = 0; i < a.size(); ++i) {
      const QVariant va = fa.attribute(i), vb = fb.attribute(i + 1);
      EXPECT_EQ(va.isNull(), vb.isNull())
          << a.at(i).name().toStdString() << " of " << fa.attribute(0).toString().toStdString();
      if (va.isNull()) {
        ++nulls;
        continue;
      }
      EXPECT_EQ(vb, va) << a.at(i).name().toStdString() << " of " << fa.attribute(0).toString().toStdString();
    }
    EXPECT_EQ(fb.hasGeometry(), fa.hasGeometry());
    if (fa.hasGeometry()) {
      ++located;
      EXPECT_EQ(fb.geometry().asPoint(), fa.geometry().asPoint());
    }
  }
  // The comparisons covered NULLs and points, and the park without a location has none.
  EXPECT_GT(nulls, 4);
  EXPECT_EQ(located, static_cast<int>(res.parks.size()) - 1);
}

TEST(CandidateTable, AFolderThatCannotBeWrittenIsAnIoErrorNamingTheShownFile) {
  const Inputs in = sampleInputs();
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = dir.filePath(QStringLiteral("missing/results.gpkg"));
  try {
    detail::writeCandidateTable(sampleResults(in), gpkg, QStringLiteral("out/results.gpkg"));
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("out/results.gpkg"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace clustershift::layers
