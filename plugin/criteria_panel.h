#pragma once
// Criteria editor of the ClusterShift dock: one row per scenario criterion (enabled, direction,
// value function, weight, min/max), the weighting and aggregation methods, the AHP
// pairwise-comparison dialog and the robustness (SMAA) settings.
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/scenario.h"

#include <QDialog>
#include <QWidget>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace clustershift::plugin {

/// Saaty pairwise comparison of the enabled criteria: upper triangle editable (1/9..9),
/// lower triangle the reciprocals, live lambda_max, CI and CR (mcda::ahpWeights).
class AhpDialog : public QDialog {
  Q_OBJECT
 public:
  AhpDialog(const QStringList& names, const std::vector<std::vector<double>>& matrix,
            QWidget* parent = nullptr);
  std::vector<std::vector<double>> matrix() const;

 private slots:
  void recompute();

 private:
  QStringList m_names;
  std::vector<std::vector<QComboBox*>> m_upper;
  std::vector<std::vector<QLabel*>> m_lower;
  QLabel* m_lambda = nullptr;
  QLabel* m_ci = nullptr;
  QLabel* m_cr = nullptr;
  QLabel* m_weights = nullptr;
  QLabel* m_hint = nullptr;
};

class CriteriaPanel : public QWidget {
  Q_OBJECT
 public:
  explicit CriteriaPanel(QWidget* parent = nullptr);
  /// Shows the scenario's criteria, weighting and aggregation (replaces any edits).
  void setScenario(const Scenario& scenario);
  /// Empty when no scenario has been shown.
  bool hasScenario() const { return m_loaded; }
  /// Writes the table's edits, the weighting, aggregation and robustness settings into the
  /// scenario. Throws InputError on an unparsable min/max cell.
  void applyTo(Scenario& scenario) const;
  void clear();

 signals:
  void changed();

 public slots:
  void editAhp();
  /// Appends the criterion typed or chosen in the add combo (registry id or "field:<name>").
  void addCriterion();

 private:
  QStringList enabledNames() const;
  void fillRow(int row, const CriterionSpec& c);
  /// The typed options dialog of row `row` (declared parameters only).
  void editOptions(int row);
  void fitTable();
  /// Sum of the enabled criteria's weights (the core normalises them to 1).
  void updateWeightSum();

  QTableWidget* m_table = nullptr;
  QComboBox* m_weighting = nullptr;
  QComboBox* m_aggregation = nullptr;
  QLabel* m_weightSum = nullptr;
  QComboBox* m_addCombo = nullptr;
  QPushButton* m_addButton = nullptr;
  QComboBox* m_missing = nullptr;
  QSpinBox* m_draws = nullptr;
  QSpinBox* m_topK = nullptr;
  QSpinBox* m_seed = nullptr;
  QDoubleSpinBox* m_concentration = nullptr;
  QPushButton* m_ahpButton = nullptr;
  std::vector<std::vector<double>> m_ahpMatrix;
  QStringList m_ahpNames;             ///< enabled criteria the matrix was made for
  std::vector<CriterionSpec> m_base;  ///< the loaded criteria (params etc. kept)
  bool m_loaded = false;
};

}  // namespace clustershift::plugin
