// clustershift:scoresites through the registry with the sample layers.
#include "processing_test_util.h"

#include "clustershift/pipeline.h"
#include "clustershift/scenario.h"

#include <qgsfeatureiterator.h>
#include <qgsprocessingalgrunnertask.h>
#include <qgstaskmanager.h>
#include <qgsrenderer.h>
#include <qgsprocessingparameters.h>
#include <qgsvectorfilewriter.h>

#include <QDateTime>
#include <QDir>
#include <QThread>
#include <QEventLoop>
#include <QFileInfo>

#include <atomic>
#include <functional>
#include <map>
#include <set>

namespace clustershift::processing::testing {
namespace {

const QString kAlg = QStringLiteral("clustershift:scoresites");

/// Rank 1 park of a sample scenario as `clustershift run` computes it (core pipeline).
std::string coreRankOne(const QString& scenario, const std::function<void(Scenario&)>& change = {}) {
  Scenario s = loadScenario(scenarioFile(scenario).toStdString());
  s.uncertainty.draws = 0;
  if (change) change(s);
  Feedback fb;
  const Results r = run(s, loadInputs(s, fb), fb);
  const std::vector<int> order = r.ranking();
  return order.empty() ? std::string() : r.parks[static_cast<std::size_t>(order.front())].id;
}

QString rankOneOf(QgsVectorLayer* layer) {
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f))
    if (f.attribute(QStringLiteral("rank")).toInt() == 1) return f.attribute(QStringLiteral("id")).toString();
  return QString();
}

class ScoreSitesSample : public ::testing::TestWithParam<const char*> {};

TEST_P(ScoreSitesSample, RankOneIsTheSameAsTheCliRun) {
  const QString scenario = QString::fromLatin1(GetParam());
  const AlgorithmRun run = runAlgorithm(kAlg, scenarioParameters(scenario));
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  const std::string expected = coreRankOne(scenario);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(rankOneOf(out).toStdString(), expected);
  EXPECT_EQ(run.outputs.value(QStringLiteral("TOP_PARK")).toString().toStdString(), expected);
}

INSTANTIATE_TEST_SUITE_P(SampleScenarios, ScoreSitesSample,
                         ::testing::Values("wenzhou_footwear_complete", "guangzhou_leather_partial",
                                           "suzhou_electronics_replication"));

TEST(ScoreSites, ParametersOverrideTheScenarioAsTheCoreWouldRunIt) {
  // AGGREGATION=topsis (3), WEIGHTING=entropy (2) on the Wenzhou scenario: the same rank 1 as
  // the core with those two settings changed in the scenario.
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("AGGREGATION"), 3);
  p.insert(QStringLiteral("WEIGHTING"), 2);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  const std::string expected = coreRankOne(QStringLiteral("wenzhou_footwear_complete"), [](Scenario& s) {
    s.aggregation = "topsis";
    s.weighting = Weighting{};
    s.weighting.method = "entropy";
  });
  EXPECT_EQ(run.outputs.value(QStringLiteral("TOP_PARK")).toString().toStdString(), expected);
}

TEST(ScoreSites, PartialTransferOfListedSegments) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("MODE"), 2);  // partial
  p.insert(QStringLiteral("MOVED_SEGMENTS"), QStringLiteral("production; assembly"));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  const std::string expected = coreRankOne(QStringLiteral("wenzhou_footwear_complete"), [](Scenario& s) {
    s.mode = TransferMode::Partial;
    s.movedSegments = {"production", "assembly"};
  });
  EXPECT_EQ(run.outputs.value(QStringLiteral("TOP_PARK")).toString().toStdString(), expected);

  p.insert(QStringLiteral("MOVED_SEGMENTS"), QStringLiteral("production;shoemaking"));
  const AlgorithmRun bad = runAlgorithm(kAlg, p);
  EXPECT_FALSE(bad.ok);
  EXPECT_TRUE(bad.error.contains(QStringLiteral("shoemaking"))) << bad.error.toStdString();
}

