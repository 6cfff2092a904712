#include "report_task.h"

#include <algorithm>
#include <exception>

#include "clustershift/util.h"

namespace clustershift::plugin {

void ReportTask::Progress::setProgress(double fraction, const std::string& stage) {
  Feedback::setProgress(fraction, stage);
  m_task->setProgress(util::scaleProgress(fraction, 5, 100));
}

bool ReportTask::Progress::isCanceled() const { return Feedback::isCanceled() || m_task->isCanceled(); }

ReportTask::ReportTask(const QString& geopackage, const QString& pdfPath,
                       const layers::ReportOptions& options, const QString& description)
    : QgsTask(description, QgsTask::CanCancel),
      m_geopackage(geopackage),
      m_pdfPath(pdfPath),
      m_options(options) {}

bool ReportTask::run() {
  // Worker thread: no exception may leave run().
  try {
    setProgress(5);
    m_pages = layers::exportReportFromGeoPackage(m_geopackage, m_pdfPath, m_options, m_feedback);
    setProgress(100);
    return m_pages > 0;
  } catch (const Cancelled&) {
    m_error.clear();
  } catch (const std::exception& e) {
    m_error = QString::fromStdString(e.what());
  } catch (...) {
    m_error = tr("unknown internal error");
  }
  return false;
}

void ReportTask::finished(bool result) { emit completed(result, m_pdfPath, m_pages, m_error); }

void ReportTask::cancel() {
  m_feedback.cancel();
  QgsTask::cancel();
}

}  // namespace clustershift::plugin
