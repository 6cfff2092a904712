#pragma once
// Shared by the CLI commands that start QGIS: progress on stderr, the offscreen QGIS session,
// problem printing and the mapping of errors to exit codes (0 ok, 2 bad input, 3 I/O, 1 internal).
#include "clustershift/error.h"  // clustershift headers first: see the note in layers.h
#include "clustershift/feedback.h"
#include "clustershift_layers/layers.h"

#include <qgis.h>
#include <qgsapplication.h>
#include <qgssettings.h>
#include <qgssqliteutils.h>

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace clustershift::cli {

/// What the command line says while it works: `--quiet` (nothing but errors and the final
/// summary) and `--timings` (each stage's wall time and the peak memory so far, on stderr at
/// the end). Set once from the global flags in main.cpp.
struct CliVerbosity {
  bool quiet = false;
  bool timings = false;
};
inline CliVerbosity& cliVerbosity() {
  static CliVerbosity verbosity;
  return verbosity;
}

/// Progress on stderr: a bar on one line when stderr is a terminal, one plain line per new
/// stage otherwise (logs, CI); nothing with --quiet. With --timings every stage's wall time
/// and peak resident memory (getrusage: the high-water mark at the stage's end) is recorded
/// and printed by printTimings(). Warnings are collected.
class CliFeedback : public Feedback {
 public:
  explicit CliFeedback(std::string label)
      : m_label(std::move(label)),
        m_tty(isatty(2) == 1),
        m_quiet(cliVerbosity().quiet),
        m_timings(cliVerbosity().timings),
        m_started(std::chrono::steady_clock::now()) {}
  ~CliFeedback() override {
    clearLine();
    printTimings();
  }
  /// The next stages report 0..1 that map to [start, end] of the whole command.
  void setPhase(double start, double end) {
    m_start = start;
    m_end = end;
  }
  /// Kept for callers that asked for stage lines explicitly: they are the default off a terminal.
  void setStageLines(bool on) { m_stageLines = on; }
  void setProgress(double fraction, const std::string& stage) override {
    Feedback::setProgress(fraction, stage);
    std::lock_guard<std::mutex> lock(m_printMutex);
    const bool newStage = stage != m_lastStage;
    if (newStage && m_timings) startStage(stage);
    const double overall = m_start + (m_end - m_start) * fraction;
    const int percent = static_cast<int>(overall * 100 + 0.5);
    if (m_quiet) {
      m_lastStage = stage;
      return;
    }
    if (!m_tty) {
      if (m_stageLines && newStage)
        std::fprintf(stderr, "%s: %s (%d%%)\n", m_label.c_str(), stage.c_str(), percent);
      m_lastStage = stage;
      return;
    }
    m_lastStage = stage;
    constexpr int kWidth = 24;
    const int filled = std::clamp(percent * kWidth / 100, 0, kWidth);
    std::fprintf(stderr, "\r\033[K%s [%s%s] %3d%% %s", m_label.c_str(),
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), '-').c_str(), percent, stage.c_str());
    std::fflush(stderr);
    m_dirty = true;
  }
  /// With --timings: listed under the current stage (a criterion computed beside others).
  void partTime(const std::string& part, double seconds) override {
    std::lock_guard<std::mutex> lock(m_printMutex);
    if (m_timings && !m_stages.empty()) m_stages.back().parts.emplace_back(part, seconds);
  }
  void clearLine() {
    if (m_tty && m_dirty) std::fprintf(stderr, "\r\033[K");
    m_dirty = false;
  }
  /// With --timings: the stages so far (wall s, peak RSS MB) and the total; then forgets them.
  void printTimings() {
    if (!m_timings || m_stages.empty()) return;
    closeStage();
    clearLine();
    const double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    std::fprintf(stderr, "timings (%s): wall, CPU of all threads, peak resident memory so far\n",
                 m_label.c_str());
    for (const StageTime& t : m_stages) {
      std::fprintf(stderr, "  %-28s %8.3f s  cpu %8.3f s  peak %7.1f MB\n", t.stage.c_str(), t.seconds,
                   t.cpuSeconds, t.peakMb);
      // Parts that ran side by side: each one's own wall time (they add up to more than the stage's).
      for (const auto& [part, seconds] : t.parts)
        std::fprintf(stderr, "    %-26s %8.3f s  (own wall time, beside the others)\n", part.c_str(),
                     seconds);
    }
    std::fprintf(stderr, "  %-28s %8.3f s  cpu %8.3f s  peak %7.1f MB\n", "total", total,
                 cpuSeconds() - m_cpuStarted, peakMb());
    m_stages.clear();
  }

 private:
  struct StageTime {
    std::string stage;
    double seconds = 0;
    double cpuSeconds = 0;
    double peakMb = 0;
    std::vector<std::pair<std::string, double>> parts;  ///< (part, own wall seconds)
  };
  static double cpuSeconds() {  // user + system, all threads of the process
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  }
  static double peakMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
  }
  void closeStage() {
    if (m_stages.empty() || m_stages.back().seconds > 0) return;
    m_stages.back().seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_stageStart).count();
    m_stages.back().cpuSeconds = cpuSeconds() - m_stageCpuStart;
    m_stages.back().peakMb = peakMb();
  }
  void startStage(const std::string& stage) {
    closeStage();
    m_stages.push_back(StageTime{stage, 0, 0, 0, {}});
    m_stageStart = std::chrono::steady_clock::now();
    m_stageCpuStart = cpuSeconds();
  }

  std::string m_label;
  bool m_tty;
  bool m_quiet;
  bool m_timings;
  bool m_dirty = false;
  bool m_stageLines = true;
  std::string m_lastStage;
  double m_start = 0, m_end = 1;
  std::mutex m_printMutex;
  std::chrono::steady_clock::time_point m_started, m_stageStart;
  double m_cpuStarted = cpuSeconds(), m_stageCpuStart = 0;
  std::vector<StageTime> m_stages;
};

