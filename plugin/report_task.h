#pragma once
// Writes the PDF report of a results GeoPackage in QGIS's task manager (worker thread):
// layers::exportReportFromGeoPackage opens the GeoPackage in a private QgsProject, so nothing
// of the user's project is touched from the worker.
// clustershift_layers/layers.h first: it brings nlohmann/json before QGIS (see run_task.h).
#include "clustershift_layers/layers.h"

#include <qgstaskmanager.h>

namespace clustershift::plugin {

class ReportTask : public QgsTask {
  Q_OBJECT
 public:
  /// geopackage: results GeoPackage (writeOutputs); pdfPath: where the PDF goes.
  ReportTask(const QString& geopackage, const QString& pdfPath, const layers::ReportOptions& options,
             const QString& description);

  bool run() override;
  void finished(bool result) override;
  void cancel() override;

 signals:
  /// Main thread. ok: the PDF was written (pages > 0); else error holds the reason
  /// ("" when cancelled).
  void completed(bool ok, const QString& pdfPath, int pages, const QString& error);

 private:
  /// Forwards the export's progress to the task (dock and task manager) and honours its cancel.
  class Progress : public Feedback {
   public:
    explicit Progress(ReportTask* task) : m_task(task) {}
    void setProgress(double fraction, const std::string& stage) override;
    bool isCanceled() const override;

   private:
    ReportTask* m_task;
  };
  friend class Progress;

  QString m_geopackage;
  QString m_pdfPath;
  layers::ReportOptions m_options;
  Progress m_feedback{this};
  int m_pages = 0;
  QString m_error;
};

}  // namespace clustershift::plugin