TEST(ScoreSites, ReplicationFromAPresetNeedsItsTemplatePark) {
  QVariantMap p = scenarioParameters(QString());
  p.remove(QStringLiteral("SCENARIO"));
  p.insert(QStringLiteral("PRESET"), 1);  // electronics
  p.insert(QStringLiteral("SOURCE_REGION"), QStringLiteral("320500"));
  p.insert(QStringLiteral("MODE"), 3);  // replication
  const AlgorithmRun without = runAlgorithm(kAlg, p);
  EXPECT_FALSE(without.ok);
  EXPECT_TRUE(without.error.contains(QStringLiteral("template_park"))) << without.error.toStdString();

  p.insert(QStringLiteral("TEMPLATE_PARK"), QStringLiteral("P320500-01"));
  p.insert(QStringLiteral("REPLICATION_SCALE"), 0.3);
  const AlgorithmRun with = runAlgorithm(kAlg, p);
  ASSERT_TRUE(with.ok) << with.error.toStdString();
  EXPECT_GT(with.outputs.value(QStringLiteral("FEASIBLE")).toInt(), 0);
}

TEST(ScoreSites, OutputHasEveryParkWithScoreRankStatusAndContributions) {
  const AlgorithmRun run =
      runAlgorithm(kAlg, scenarioParameters(QStringLiteral("wenzhou_footwear_complete")));
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  QgsVectorLayer parks(sampleLayer(QStringLiteral("parks")), QStringLiteral("parks"), QStringLiteral("ogr"));
  ASSERT_TRUE(parks.isValid());
  EXPECT_EQ(out->featureCount(), parks.featureCount());
  EXPECT_EQ(out->geometryType(), QgsWkbTypes::PointGeometry);
  for (const char* field : {"id", "score", "rank", "status", "reason", "labour_cost_raw", "labour_cost_norm",
                            "labour_cost_contrib", "land_contrib", "field_land_price_contrib"})
    EXPECT_GE(out->fields().lookupField(QString::fromLatin1(field)), 0) << field;
  int ok = 0, excluded = 0;
  QgsFeature f;
  QgsFeatureIterator it = out->getFeatures();
  while (it.nextFeature(f)) {
    const QString status = f.attribute(QStringLiteral("status")).toString();
    if (status == QStringLiteral("ok")) {
      ++ok;
      EXPECT_GE(f.attribute(QStringLiteral("rank")).toInt(), 1);
    } else {
      ++excluded;
      EXPECT_EQ(status, QStringLiteral("excluded"));
      EXPECT_FALSE(f.attribute(QStringLiteral("reason")).toString().isEmpty());
    }
  }
  EXPECT_GT(ok, 0);
  EXPECT_GT(excluded, 0);  // the land floor excludes some parks in the sample
  EXPECT_EQ(run.outputs.value(QStringLiteral("FEASIBLE")).toInt(), ok);
}

TEST(ScoreSites, PresetAndSourceRegionWithoutScenarioFile) {
  QVariantMap p = scenarioParameters(QString());
  p.remove(QStringLiteral("SCENARIO"));
  p.insert(QStringLiteral("PRESET"), 2);  // (from the scenario), electronics, footwear, ...
  p.insert(QStringLiteral("SOURCE_REGION"), QStringLiteral("330300"));
  p.insert(QStringLiteral("INDUSTRY_OUTPUT"), sampleData(QStringLiteral("industry_output.csv")));
  p.insert(QStringLiteral("IO_TABLE"), sampleData(QStringLiteral("io_table.csv")));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  EXPECT_GT(run.outputs.value(QStringLiteral("FEASIBLE")).toInt(), 0);
  EXPECT_FALSE(rankOneOf(out).isEmpty());
  EXPECT_GE(out->fields().lookupField(QStringLiteral("policy_level_contrib")), 0);
}

TEST(ScoreSites, SensitiveZonesAndRoadsAsLayersGiveTheSameRanking) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("SENSITIVE_ZONES"), sampleLayer(QStringLiteral("sensitive_zones")));
  p.insert(QStringLiteral("ROADS"), sampleLayer(QStringLiteral("roads")));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  EXPECT_EQ(run.outputs.value(QStringLiteral("TOP_PARK")).toString().toStdString(),
            coreRankOne(QStringLiteral("wenzhou_footwear_complete")));
  QgsVectorLayer* out = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(out, nullptr);
  EXPECT_GE(out->fields().lookupField(QStringLiteral("environment_raw")), 0);
}