/// --verbose: an I/O error also prints the writers' own lines (GDAL, SQLite, QGIS), and Qt's
/// warnings are printed as they come.
inline bool& verbose() {
  static bool on = false;
  return on;
}

/// Qt's own warnings ("QPainter::begin(): Returned false" on a read-only target) are not the
/// planner's business: kept for --verbose, the error itself is one plain line.
inline QStringList& qtMessages() {
  static QStringList messages;
  return messages;
}

inline void keepQtMessage(QtMsgType type, const QMessageLogContext&, const QString& message) {
  if (verbose() || type == QtFatalMsg) {
    std::fprintf(stderr, "qt: %s\n", message.toUtf8().constData());
  } else if (qtMessages().size() < 200) {
    qtMessages() << message;
  }
  if (type == QtFatalMsg) std::abort();
}

/// The hidden first argument of a report process started ahead of its job (main.cpp).
inline constexpr const char* kJobFromStdin = "--job-from-stdin";

/// QGIS core, offscreen, with a throwaway profile. One per process.
class QgisSession {
 public:
  /// Deferred: the environment only (the process's variables set here, before any other thread
  /// reads them); start() then starts QGIS.
  enum class Start { Now, Deferred };

  /// A session made while another runs (a job read from standard input, main.cpp) uses that one.
  explicit QgisSession(Start when = Start::Now) : m_inert(QCoreApplication::instance() != nullptr) {
    if (m_inert) return;
    running() = this;
    prepareEnvironment();
    if (when == Start::Now) start();
  }

  /// Starts QGIS on this (the main) thread. Sets no environment variable (see the constructor),
  /// so a core computation may run on another thread meanwhile.
  void start() {
    if (m_inert || m_started) return;
    construct();
    QgsApplication::initQgis();
    // GeoPackages keep their rollback journal: QGIS would switch a GeoPackage it opens for update
    // to WAL and back when it closes it, and a run's second report language is exported by a
    // child process reading the same GeoPackage while this one holds it open; no process then
    // changes the journal mode of a file the other reads, and no -wal/-shm files appear. The
    // profile is this process's own, so the setting goes nowhere else.
    QgsSettings().setValue(QStringLiteral("qgis/walForSqlite3"), false);
    m_started = true;
  }

  /// The application object only (start() does the rest): what a QProcess needs, started before
  /// another thread runs.
  void construct() {
    if (m_inert || m_app) return;
    // An empty symbol library in the throwaway profile, marked as this QGIS version's. QGIS
    // imports its default symbols and colour ramps into a profile that has none, and parses its
    // whole default style XML to upgrade a library older than itself: 0.12 s of every report
    // process (perf, bench/national). Nothing the command draws comes from that library.
    {
      sqlite3_database_unique_ptr library;
      QString error;
      if (library.open(m_profile.path() + QStringLiteral("/symbology-style.db")) == 0)
        library.exec(
            QStringLiteral("CREATE TABLE stylemetadata(id INTEGER PRIMARY KEY, key TEXT UNIQUE, value TEXT);"
                           "INSERT INTO stylemetadata VALUES (NULL, 'version', '%1');")
                .arg(Qgis::versionInt()),
            error);  // a failure costs only the import it would have saved
    }
    m_app = std::make_unique<QgsApplication>(m_argc, m_argv, false, m_profile.path());
    QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
    // QGIS learns the login name (for the @user_account_name of every expression context) by
    // running `whoami` in a child process, once, when a report is first built. Asked here
    // instead, the fork copies a small process with no other thread: later, in the middle of a
    // report, it copied ~300 MB of mappings, whose pages then each faulted once more when next
    // written (3,000 faults of a national report's process, perf), and another thread might
    // hold PROJ's lock, which its fork handler takes in the child.
    QgsApplication::userLoginName();
  }

