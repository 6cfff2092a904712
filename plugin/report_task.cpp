#include "report_task.h"

#include <exception>

namespace clustershift::plugin {

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
