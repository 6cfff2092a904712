// `clustershift demo | run | validate`: scenario files through the core pipeline, outputs
// through layers/ (GeoPackage, styles, project, PDF report). QGIS is started offscreen only
// for the commands that write outputs.
#include "clustershift/error.h"  // clustershift headers first: see the note in layers.h
#include "clustershift/feedback.h"
#include "clustershift/output_guard.h"
#include "clustershift/pipeline.h"
#include "clustershift/postgres_output.h"
#include "clustershift/scenario.h"
#include "clustershift_layers/layers.h"

#include <CLI/CLI.hpp>

#include <qgsapplication.h>
#include <qgsproject.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"

namespace clustershift::cli {
namespace {

/// sample_data folder: $CLUSTERSHIFT_DATA, then the source tree, then the installed share folder
/// (the installed one first when this is the installed command, e.g. /usr/bin/clustershift from the .deb).
QString sampleDataDir() {
  QStringList candidates;
  if (!qEnvironmentVariableIsEmpty("CLUSTERSHIFT_DATA")) candidates << qEnvironmentVariable("CLUSTERSHIFT_DATA");
  const QString installed = QStringLiteral(CLUSTERSHIFT_DATA_INSTALL_DIR "/sample_data");
  const QString source = QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data");
  if (QCoreApplication::applicationDirPath() == QStringLiteral(CLUSTERSHIFT_BIN_INSTALL_DIR))
    candidates << installed << source;
  else
    candidates << source << installed;
  for (const QString& dir : candidates)
    if (QFileInfo(dir + QStringLiteral("/scenarios")).isDir()) return QDir(dir).absolutePath();
  throw IoError("sample data not found (looked in: " + candidates.join(QStringLiteral(", ")).toStdString() +
                "); set CLUSTERSHIFT_DATA to the sample_data folder");
}

QStringList parseLanguages(const std::string& text) {
  QStringList languages;
  for (const QString& l : QString::fromStdString(text).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    const QString lang = l.trimmed();
    if (lang != QLatin1String("zh_CN") && lang != QLatin1String("en"))
      throw InputError("--lang: unsupported language '" + lang.toStdString() + "' (zh_CN, en)");
    if (!languages.contains(lang)) languages << lang;
  }
  if (languages.isEmpty()) throw InputError("--lang: no language given (zh_CN, en)");
  return languages;
}

/// The second and further report languages of a run: this executable's `report` command in a
/// child process, exporting while this process exports the first language.
const layers::ReportProcess& reportProcess() {
  static const layers::ReportProcess process{
      QCoreApplication::applicationFilePath(),
      [](const QString& geopackage, const QString& pdf, const layers::ReportOptions& options) {
        QStringList arguments{QStringLiteral("--quiet"),
                              QStringLiteral("report"),
                              geopackage,
                              QStringLiteral("--out"),
                              pdf,
                              QStringLiteral("--lang"),
                              options.language,
                              QStringLiteral("--paper"),
                              options.paper,
                              QStringLiteral("--top"),
                              QString::number(options.topN)};
        // "=": an author text starting with '-' stays a value. Without one, report takes the
        // scenario's, which is the same (empty).
        if (!options.author.isEmpty()) arguments << QStringLiteral("--author=") + options.author;
        // Set for a run's own report processes only: their GeoPackage is the run's, just written
        // and checked by the run before it is published, so they need not read it to check it.
        if (!options.layoutsXml.isEmpty())
          arguments << QStringLiteral("--layouts-xml") << options.layoutsXml
                    << QStringLiteral("--run-geopackage");
        if (!options.overviewImageIn.isEmpty())
          arguments << QStringLiteral("--overview-image-in") << options.overviewImageIn;
        return arguments;
      },
      QStringList{QString::fromLatin1(kJobFromStdin)}};
  return process;
}

/// A scenario computed and not yet written: the core's part of a run, which needs no QGIS.
struct ComputedScenario {
  Scenario scenario;
  Inputs inputs;  // as loaded: writeOutputs needs the regions after run() consumed its copy
  QString fingerprint;  // layers::inputsFingerprint(inputs), hashed while the core computes
  Results results;
  std::unique_ptr<CliFeedback> feedback;  // one progress line and one timings table for both parts
};

/// Checks the outputs against the inputs (nothing computed yet), loads and computes. compareModes:
/// also project the effects under all three modes (Results::modeComparison, the report's
/// comparison page).
ComputedScenario computeScenario(const std::string& scenarioPath, const QString& outDir,
                                 const QStringList& languages, bool compareModesToo,
                                 const std::string& reportPath) {
  ComputedScenario c;
  c.scenario = loadScenario(scenarioPath);
  const Scenario& scenario = c.scenario;
  // Inputs are sacred, checked before any computing: no output may land on a file the run reads,
  // and --report may not land on an output of the run itself.
  std::vector<std::string> outputs;
  for (const QString& p : layers::plannedOutputs(scenario, outDir, languages)) outputs.push_back(p.toStdString());
  checkOutputsAgainstInputs(outputs, scenarioInputs(scenario, scenarioPath));
  if (!reportPath.empty()) {
    checkOutputsAgainstInputs({reportPath}, scenarioInputs(scenario, scenarioPath));
    for (const std::string& p : outputs)
      if (samePlace(reportPath, p))
        throw InputError("--report " + reportPath + ": is also an output of this run (" + p + "); choose another file");
    checkReplaceable(reportPath, "%PDF-", "a PDF report");
  }
  c.feedback = std::make_unique<CliFeedback>(scenario.name);
  CliFeedback& feedback = *c.feedback;
  feedback.setPhase(0.0, 0.6);
  Inputs inputs = loadInputs(scenario, feedback);
  c.inputs = inputs;
  // The inputs' fingerprint (run_info) on a thread of its own: hashing every value and region
  // took 0.06 s on the way to the outputs at national size (perf, bench/national).
  std::future<QString> fingerprint =
      std::async(std::launch::async, [&c] { return layers::inputsFingerprint(c.inputs); });
  c.results = run(scenario, std::move(inputs), feedback);
  c.fingerprint = fingerprint.get();
  if (compareModesToo) {
    feedback.setProgress(1.0, "comparing modes");
    c.results.modeComparison = compareModes(scenario, c.inputs, c.results, feedback);
  }
  return c;
}

/// Writes a computed scenario (needs QGIS). Returns what was written. ahead: the report processes
/// of the languages after the first, started earlier (null: writeOutputs starts them).
layers::OutputPaths writeScenario(ComputedScenario& c, const QString& outDir, const QStringList& languages,
                                  layers::ReportProcessesAhead* ahead = nullptr) {
  CliFeedback& feedback = *c.feedback;
  feedback.setPhase(0.6, 1.0);
  layers::OutputPaths paths = layers::writeOutputs(c.inputs, c.results, outDir, languages, feedback,
                                                   &reportProcess(), c.fingerprint, ahead);
  feedback.clearLine();
  if (!c.results.warnings.empty()) {
    std::fprintf(stderr, "%s: %zu warnings\n", c.scenario.name.c_str(), c.results.warnings.size());
    printProblems(c.results.warnings, 5);
  }
  return paths;
}

/// One scenario end to end, in a running QgisSession. Returns what was written.
layers::OutputPaths runScenario(const std::string& scenarioPath, const QString& outDir,
                                const QStringList& languages, bool compareModesToo = false,
                                const std::string& reportPath = {}) {
  ComputedScenario computed = computeScenario(scenarioPath, outDir, languages, compareModesToo, reportPath);
  return writeScenario(computed, outDir, languages);
}

void printPaths(const layers::OutputPaths& paths) {
  std::printf("  %s\n", paths.geopackage.toUtf8().constData());
  std::printf("  %s\n", paths.project.toUtf8().constData());
  for (const QString& r : paths.reports) std::printf("  %s\n", r.toUtf8().constData());
  for (const QString& s : paths.styles) std::printf("  %s\n", s.toUtf8().constData());
  if (!paths.scoreRaster.isEmpty()) std::printf("  %s\n", paths.scoreRaster.toUtf8().constData());
}

struct RunOptions {
  std::string scenario;
  std::string out;
  std::string lang = "zh_CN,en";
  std::string report;  ///< --report FILE.pdf: one report in one language, instead of the per-language PDFs
  std::string paper = "A4";
  int top = 5;
  std::string author;
  bool compareModes = false;
  std::string outDb;   ///< --out-db "PG:service=planning": also publish the results into PostgreSQL
  std::string schema;  ///< --schema NAME (with --out-db)
};

/// --out-db: the results GeoPackage's layers, tables and styles into one schema, one transaction.
void publishToDatabase(const QString& geopackage, const RunOptions& options) {
  const std::vector<PublishedTable> tables =
      publishResultsToPostgres(geopackage.toStdString(), options.outDb, options.schema);
  std::printf("Wrote to %s, schema %s (one transaction; styles in layer_styles):\n", options.outDb.c_str(),
              options.schema.c_str());
  for (const PublishedTable& t : tables)
    std::printf("  %s.%s  %lld row%s%s\n", options.schema.c_str(), t.name.c_str(), t.rows,
                t.rows == 1 ? "" : "s", t.styled ? ", styled" : "");
}

}  // namespace

void addRunCommands(CLI::App& app, int& exitCode) {
  // ---- demo ----
  auto demoOut = std::make_shared<std::string>("clustershift-demo");
  CLI::App* demo = app.add_subcommand("demo", "Run the three sample scenarios (with the mode comparison) and write their outputs");
  demo->add_option("--out", *demoOut, "Output folder")->capture_default_str();
  demo->callback([demoOut, &exitCode] {
    exitCode = guarded([&] {
      const QDir data(sampleDataDir());
      const QStringList scenarios = QDir(data.filePath(QStringLiteral("scenarios")))
                                        .entryList(QStringList{QStringLiteral("*.json")}, QDir::Files, QDir::Name);
      if (scenarios.isEmpty()) throw IoError(data.filePath(QStringLiteral("scenarios")).toStdString() + ": no scenario files");
      QgisSession qgis;
      const QString out = QDir(QString::fromStdString(*demoOut)).absolutePath();
      QElapsedTimer total;
      total.start();
      std::vector<layers::OutputPaths> written;
      for (const QString& s : scenarios) {
        QElapsedTimer t;
        t.start();
        // With the mode comparison, so the demo reports show every section a planner gets.
        written.push_back(runScenario(data.filePath(QStringLiteral("scenarios/") + s).toStdString(), out,
                                      {QStringLiteral("zh_CN"), QStringLiteral("en")}, true));
        if (!cliVerbosity().quiet)
          std::fprintf(stderr, "%s: done in %.1f s\n", s.toUtf8().constData(), t.elapsed() / 1000.0);
      }
      std::printf("ClusterShift demo: %d scenarios in %.1f s. Wrote:\n", static_cast<int>(scenarios.size()),
                  total.elapsed() / 1000.0);
      for (const layers::OutputPaths& p : written) printPaths(p);
      return 0;
    });
  });

  // ---- run ----
  auto runOptions = std::make_shared<RunOptions>();
  CLI::App* runCmd = app.add_subcommand("run", "Run one scenario file and write GeoPackage, project and report");
  runCmd->add_option("scenario", runOptions->scenario, "Scenario JSON file")->required();
  runCmd->add_option("--out", runOptions->out, "Output folder (default: the current folder)");
  CLI::Option* langOption =
      runCmd->add_option("--lang", runOptions->lang, "Report languages, comma-separated (zh_CN,en); with --report one language")
          ->capture_default_str();
  runCmd->add_option("--report", runOptions->report,
                     "Write the report to this PDF (one language: --lang, else the scenario's) instead of "
                     "<name>_report_<lang>.pdf in the output folder");
  runCmd->add_option("--paper", runOptions->paper, "Report paper, landscape (with --report)")
      ->check(CLI::IsMember({"A4", "A3"}))
      ->capture_default_str();
  CLI::Option* topOption =
      runCmd
          ->add_option("--top", runOptions->top,
                       "Candidate pages in the report (with --report; default: the scenario's report.top_n)")
          ->check(CLI::Range(1, 1000));
  runCmd->add_option("--author", runOptions->author, "Author printed on the report (with --report; default: the scenario's)");
  runCmd->add_flag("--verbose", verbose(), "On a write failure also print GDAL's and QGIS's own lines");
  runCmd->add_flag("--compare-modes", runOptions->compareModes,
                   "Also project the effects under complete, partial and replication transfer; the report gets the "
                   "mode comparison page");
  runCmd->add_option(
      "--out-db", runOptions->outDb,
      "Also write the result layers, tables and styles into a PostgreSQL/PostGIS database, e.g. "
      "\"PG:service=planning\" (credentials from pg_service.conf, ~/.pgpass or PGPASSWORD; needs --schema)");
  runCmd->add_option("--schema", runOptions->schema,
                     "Schema for --out-db (created when missing; same-named tables replaced)");
  runCmd->callback([runOptions, langOption, topOption, &exitCode] {
    exitCode = guarded([&]() -> int {
      const QStringList languages = parseLanguages(runOptions->lang);
      const bool ownReport = !runOptions->report.empty();
      if (ownReport && langOption->count() > 0 && languages.size() != 1)
        throw InputError("--lang: --report writes one report, give one language (zh_CN or en)");
      if (runOptions->outDb.empty() != runOptions->schema.empty())
        throw InputError(runOptions->outDb.empty() ? "--schema: only with --out-db"
                                                   : "--out-db: give the schema with --schema NAME");
      // --out-db without --out: the files are only the way into the database (no report PDFs).
      const bool filesWanted = !runOptions->out.empty() || runOptions->outDb.empty();
      QTemporaryDir staging;
      if (!filesWanted && !staging.isValid())
        throw IoError("cannot create a temporary folder for the database export");
      const QString out =
          filesWanted
              ? QDir(QString::fromStdString(runOptions->out.empty() ? "." : runOptions->out)).absolutePath()
              : staging.path();
      const QStringList reportLanguages = ownReport || !filesWanted ? QStringList() : languages;
      // The core loads and computes on a second thread while QGIS starts on this one (0.3 s of a
      // national run). The environment is set and GDAL's drivers are registered before the
      // thread starts: QGIS's start reads both.
      QgisSession qgis(QgisSession::Start::Deferred);
      registerDataDrivers();
      // The report processes of the languages after the first start first: their QGIS starts
      // (0.45 s of CPU each at national size) while the core computes, not while this process
      // writes the GeoPackage (bench/national). Before the core's thread, which uses PROJ: a
      // process forked while another thread holds PROJ's lock hangs in PROJ's fork handler before
      // it can run the command. A run that fails ends them.
      // The application object before any thread: QgisSession::construct forks, and a QProcess
      // needs it.
      qgis.construct();
      std::optional<layers::ReportProcessesAhead> ahead;
      if (reportLanguages.size() > 1)
        ahead.emplace(reportProcess(), static_cast<int>(reportLanguages.size()) - 1);
      std::future<ComputedScenario> computing = std::async(std::launch::async, [&] {
        return computeScenario(runOptions->scenario, out, reportLanguages, runOptions->compareModes,
                               runOptions->report);
      });
      qgis.start();
      if (!reportLanguages.isEmpty() || ownReport) layers::warmUpReportEngine();  // while the core computes
      ComputedScenario computed = computing.get();
      const layers::OutputPaths paths =
          writeScenario(computed, out, reportLanguages, ahead ? &*ahead : nullptr);
      if (filesWanted) {
        std::printf("Wrote:\n");
        printPaths(paths);
      }
      if (!runOptions->outDb.empty()) publishToDatabase(paths.geopackage, *runOptions);
      if (ownReport) {
        layers::ReportOptions options;
        const nlohmann::json info = layers::readRunInfo(paths.geopackage);
        const nlohmann::json scenarioReport = info.value("scenario", nlohmann::json::object()).value("report", nlohmann::json::object());
        options.language = langOption->count() > 0 ? languages.front()
                                                   : QString::fromStdString(scenarioReport.value("language", std::string("zh_CN")));
        options.paper = QString::fromStdString(runOptions->paper);
        options.topN = topOption->count() > 0 ? runOptions->top : scenarioReport.value("top_n", 5);
        options.author = QString::fromStdString(runOptions->author.empty() ? scenarioReport.value("author", std::string())
                                                                          : runOptions->author);
        auto project = std::make_unique<QgsProject>();  // ends with the process (a failure takes it down)
        writeReport(*project, paths.geopackage, QString::fromStdString(runOptions->report), options);
        static_cast<void>(project.release());
      }
      // Every output is published: the scenario's inputs and results (and a --report's project)
      // are left to the process's end, which returns their memory at once. Freeing them piece by
      // piece (2,850 regions with their boundaries, 20,000 parks and their results) took 0.2 s
      // at national size (perf, bench/national). The timings table is printed first, as its
      // feedback goes; the report processes have ended (writeOutputs waited for them).
      computed.feedback.reset();
      staging.remove();
      qgis.endProcess(0);
    });
  });

  // ---- validate ----
  auto validateScenario = std::make_shared<std::string>();
  CLI::App* validateCmd = app.add_subcommand("validate", "Check a scenario and its data; list every problem");
  validateCmd->add_option("scenario", *validateScenario, "Scenario JSON file")->required();
  validateCmd->callback([validateScenario, &exitCode] {
    exitCode = guarded([&] {
      const Scenario scenario = loadScenario(*validateScenario);  // ValidationError lists the JSON problems
      CliFeedback feedback(scenario.name);
      std::vector<Problem> problems;
      try {
        problems = validate(scenario, loadInputs(scenario, feedback));
      } catch (const IoError& e) {
        // A data source the scenario names but that cannot be read is a problem of the scenario.
        problems.push_back(Problem{Severity::Fatal, "", e.what(), {}});
      }
      feedback.clearLine();
      std::size_t fatal = 0, warnings = 0;
      for (const Problem& p : problems) (p.severity == Severity::Fatal ? fatal : warnings)++;
      printProblems(problems, static_cast<std::size_t>(-1));
      std::printf("%s: %zu errors, %zu warnings\n", validateScenario->c_str(), fatal, warnings);
      return fatal > 0 ? 2 : 0;
    });
  });
}

}  // namespace clustershift::cli
