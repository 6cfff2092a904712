// clustershift:indices_relatedness on the hand-checked 4 × 4 table of
// tests/core/indices/relatedness_test.cpp (Hidalgo et al. 2007 definitions; RCA after Balassa 1965).
#include "processing_test_util.h"

#include <qgsfeatureiterator.h>

#include <QFile>

namespace clustershift::processing::testing {
namespace {

const QString kAlg = QStringLiteral("clustershift:indices_relatedness");

QString writeFile(const QString& dir, const QString& name, const QByteArray& text) {
  QFile file(dir + QLatin1Char('/') + name);
  if (!file.open(QIODevice::WriteOnly)) return QString();
  file.write(text);
  return file.fileName();
}

double cell(QgsVectorLayer* layer, const QString& idField, const QString& row, const QString& column) {
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f))
    if (f.attribute(idField).toString() == row) return f.attribute(column).toDouble();
  return std::nan("");
}

QVariantMap parameters(const QString& matrix) {
  QVariantMap p;
  p.insert(QStringLiteral("MATRIX"), matrix);
  for (const char* out : {"RCA", "DENSITY", "PROXIMITY"})
    p.insert(QString::fromLatin1(out), QgsProcessing::TEMPORARY_OUTPUT);
  return p;
}

TEST(IndicesRelatedness, HandCheckedFourByFourTable) {
  const QString dir = scratchDir(QStringLiteral("relatedness"));
  const QString matrix =
      writeFile(dir, QStringLiteral("matrix.csv"),
                "region_id,I1,I2,I3,I4\nR1,50,10,20,20\nR2,10,30,40,20\nR3,40,80,20,60\nR4,20,0,10,70\n");
  QVariantMap p = parameters(matrix);
  p.insert(QStringLiteral("OUTPUT_FOLDER"), dir + QStringLiteral("/csv"));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* rca = run.layer(QStringLiteral("RCA"));
  QgsVectorLayer* density = run.layer(QStringLiteral("DENSITY"));
  QgsVectorLayer* proximity = run.layer(QStringLiteral("PROXIMITY"));
  ASSERT_TRUE(rca && density && proximity);
  EXPECT_EQ(rca->featureCount(), 4);
  EXPECT_EQ(proximity->featureCount(), 4);
  const QString id = QStringLiteral("region_id");
  EXPECT_NEAR(cell(rca, id, QStringLiteral("R1"), QStringLiteral("I1")), 0.5 / 0.24, 1e-9);
  EXPECT_NEAR(cell(rca, id, QStringLiteral("R3"), QStringLiteral("I2")), 0.4 / 0.24, 1e-9);
  EXPECT_NEAR(cell(proximity, QStringLiteral("industry"), QStringLiteral("I1"), QStringLiteral("I3")), 0.5,
              1e-12);
  EXPECT_NEAR(cell(proximity, QStringLiteral("industry"), QStringLiteral("I1"), QStringLiteral("I2")), 0.0,
              0);
  EXPECT_NEAR(cell(density, id, QStringLiteral("R1"), QStringLiteral("I1")), 1.0, 1e-12);
  EXPECT_NEAR(cell(density, id, QStringLiteral("R3"), QStringLiteral("I3")), 0.5, 1e-12);
  for (const char* f : {"rca.csv", "presence.csv", "proximity.csv", "density.csv"})
    EXPECT_TRUE(QFile::exists(dir + QStringLiteral("/csv/") + QString::fromLatin1(f))) << f;
}

TEST(IndicesRelatedness, SampleIndustryOutputHasOneRowPerRegion) {
  const AlgorithmRun run = runAlgorithm(kAlg, parameters(sampleData(QStringLiteral("industry_output.csv"))));
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer regions(sampleLayer(QStringLiteral("regions")), QStringLiteral("regions"),
                         QStringLiteral("ogr"));
  EXPECT_EQ(run.layer(QStringLiteral("DENSITY"))->featureCount(), regions.featureCount());
  EXPECT_EQ(run.layer(QStringLiteral("PROXIMITY"))->featureCount(), 20);  // 20 manufacturing industries
}

TEST(IndicesRelatedness, NegativeCellIsNamedWithItsParameter) {
  const QString dir = scratchDir(QStringLiteral("relatedness_negative"));
  const QString matrix = writeFile(dir, QStringLiteral("neg.csv"), "region_id,I1,I2\nR1,1,-3\nR2,2,2\n");
  const AlgorithmRun run = runAlgorithm(kAlg, parameters(matrix));
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.contains(QStringLiteral("clustershift:indices_relatedness: MATRIX: ")))
      << run.error.toStdString();
  EXPECT_TRUE(
      run.error.contains(QStringLiteral("neg.csv row 1 (line 2) id 'R1', column 'I2': value is negative")))
      << run.error.toStdString();
}

}  // namespace
}  // namespace clustershift::processing::testing
