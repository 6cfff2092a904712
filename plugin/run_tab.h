#pragma once
// "Run & results" page of the dock: scenario file (sample scenarios, load/save), output folder,
// Run/Cancel with progress, the top candidates with score and robustness, the mode
// comparison, the report settings and the log. The dock drives the actions.
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/results.h"
#include "clustershift/scenario.h"

#include <QScrollArea>
#include <QHash>
#include <QVector>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QgsFileWidget;

namespace clustershift::plugin {

class RunTab : public QScrollArea {
  Q_OBJECT
 public:
  explicit RunTab(QWidget* parent = nullptr);

  QComboBox* scenarioCombo() const { return m_scenarioCombo; }
  QgsFileWidget* scenarioFile() const { return m_scenarioFile; }
  QPushButton* loadButton() const { return m_load; }
  QPushButton* saveButton() const { return m_save; }
  QgsFileWidget* outputDir() const { return m_outputDir; }
  QPushButton* runButton() const { return m_run; }
  QPushButton* cancelButton() const { return m_cancel; }
  QProgressBar* progress() const { return m_progress; }
  QLabel* status() const { return m_status; }
  QPushButton* compareButton() const { return m_compare; }
  QPushButton* reportButton() const { return m_report; }
  QComboBox* reportLanguage() const { return m_language; }
  QComboBox* paper() const { return m_paper; }
  QPlainTextEdit* logView() const { return m_log; }

  /// Report settings from the scenario (top N).
  void setScenario(const Scenario& scenario);
  /// Report settings into the scenario (top N; language when one is chosen).
  void applyTo(Scenario& scenario) const;
  int topN() const;

  /// One line of the top-candidates table.
  struct SummaryRow {
    int rank = 0;
    QString parkId;
    QString park;
    QString region;
    double score = 0;
    double pTopK = 0;  ///< NaN when robustness was not computed
  };
  /// Top 10 ranked parks: rank, park, region, score, P(top-k).
  /// `inputs` (optional) gives the Chinese region names for a Chinese UI.
  void showSummary(const Results& results, const Inputs* inputs = nullptr);
  void showSummary(const QVector<SummaryRow>& rows, int k);
  /// Indicators as rows (labels and units in the UI language), modes as columns (the dock is
  /// narrow). `names` maps the ids in the cells (segments, parks, regions) to what is shown.
  void showComparison(const ModeComparison& comparison, const QHash<QString, QString>& names = {});
  /// Same from the comparison's text table (columns, then one row of cells per mode).
  void showComparison(const std::vector<std::string>& columns,
                      const std::vector<std::vector<std::string>>& rows,
                      const QHash<QString, QString>& names = {});
  void clearResults();

 signals:
  /// A park of the top-candidates table was double-clicked (its id).
  void parkActivated(const QString& parkId);

 private:
  QComboBox* m_scenarioCombo = nullptr;
  QgsFileWidget* m_scenarioFile = nullptr;
  QPushButton* m_load = nullptr;
  QPushButton* m_save = nullptr;
  QgsFileWidget* m_outputDir = nullptr;
  QPushButton* m_run = nullptr;
  QPushButton* m_cancel = nullptr;
  QProgressBar* m_progress = nullptr;
  QLabel* m_status = nullptr;
  QTableWidget* m_summary = nullptr;
  QPushButton* m_compare = nullptr;
  QTableWidget* m_comparison = nullptr;
  QComboBox* m_language = nullptr;
  QComboBox* m_paper = nullptr;
  QSpinBox* m_topN = nullptr;
  QPushButton* m_report = nullptr;
  QPlainTextEdit* m_log = nullptr;
};

}  // namespace clustershift::plugin
