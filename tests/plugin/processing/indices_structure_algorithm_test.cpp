// clustershift:indices_structure on a hand-computed table (Gan, Zheng & Yu 2011 definitions)
// and on the sample region layer.
#include "processing_test_util.h"

#include <qgsfeatureiterator.h>

#include <QFile>

#include <cmath>

namespace clustershift::processing::testing {
namespace {

const QString kAlg = QStringLiteral("clustershift:indices_structure");

TEST(IndicesStructure, HandComputedRowFromATextTable) {
  // Values as text, as a CSV read without type detection gives them.
  auto* table = new QgsVectorLayer(
      QStringLiteral("None?field=code:string&field=y1:string&field=y2:string&field=y3:string&field=l1:string"
                     "&field=l2:string&field=l3:string"),
      QStringLiteral("yearbook"), QStringLiteral("memory"));
  QgsFeature f(table->fields());
  QgsAttributes a;
  a << QStringLiteral("A") << QStringLiteral("10") << QStringLiteral("50") << QStringLiteral("40")
    << QStringLiteral("30") << QStringLiteral("40") << QStringLiteral("30");
  f.setAttributes(a);
  ASSERT_TRUE(table->dataProvider()->addFeature(f));
  QgsProject::instance()->addMapLayer(table);

  QVariantMap p;
  p.insert(QStringLiteral("INPUT"), table->id());
  p.insert(QStringLiteral("FIELD_ID"), QStringLiteral("code"));
  p.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  QgsProject::instance()->removeMapLayer(table);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(out->featureCount(), 1);
  QgsFeature r;
  ASSERT_TRUE(out->getFeatures().nextFeature(r));
  EXPECT_EQ(r.attribute(QStringLiteral("id")).toString(), QStringLiteral("A"));
  // Y = 100, L = 100: TS = 40/50, ISU = (1·10 + 2·50 + 3·40)/100,
  // Theil = 0.1 ln(10/30) + 0.5 ln(50/40) + 0.4 ln(40/30).
  EXPECT_NEAR(r.attribute(QStringLiteral("ts")).toDouble(), 0.8, 1e-12);
  EXPECT_NEAR(r.attribute(QStringLiteral("isu")).toDouble(), 2.3, 1e-12);
  EXPECT_NEAR(r.attribute(QStringLiteral("theil")).toDouble(),
              0.1 * std::log(10.0 / 30) + 0.5 * std::log(50.0 / 40) + 0.4 * std::log(40.0 / 30), 1e-12);
}

TEST(IndicesStructure, SampleRegionsKeepTheirGeometry) {
  QVariantMap p;
  p.insert(QStringLiteral("INPUT"), sampleLayer(QStringLiteral("regions")));
  p.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  QgsVectorLayer regions(sampleLayer(QStringLiteral("regions")), QStringLiteral("regions"),
                         QStringLiteral("ogr"));
  EXPECT_EQ(out->featureCount(), regions.featureCount());
  EXPECT_EQ(out->geometryType(), QgsWkbTypes::PolygonGeometry);
  QgsFeature f;
  QgsFeatureIterator it = out->getFeatures();
  while (it.nextFeature(f)) {
    const double isu = f.attribute(QStringLiteral("isu")).toDouble();
    EXPECT_GE(isu, 1.0);
    EXPECT_LE(isu, 3.0);
    EXPECT_FALSE(f.geometry().isEmpty());
  }
}

TEST(IndicesStructure, CsvFileAsInput) {
  const QString dir = scratchDir(QStringLiteral("structure_csv"));
  QFile file(dir + QStringLiteral("/sectors.csv"));
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("id,name,y1,y2,y3,l1,l2,l3\nA,Alpha,10,50,40,30,40,30\nB,Beta,0,60,40,10,50,40\n");
  file.close();
  QVariantMap p;
  p.insert(QStringLiteral("INPUT"), file.fileName());
  p.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  RecordingFeedback feedback;
  const AlgorithmRun run = runAlgorithm(kAlg, p, &feedback);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(out->featureCount(), 2);
  QgsFeature f;
  QgsFeatureIterator it = out->getFeatures();
  while (it.nextFeature(f)) {
    if (f.attribute(QStringLiteral("id")).toString() != QStringLiteral("B")) continue;
    // Y1 = 0: ISU = (2·60 + 3·40)/100; the empty sector adds no Theil term (warning).
    EXPECT_NEAR(f.attribute(QStringLiteral("isu")).toDouble(), 2.4, 1e-12);
    EXPECT_NEAR(f.attribute(QStringLiteral("ts")).toDouble(), 40.0 / 60, 1e-12);
  }
  bool warned = false;
  for (const QString& w : run.warnings) warned = warned || w.contains(QStringLiteral("id 'B'"));
  EXPECT_TRUE(warned) << run.warnings.join(QLatin1Char('\n')).toStdString();
}

TEST(IndicesStructure, MissingFieldIsNamedWithItsParameter) {
  QVariantMap p;
  p.insert(QStringLiteral("INPUT"), sampleLayer(QStringLiteral("regions")));
  p.insert(QStringLiteral("FIELD_Y1"), QStringLiteral("va_primary"));
  p.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.contains(QStringLiteral("va_primary"))) << run.error.toStdString();
  EXPECT_TRUE(run.error.contains(QStringLiteral("FIELD_Y1")) || run.error.contains(QStringLiteral("Y1")))
      << run.error.toStdString();
}

}  // namespace
}  // namespace clustershift::processing::testing
