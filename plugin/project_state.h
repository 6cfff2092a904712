#pragma once
// The dock's state kept in the QGIS project (entries under the "ClusterShift" scope), so that
// a saved project reopens with its scenario, its input layers, its output folder and its last
// results GeoPackage. The result layers themselves are file layers of the project.
#include <QString>

class QgsProject;

namespace clustershift::plugin {

struct ProjectState {
  QString scenarioJson;   ///< clustershift::toJson of the dock's scenario (paths absolute)
  QString scenarioFile;   ///< file the scenario was last loaded from or saved to ("" if none)
  QString regionLayerId;  ///< input layers (project layer ids; "" = none)
  QString parkLayerId;
  QString zonesLayerId;
  QString roadsLayerId;
  QString outputDir;       ///< output folder chosen in the dock ("" = the default)
  QString lastGeoPackage;  ///< results GeoPackage of the last run
  QString reportLanguage;  ///< "" = as in the scenario
  QString paper;           ///< A4 | A3
  /// Layers (project ids) the industry-output / IO tables are temporary copies of ("" = none).
  QString industryTableLayerId;
  QString ioTableLayerId;

  bool isEmpty() const { return scenarioJson.isEmpty(); }
};

/// Writes the state into the project's entries (scope "ClusterShift").
void writeProjectState(QgsProject* project, const ProjectState& state);
/// Reads the state; isEmpty() when the project has none.
ProjectState readProjectState(const QgsProject* project);

}  // namespace clustershift::plugin
