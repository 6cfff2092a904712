#include "run_task.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <algorithm>
#include <exception>
#include <utility>

#include "clustershift/pipeline.h"

namespace clustershift::plugin {

void TaskFeedback::setProgress(double fraction, const std::string& stage) {
  Feedback::setProgress(fraction, stage);
  m_task->forwardProgress(std::clamp(fraction, 0.0, 1.0) * 100.0);
}

bool TaskFeedback::isCanceled() const { return Feedback::isCanceled() || m_task->isCanceled(); }

RunTask::RunTask(Scenario scenario, Inputs inputs, const QString& description)
    : QgsTask(description, QgsTask::CanCancel),
      m_scenario(std::move(scenario)),
      m_inputs(std::move(inputs)),
      m_feedback(this) {}

bool RunTask::run() {
  // Worker thread. Everything thrown is turned into the outcome here: an exception must never
  // reach Qt's event loop or the task manager.
  QElapsedTimer timer;
  timer.start();
  const auto stopClock = qScopeGuard([&] { m_outcome.elapsedMs = timer.elapsed(); });
  try {
    m_outcome.results =
        std::make_unique<Results>(clustershift::run(m_scenario, std::move(m_inputs), m_feedback));
    return true;
  } catch (const Cancelled&) {
    m_outcome.cancelled = true;
  } catch (const ValidationError& e) {
    m_outcome.error = QString::fromStdString(e.what());
    m_outcome.problems = e.problems();
  } catch (const std::exception& e) {
    m_outcome.error = QString::fromStdString(e.what());
  } catch (...) {
    m_outcome.error = tr("unknown internal error");
  }
  return false;
}

void RunTask::finished(bool result) {
  if (!result && !m_outcome.results && m_outcome.error.isEmpty()) m_outcome.cancelled = true;
  emit completed(&m_outcome);
}

void RunTask::cancel() {
  m_feedback.cancel();
  QgsTask::cancel();
}

}  // namespace clustershift::plugin
