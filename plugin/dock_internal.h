#pragma once
// Shared by the files of ClusterShiftDock (dock_widget.cpp: UI, scenario, checks, picks,
// messages; dock_project.cpp: sample data, project state, stored results; dock_run.cpp: runs,
// result groups, report): their includes, layer properties and small helpers.
#include "dock_widget.h"  // first: brings nlohmann/json before QGIS (see run_task.h)
#include "cluster_tab.h"
#include "criteria_panel.h"
#include "data_tab.h"
#include "pick_tool.h"
#include "project_state.h"
#include "report_task.h"
#include "run_tab.h"
#include "run_task.h"

#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsexpression.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfilewidget.h>
#include <qgsfillsymbol.h>
#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgslayertreeview.h>
#include <qgslayoutmanager.h>
#include <qgslinesymbol.h>
#include <qgsmapcanvas.h>
#include <qgsmaplayercombobox.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsmessagelog.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectorlayer.h>

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>
#include <utility>

#include "clustershift/pipeline.h"
#include "clustershift_layers/labels.h"
#include "clustershift_layers/layers.h"
#include "clustershift_layers/result_schema.h"
#include "sample_data.h"

namespace clustershift::plugin {

inline const QString kLogTag = QStringLiteral("ClusterShift");
/// Custom property marking layers added by "Load sample data" (the plugin may restyle those).
inline const QString kSampleProperty = QStringLiteral("clustershift/sample");
inline const QString kScenarioProperty = QStringLiteral("clustershift/scenario");
inline const QString kGpkgProperty = QStringLiteral("clustershift/gpkg");
inline const QString kRoleProperty = QStringLiteral("clustershift/role");

/// Tables of a results GeoPackage loaded into the group, top to bottom; the optional ones
/// are skipped when absent. Hidden at first: catchments and region_effects (the ranking map
/// reads as before; tick them to see the catchments or the ISU-change choropleth).
struct ResultTable {
  const char* name;
  bool visible;
};
inline const ResultTable kResultTables[] = {
    {layers::schema::kCandidates, true},      {layers::schema::kCatchments, false},
    {layers::schema::kFlows, true},           {layers::schema::kSensitiveZones, true},
    {layers::schema::kRegionEffects, false},  {layers::schema::kRegions, true},
    {layers::schema::kEffectsTimeline, true}, {layers::schema::kCoupling, true},
};

/// The legend texts of a result layer (rules, graduated classes, diagram categories), written
/// "English / 中文" by the result styles, in one language (dock_project.cpp).
void localiseLegend(QgsMapLayer* layer, bool zh);

/// The layer name of a sample table in the UI language: the table name in English, 地区, 园区,
/// 生态敏感区, 道路 in Chinese.
inline QString sampleLayerName(const QString& table, bool zh) {
  if (!zh) return table;
  if (table == QLatin1String("regions")) return QStringLiteral("地区");
  if (table == QLatin1String("parks")) return QStringLiteral("园区");
  if (table == QLatin1String("sensitive_zones")) return QStringLiteral("生态敏感区");
  if (table == QLatin1String("roads")) return QStringLiteral("道路");
  return table;
}

/// Selects the first project layer called `name` (or its Chinese sample name) that the combo
/// accepts and that is not a ClusterShift result layer; true on success. Without one, never
/// leaves a result layer selected.
inline bool preselect(QgsMapLayerComboBox* combo, const QString& name) {
  const QList<QgsMapLayer*> candidates = QgsProject::instance()->mapLayersByName(name) +
                                         QgsProject::instance()->mapLayersByName(sampleLayerName(name, true));
  for (QgsMapLayer* layer : candidates) {
    if (layer->customProperty(kRoleProperty).isValid()) continue;
    combo->setLayer(layer);
    if (combo->currentLayer() == layer) return true;
  }
  if (QgsMapLayer* current = combo->currentLayer();
      current && current->customProperty(kRoleProperty).isValid()) {
    combo->setLayer(nullptr);
  }
  return false;
}

inline QString scenarioTitle(const Scenario& scenario, const QString& language) {
  QString title = QString::fromStdString(scenario.titleFor(language.toStdString()));
  if (title.isEmpty()) title = QString::fromStdString(scenario.name);
  if (title.isEmpty()) title = QStringLiteral("ClusterShift");
  return title;
}

/// A core problem in the UI language (layers::problemText: codes and values worded with units).
inline QString shownProblem(const Problem& p) {
  return layers::problemText(p, uiLanguage() == QLatin1String("zh_CN"));
}

/// A caught error in the UI language (layers::errorText: a coded core error worded like a problem).
inline QString shownError(const std::exception& e) {
  return layers::errorText(e, uiLanguage() == QLatin1String("zh_CN"));
}

inline QString problemList(const std::vector<Problem>& problems) {
  QStringList lines;
  for (const Problem& p : problems) {
    lines << QStringLiteral("%1 %2").arg(p.severity == Severity::Fatal
                                             ? QCoreApplication::translate("ClusterShift", "[error]")
                                             : QCoreApplication::translate("ClusterShift", "[warning]"),
                                         shownProblem(p));
  }
  return lines.join(QLatin1Char('\n'));
}

/// Groups (at any depth) holding the results of scenario `name`.
inline QList<QgsLayerTreeGroup*> resultGroups(QgsLayerTreeGroup* parent, const QString& name) {
  QList<QgsLayerTreeGroup*> found;
  for (QgsLayerTreeNode* child : parent->children()) {
    if (!QgsLayerTree::isGroup(child)) continue;
    QgsLayerTreeGroup* group = QgsLayerTree::toGroup(child);
    if (group->customProperty(kScenarioProperty).toString() == name) {
      found << group;
    } else {
      found << resultGroups(group, name);
    }
  }
  return found;
}

}  // namespace clustershift::plugin
