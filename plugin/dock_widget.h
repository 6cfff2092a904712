#pragma once
// The ClusterShift dock: four tabs (Data, Cluster & mode, Criteria, Run & results) that
// assemble a clustershift::Scenario from widgets, run it as a QgsTask, load the results
// GeoPackage into a layer group, compare modes, print the report, and keep the whole state
// in the QGIS project.
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/data.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

#include <qgis.h>
#include <qgsdockwidget.h>

#include <QHash>
#include <QPointer>
#include <memory>
#include <vector>

class QDomDocument;
class QTabWidget;
class QTimer;
class QgisInterface;
class QgsFeature;
class QgsMapLayer;
class QgsMapLayerComboBox;

namespace clustershift::plugin {

class ClusterTab;
class CriteriaPanel;
class DataTab;
class PickTool;
class ReportTask;
class RunTab;
class RunTask;
struct RunOutcome;

class ClusterShiftDock : public QgsDockWidget {
  Q_OBJECT
 public:
  explicit ClusterShiftDock(QgisInterface* iface, QWidget* parent = nullptr);
  ~ClusterShiftDock() override;

 public slots:
  /// Fills every tab from a scenario JSON file; false (and a message-bar error) when the file
  /// cannot be read or parsed — Run then refuses with the same problems until another loads.
  bool loadScenarioFile(const QString& path);
  /// Writes currentScenarioJson() to `path`; false on failure.
  bool saveScenarioFile(const QString& path);
  /// Tables read from temporary copies of layers without a file: tells the planner and offers to
  /// save them as GeoPackages in the project folder (message bar button), then saves again.
  void offerToKeepTableCopies();
  /// Assembles the scenario from the tabs, reads the layers and starts the run task.
  void runScenario();
  void cancelRun();
  /// Compares the three modes for the last run (task); the comparison goes into the results
  /// GeoPackage (run_info), so the next report includes it.
  void compareModes();
  /// Writes the report PDF of the last results GeoPackage (CLUSTERSHIFT_REPORT_PATH skips the
  /// file dialog) and adds its layouts to the project's layout manager.
  void printReport();
  /// Adds the sample regions, parks, sensitive zones and roads to the project (once) and selects them.
  void loadSampleData();
  /// The scenario the tabs describe, as scenario JSON (version 1); "" when a cell is invalid.
  QString currentScenarioJson() const;

 private slots:
  void layersAdded(const QList<QgsMapLayer*>& layers);
  void taskCompleted(clustershift::plugin::RunOutcome* outcome, int job);
  void taskProgress(double percent);
  void projectCleared();
  void projectRead();
  void projectWriting(QDomDocument& document);
  void validateNow();

 private:
  enum class Pick { Source, Template, Location };

  void buildUi();
  void reloadPresets();
  void presetChosen(int index);
  /// Shows a parsed scenario in every tab.
  void applyScenario(const Scenario& scenario);
  /// m_base with every tab's edits. Throws InputError for an unparsable cell.
  Scenario currentScenario() const;
  void scheduleValidation();
  void refreshRegionList();
  void startPick(Pick what);
  /// Selects and zooms to the park or region whose id is `featureId` (from a data problem).
  void showProblemFeature(const QString& featureId);
  /// Selects, zooms to and flashes a park of the last results (candidate_scores of its group).
  void showResultPark(const QString& parkId);
  void picked(const QgsFeature& feature);
  void setRunning(bool running);
  void updateActions();
  /// Loads the GeoPackage's layers into "<title> – <time>", replacing the group of the same scenario.
  void addResultGroup(const QString& geopackage, const Scenario& scenario);
  void zoomToResults(const QList<QgsMapLayer*>& layers);
  /// Compare modes for a reopened results project (no m_results): see dock_run.cpp.
  void compareStoredModes();
  /// Connects a compare-modes task to the dock, shows it running and queues it.
  void startCompareTask(RunTask* task, const QString& title, const QString& logLine);
  QString outputFolder() const;
  QString defaultOutputFolder() const;
  QString reportLanguage() const;
  void restoreState();
  /// Top candidates and mode comparison of m_gpkg (a reopened project), from its layers and run_info.
  void showStoredResults();
  /// Names in the UI language of the ids a mode comparison shows (segments, parks, regions), from
  /// the last run, the loaded scenario and, when given, a results GeoPackage's run_info.
  QHash<QString, QString> displayNames(const nlohmann::json* runInfo = nullptr) const;
  /// Result layers of the project (role property, or a table of a results GeoPackage): role set,
  /// named in the UI language (the GeoPackage tables keep their ids).
  void localiseResultLayers();
  /// The inputs of a results project: a run_info's data sources matched with the project's
  /// layers, or loaded (unchecked, in a group "Inputs of the run") when the files exist; else
  /// the pickers stay empty.
  void findRunInputs();
  /// Message bar + dock log + QGIS message log; problems listed in full under "more".
  void showError(const QString& summary, const std::vector<Problem>& problems = {});
  void log(const QString& line, Qgis::MessageLevel level = Qgis::MessageLevel::Info);

  QgisInterface* m_iface = nullptr;
  QTabWidget* m_tabs = nullptr;
  DataTab* m_data = nullptr;
  ClusterTab* m_cluster = nullptr;
  CriteriaPanel* m_criteria = nullptr;
  RunTab* m_run = nullptr;
  QTimer* m_validateTimer = nullptr;

  Scenario m_base;  ///< the loaded scenario; the tabs' edits apply on top of it
  bool m_hasBase = false;
  /// m_base is the first sample scenario, chosen only because the open project names none.
  bool m_baseIsGuess = false;
  QString m_scenarioPath;
  QString m_loadError;  ///< why the last scenario file could not be used ("" = fine)
  std::vector<Problem> m_loadProblems;

  QPointer<RunTask> m_task;
  QPointer<ReportTask> m_reportTask;
  std::shared_ptr<const Inputs> m_pendingInputs;  ///< inputs of the running task
  std::shared_ptr<const Inputs> m_inputs;         ///< inputs of m_results
  std::unique_ptr<Results> m_results;
  QString m_gpkg;  ///< results GeoPackage of the last run

  QPointer<PickTool> m_pickTool;
  Pick m_pick = Pick::Source;
};

}  // namespace clustershift::plugin
