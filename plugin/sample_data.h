#pragma once
// Where the plugin finds the sample data and the preset scenarios, searched like the CLI:
// $CLUSTERSHIFT_DATA, then <source tree>/sample_data, then the installed share folder.
#include <QString>
#include <QVector>

namespace clustershift::plugin {

/// One scenario file offered as a preset in the dock.
struct ScenarioEntry {
  QString path;      ///< absolute path of the .json file
  QString name;      ///< machine name (file stem)
  QString title;     ///< title in the UI language, else English, else the name
  QString language;  ///< report language the scenario asks for ("zh_CN" when absent)
};

/// First existing sample-data folder, or an empty string when none is found.
QString sampleDataDir();

/// Scenario files in <sampleDataDir>/scenarios, sorted by file name. Titles are read with a
/// lenient JSON read: a broken file is still listed (under its file name) so that running it
/// reports its problems.
QVector<ScenarioEntry> presetScenarios(const QString& uiLanguage);

/// "zh_CN" when the QGIS user interface is Chinese, "en" otherwise.
QString uiLanguage();

}  // namespace clustershift::plugin
