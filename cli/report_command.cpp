// `clustershift report RESULTS.gpkg --out FILE.pdf [--lang zh_CN|en] [--paper A4|A3] [--top N]
// [--author TEXT]`: the multi-page report made from a results GeoPackage alone (no rerun).
#include "clustershift/error.h"  // clustershift headers first: see the note in layers.h
#include "clustershift/output_guard.h"
#include "clustershift/pipeline.h"
#include "clustershift_layers/layers.h"

#include <CLI/CLI.hpp>

#include <qgsellipsoidutils.h>
#include <qgsproject.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <future>
#include <memory>
#include <string>

#include "cli_support.h"
#include "commands.h"

namespace clustershift::cli {

int writeReport(QgsProject& project, const QString& geopackage, const QString& pdfPath,
                const layers::ReportOptions& options) {
  const QFileInfo target(pdfPath);
  if (!target.absoluteDir().exists())
    throw IoError(pdfPath.toStdString() + ": the folder " + target.absolutePath().toStdString() + " does not exist");
  CliFeedback feedback("report");
  feedback.setStageLines(true);
  QElapsedTimer timer;
  timer.start();
  const int pages =
      layers::exportReportFromGeoPackage(project, geopackage, target.absoluteFilePath(), options, feedback);
  feedback.clearLine();
  std::printf("report: %s (%d pages, %s, %s, %.1f s)\n", target.absoluteFilePath().toUtf8().constData(), pages,
              options.language.toUtf8().constData(), options.paper.toUtf8().constData(), timer.elapsed() / 1000.0);
  return pages;
}

namespace {

struct ReportCommandOptions {
  std::string geopackage;
  std::string out;
  std::string lang;
  std::string paper = "A4";
  int top = 5;
  std::string author;
  std::string layoutsXml;
  std::string overviewImageIn;
  bool runGeoPackage = false;
};

}  // namespace

void addReportCommand(CLI::App& app, int& exitCode) {
  auto o = std::make_shared<ReportCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "report", "Make the PDF report (overview, candidate pages, effects, mode comparison, methods) from a results "
                "GeoPackage written by `run`, without running the scenario again");
  sub->add_option("results", o->geopackage, "Results GeoPackage (<scenario>.gpkg written by run)")->required();
  sub->add_option("--out", o->out, "PDF file to write")->required();
  sub->add_option("--lang", o->lang, "Report language: zh_CN or en (default: the scenario's)")
      ->check(CLI::IsMember({"zh_CN", "en"}));
  sub->add_option("--paper", o->paper, "Paper size, landscape")->check(CLI::IsMember({"A4", "A3"}))->capture_default_str();
  sub->add_option("--top", o->top, "Number of candidate pages (top N parks)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--author", o->author, "Author printed on the overview page (default: the scenario's)");
  // A run's report process: its layouts also as XML, before the export, for the run's project (hidden).
  sub->add_option("--layouts-xml", o->layoutsXml)->group("");
  // A run's report process: the GeoPackage is the run's, which checks it before publishing (hidden).
  sub->add_flag("--run-geopackage", o->runGeoPackage)->group("");
  // A run's report process: the overview's dense layers as the run's first language drew them (hidden).
  sub->add_option("--overview-image-in", o->overviewImageIn)->group("");
  sub->add_flag("--verbose", verbose(), "On a write failure also print GDAL's and QGIS's own lines");
  sub->callback([o, sub, &exitCode] {
    exitCode = guarded([&]() -> int {
      checkOutputsAgainstInputs({o->out}, {{"results GeoPackage", o->geopackage}});
      checkReplaceable(o->out, "%PDF-", "a PDF report");
      const QString gpkg = QString::fromStdString(o->geopackage);
      // The results file is checked (it reads the whole file: SQLite quick_check, the digest
      // against the manifest) on a second thread while QGIS starts on this one; then the
      // ellipsoid list, which the report's first render context loads (PROJ's database),
      // while the file is opened and the layouts begin.
      QgisSession qgis(QgisSession::Start::Deferred);
      registerDataDrivers();  // before the thread: QGIS's start registers them too
      if (o->runGeoPackage) layers::trustResultsGeoPackage(gpkg);
      qgis.construct();  // before the thread: QgisSession::construct forks
      std::future<void> checked =
          std::async(std::launch::async, [gpkg] { layers::checkResultsGeoPackage(gpkg); });
      qgis.start();
      std::future<void> ellipsoids = std::async(std::launch::async, [] { QgsEllipsoidUtils::definitions(); });
      checked.get();
      // Defaults from the run: the scenario's report block (read first, so a foreign file fails clearly).
      const nlohmann::json info = layers::readRunInfo(gpkg);
      const nlohmann::json scenarioReport =
          info.value("scenario", nlohmann::json::object()).value("report", nlohmann::json::object());
      layers::ReportOptions options;
      options.language = QString::fromStdString(o->lang.empty() ? scenarioReport.value("language", std::string("zh_CN")) : o->lang);
      options.paper = QString::fromStdString(o->paper);
      options.topN = o->top;
      options.author = QString::fromStdString(sub->count("--author") > 0 ? o->author
                                                                         : scenarioReport.value("author", std::string()));
      options.layoutsXml = QString::fromStdString(o->layoutsXml);
      options.overviewImageIn = QString::fromStdString(o->overviewImageIn);
      // The report's project, layers and layouts end with the process (a failure takes them down).
      auto project = std::make_unique<QgsProject>();
      writeReport(*project, gpkg, QString::fromStdString(o->out), options);
      static_cast<void>(project.release());
      qgis.endProcess(0);
    });
  });
}

}  // namespace clustershift::cli
