#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"
#include "written_outputs.h"
#include "report_detail.h"

#include <gtest/gtest.h>

#include <qgslayertree.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsprojectviewsettings.h>
#include <qgsreferencedgeometry.h>
#include <qgscoordinatetransform.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QThread>
#include <QFileInfo>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace clustershift::layers {
namespace {

using namespace testing;  // fixtures.h, test_util.h, written_outputs.h

std::unique_ptr<QgsVectorLayer> openGpkgLayer(const QString& gpkg, const QString& name) {
  return std::make_unique<QgsVectorLayer>(gpkg + QStringLiteral("|layername=") + name, name, QStringLiteral("ogr"));
}

class WriteOutputs : public testing::WrittenOutputsTest<WriteOutputs> {
 public:
  static QString scratchName() { return QStringLiteral("write_outputs"); }
  static Results makeResults(const Inputs& in) { return sampleResults(in); }
  static QStringList reportLanguages() { return {QStringLiteral("zh_CN"), QStringLiteral("en")}; }
};

TEST_F(WriteOutputs, NamesEveryFileAfterTheScenario) {
  EXPECT_EQ(s_paths->geopackage, *s_dir + QStringLiteral("/test_scenario.gpkg"));
  EXPECT_EQ(s_paths->project, *s_dir + QStringLiteral("/test_scenario.qgz"));
  ASSERT_EQ(s_paths->reports.size(), 2);
  EXPECT_EQ(s_paths->reports[0], *s_dir + QStringLiteral("/test_scenario_report_zh_CN.pdf"));
  EXPECT_EQ(s_paths->reports[1], *s_dir + QStringLiteral("/test_scenario_report_en.pdf"));
  for (const QString& f : QStringList{s_paths->geopackage, s_paths->project} + s_paths->reports + s_paths->styles)
    EXPECT_TRUE(QFileInfo(f).isFile() && QFileInfo(f).size() > 0) << f.toStdString();
  // No temporary folder or partial file is left behind.
  const QStringList hidden = QDir(*s_dir).entryList(QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot)
                                 .filter(QRegularExpression(QStringLiteral("^\\.")));
  EXPECT_TRUE(hidden.isEmpty()) << hidden.join(QLatin1Char(',')).toStdString();
}

TEST_F(WriteOutputs, GeoPackageHoldsRunInfoAndCatchments) {
  const nlohmann::json info = readRunInfo(s_paths->geopackage);
  EXPECT_EQ(info["format"], 1);
  EXPECT_EQ(info["source"]["id"], "330300");
  auto catchments = openGpkgLayer(s_paths->geopackage, QStringLiteral("catchments"));
  ASSERT_TRUE(catchments->isValid());
  EXPECT_EQ(catchments->featureCount(), 6);  // every ranked park (up to 10)
  EXPECT_FALSE(openGpkgLayer(s_paths->geopackage, QStringLiteral("sensitive_zones"))->isValid());  // no input zones
}

TEST_F(WriteOutputs, GeoPackageLayersReadBackWithTheirStoredStyles) {
  auto candidates = openGpkgLayer(s_paths->geopackage, QStringLiteral("candidate_scores"));
  ASSERT_TRUE(candidates->isValid());
  EXPECT_EQ(candidates->featureCount(), 8);
  // The default style stored in the GeoPackage is applied on load.
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(candidates->renderer());
  ASSERT_NE(renderer, nullptr) << candidates->renderer()->type().toStdString();
  EXPECT_EQ(renderer->rootRule()->children().size(), 6);
  bool hasExcluded = false;
  for (QgsRuleBasedRenderer::Rule* r : renderer->rootRule()->children())
    hasExcluded |= r->filterExpression() == QStringLiteral("\"status\" = 'excluded'");
  EXPECT_TRUE(hasExcluded);
  EXPECT_TRUE(candidates->labelsEnabled());

  auto flows = openGpkgLayer(s_paths->geopackage, QStringLiteral("transfer_flows"));
  ASSERT_TRUE(flows->isValid());
  EXPECT_EQ(flows->featureCount(), 5);
  EXPECT_EQ(flows->renderer()->type(), QStringLiteral("singleSymbol"));
  auto regions = openGpkgLayer(s_paths->geopackage, QStringLiteral("regions"));
  ASSERT_TRUE(regions->isValid());
  EXPECT_EQ(regions->featureCount(), 6);
  EXPECT_EQ(regions->renderer()->type(), QStringLiteral("RuleRenderer"));
}

TEST_F(WriteOutputs, QmlFilesRestoreTheRenderer) {
  ASSERT_EQ(s_paths->styles.size(), 4);  // regions, catchments, transfer_flows, candidate_scores
  const QString qml = *s_dir + QStringLiteral("/test_scenario_candidate_scores.qml");
  ASSERT_TRUE(s_paths->styles.contains(qml));
  // A plain memory layer with the same fields takes the style from the .qml.
  QgsVectorLayer layer(QStringLiteral("Point?crs=EPSG:4326&field=score:double&field=status:string&field=rank:integer"),
                       QStringLiteral("x"), QStringLiteral("memory"));
  bool ok = false;
  layer.loadNamedStyle(qml, ok);
  ASSERT_TRUE(ok);
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer.renderer());
  ASSERT_NE(renderer, nullptr);
  EXPECT_EQ(renderer->rootRule()->children().size(), 6);
}

