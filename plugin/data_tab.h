#pragma once
// "Data" page of the dock: input layers (regions, parks, optional sensitive zones and roads),
// a field picker per core column pre-filled by name, the industry-output and IO tables, the
// attribute encoding and the park coordinate system, and the live list of data problems.
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/error.h"
#include "clustershift/scenario.h"

#include <QScrollArea>
#include <QTemporaryDir>
#include <map>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QListWidget;
class QPushButton;
class QgsFieldComboBox;
class QgsFileWidget;
class QgsMapLayer;
class QgsMapLayerComboBox;
class QgsVectorLayer;

namespace clustershift::plugin {

class DataTab : public QScrollArea {
  Q_OBJECT
 public:
  explicit DataTab(QWidget* parent = nullptr);

  QgsMapLayerComboBox* regionCombo() const { return m_regions; }
  QgsMapLayerComboBox* parkCombo() const { return m_parks; }
  QgsMapLayerComboBox* zonesCombo() const { return m_zones; }
  QgsMapLayerComboBox* roadsCombo() const { return m_roads; }
  QgsVectorLayer* regionLayer() const;
  QgsVectorLayer* parkLayer() const;
  QgsVectorLayer* zonesLayer() const;
  QgsVectorLayer* roadsLayer() const;
  /// Field of the region (park) layer chosen for a core column; "" when none.
  QString regionField(const std::string& key) const;
  QString parkField(const std::string& key) const;

  /// Shows the scenario's field maps, tables, encoding, coordinates and optional layers.
  void setScenario(const Scenario& scenario);
  /// Writes the data block (sources, field maps, tables, encoding, coordinates) into the scenario.
  void applyTo(Scenario& scenario) const;
  /// "" for auto, else UTF-8, GBK or GB18030.
  QString encoding() const;

  /// Shows the problems of the current data (empty: "no problems"); `note` replaces the list
  /// when no check could be made (e.g. "choose the layers").
  void setProblems(const std::vector<Problem>& problems, const QString& note = QString());

  // ---- tables from layers without a file (memory layers, database tables) ----
  // The run reads a temporary GeoPackage copy of such a layer; a scenario saved with it would
  // point at a copy that is gone after QGIS closes. The dock tells the planner and, with their
  // consent, keeps the tables as GeoPackages in the project's (or scenario's) folder.

  /// Names of the layers whose temporary copies the tables use now.
  QStringList temporaryTableLayers() const;
  /// Writes each such layer as "<folder>/<layer name>.gpkg" (a free name; never over an existing
  /// file; temporary name, then rename) and points its table at it. Returns the files written;
  /// `error` names the layer and file of a failure (the tables written before it are kept).
  QStringList keepTableCopies(const QString& folder, QString& error);
  /// Project layer ids of the layers the tables are copied from ("" = none), for the project.
  QString industryTableLayerId() const;
  QString ioTableLayerId() const;
  /// After a project is read: a table whose copy is gone is copied again from its layer when the
  /// project still holds it with rows, else the planner is told to choose the table again.
  void reattachTableLayers(const QString& industryLayerId, const QString& ioLayerId);

 signals:
  /// Layers, fields, tables or options changed (the dock re-validates, debounced).
  void changed();
  /// A message for the dock's log (e.g. a table layer that could not be copied).
  void message(const QString& text);
  void loadSampleRequested();
  /// A problem naming a feature was double-clicked (the feature's id value).
  void problemActivated(const QString& featureId);

 private:
  void regionLayerChanged();
  void parkLayerChanged();
  /// Points every picker at `layer` and chooses, per core column, the mapped field, else a
  /// field with the column's name (any case), else a known alias, else none.
  void prefill(std::map<std::string, QgsFieldComboBox*>& pickers, QgsVectorLayer* layer,
               const std::map<std::string, std::string>& mapped);
  /// "Use a project layer" button for a table: fills the file widget from a table layer's source,
  /// or from a copy of a layer without a file (memory layer, database table).
  QWidget* tableLayerButton(const QString& name, QgsFileWidget* target,
                            std::pair<QString, QString>& fromLayer, QWidget* parent);
  /// Copies table layer `layerId` into the temporary GeoPackage of `target` and points the table
  /// at it; the copy follows the layer's edits. False (with a message) when it cannot.
  bool copyTableLayer(const QString& layerId, QgsFileWidget* target, std::pair<QString, QString>& fromLayer);
  /// The layer a table's current file is a temporary copy of, "" when it is not a copy.
  QString copySource(QgsFileWidget* target) const;
  void setOptionalSource(QgsMapLayerComboBox* combo, const std::optional<DataSource>& source,
                         QString& fileItem);
  std::optional<DataSource> optionalSource(const QgsMapLayerComboBox* combo, const QString& fileItem,
                                           const std::optional<DataSource>& scenarioSource) const;

  QgsMapLayerComboBox* m_regions = nullptr;
  QgsMapLayerComboBox* m_parks = nullptr;
  QgsMapLayerComboBox* m_zones = nullptr;
  QgsMapLayerComboBox* m_roads = nullptr;
  QPushButton* m_loadSample = nullptr;
  std::map<std::string, QgsFieldComboBox*> m_regionFields;
  std::map<std::string, QgsFieldComboBox*> m_parkFields;
  QgsFileWidget* m_industryTable = nullptr;
  QgsFileWidget* m_ioTable = nullptr;
  /// Table chosen from a project layer: (file path, layer name inside it, e.g. a GeoPackage table).
  std::pair<QString, QString> m_industryFromLayer;
  std::pair<QString, QString> m_ioFromLayer;
  /// Copies of table layers that have no file (memory, database): written here as GeoPackages,
  /// since the core reads tables from files; refreshed when the layer's data change.
  QTemporaryDir m_tableCopies;
  /// Table widget → id of the layer its temporary copy was made from.
  std::map<const QgsFileWidget*, QString> m_copySources;
  QComboBox* m_encoding = nullptr;
  QComboBox* m_coordinates = nullptr;
  QListWidget* m_problems = nullptr;

  std::map<std::string, std::string> m_regionMap;  ///< scenario field maps (kept across layer changes)
  std::map<std::string, std::string> m_parkMap;
  std::optional<DataSource> m_zonesSource;  ///< the scenario's zones/roads when no layer matches
  std::optional<DataSource> m_roadsSource;
  QString m_zonesFileItem;
  QString m_roadsFileItem;
};

}  // namespace clustershift::plugin