TEST(ScoreSites, RenamedColumnIsFoundThroughItsFieldParameter) {
  // A copy of the regions with 'wage' called 'avg_wage': the field parameter maps it back.
  const QString dir = scratchDir(QStringLiteral("renamed_field"));
  QgsVectorLayer regions(sampleLayer(QStringLiteral("regions")), QStringLiteral("regions"),
                         QStringLiteral("ogr"));
  ASSERT_TRUE(regions.isValid());
  const QString copy = dir + QStringLiteral("/regions.gpkg");
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = QStringLiteral("GPKG");
  options.layerName = QStringLiteral("regions");
  ASSERT_EQ(
      QgsVectorFileWriter::writeAsVectorFormatV3(&regions, copy, QgsCoordinateTransformContext(), options),
      QgsVectorFileWriter::NoError);
  {
    QgsVectorLayer edit(copy + QStringLiteral("|layername=regions"), QStringLiteral("r"),
                        QStringLiteral("ogr"));
    ASSERT_TRUE(edit.isValid());
    ASSERT_TRUE(edit.startEditing());
    ASSERT_TRUE(
        edit.renameAttribute(edit.fields().lookupField(QStringLiteral("wage")), QStringLiteral("avg_wage")));
    ASSERT_TRUE(edit.commitChanges());
  }
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("REGIONS"), copy + QStringLiteral("|layername=regions"));
  const AlgorithmRun without = runAlgorithm(kAlg, p);
  EXPECT_FALSE(without.ok);
  EXPECT_TRUE(without.error.contains(QStringLiteral("wage"))) << without.error.toStdString();

  p.insert(QStringLiteral("REGIONS_FIELD_WAGE"), QStringLiteral("avg_wage"));
  const AlgorithmRun with = runAlgorithm(kAlg, p);
  ASSERT_TRUE(with.ok) << with.error.toStdString();
  EXPECT_EQ(with.outputs.value(QStringLiteral("TOP_PARK")).toString().toStdString(),
            coreRankOne(QStringLiteral("wenzhou_footwear_complete")));
}

TEST(ScoreSites, OutputLoadedIntoTheProjectIsStyledThere) {
  // As the toolbox asks for it: a temporary output loaded into the project on completion.
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("OUTPUT"), QVariant::fromValue(QgsProcessingOutputLayerDefinition(
                                         QgsProcessing::TEMPORARY_OUTPUT, QgsProject::instance())));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  const QString id = run.outputs.value(QStringLiteral("OUTPUT")).toString();
  ASSERT_TRUE(run.context->willLoadLayerOnCompletion(id));
  QgsProcessingLayerPostProcessorInterface* post =
      run.context->layerToLoadOnCompletionDetails(id).postProcessor();
  ASSERT_NE(post, nullptr);
  QgsVectorLayer* layer = run.layer(QStringLiteral("OUTPUT"));
  ASSERT_NE(layer, nullptr);
  EXPECT_EQ(layer->renderer()->type(), QStringLiteral("singleSymbol"));
  QgsProcessingFeedback fb;
  post->postProcessLayer(layer, *run.context, &fb);
  EXPECT_NE(layer->renderer()->type(), QStringLiteral("singleSymbol"));
}

TEST(ScoreSites, OutputFolderGetsGeoPackageAndProject) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  const QString dir = scratchDir(QStringLiteral("score_folder"));
  p.insert(QStringLiteral("OUTPUT_FOLDER"), dir);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  const QString gpkg = run.outputs.value(QStringLiteral("GEOPACKAGE")).toString();
  EXPECT_TRUE(QFileInfo(gpkg).isFile()) << gpkg.toStdString();
  EXPECT_TRUE(gpkg.startsWith(dir));
  EXPECT_TRUE(QFileInfo(run.outputs.value(QStringLiteral("PROJECT")).toString()).isFile());
  QgsVectorLayer scores(gpkg + QStringLiteral("|layername=candidate_scores"), QStringLiteral("s"),
                        QStringLiteral("ogr"));
  ASSERT_TRUE(scores.isValid());
  EXPECT_EQ(scores.featureCount(), run.layer(QStringLiteral("OUTPUT"))->featureCount());
  EXPECT_TRUE(QDir(dir).entryList({QStringLiteral("*.pdf")}, QDir::Files).isEmpty());  // no PDFs unless asked
}