TEST_F(WriteOutputs, ProjectReopensWithValidStyledLayersAndTheReportLayouts) {
  QgsProject project;
  ASSERT_TRUE(project.read(s_paths->project));
  for (const char* name : {"candidate_scores", "transfer_flows", "regions"}) {
    const QList<QgsMapLayer*> layers = project.mapLayersByName(QLatin1String(name));
    ASSERT_EQ(layers.size(), 1) << name;
    EXPECT_TRUE(layers[0]->isValid()) << name;
  }
  auto* candidates = qobject_cast<QgsVectorLayer*>(project.mapLayersByName(QStringLiteral("candidate_scores"))[0]);
  EXPECT_EQ(candidates->renderer()->type(), QStringLiteral("RuleRenderer"));
  EXPECT_TRUE(project.crs().isValid());
  EXPECT_FALSE(project.crs().isGeographic());  // equal-area conic for the study area
  // An authority CRS (the fixture lies in east China), so QGIS shows its name and id, not
  // "Unknown CRS"; it survives the saved project.
  EXPECT_EQ(project.crs().authid(), QStringLiteral("ESRI:102025"));
  EXPECT_FALSE(project.crs().description().isEmpty());
  EXPECT_TRUE(project.crs().toProj().contains(QStringLiteral("+proj=aea"))) << project.crs().toProj().toStdString();
  // Per language: overview, candidate pages, methods (no effects, no mode comparison here).
  EXPECT_EQ(project.layoutManager()->layouts().size(), 6);
  // Catchments are in the layer tree, unchecked (they belong to the candidate pages).
  const QList<QgsMapLayer*> catchments = project.mapLayersByName(QStringLiteral("catchments"));
  ASSERT_EQ(catchments.size(), 1);
  QgsLayerTreeLayer* node = project.layerTreeRoot()->findLayer(catchments[0]->id());
  ASSERT_NE(node, nullptr);
  EXPECT_FALSE(node->isVisible());
}

TEST_F(WriteOutputs, ProjectOpensOnTheStudyAreaNotOnAnEmptyMap) {
  // No map canvas is saved by a headless run: the default view is what QGIS shows first.
  QgsProject project;
  ASSERT_TRUE(project.read(s_paths->project));
  const QgsReferencedRectangle view = project.viewSettings()->defaultViewExtent();
  ASSERT_FALSE(view.isEmpty());
  EXPECT_EQ(view.crs(), project.crs());
  auto* regions = qobject_cast<QgsVectorLayer*>(project.mapLayersByName(QStringLiteral("regions"))[0]);
  const QgsRectangle area = QgsCoordinateTransform(regions->crs(), project.crs(), project.transformContext())
                                .transformBoundingBox(regions->extent());
  EXPECT_TRUE(view.contains(area));
  // A margin, not a continent: at most 10 % wider and taller than the regions.
  EXPECT_LT(view.width(), area.width() * 1.1);
  EXPECT_LT(view.height(), area.height() * 1.1);
}

