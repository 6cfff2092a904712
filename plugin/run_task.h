#pragma once
// Background jobs of the dock in QGIS's task manager (worker thread): a scenario run, or the
// mode comparison of a finished run; both then write the results GeoPackage with
// layers::writeOutputs. Inputs are read from the layers on the main thread before the task
// starts; results come back on the main thread through completed(). No exception ever
// leaves run().
//
// nlohmann/json (via scenario.h) must come before any QGIS header: QGIS ships an older
// json_fwd.hpp with the same include guard, which breaks the newer json.hpp if seen first.
#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

#include <qgstaskmanager.h>

#include <memory>
#include <string>
#include <vector>

namespace clustershift::plugin {

class RunTask;

/// Core feedback forwarding progress to the task (task manager progress bar) and honouring
/// the task's cancel button. Fractions are mapped into [from, to] of the task's 0..100 %.
class TaskFeedback : public Feedback {
 public:
  explicit TaskFeedback(RunTask* task) : m_task(task) {}
  void setProgress(double fraction, const std::string& stage) override;
  bool isCanceled() const override;
  /// Progress range (percent) the next stage reports into.
  void setRange(double fromPercent, double toPercent) {
    m_from = fromPercent;
    m_to = toPercent;
  }

 private:
  RunTask* m_task;
  double m_from = 0;
  double m_to = 100;
};

/// What a task produced: results and the GeoPackage written, or the reason why not.
struct RunOutcome {
  std::unique_ptr<Results> results;  ///< set on success
  QString geopackage;                ///< results GeoPackage (absolute path), set on success
  bool cancelled = false;
  QString error;                  ///< one-line summary on failure
  std::vector<Problem> problems;  ///< every problem (ValidationError) or warnings
  qint64 elapsedMs = 0;           ///< wall time in the worker
};

class RunTask : public QgsTask {
  Q_OBJECT
 public:
  enum class Job { Run, CompareModes };

  /// Job::Run: clustershift::run, then writeOutputs into outDir (no PDFs).
  RunTask(Scenario scenario, std::shared_ptr<const Inputs> inputs, const QString& outDir,
          const QString& description);
  /// Job::CompareModes: clustershift::compareModes over `previous` (its scenario and ranking);
  /// the comparison is stored in a copy of the results and the GeoPackage is rewritten so that
  /// the next report includes it.
  RunTask(Results previous, std::shared_ptr<const Inputs> inputs, const QString& outDir,
          const QString& description);

  Job job() const { return m_job; }
  /// Job::Run only: compare the modes too, over the new ranking (a reopened results project,
  /// whose ranking is recomputed from the run's stored scenario and inputs).
  void setCompareModes(bool compare) { m_compareToo = compare; }
  bool run() override;
  void finished(bool result) override;
  void cancel() override;

 signals:
  /// Emitted on the main thread when the task ends (success, failure or cancel). The receiver
  /// may move the outcome's contents; the task is deleted after the signal returns.
  void completed(clustershift::plugin::RunOutcome* outcome);

 private:
  friend class TaskFeedback;
  void forwardProgress(double percent) { setProgress(percent); }

  Job m_job = Job::Run;
  bool m_compareToo = false;
  Scenario m_scenario;
  std::unique_ptr<Results> m_previous;
  std::shared_ptr<const Inputs> m_inputs;
  QString m_outDir;
  TaskFeedback m_feedback;
  RunOutcome m_outcome;
};

}  // namespace clustershift::plugin
