// A report PDF exported by another process while this one exports its own (layers.h,
// ReportProcess): QGIS exports layouts only on the main thread, so a second language renders
// concurrently only in a second process.
#include "report_detail.h"  // first: see the note in layers.h

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryFile>

#ifdef __linux__
#include <sys/prctl.h>

#include <csignal>
#endif

#include "clustershift/error.h"

namespace clustershift::layers::detail {
namespace {

/// Ends with its parent (Linux): a killed run leaves no child exporting into a removed folder.
class ChildProcess : public QProcess {
 protected:
  void setupChildProcess() override {
#ifdef __linux__
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
  }
};

/// Starts `program` with its output (stdout and stderr) into logPath, a file rather than a pipe:
/// a pipe nobody reads while this process exports would fill up and stop the child. Throws
/// IoError ("<what>cannot start the report process ...") when it does not start.
std::unique_ptr<QProcess> startChild(const QString& program, const QStringList& arguments,
                                     const QString& logPath, bool inputFromNull, const std::string& what) {
  auto process = std::make_unique<ChildProcess>();
  process->setProcessChannelMode(QProcess::MergedChannels);
  process->setStandardOutputFile(logPath);
  if (inputFromNull) process->setStandardInputFile(QProcess::nullDevice());
  process->start(program, arguments);
  if (!process->waitForStarted(30000))
    throw IoError(what + "cannot start the report process " + program.toStdString() + " (" +
                  process->errorString().toStdString() + ")");
  return process;
}

/// Kills a child still running and reaps it.
void stopChild(QProcess& process) {
  if (process.state() == QProcess::NotRunning) return;
  process.kill();
  process.waitForFinished(10000);
}

}  // namespace

}  // namespace clustershift::layers::detail

namespace clustershift::layers {
namespace {
/// How long an unused process started ahead may take to end by itself (its QGIS start takes
/// ~0.5 s at most on a slow 2-core machine) before it is killed.
constexpr int kWaitingProcessEndMs = 5000;
}  // namespace

ReportProcessesAhead::Started::~Started() = default;

ReportProcessesAhead::ReportProcessesAhead(const ReportProcess& how, int count) {
  if (how.program.isEmpty() || how.waitingArguments.isEmpty()) return;
  for (int i = 0; i < count; ++i) {
    auto started = std::make_unique<Started>();
    // Its output into a file, as ReportChild's: the folder of the run's outputs is not known yet.
    started->log = std::make_unique<QTemporaryFile>(
        QDir::temp().absoluteFilePath(QStringLiteral("clustershift-report-XXXXXX.log")));
    if (!started->log->open())
      throw IoError("cannot create a log file for a report process in " + QDir::tempPath().toStdString());
    // Its input stays a pipe: the report's arguments come that way (ReportChild).
    started->process =
        detail::startChild(how.program, how.waitingArguments, started->log->fileName(), false, "");
    m_waiting.push_back(std::move(started));
  }
}

ReportProcessesAhead::~ReportProcessesAhead() {
  // Input closed, a waiting process ends by itself once its QGIS has started and removes its
  // temporary profile (a kill would leave that folder behind); killed when it does not.
  for (const auto& started : m_waiting) started->process->closeWriteChannel();
  for (const auto& started : m_waiting)
    if (!started->process->waitForFinished(kWaitingProcessEndMs)) detail::stopChild(*started->process);
}

std::unique_ptr<ReportProcessesAhead::Started> ReportProcessesAhead::take() {
  if (m_waiting.empty()) return nullptr;
  std::unique_ptr<Started> next = std::move(m_waiting.front());
  m_waiting.erase(m_waiting.begin());
  return next;
}

}  // namespace clustershift::layers

namespace clustershift::layers::detail {

ReportChild::ReportChild(std::unique_ptr<ReportProcessesAhead::Started> started, const ReportProcess& how,
                         const QString& geopackage, const QString& pdfPath, const ReportOptions& options)
    : m_process(std::move(started->process)),
      m_logFile(std::move(started->log)),
      m_pdf(pdfPath),
      m_log(m_logFile->fileName()),
      m_language(options.language) {
  nlohmann::json job = nlohmann::json::array();
  for (const QString& argument : how.arguments(geopackage, pdfPath, options))
    job.push_back(argument.toStdString());
  // Written now (no event loop runs while this process exports its own report), then closed.
  m_process->write(QByteArray::fromStdString(job.dump() + "\n"));
  const bool written = m_process->waitForBytesWritten(30000);
  m_process->closeWriteChannel();
  if (!written || m_process->state() == QProcess::NotRunning)
    throw IoError(pdfPath.toStdString() + ": the report process started ahead did not take its report (" +
                  m_process->errorString().toStdString() + ")");
}

ReportChild::ReportChild(const ReportProcess& how, const QString& geopackage, const QString& pdfPath,
                         const ReportOptions& options, const QString& logPath)
    : m_process(startChild(how.program, how.arguments(geopackage, pdfPath, options), logPath, true,
                           pdfPath.toStdString() + ": ")),
      m_pdf(pdfPath),
      m_log(logPath),
      m_language(options.language) {}

ReportChild::~ReportChild() { stop(); }

void ReportChild::stop() { stopChild(*m_process); }

void ReportChild::waitUntil(const std::function<bool()>& done, Feedback& feedback, int ms) {
  // Polled: this thread runs no event loop.
  while (!done() && m_process->state() != QProcess::NotRunning) {
    if (feedback.isCanceled()) {
      stop();
      throw Cancelled();
    }
    m_process->waitForFinished(ms);
  }
}

bool ReportChild::waitForFile(const QString& path, Feedback& feedback) {
  // The child writes the file under a temporary name and renames it (QSaveFile), so a file that
  // exists is complete. 10 ms: the project waits for it.
  waitUntil([&] { return QFileInfo::exists(path); }, feedback, 10);
  return QFileInfo::exists(path);
}

void ReportChild::finish(Feedback& feedback) {
  waitUntil([] { return false; }, feedback, 100);
  feedback.checkCanceled();
  const std::string what =
      "report (" + m_language.toStdString() + ") " + QFileInfo(m_pdf).fileName().toStdString();
  if (m_process->exitStatus() == QProcess::CrashExit)
    throw IoError(what + ": the report process ended abnormally (" + m_process->errorString().toStdString() +
                  ")");
  const int code = m_process->exitCode();
  if (code == 0) return;
  // The child's own message: its last "error: ..." line (the CLI's form), else its last line
  // (a usage error: CLI11's line, not its "Run with --help" hint).
  QString message, last;
  QFile log(m_log);
  if (log.open(QIODevice::ReadOnly))
    for (const QByteArray& raw : log.readAll().split('\n')) {
      const QString line = QString::fromUtf8(raw).trimmed();
      if (line.isEmpty() || line.startsWith(QLatin1String("Run with --help"))) continue;
      last = line;
      if (line.startsWith(QLatin1String("error: "))) message = line.mid(7);
    }
  if (message.isEmpty()) message = last.isEmpty() ? QStringLiteral("exit code %1").arg(code) : last;
  if (code == 1 && message == QLatin1String("cancelled")) throw Cancelled();
  if (code == 2) throw InputError(what + ": " + message.toStdString());
  throw IoError(what + ": " + message.toStdString());
}

}  // namespace clustershift::layers::detail