TEST_F(WriteOutputs, OneMultiPageReportPerLanguageWithTheTitle) {
  // overview + 5 candidate pages (default top 5 of the 6 ranked parks) + the methods appendix
  EXPECT_GE(pdfPages(s_paths->reports[0]), 7);
  EXPECT_EQ(pdfPages(s_paths->reports[0]), pdfPages(s_paths->reports[1]));
  EXPECT_NE(testing::pdfText(s_paths->reports[0]).find(testing::nfkc("测试情景：温州鞋业转移")), std::string::npos);
  EXPECT_NE(testing::pdfText(s_paths->reports[1]).find("Test scenario: Wenzhou footwear"),
            std::string::npos);
}

TEST(WriteOutputsAtomic, AFailedRunLeavesEarlierOutputsIntact) {
  const QString dir = scratchDir(QStringLiteral("atomic"));
  const Inputs in = sampleInputs();
  Feedback feedback;
  const OutputPaths first = writeOutputs(in, sampleResults(in), dir, {QStringLiteral("en")}, feedback);
  const qint64 gpkgSize = QFileInfo(first.geopackage).size();
  QFile pdf(first.reports[0]);
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  const QByteArray pdfBytes = pdf.readAll();
  pdf.close();

  // Second run with different results fails late (unsupported report language, after the
  // GeoPackage and styles were written to the temporary folder).
  Results changed = sampleResults(in);
  changed.parks.pop_back();
  EXPECT_THROW(writeOutputs(in, changed, dir, {QStringLiteral("en"), QStringLiteral("fr")}, feedback), InputError);
  EXPECT_EQ(QFileInfo(first.geopackage).size(), gpkgSize);
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  EXPECT_EQ(pdf.readAll(), pdfBytes);
  auto candidates = openGpkgLayer(first.geopackage, QStringLiteral("candidate_scores"));
  EXPECT_EQ(candidates->featureCount(), 8);
  EXPECT_TRUE(QDir(dir).entryList(QStringList{QStringLiteral(".*")}, QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot)
                  .isEmpty());

  // A cancelled run likewise.
  Feedback cancelled;
  cancelled.cancel();
  EXPECT_THROW(writeOutputs(in, changed, dir, {QStringLiteral("en")}, cancelled), Cancelled);
  EXPECT_EQ(openGpkgLayer(first.geopackage, QStringLiteral("candidate_scores"))->featureCount(), 8);
}

// Inputs are sacred, also for the plugin (which calls writeOutputs directly).
TEST(WriteOutputsInputsAreSacred, AScenarioNamedLikeItsDataIsRefusedAndTheDataKept) {
  const QString dir = scratchDir(QStringLiteral("sacred_input"));
  const QString regions = dir + QStringLiteral("/regions.gpkg");
  ASSERT_TRUE(QFile::copy(QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data/regions.gpkg"), regions));
  const QByteArray before = [&] {
    QFile f(regions);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  }();
  const Inputs in = sampleInputs();
  Results results = sampleResults(in);
  results.scenario.name = "regions";
  results.scenario.data.regions.path = regions.toStdString();
  Feedback feedback;
  try {
    writeOutputs(in, results, dir, {}, feedback);
    FAIL() << "writeOutputs overwrote its input";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("would overwrite the input data.regions"), std::string::npos) << e.what();
  }
  // Not an input of this run, but not a result either: a GeoPackage without run_info is kept.
  results.scenario.data.regions.path = "/elsewhere/regions.gpkg";
  try {
    writeOutputs(in, results, dir, {}, feedback);
    FAIL() << "writeOutputs replaced a foreign GeoPackage";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("is not a ClusterShift results GeoPackage"), std::string::npos) << e.what();
  }
  QFile f(regions);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  EXPECT_EQ(f.readAll(), before);
}

TEST(WriteOutputsAtomic, UnwritableFolderIsAnIoError) {
  const Inputs in = sampleInputs();
  Feedback feedback;
  EXPECT_THROW(writeOutputs(in, sampleResults(in), QStringLiteral("/proc/clustershift_cannot_write_here"),
                            {QStringLiteral("en")}, feedback),
               IoError);
}

}  // namespace
}  // namespace clustershift::layers