TEST(ScoreSites, AResultsFolderThatCannotBeWrittenFailsTheAlgorithm) {
  // The folder is a file: the write fails, and so must the algorithm (not only a log line).
  const QString dir = scratchDir(QStringLiteral("score_write_failure"));
  const QString notAFolder = dir + QStringLiteral("/results");
  {
    QFile file(notAFolder);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("a file where the results folder should be");
  }
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("OUTPUT_FOLDER"), notAFolder);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.startsWith(QStringLiteral("clustershift:scoresites: "))) << run.error.toStdString();
  EXPECT_TRUE(run.error.contains(notAFolder)) << run.error.toStdString();
  EXPECT_FALSE(run.outputs.contains(QStringLiteral("GEOPACKAGE")));
  QFile file(notAFolder);  // the input-like file is left as it was
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_EQ(file.readAll(), QByteArray("a file where the results folder should be"));
}

TEST(ScoreSites, AFailedRenameWhilePublishingFailsTheAlgorithmAndKeepsEarlierResults) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  const QString dir = scratchDir(QStringLiteral("score_rename_failure"));
  p.insert(QStringLiteral("OUTPUT_FOLDER"), dir);
  const AlgorithmRun first = runAlgorithm(kAlg, p);
  ASSERT_TRUE(first.ok) << first.error.toStdString();
  const QString gpkg = first.outputs.value(QStringLiteral("GEOPACKAGE")).toString();
  const QDateTime written = QFileInfo(gpkg).lastModified();
  qputenv("CLUSTERSHIFT_TEST_FAIL_RENAME", "1");  // layers/src/publish.cpp: the first rename fails
  const AlgorithmRun second = runAlgorithm(kAlg, p);
  qunsetenv("CLUSTERSHIFT_TEST_FAIL_RENAME");
  EXPECT_FALSE(second.ok);
  EXPECT_TRUE(second.error.contains(QStringLiteral("earlier outputs kept"))) << second.error.toStdString();
  EXPECT_TRUE(QFileInfo(gpkg).isFile());
  EXPECT_EQ(QFileInfo(gpkg).lastModified(), written);
}

TEST(ScoreSites, WithoutFileOrPresetTheProjectsSavedScenarioIsUsed) {
  // What the ClusterShift dock saves in the project (plugin/project_state.cpp).
  QFile file(scenarioFile(QStringLiteral("guangzhou_leather_partial")));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  nlohmann::json j = nlohmann::json::parse(file.readAll().toStdString());
  // Sample scenarios name their data relative to their folder: make it absolute as the dock does.
  const Scenario parsed = loadScenario(file.fileName().toStdString());
  j = toJson(parsed);
  QgsProject::instance()->writeEntry(QStringLiteral("ClusterShift"), QStringLiteral("/scenario"),
                                     QString::fromStdString(j.dump()));
  QVariantMap p = scenarioParameters(QString());
  p.remove(QStringLiteral("SCENARIO"));
  RecordingFeedback feedback;
  const AlgorithmRun run = runAlgorithm(kAlg, p, &feedback);
  QgsProject::instance()->removeEntry(QStringLiteral("ClusterShift"), QStringLiteral("/scenario"));
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  EXPECT_EQ(run.outputs.value(QStringLiteral("TOP_PARK")).toString().toStdString(),
            coreRankOne(QStringLiteral("guangzhou_leather_partial")));
  EXPECT_TRUE(feedback.infos.join(QLatin1Char('\n')).contains(QStringLiteral("saved in the project")))
      << feedback.infos.join(QLatin1Char('\n')).toStdString();
}

