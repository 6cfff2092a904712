#include "run_task.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <algorithm>
#include <exception>
#include <utility>

#include "clustershift/effects.h"
#include "clustershift/pipeline.h"
#include "clustershift/util.h"
#include "clustershift_layers/layers.h"

namespace clustershift::plugin {

void TaskFeedback::setProgress(double fraction, const std::string& stage) {
  Feedback::setProgress(fraction, stage);
  m_task->forwardProgress(util::scaleProgress(fraction, m_from, m_to));
}

bool TaskFeedback::isCanceled() const { return Feedback::isCanceled() || m_task->isCanceled(); }

RunTask::RunTask(Scenario scenario, std::shared_ptr<const Inputs> inputs, const QString& outDir,
                 const QString& description)
    : QgsTask(description, QgsTask::CanCancel),
      m_job(Job::Run),
      m_scenario(std::move(scenario)),
      m_inputs(std::move(inputs)),
      m_outDir(outDir),
      m_feedback(this) {}

RunTask::RunTask(Results previous, std::shared_ptr<const Inputs> inputs, const QString& outDir,
                 const QString& description)
    : QgsTask(description, QgsTask::CanCancel),
      m_job(Job::CompareModes),
      m_scenario(previous.scenario),
      m_previous(std::make_unique<Results>(std::move(previous))),
      m_inputs(std::move(inputs)),
      m_outDir(outDir),
      m_feedback(this) {}

bool RunTask::run() {
  // Worker thread. Everything thrown is turned into the outcome here: an exception must never
  // reach Qt's event loop or the task manager.
  QElapsedTimer timer;
  timer.start();
  const auto stopClock = qScopeGuard([&] { m_outcome.elapsedMs = timer.elapsed(); });
  try {
    std::unique_ptr<Results> results;
    if (m_job == Job::Run) {
      m_feedback.setRange(0, m_compareToo ? 40 : 85);
      results = std::make_unique<Results>(clustershift::run(m_scenario, *m_inputs, m_feedback));
      if (m_compareToo) {
        m_feedback.setRange(40, 85);
        results->modeComparison = compareModes(m_scenario, *m_inputs, *results, m_feedback);
      }
    } else {
      m_feedback.setRange(0, 70);
      results = std::move(m_previous);
      results->modeComparison = compareModes(m_scenario, *m_inputs, *results, m_feedback);
    }
    m_feedback.checkCanceled();
    m_feedback.setRange(m_job == Job::Run ? 85 : 70, 100);
    // No PDFs here: the report is made from the GeoPackage on request (report_task.h).
    const layers::OutputPaths paths = layers::writeOutputs(*m_inputs, *results, m_outDir, {}, m_feedback);
    m_outcome.geopackage = paths.geopackage;
    m_outcome.results = std::move(results);
    return true;
  } catch (const Cancelled&) {
    m_outcome.cancelled = true;
  } catch (const ValidationError& e) {
    m_outcome.error = QString::fromStdString(e.what());
    m_outcome.problems = e.problems();
  } catch (const Error& e) {
    m_outcome.error = QString::fromStdString(e.what());
    // A coded error is worded in the UI language like the problems (layers::problemText).
    if (!e.code().empty()) m_outcome.problems = {errorProblem(e)};
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
