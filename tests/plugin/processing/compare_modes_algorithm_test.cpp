// clustershift:comparemodes: the three modes side by side, as a table and as the CLI's CSV.
#include "processing_test_util.h"

#include <qgsfeatureiterator.h>

#include <QFile>

namespace clustershift::processing::testing {
namespace {

TEST(CompareModes, OneRowPerModeWithNumericColumnsAndTheCsv) {
  QVariantMap p = scenarioParameters(QStringLiteral("guangzhou_leather_partial"));
  const QString csv = scratchDir(QStringLiteral("compare")) + QStringLiteral("/compare.csv");
  p.insert(QStringLiteral("OUTPUT_CSV"), csv);
  const AlgorithmRun run = runAlgorithm(QStringLiteral("clustershift:comparemodes"), p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* table = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->geometryType(), QgsWkbTypes::NullGeometry);
  ASSERT_EQ(table->featureCount(), 3);
  QStringList modes;
  QgsFeature f;
  QgsFeatureIterator it = table->getFeatures();
  while (it.nextFeature(f)) modes << f.attribute(QStringLiteral("mode")).toString();
  EXPECT_EQ(modes, (QStringList{QStringLiteral("complete"), QStringLiteral("partial"),
                                QStringLiteral("replication")}));
  const int jobs = table->fields().lookupField(QStringLiteral("moved_jobs"));
  ASSERT_GE(jobs, 0);
  EXPECT_EQ(table->fields().at(jobs).type(), QVariant::Double);

  QFile file(csv);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << csv.toStdString();
  const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_EQ(lines.size(), 4);
  EXPECT_TRUE(lines.front().startsWith(QStringLiteral("mode,host_park,")));
}

TEST(CompareModes, BadDrawsValueIsRejectedBeforeRunning) {
  QVariantMap p = scenarioParameters(QStringLiteral("guangzhou_leather_partial"));
  p.insert(QStringLiteral("DRAWS"), -5);
  const AlgorithmRun run = runAlgorithm(QStringLiteral("clustershift:comparemodes"), p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.contains(QStringLiteral("DRAWS")) || run.error.contains(QStringLiteral("draws")))
      << run.error.toStdString();
}

}  // namespace
}  // namespace clustershift::processing::testing
