#pragma once
// The ClusterShift dock: pick region and park layers and a scenario, run it as a QgsTask,
// add the styled result layers and print the report.
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/results.h"

#include <qgis.h>
#include <qgsdockwidget.h>

#include <QPointer>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QgisInterface;
class QgsFileWidget;
class QgsMapLayer;
class QgsMapLayerComboBox;

namespace clustershift::plugin {

class CriteriaPanel;
class RunTask;
struct RunOutcome;

class ClusterShiftDock : public QgsDockWidget {
  Q_OBJECT
 public:
  explicit ClusterShiftDock(QgisInterface* iface, QWidget* parent = nullptr);
  ~ClusterShiftDock() override;

 public slots:
  /// Adds sample_data/regions.gpkg and parks.gpkg to the project (once) and selects them.
  void loadSampleData();
  /// Reads the scenario and the layers, then starts the run task.
  void runScenario();
  void cancelRun();
  /// Writes the report PDF for the last results (CLUSTERSHIFT_REPORT_PATH skips the dialog).
  void printReport();

 private slots:
  void presetChosen(int index);
  void scenarioFileChanged(const QString& path);
  void layersAdded(const QList<QgsMapLayer*>& layers);
  void taskCompleted(clustershift::plugin::RunOutcome* outcome);
  void taskProgress(double percent);
  void projectCleared();

 private:
  void buildUi();
  void reloadPresets();
  /// Shows the criteria of the scenario file in the criteria table (cleared when unreadable).
  void loadCriteria(const QString& path);
  void setRunning(bool running);
  void addResultLayers(std::unique_ptr<Results> results);
  void zoomToResults(const QList<QgsMapLayer*>& layers);
  QString reportLanguage() const;
  /// Message bar + dock log + QGIS message log; problems listed in full under "more".
  void showError(const QString& summary, const std::vector<Problem>& problems = {});
  void log(const QString& line, Qgis::MessageLevel level = Qgis::MessageLevel::Info);

  QgisInterface* m_iface = nullptr;
  QgsMapLayerComboBox* m_regionsCombo = nullptr;
  QgsMapLayerComboBox* m_parksCombo = nullptr;
  QPushButton* m_loadSampleButton = nullptr;
  QComboBox* m_presetCombo = nullptr;
  QgsFileWidget* m_scenarioFile = nullptr;
  QComboBox* m_languageCombo = nullptr;
  CriteriaPanel* m_criteria = nullptr;
  QString m_criteriaPath;  ///< scenario file the criteria table shows
  QPushButton* m_runButton = nullptr;
  QPushButton* m_cancelButton = nullptr;
  QPushButton* m_reportButton = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QPlainTextEdit* m_log = nullptr;

  QPointer<RunTask> m_task;
  std::unique_ptr<Results> m_results;
};

}  // namespace clustershift::plugin
