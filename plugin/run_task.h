#pragma once
// Runs clustershift::run() in QGIS's task manager (worker thread). Inputs are read from the
// layers on the main thread before the task starts; results are handed back on the main thread
// through the completed() signal. No exception ever leaves run().
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
/// the task's cancel button.
class TaskFeedback : public Feedback {
 public:
  explicit TaskFeedback(RunTask* task) : m_task(task) {}
  void setProgress(double fraction, const std::string& stage) override;
  bool isCanceled() const override;

 private:
  RunTask* m_task;
};

/// What a run produced: results, or the reason why not.
struct RunOutcome {
  std::unique_ptr<Results> results;  ///< set on success
  bool cancelled = false;
  QString error;                  ///< one-line summary on failure
  std::vector<Problem> problems;  ///< every problem (ValidationError) or warnings
  qint64 elapsedMs = 0;           ///< wall time of clustershift::run in the worker
};

class RunTask : public QgsTask {
  Q_OBJECT
 public:
  RunTask(Scenario scenario, Inputs inputs, const QString& description);

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

  Scenario m_scenario;
  Inputs m_inputs;
  TaskFeedback m_feedback;
  RunOutcome m_outcome;
};

}  // namespace clustershift::plugin
