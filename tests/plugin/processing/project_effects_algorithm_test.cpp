// clustershift:projecteffects: region_effects, timeline and coupling from the sample scenario.
#include "processing_test_util.h"

#include <qgsfeatureiterator.h>

#include <set>

namespace clustershift::processing::testing {
namespace {

const QString kAlg = QStringLiteral("clustershift:projecteffects");

QVariantMap effectsParameters() {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("TIMELINE"), QgsProcessing::TEMPORARY_OUTPUT);
  p.insert(QStringLiteral("COUPLING"), QgsProcessing::TEMPORARY_OUTPUT);
  return p;
}

TEST(ProjectEffects, RegionEffectsHaveTheSourceAndTheRankOneHost) {
  const AlgorithmRun run = runAlgorithm(kAlg, effectsParameters());
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* effects = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(effects, nullptr);
  QgsVectorLayer regions(sampleLayer(QStringLiteral("regions")), QStringLiteral("regions"),
                         QStringLiteral("ogr"));
  EXPECT_EQ(effects->featureCount(), regions.featureCount());
  EXPECT_EQ(effects->geometryType(), QgsWkbTypes::PolygonGeometry);
  for (const char* field : {"role", "isu_before", "isu_after", "isu_change"})
    EXPECT_GE(effects->fields().lookupField(QString::fromLatin1(field)), 0) << field;
  std::set<QString> roles;
  QString sourceId;
  QgsFeature f;
  QgsFeatureIterator it = effects->getFeatures();
  while (it.nextFeature(f)) {
    const QString role = f.attribute(QStringLiteral("role")).toString();
    roles.insert(role);
    if (role == QStringLiteral("source")) sourceId = f.attribute(QStringLiteral("id")).toString();
  }
  EXPECT_TRUE(roles.count(QStringLiteral("source")));
  EXPECT_TRUE(roles.count(QStringLiteral("host")));
  EXPECT_EQ(sourceId, QStringLiteral("330300"));

  // The host is the case park the scenario names (effects.host), whatever rank scoresites gives it.
  const AlgorithmRun scores = runAlgorithm(QStringLiteral("clustershift:scoresites"),
                                           scenarioParameters(QStringLiteral("wenzhou_footwear_complete")));
  ASSERT_TRUE(scores.ok) << scores.error.toStdString();
  EXPECT_EQ(run.outputs.value(QStringLiteral("HOST_PARK")).toString(), QStringLiteral("P341300-01"));
  EXPECT_FALSE(scores.outputs.value(QStringLiteral("TOP_PARK")).toString().isEmpty());
}

TEST(ProjectEffects, TimelineAndCouplingTables) {
  const AlgorithmRun run = runAlgorithm(kAlg, effectsParameters());
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* timeline = run.layer(QStringLiteral("TIMELINE"));
  ASSERT_NE(timeline, nullptr);
  EXPECT_EQ(timeline->geometryType(), QgsWkbTypes::NullGeometry);
  EXPECT_GT(timeline->featureCount(), 10);
  int maxYear = -1;
  QgsFeature f;
  QgsFeatureIterator it = timeline->getFeatures();
  while (it.nextFeature(f)) maxYear = std::max(maxYear, f.attribute(QStringLiteral("year")).toInt());
  EXPECT_EQ(maxYear, 10);  // default horizon T = 10 years
  QgsVectorLayer* coupling = run.layer(QStringLiteral("COUPLING"));
  ASSERT_NE(coupling, nullptr);
  EXPECT_EQ(coupling->featureCount(), 1);  // one host region with host "best"
  ASSERT_TRUE(coupling->getFeatures().nextFeature(f));
  const double d = f.attribute(QStringLiteral("d")).toDouble();
  EXPECT_GE(d, 0.0);
  EXPECT_LE(d, 1.0);
}

TEST(ProjectEffects, AllocateSplitsOverSeveralHosts) {
  QVariantMap p = effectsParameters();
  p.insert(QStringLiteral("HOST"), QStringLiteral("allocate"));
  p.insert(QStringLiteral("HOST_COUNT"), 3);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* coupling = run.layer(QStringLiteral("COUPLING"));
  ASSERT_NE(coupling, nullptr);
  EXPECT_GE(coupling->featureCount(), 2);
}

TEST(ProjectEffects, UnknownHostParkIsNamedInTheError) {
  QVariantMap p = effectsParameters();
  p.insert(QStringLiteral("HOST"), QStringLiteral("P000000-99"));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.startsWith(QStringLiteral("clustershift:projecteffects: ")))
      << run.error.toStdString();
  EXPECT_TRUE(run.error.contains(QStringLiteral("P000000-99"))) << run.error.toStdString();
}

}  // namespace
}  // namespace clustershift::processing::testing
