#pragma once
// Shared by the CLI commands that start QGIS: progress on stderr, the offscreen QGIS session,
// problem printing and the mapping of errors to exit codes (0 ok, 2 bad input, 3 I/O, 1 internal).
#include "clustershift/error.h"  // clustershift headers first: see the note in layers.h
#include "clustershift/feedback.h"
#include "clustershift_layers/layers.h"

#include <qgsapplication.h>

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <vector>

namespace clustershift::cli {

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
  /// Without a terminal, print one line per new stage (report progress in logs and tests).
  void setStageLines(bool on) { m_stageLines = on; }
  void setProgress(double fraction, const std::string& stage) override {
    Feedback::setProgress(fraction, stage);
    if (!m_tty) {
      if (m_stageLines && stage != m_lastStage) {
        const double overall = m_start + (m_end - m_start) * fraction;
        std::fprintf(stderr, "%s: %s (%d%%)\n", m_label.c_str(), stage.c_str(), static_cast<int>(overall * 100 + 0.5));
        m_lastStage = stage;
      }
      return;
    }
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
  bool m_stageLines = false;
  std::string m_lastStage;
  double m_start = 0, m_end = 1;
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

/// QGIS core, offscreen, with a throwaway profile. One per process.
class QgisSession {
 public:
  QgisSession() {
    qInstallMessageHandler(keepQtMessage);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt warns on stderr without a runtime folder; give it a private one for this process.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_profile.path()));
    // Named, and every QSettings file kept in the throwaway profile: nothing lands in
    // ~/.config/Unknown Organization.
    QCoreApplication::setOrganizationName(QStringLiteral("ClusterShift"));
    QCoreApplication::setApplicationName(QStringLiteral("clustershift"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_profile.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_profile.path());
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
int writeReport(const QString& geopackage, const QString& pdfPath, const layers::ReportOptions& options);

}  // namespace clustershift::cli