/// Runs the algorithm as the toolbox does without FlagNoThreading: a QgsProcessingAlgRunnerTask
/// (prepareAlgorithm on this thread, processAlgorithm on a worker thread).
struct TaskRun {
  bool ok = false;
  QVariantMap results;
};
TaskRun runAsTask(const QVariantMap& parameters, QgsProcessingFeedback& feedback) {
  ensureProvider();
  QgsProcessingContext context;
  context.setProject(QgsProject::instance());
  const QgsProcessingAlgorithm* alg = QgsApplication::processingRegistry()->algorithmById(kAlg);
  EXPECT_NE(alg, nullptr);
  TaskRun out;
  if (!alg) return out;
  auto* task = new QgsProcessingAlgRunnerTask(alg, parameters, context, &feedback);
  bool finished = false;
  QEventLoop loop;
  QObject::connect(task, &QgsProcessingAlgRunnerTask::executed, [&](bool ok, const QVariantMap& r) {
    finished = true;
    out.ok = ok;
    out.results = r;
    loop.quit();
  });
  QgsApplication::taskManager()->addTask(task);
  if (!finished) loop.exec();
  return out;
}

/// Name, size and content of every file in a folder.
std::map<QString, QByteArray> folderSnapshot(const QString& dir) {
  std::map<QString, QByteArray> files;
  for (const QFileInfo& info : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot)) {
    QFile f(info.absoluteFilePath());
    if (f.open(QIODevice::ReadOnly)) files[info.fileName()] = f.readAll();
  }
  return files;
}

TEST(ScoreSites, RunsInProcessingsBackgroundThreadWithProgress) {
  // Not FlagNoThreading: the toolbox runs it in a task, the QGIS window stays responsive.
  ensureProvider();
  const QgsProcessingAlgorithm* alg = QgsApplication::processingRegistry()->algorithmById(kAlg);
  ASSERT_NE(alg, nullptr);
  EXPECT_FALSE(alg->flags() & QgsProcessingAlgorithm::FlagNoThreading);
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  const QString dir = scratchDir(QStringLiteral("score_task"));
  p.insert(QStringLiteral("OUTPUT_FOLDER"), dir);
  RecordingFeedback feedback;
  QThread* main = QThread::currentThread();
  std::atomic<int> workerProgress{0};
  std::atomic<double> lastProgress{0};
  QObject::connect(
      &feedback, &QgsFeedback::progressChanged, &feedback,
      [&](double progress) {
        if (QThread::currentThread() != main) ++workerProgress;
        lastProgress = progress;
      },
      Qt::DirectConnection);
  const TaskRun run = runAsTask(p, feedback);
  ASSERT_TRUE(run.ok) << feedback.errors.join(QLatin1Char('\n')).toStdString();
  EXPECT_GT(workerProgress.load(), 0);  // the run reported its progress from the worker thread
  EXPECT_DOUBLE_EQ(lastProgress.load(), 100.0);
  EXPECT_EQ(run.results.value(QStringLiteral("TOP_PARK")).toString().toStdString(),
            coreRankOne(QStringLiteral("wenzhou_footwear_complete")));
  EXPECT_TRUE(QFileInfo(run.results.value(QStringLiteral("GEOPACKAGE")).toString()).isFile());
}

TEST(ScoreSites, ACancelledBackgroundRunLeavesTheEarlierResultsFolderIntact) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  const QString dir = scratchDir(QStringLiteral("score_cancel"));
  p.insert(QStringLiteral("OUTPUT_FOLDER"), dir);
  {
    RecordingFeedback first;
    const TaskRun run = runAsTask(p, first);
    ASSERT_TRUE(run.ok) << first.errors.join(QLatin1Char('\n')).toStdString();
  }
  const std::map<QString, QByteArray> before = folderSnapshot(dir);
  ASSERT_FALSE(before.empty());

  // Another run into the same folder (other weights), cancelled from its progress once the run
  // itself has started (past the 20 % of reading the inputs), as the task manager's cancel does.
  p.insert(QStringLiteral("WEIGHTING"), 2);
  RecordingFeedback feedback;
  std::atomic<bool> cancelled{false};
  QObject::connect(
      &feedback, &QgsFeedback::progressChanged, &feedback,
      [&](double progress) {
        if (progress > 20.0 && !cancelled.exchange(true)) feedback.cancel();
      },
      Qt::DirectConnection);
  const TaskRun run = runAsTask(p, feedback);
  EXPECT_TRUE(cancelled.load());
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(feedback.errors.join(QLatin1Char('\n')).contains(QStringLiteral("cancelled")))
      << feedback.errors.join(QLatin1Char('\n')).toStdString();
  const std::map<QString, QByteArray> after = folderSnapshot(dir);
  EXPECT_EQ(after.size(), before.size());
  for (const auto& [name, bytes] : before) {
    const auto it = after.find(name);
    ASSERT_NE(it, after.end()) << name.toStdString();
    EXPECT_TRUE(it->second == bytes) << name.toStdString() << " changed";
  }
}

