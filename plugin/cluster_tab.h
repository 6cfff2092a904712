#pragma once
// "Cluster & mode" page of the dock: the cluster profile (a shipped preset, its segments
// editable), the source region (from a list or picked on the map), the transfer mode with its
// moved segments (partial) or scale λ and template park (replication).
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/scenario.h"

#include <QScrollArea>
#include <optional>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace clustershift::plugin {

class ClusterTab : public QScrollArea {
  Q_OBJECT
 public:
  explicit ClusterTab(QWidget* parent = nullptr);

  /// Shows the scenario's cluster, source, mode, moved segments and replication settings.
  void setScenario(const Scenario& scenario);
  /// Writes them into the scenario. Throws InputError naming the cell for an unparsable
  /// number in the segment table.
  void applyTo(Scenario& scenario) const;

  /// The regions offered as source (id, label), e.g. "Wenzhou 温州市 (330300)".
  void setRegions(const std::vector<std::pair<QString, QString>>& regions);
  /// Sets the source region (map pick); the scenario's explicit lon/lat no longer applies.
  void setSourceRegion(const QString& id);
  /// Sets the template park (map pick).
  void setTemplatePark(const QString& id);
  /// Sets the cluster's location (degrees; map pick or typed), shown in the location field.
  void setSourceLocation(double lon, double lat);

  QPushButton* pickSourceButton() const { return m_pickSource; }
  QPushButton* pickLocationButton() const { return m_pickLocation; }
  QPushButton* pickTemplateButton() const { return m_pickTemplate; }

 signals:
  void changed();
  /// A message for the dock's log/status (e.g. a preset that could not be read).
  void message(const QString& text);

 private:
  void reloadPresets();
  void presetChosen(int index);
  void showProfile(const ClusterProfile& profile, const std::vector<std::string>& moved);
  void modeChanged();
  QString sourceRegion() const;
  /// The location field from m_sourceLon/m_sourceLat.
  void showSourceLocation();
  /// Reads the typed "lon, lat" (empty: the region's own location); marks a bad entry.
  void locationEdited();

  QComboBox* m_preset = nullptr;
  QTableWidget* m_segments = nullptr;
  QComboBox* m_source = nullptr;
  QPushButton* m_pickSource = nullptr;
  QLineEdit* m_location = nullptr;
  QPushButton* m_pickLocation = nullptr;
  QRadioButton* m_complete = nullptr;
  QRadioButton* m_partial = nullptr;
  QRadioButton* m_replication = nullptr;
  QGroupBox* m_partialBox = nullptr;
  QGridLayout* m_movedGrid = nullptr;
  std::vector<QCheckBox*> m_moved;
  QGroupBox* m_replicationBox = nullptr;
  QDoubleSpinBox* m_lambda = nullptr;
  QLineEdit* m_template = nullptr;
  QPushButton* m_pickTemplate = nullptr;

  ClusterProfile m_profile;  ///< shown profile (ids, names; numbers come from the table)
  QString m_presetName;      ///< preset the profile came from ("" = custom)
  QString m_scenarioSource;  ///< source region of the loaded scenario
  std::optional<double> m_sourceLon, m_sourceLat;  ///< its explicit location, if any
};

}  // namespace clustershift::plugin