  /// Ends the process now with `code`, once the command's outputs are written and closed: what
  /// it built (a report's project, layers and layouts: 0.1 s of a national report's process to
  /// take down, bench/national) goes with the process. Flushes stdout and stderr and removes the
  /// throwaway profile first; the caller has no other temporary file or running child left.
  [[noreturn]] void endProcess(int code) {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    m_profile.remove();
    if (running()) running()->m_profile.remove();  // a job's inert session: the process's own
    std::_Exit(code);
  }

  ~QgisSession() {
    if (running() == this) running() = nullptr;
    if (!m_app) return;
    if (m_started) QgsApplication::exitQgis();
    m_app.reset();
  }
  QgisSession(const QgisSession&) = delete;
  QgisSession& operator=(const QgisSession&) = delete;

 private:
  /// The session that started QGIS in this process (not an inert one).
  static QgisSession*& running() {
    static QgisSession* session = nullptr;
    return session;
  }

  void prepareEnvironment() {
    qInstallMessageHandler(keepQtMessage);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // No QCA plugins, so QGIS's authentication manager stays off: it would load the system's CA
    // certificates (0.1 s of every start, perf, bench/national), and the throwaway profile has no
    // authentication configurations to use. Children (a run's report processes) inherit it.
    if (qEnvironmentVariableIsEmpty("QCA_NO_PLUGINS")) qputenv("QCA_NO_PLUGINS", "1");
    // Only QGIS's built-in data providers (OGR, GDAL, memory): the command reads and writes
    // GeoPackages, the core reads every input through GDAL. The provider plugins (WMS, WFS,
    // PostgreSQL, ...) would each be loaded at start (0.1 s). QGIS loads only the plugin files
    // whose names match this pattern; none match it.
    if (qEnvironmentVariableIsEmpty("QGIS_PROVIDER_FILE")) qputenv("QGIS_PROVIDER_FILE", "^$");
    // GeoPackages stay in rollback-journal mode: QGIS 3.22 switches a GeoPackage to WAL when it
    // filters a layer of it (the report's label layer), and its later read-only opens of the file
    // then cannot read the stored styles (qgis/QGIS#48467). QGIS keeps a journal mode set here.
    if (qEnvironmentVariableIsEmpty("OGR_SQLITE_JOURNAL")) qputenv("OGR_SQLITE_JOURNAL", "DELETE");
    // Qt warns on stderr without a runtime folder; give it a private one for this process.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
      qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_profile.path()));
    // Qt's and QGIS's temporary files (a project's archive folder and auxiliary database) go
    // into the profile too, which lies where TMPDIR said: a process that ends without taking its
    // objects down (endProcess) removes them with it.
    qputenv("TMPDIR", QFile::encodeName(m_profile.path()));
    // Named, and every QSettings file kept in the throwaway profile: nothing lands in
    // ~/.config/Unknown Organization.
    QCoreApplication::setOrganizationName(QStringLiteral("ClusterShift"));
    QCoreApplication::setApplicationName(QStringLiteral("clustershift"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_profile.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_profile.path());
  }

  bool m_inert = false;
  bool m_started = false;
  int m_argc = 1;
  char m_name[13] = "clustershift";
  char* m_argv[2] = {m_name, nullptr};
  QTemporaryDir m_profile;
  std::unique_ptr<QgsApplication> m_app;
};

inline void printProblems(const std::vector<Problem>& problems, std::size_t maxWarnings) {
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
    if (verbose())
      for (const QString& line : layers::writeDiagnostics()) std::fprintf(stderr, "  detail: %s\n", line.toUtf8().constData());
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

/// Exports the report of a results GeoPackage to pdfPath with progress on stderr and a closing
/// line on stdout ("report: FILE (N pages, T s)"). Needs a QgisSession. Returns the page count;
/// throws as layers::exportReportFromGeoPackage. (report_command.cpp)
/// The report's layers and layouts stay in `project` (layers::exportReportFromGeoPackage).
int writeReport(QgsProject& project, const QString& geopackage, const QString& pdfPath,
                const layers::ReportOptions& options);

}  // namespace clustershift::cli