namespace clustershift::layers {
namespace {

/// A stand-in for `clustershift report` in a child process: a shell command.
ReportProcess shellReport(const QString& script) {
  return ReportProcess{QStringLiteral("/bin/sh"),
                       [script](const QString&, const QString&, const ReportOptions&) {
                         return QStringList{QStringLiteral("-c"), script};
                       },
                       {}};
}

// The second language comes from a child process: its error is this run's error (exit code 3 an
// IoError, 2 an InputError, with the child's message and the report named), and the earlier
// outputs stay as they were, with no temporaries left.
TEST(WriteOutputsReportProcess, TheChildsErrorIsTheRunsErrorAndEarlierOutputsStay) {
  const QString dir = scratchDir(QStringLiteral("report_process_error"));
  const Inputs in = sampleInputs();
  Feedback feedback;
  const OutputPaths first = writeOutputs(in, sampleResults(in), dir, {QStringLiteral("en")}, feedback);
  QFile pdf(first.reports[0]);
  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  const QByteArray pdfBytes = pdf.readAll();
  pdf.close();
  const QStringList both{QStringLiteral("en"), QStringLiteral("zh_CN")};

  const ReportProcess ioFailure = shellReport(QStringLiteral("echo 'error: /x.pdf: disk full' >&2; exit 3"));
  try {
    writeOutputs(in, sampleResults(in), dir, both, feedback, &ioFailure);
    FAIL() << "a failed report process went unnoticed";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("report (zh_CN)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("/x.pdf: disk full"), std::string::npos) << e.what();
  }
  const ReportProcess inputFailure = shellReport(QStringLiteral("echo 'error: bad top' >&2; exit 2"));
  try {
    writeOutputs(in, sampleResults(in), dir, both, feedback, &inputFailure);
    FAIL() << "a failed report process went unnoticed";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad top"), std::string::npos) << e.what();
  }
  // A child that exits 0 without writing its PDF: the PDF check fails the run.
  const ReportProcess noPdf = shellReport(QStringLiteral("exit 0"));
  EXPECT_THROW(writeOutputs(in, sampleResults(in), dir, both, feedback, &noPdf), IoError);

  ASSERT_TRUE(pdf.open(QIODevice::ReadOnly));
  EXPECT_EQ(pdf.readAll(), pdfBytes);
  EXPECT_FALSE(QFileInfo::exists(dir + QStringLiteral("/test_scenario_report_zh_CN.pdf")));
  EXPECT_TRUE(QDir(dir)
                  .entryList(QStringList{QStringLiteral(".*")},
                             QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot)
                  .isEmpty());
}

/// Records the stages a run reached.
class StageLog : public Feedback {
 public:
  void setProgress(double fraction, const std::string& stage) override {
    Feedback::setProgress(fraction, stage);
    stages.push_back(stage);
  }
  std::vector<std::string> stages;
};

// The second language's child hands its layouts over before it exports them, and the project is
// written meanwhile; a child that fails after that fails the run all the same, and the earlier
// outputs stay.
TEST(WriteOutputsReportProcess, AChildFailingAfterItsLayoutsFailsTheRun) {
  const QString dir = scratchDir(QStringLiteral("report_process_late"));
  const Inputs in = sampleInputs();
  Feedback plain;
  const OutputPaths first = writeOutputs(in, sampleResults(in), dir, {QStringLiteral("zh_CN")}, plain);
  auto bytesOf = [](const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
  };
  // The en layouts as a report process writes them for the project beside the GeoPackage (the
  // run's work folder holds the same file names).
  const QString xml =
      scratchDir(QStringLiteral("report_process_late_xml")) + QStringLiteral("/en.layouts.xml");
  {
    QgsProject child;
    const ReportSource source = openReportSource(&child, first.geopackage);
    ReportOptions en;
    en.language = QStringLiteral("en");
    std::vector<std::unique_ptr<QgsPrintLayout>> layouts = buildReportLayouts(source, en, LayoutUse::Keep);
    const std::vector<QgsPrintLayout*> raw = detail::layoutPointers(layouts);
    detail::writeReportLayoutsXml(source, raw, detail::reportPageCount(raw), xml);
  }
  const QByteArray gpkgBytes = bytesOf(first.geopackage);
  auto notUsed = [] { return writeDiagnostics().filter(QStringLiteral("not used")).size(); };
  const int notUsedBefore = notUsed();
  const ReportProcess late{QStringLiteral("/bin/sh"),
                           [xml](const QString&, const QString&, const ReportOptions& options) {
                             return QStringList{
                                 QStringLiteral("-c"),
                                 // Renamed into place, as QSaveFile does; then
                                 // still "exporting" while the run takes them.
                                 QStringLiteral("cp \"$1\" \"$2.part\" && mv \"$2.part\" \"$2\"; "
                                                "sleep 1; echo 'error: failed late' >&2; exit 3"),
                                 QStringLiteral("sh"), xml, options.layoutsXml};
                           },
                           QStringList{}};
  StageLog feedback;
  try {
    writeOutputs(in, sampleResults(in), dir, {QStringLiteral("zh_CN"), QStringLiteral("en")}, feedback,
                 &late);
    FAIL() << "a report process that failed late went unnoticed";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("report (en)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("failed late"), std::string::npos) << e.what();
  }
  // The project was written with the child's layouts (they served: no diagnostic says otherwise)
  // before the child's failure was known.
  const auto project = std::find(feedback.stages.begin(), feedback.stages.end(), "writing project");
  const auto finishing = std::find(feedback.stages.begin(), feedback.stages.end(), "finishing reports");
  EXPECT_NE(project, feedback.stages.end());
  EXPECT_NE(finishing, feedback.stages.end());
  EXPECT_LT(project, finishing);
  EXPECT_EQ(notUsed(), notUsedBefore) << writeDiagnostics().join(QLatin1Char('\n')).toStdString();
  EXPECT_EQ(bytesOf(first.geopackage), gpkgBytes);
  EXPECT_TRUE(QDir(dir)
                  .entryList(QStringList{QStringLiteral(".*")},
                             QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot)
                  .isEmpty());
}

/// The child that wrote its process id into pidFile is gone (killed and reaped), not sleeping on.
void expectChildGone(const QString& pidFile) {
  QFile f(pidFile);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << pidFile.toStdString();
  const QString pid = QString::fromUtf8(f.readAll()).trimmed();
  ASSERT_FALSE(pid.isEmpty());
  EXPECT_FALSE(QFileInfo::exists(QStringLiteral("/proc/") + pid))
      << "child " << pid.toStdString() << " still runs";
}

/// Cancels once the child has written its process id (the child then sleeps).
class CancelWhenChildRuns : public Feedback {
 public:
  explicit CancelWhenChildRuns(QString pidFile) : m_pidFile(std::move(pidFile)) {}
  bool isCanceled() const override { return Feedback::isCanceled() || QFileInfo(m_pidFile).size() > 0; }

 private:
  QString m_pidFile;
};

// Cancelling while the child still exports kills it; the run ends as Cancelled, earlier outputs intact.
TEST(WriteOutputsReportProcess, CancelKillsTheChild) {
  const QString dir = scratchDir(QStringLiteral("report_process_cancel"));
  const QString pidFile =
      scratchDir(QStringLiteral("report_process_cancel_pid")) + QStringLiteral("/child.pid");
  const Inputs in = sampleInputs();
  Feedback plain;
  const OutputPaths first = writeOutputs(in, sampleResults(in), dir, {QStringLiteral("en")}, plain);
  const qint64 gpkgSize = QFileInfo(first.geopackage).size();
  const ReportProcess sleeper = shellReport(QStringLiteral("echo $$ > '%1'; exec sleep 60").arg(pidFile));
  CancelWhenChildRuns feedback(pidFile);
  EXPECT_THROW(writeOutputs(in, sampleResults(in), dir, {QStringLiteral("en"), QStringLiteral("zh_CN")},
                            feedback, &sleeper),
               Cancelled);
  expectChildGone(pidFile);
  EXPECT_EQ(QFileInfo(first.geopackage).size(), gpkgSize);
  EXPECT_TRUE(QDir(dir)
                  .entryList(QStringList{QStringLiteral(".*")},
                             QDir::Hidden | QDir::AllEntries | QDir::NoDotAndDotDot)
                  .isEmpty());
}

/// A report command started ahead that leaves <jobFile>.started, writes the job it reads (one
/// line) to jobFile, then fails as a report process does (exit 3, an "error:" line).
ReportProcess jobRecorder(const QString& jobFile) {
  return ReportProcess{
      QStringLiteral("/bin/sh"),
      [](const QString& geopackage, const QString& pdf, const ReportOptions& options) {
        return QStringList{geopackage, pdf, options.language};
      },
      QStringList{QStringLiteral("-c"),
                  QStringLiteral("touch '%1.started'; read job; printf '%s' \"$job\" > '%1'; "
                                 "echo 'error: taken, then stopped' >&2; exit 3")
                      .arg(jobFile)}};
}

// A process started ahead (before the GeoPackage is written) gets its report as one JSON array
// of arguments on its standard input; its error is the run's error as before.
TEST(WriteOutputsReportProcess, AProcessStartedAheadGetsItsReportOnStandardInput) {
  const QString dir = scratchDir(QStringLiteral("report_process_ahead"));
  const QString jobFile =
      scratchDir(QStringLiteral("report_process_ahead_job")) + QStringLiteral("/job.json");
  const Inputs in = sampleInputs();
  Feedback feedback;
  const ReportProcess how = jobRecorder(jobFile);
  try {
    writeOutputs(in, sampleResults(in), dir, {QStringLiteral("en"), QStringLiteral("zh_CN")}, feedback, &how);
    FAIL() << "the failed report process went unnoticed";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("report (zh_CN)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("taken, then stopped"), std::string::npos) << e.what();
  }
  QFile f(jobFile);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const nlohmann::json job = nlohmann::json::parse(f.readAll().toStdString());
  ASSERT_TRUE(job.is_array());
  ASSERT_EQ(job.size(), 3u);
  EXPECT_NE(job[0].get<std::string>().find(".gpkg"), std::string::npos) << job.dump();
  EXPECT_NE(job[1].get<std::string>().find("test_scenario_report_zh_CN.pdf"), std::string::npos)
      << job.dump();
  EXPECT_EQ(job[2], "zh_CN");
}

// Processes the caller started ahead (the command line starts them before the core computes)
// get the reports; writeOutputs then starts none of its own.
TEST(WriteOutputsReportProcess, TheCallersProcessesStartedAheadGetTheReports) {
  const QString dir = scratchDir(QStringLiteral("report_process_callers"));
  const QString jobs = scratchDir(QStringLiteral("report_process_callers_jobs"));
  const Inputs in = sampleInputs();
  Feedback feedback;
  ReportProcessesAhead callers(jobRecorder(jobs + QStringLiteral("/callers.json")), 1);
  const ReportProcess own = jobRecorder(jobs + QStringLiteral("/own.json"));
  EXPECT_THROW(writeOutputs(in, sampleResults(in), dir, {QStringLiteral("en"), QStringLiteral("zh_CN")},
                            feedback, &own, QString(), &callers),
               IoError);
  QFile job(jobs + QStringLiteral("/callers.json"));
  ASSERT_TRUE(job.open(QIODevice::ReadOnly));
  EXPECT_NE(job.readAll().indexOf("test_scenario_report_zh_CN.pdf"), -1);
  EXPECT_FALSE(QFileInfo::exists(jobs + QStringLiteral("/own.json.started")));  // none started
  EXPECT_TRUE(callers.take() == nullptr);                                       // handed over
}

// Processes started ahead and never handed a report end with their holder (a run that failed
// before its reports leaves none waiting): their input closed, they end by themselves (a real
// report process then removes its temporary profile); one that does not is killed.
TEST(WriteOutputsReportProcess, UnusedProcessesStartedAheadEndWithTheirHolder) {
  const QString scratch = scratchDir(QStringLiteral("report_process_unused"));
  const QString pidFile = scratch + QStringLiteral("/child.pid");
  const QString endedFile = scratch + QStringLiteral("/ended");
  const ReportProcess reading{
      QStringLiteral("/bin/sh"),
      {},
      QStringList{QStringLiteral("-c"), QStringLiteral("read job || touch '%1'; exit 0").arg(endedFile)}};
  { ReportProcessesAhead ahead(reading, 1); }
  EXPECT_TRUE(QFileInfo::exists(endedFile)) << "the process did not see the end of its input";
  const ReportProcess deaf{
      QStringLiteral("/bin/sh"),
      {},
      QStringList{QStringLiteral("-c"), QStringLiteral("echo $$ > '%1'; exec sleep 60").arg(pidFile)}};
  {
    ReportProcessesAhead ahead(deaf, 1);
    for (int i = 0; i < 100 && QFileInfo(pidFile).size() == 0; ++i) QThread::msleep(20);
  }
  expectChildGone(pidFile);
  // Without waiting arguments nothing starts ahead.
  ReportProcessesAhead none(ReportProcess{QStringLiteral("/bin/sh"), {}, {}}, 2);
  EXPECT_TRUE(none.take() == nullptr);
}

}  // namespace
}  // namespace clustershift::layers