TEST(ScoreSites, WithoutScenarioTheSourceRegionParameterIsRequired) {
  QVariantMap p = scenarioParameters(QString());
  p.remove(QStringLiteral("SCENARIO"));
  p.insert(QStringLiteral("PRESET"), 2);
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.startsWith(QStringLiteral("clustershift:scoresites: SOURCE_REGION: required")))
      << run.error.toStdString();
}

TEST(ScoreSites, WithoutScenarioOrPresetThePresetParameterIsNamed) {
  QVariantMap p = scenarioParameters(QString());
  p.remove(QStringLiteral("SCENARIO"));
  p.insert(QStringLiteral("SOURCE_REGION"), QStringLiteral("330300"));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.contains(QStringLiteral("PRESET: choose a cluster preset")))
      << run.error.toStdString();
  EXPECT_TRUE(run.error.contains(QStringLiteral("footwear"))) << run.error.toStdString();
}

TEST(ScoreSites, UnknownSourceRegionIsNamedInTheError) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  p.insert(QStringLiteral("SOURCE_REGION"), QStringLiteral("999999"));
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.startsWith(QStringLiteral("clustershift:scoresites: "))) << run.error.toStdString();
  EXPECT_TRUE(run.error.contains(QStringLiteral("999999"))) << run.error.toStdString();
}

TEST(ScoreSites, BrokenScenarioFileIsNamedInTheError) {
  const QString dir = scratchDir(QStringLiteral("broken_scenario"));
  QFile file(dir + QStringLiteral("/broken.json"));
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write("{\"version\": 1, \"name\": ");
  file.close();
  QVariantMap p = scenarioParameters(QString());
  p.insert(QStringLiteral("SCENARIO"), file.fileName());
  const AlgorithmRun run = runAlgorithm(kAlg, p);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.contains(QStringLiteral("SCENARIO: '") + file.fileName() +
                                 QStringLiteral("' is not valid JSON")))
      << run.error.toStdString();
}

TEST(ScoreSites, CancelledFeedbackStopsTheRun) {
  RecordingFeedback feedback;
  feedback.cancel();
  const AlgorithmRun run =
      runAlgorithm(kAlg, scenarioParameters(QStringLiteral("wenzhou_footwear_complete")), &feedback);
  EXPECT_FALSE(run.ok);
  EXPECT_EQ(run.error, QStringLiteral("clustershift:scoresites: cancelled"));
}

TEST(ScoreSites, CancelDuringTheRunStopsIt) {
  RecordingFeedback feedback;
  // Cancel once the core reports progress past the loading phase (the core checks between steps).
  QObject::connect(&feedback, &QgsFeedback::progressChanged, [&](double p) {
    if (p > 25) feedback.cancel();
  });
  const AlgorithmRun run =
      runAlgorithm(kAlg, scenarioParameters(QStringLiteral("wenzhou_footwear_complete")), &feedback);
  EXPECT_FALSE(run.ok);
  EXPECT_EQ(run.error, QStringLiteral("clustershift:scoresites: cancelled"));
  EXPECT_TRUE(run.outputs.isEmpty());
}

TEST(ScoreSites, ProgressReachesTheEnd) {
  RecordingFeedback feedback;
  std::vector<double> seen;
  QObject::connect(&feedback, &QgsFeedback::progressChanged, [&](double p) { seen.push_back(p); });
  const AlgorithmRun run =
      runAlgorithm(kAlg, scenarioParameters(QStringLiteral("wenzhou_footwear_complete")), &feedback);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  ASSERT_FALSE(seen.empty());
  EXPECT_DOUBLE_EQ(seen.back(), 100.0);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LE(seen[i - 1], seen[i] + 1e-9);
}

}  // namespace
}  // namespace clustershift::processing::testing
