// `clustershift demo | run | validate`: scenario files through the core pipeline, outputs
// through layers/ (GeoPackage, styles, project, PDF report). QGIS is started offscreen only
// for the commands that write outputs.
#include "clustershift/error.h"  // clustershift headers first: see the note in layers.h
#include "clustershift/feedback.h"
#include "clustershift/pipeline.h"
#include "clustershift/scenario.h"
#include "clustershift_layers/layers.h"

#include <CLI/CLI.hpp>

#include <qgsapplication.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTemporaryDir>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"

namespace clustershift::cli {
namespace {

/// Progress on one stderr line, only when stderr is a terminal; warnings are collected.
class CliFeedback : public Feedback {
 public:
  explicit CliFeedback(std::string label) : m_label(std::move(label)), m_tty(isatty(2) == 1) {}
  ~CliFeedback() override { clearLine(); }
  /// The next stages report 0..1 that map to [start, end] of the whole command.
  void setPhase(double start, double end) {
    m_start = start;
    m_end = end;
  }
  void setProgress(double fraction, const std::string& stage) override {
    Feedback::setProgress(fraction, stage);
    if (!m_tty) return;
    const double overall = m_start + (m_end - m_start) * fraction;
    std::fprintf(stderr, "\r\033[K%s: %-20s %3d%%", m_label.c_str(), stage.c_str(), static_cast<int>(overall * 100 + 0.5));
    std::fflush(stderr);
    m_dirty = true;
  }
  void clearLine() {
    if (m_tty && m_dirty) std::fprintf(stderr, "\r\033[K");
    m_dirty = false;
  }

 private:
  std::string m_label;
  bool m_tty;
  bool m_dirty = false;
  double m_start = 0, m_end = 1;
};

/// QGIS core, offscreen, with a throwaway profile. One per process.
class QgisSession {
 public:
  QgisSession() {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt warns on stderr without a runtime folder; give it a private one for this process.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_profile.path()));
    m_app = std::make_unique<QgsApplication>(m_argc, m_argv, false, m_profile.path());
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    QgsApplication::initQgis();
  }
  ~QgisSession() {
    QgsApplication::exitQgis();
    m_app.reset();
  }
  QgisSession(const QgisSession&) = delete;
  QgisSession& operator=(const QgisSession&) = delete;

 private:
  int m_argc = 1;
  char m_name[13] = "clustershift";
  char* m_argv[2] = {m_name, nullptr};
  QTemporaryDir m_profile;
  std::unique_ptr<QgsApplication> m_app;
};

void printProblems(const std::vector<Problem>& problems, std::size_t maxWarnings) {
  std::size_t warnings = 0, shown = 0;
  for (const Problem& p : problems) {
    if (p.severity == Severity::Fatal) {
      std::fprintf(stderr, "error: %s\n", p.text().c_str());
    } else if (++warnings <= maxWarnings) {
      std::fprintf(stderr, "warning: %s\n", p.text().c_str());
      ++shown;
    }
  }
  if (warnings > shown) std::fprintf(stderr, "warning: ... and %zu more warnings\n", warnings - shown);
}

/// Runs `body`, maps clustershift errors to exit codes and prints them to stderr.
template <typename Body>
int guarded(Body&& body) {
  try {
    return body();
  } catch (const ValidationError& e) {
    printProblems(e.problems(), 20);
    return 2;
  } catch (const Cancelled&) {
    std::fprintf(stderr, "error: cancelled\n");
    return 1;
  } catch (const IoError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 3;
  } catch (const InputError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const GeoError& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "internal error: %s\n", e.what());
    return 1;
  }
}

/// sample_data folder: $CLUSTERSHIFT_DATA, then the source tree, then the installed share folder.
QString sampleDataDir() {
  QStringList candidates;
  if (!qEnvironmentVariableIsEmpty("CLUSTERSHIFT_DATA")) candidates << qEnvironmentVariable("CLUSTERSHIFT_DATA");
  candidates << QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data")
             << QStringLiteral(CLUSTERSHIFT_DATA_INSTALL_DIR "/sample_data");
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

/// One scenario end to end. Returns what was written.
layers::OutputPaths runScenario(const std::string& scenarioPath, const QString& outDir, const QStringList& languages) {
  const Scenario scenario = loadScenario(scenarioPath);
  CliFeedback feedback(scenario.name);
  feedback.setPhase(0.0, 0.6);
  Inputs inputs = loadInputs(scenario, feedback);
  const Inputs kept = inputs;  // writeOutputs needs the regions after run() consumed its copy
  Results results = run(scenario, std::move(inputs), feedback);
  feedback.setPhase(0.6, 1.0);
  layers::OutputPaths paths = layers::writeOutputs(kept, results, outDir, languages, feedback);
  feedback.clearLine();
  if (!results.warnings.empty()) {
    std::fprintf(stderr, "%s: %zu warnings\n", scenario.name.c_str(), results.warnings.size());
    printProblems(results.warnings, 5);
  }
  return paths;
}

void printPaths(const layers::OutputPaths& paths) {
  std::printf("  %s\n", paths.geopackage.toUtf8().constData());
  std::printf("  %s\n", paths.project.toUtf8().constData());
  for (const QString& r : paths.reports) std::printf("  %s\n", r.toUtf8().constData());
  for (const QString& s : paths.styles) std::printf("  %s\n", s.toUtf8().constData());
}

struct RunOptions {
  std::string scenario;
  std::string out;
  std::string lang = "zh_CN,en";
};

}  // namespace

void addRunCommands(CLI::App& app, int& exitCode) {
  // ---- demo ----
  auto demoOut = std::make_shared<std::string>("clustershift-demo");
  CLI::App* demo = app.add_subcommand("demo", "Run the three sample scenarios and write their outputs");
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
        written.push_back(runScenario(data.filePath(QStringLiteral("scenarios/") + s).toStdString(), out,
                                      {QStringLiteral("zh_CN"), QStringLiteral("en")}));
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
  runCmd->add_option("--lang", runOptions->lang, "Report languages, comma-separated (zh_CN,en)")->capture_default_str();
  runCmd->callback([runOptions, &exitCode] {
    exitCode = guarded([&] {
      const QStringList languages = parseLanguages(runOptions->lang);
      QgisSession qgis;
      const QString out = QDir(QString::fromStdString(runOptions->out.empty() ? "." : runOptions->out)).absolutePath();
      const layers::OutputPaths paths = runScenario(runOptions->scenario, out, languages);
      std::printf("Wrote:\n");
      printPaths(paths);
      return 0;
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
