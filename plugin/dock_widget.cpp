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
#include "clustershift_layers/layers.h"
#include "clustershift_layers/result_schema.h"
#include "sample_data.h"

namespace clustershift::plugin {

namespace {

const QString kLogTag = QStringLiteral("ClusterShift");
/// Custom property marking layers added by "Load sample data" (the plugin may restyle those).
const QString kSampleProperty = QStringLiteral("clustershift/sample");
const QString kScenarioProperty = QStringLiteral("clustershift/scenario");
const QString kGpkgProperty = QStringLiteral("clustershift/gpkg");
const QString kRoleProperty = QStringLiteral("clustershift/role");

/// Tables of a results GeoPackage loaded into the group, top to bottom; the optional ones
/// are skipped when absent. Hidden at first: catchments and region_effects (the ranking map
/// reads as before; tick them to see the catchments or the ISU-change choropleth).
struct ResultTable {
  const char* name;
  bool visible;
};
const ResultTable kResultTables[] = {
    {layers::schema::kCandidates, true},      {layers::schema::kCatchments, false},
    {layers::schema::kFlows, true},           {layers::schema::kSensitiveZones, true},
    {layers::schema::kRegionEffects, false},  {layers::schema::kRegions, true},
    {layers::schema::kEffectsTimeline, true}, {layers::schema::kCoupling, true},
};

/// Selects the first project layer called `name` that the combo accepts and that is not a
/// ClusterShift result layer; true on success. Without one, never leaves a result layer selected.
bool preselect(QgsMapLayerComboBox* combo, const QString& name) {
  const QList<QgsMapLayer*> candidates = QgsProject::instance()->mapLayersByName(name);
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

QString scenarioTitle(const Scenario& scenario, const QString& language) {
  QString title = QString::fromStdString(scenario.titleFor(language.toStdString()));
  if (title.isEmpty()) title = QString::fromStdString(scenario.name);
  if (title.isEmpty()) title = QStringLiteral("ClusterShift");
  return title;
}

QString problemList(const std::vector<Problem>& problems) {
  QStringList lines;
  for (const Problem& p : problems) {
    lines << QStringLiteral("%1 %2").arg(
        p.severity == Severity::Fatal ? QStringLiteral("[error]") : QStringLiteral("[warning]"),
        QString::fromStdString(p.text()));
  }
  return lines.join(QLatin1Char('\n'));
}

/// Groups (at any depth) holding the results of scenario `name`.
QList<QgsLayerTreeGroup*> resultGroups(QgsLayerTreeGroup* parent, const QString& name) {
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

}  // namespace

ClusterShiftDock::ClusterShiftDock(QgisInterface* iface, QWidget* parent)
    : QgsDockWidget(tr("ClusterShift"), parent), m_iface(iface) {
  setObjectName(QStringLiteral("ClusterShiftDock"));
  buildUi();
  preselect(m_data->regionCombo(), QStringLiteral("regions"));
  preselect(m_data->parkCombo(), QStringLiteral("parks"));
  preselect(m_data->zonesCombo(), QStringLiteral("sensitive_zones"));
  preselect(m_data->roadsCombo(), QStringLiteral("roads"));
  reloadPresets();
  restoreState();
  QgsProject* project = QgsProject::instance();
  connect(project, &QgsProject::layersAdded, this, &ClusterShiftDock::layersAdded);
  connect(project, &QgsProject::cleared, this, &ClusterShiftDock::projectCleared);
  connect(project, &QgsProject::readProject, this, &ClusterShiftDock::projectRead);
  connect(project, &QgsProject::writeProject, this, &ClusterShiftDock::projectWriting);
  scheduleValidation();
}

ClusterShiftDock::~ClusterShiftDock() {
  if (m_pickTool) {
    m_pickTool->stop();
    delete m_pickTool;
  }
  for (QgsTask* task : {static_cast<QgsTask*>(m_task.data()), static_cast<QgsTask*>(m_reportTask.data())}) {
    if (!task) continue;
    disconnect(task, nullptr, this, nullptr);
    task->cancel();
  }
}

void ClusterShiftDock::buildUi() {
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("tabs"));
  m_tabs->setDocumentMode(true);
  m_tabs->setUsesScrollButtons(true);

  m_data = new DataTab(m_tabs);
  m_cluster = new ClusterTab(m_tabs);
  auto* criteriaPage = new QScrollArea(m_tabs);
  criteriaPage->setObjectName(QStringLiteral("criteriaTab"));
  criteriaPage->setWidgetResizable(true);
  criteriaPage->setFrameShape(QFrame::NoFrame);
  auto* criteriaContent = new QWidget(criteriaPage);
  auto* criteriaLayout = new QVBoxLayout(criteriaContent);
  m_criteria = new CriteriaPanel(criteriaContent);
  criteriaLayout->addWidget(m_criteria);
  criteriaLayout->addStretch(1);
  criteriaPage->setWidget(criteriaContent);
  m_run = new RunTab(m_tabs);

  m_tabs->addTab(m_data, QgsApplication::getThemeIcon(QStringLiteral("/mActionAddLayer.svg")), tr("Data"));
  m_tabs->addTab(m_cluster, tr("Cluster"));
  m_tabs->addTab(criteriaPage, tr("Criteria"));
  m_tabs->addTab(m_run, QgsApplication::getThemeIcon(QStringLiteral("/mActionStart.svg")), tr("Run"));
  m_tabs->setTabToolTip(1, tr("Cluster and transfer mode"));
  m_tabs->setTabToolTip(3, tr("Run and results"));
  setWidget(m_tabs);
  setMinimumWidth(340);

  m_validateTimer = new QTimer(this);
  m_validateTimer->setSingleShot(true);
  m_validateTimer->setInterval(600);
  connect(m_validateTimer, &QTimer::timeout, this, &ClusterShiftDock::validateNow);

  connect(m_data, &DataTab::changed, this, &ClusterShiftDock::scheduleValidation);
  connect(m_data, &DataTab::loadSampleRequested, this, &ClusterShiftDock::loadSampleData);
  connect(m_data, &DataTab::problemActivated, this, &ClusterShiftDock::showProblemFeature);
  connect(m_run, &RunTab::parkActivated, this, &ClusterShiftDock::showResultPark);
  connect(m_cluster, &ClusterTab::changed, this, &ClusterShiftDock::scheduleValidation);
  connect(m_cluster, &ClusterTab::message, this, [this](const QString& text) {
    log(text);
    m_run->status()->setText(text);
  });
  connect(m_criteria, &CriteriaPanel::changed, this, &ClusterShiftDock::scheduleValidation);
  connect(m_cluster->pickSourceButton(), &QPushButton::clicked, this, [this] { startPick(Pick::Source); });
  connect(m_cluster->pickTemplateButton(), &QPushButton::clicked, this,
          [this] { startPick(Pick::Template); });

  connect(m_run->scenarioCombo(), qOverload<int>(&QComboBox::currentIndexChanged), this,
          &ClusterShiftDock::presetChosen);
  connect(m_run->scenarioFile(), &QgsFileWidget::fileChanged, this, [this](const QString& path) {
    if (!path.isEmpty() && path != m_scenarioPath) loadScenarioFile(path);
  });
  connect(m_run->loadButton(), &QPushButton::clicked, this, [this] {
    const QString dir = m_scenarioPath.isEmpty() ? sampleDataDir() : QFileInfo(m_scenarioPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a ClusterShift scenario"), dir,
                                                      tr("ClusterShift scenario (*.json)"));
    if (!path.isEmpty()) loadScenarioFile(path);
  });
  connect(m_run->saveButton(), &QPushButton::clicked, this, [this] {
    const QString suggested = QDir(outputFolder())
                                  .absoluteFilePath(QStringLiteral("%1.json").arg(QString::fromStdString(
                                      m_base.name.empty() ? "scenario" : m_base.name)));
    QString path = QFileDialog::getSaveFileName(this, tr("Save the ClusterShift scenario"), suggested,
                                                tr("ClusterShift scenario (*.json)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) path += QStringLiteral(".json");
    saveScenarioFile(path);
  });
  connect(m_run->runButton(), &QPushButton::clicked, this, &ClusterShiftDock::runScenario);
  connect(m_run->cancelButton(), &QPushButton::clicked, this, &ClusterShiftDock::cancelRun);
  connect(m_run->compareButton(), &QPushButton::clicked, this, &ClusterShiftDock::compareModes);
  connect(m_run->reportButton(), &QPushButton::clicked, this, &ClusterShiftDock::printReport);
  if (QLineEdit* edit = m_run->outputDir()->lineEdit()) edit->setPlaceholderText(defaultOutputFolder());
}

// ---- scenario -----------------------------------------------------------------------------

void ClusterShiftDock::reloadPresets() {
  QComboBox* combo = m_run->scenarioCombo();
  {
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(tr("(scenario file below)"), QString());
  }
  const QVector<ScenarioEntry> presets = presetScenarios(uiLanguage());
  {
    const QSignalBlocker blocker(combo);
    for (const ScenarioEntry& entry : presets) {
      combo->addItem(entry.title, entry.path);
      combo->setItemData(combo->count() - 1, QDir::toNativeSeparators(entry.path), Qt::ToolTipRole);
    }
  }
  if (!presets.isEmpty() && m_scenarioPath.isEmpty()) {
    // Prefer the scenario the open project was written for (<scenario>.qgz), else the first.
    const QString projectStem = QFileInfo(QgsProject::instance()->fileName()).completeBaseName();
    int chosen = 0;
    for (int i = 0; i < presets.size(); ++i) {
      if (!projectStem.isEmpty() && presets[i].name == projectStem) chosen = i;
    }
    combo->setCurrentIndex(chosen + 1);  // loads it
  }
}

void ClusterShiftDock::presetChosen(int index) {
  const QString path = m_run->scenarioCombo()->itemData(index).toString();
  if (!path.isEmpty()) loadScenarioFile(path);
}

bool ClusterShiftDock::loadScenarioFile(const QString& path) {
  auto showPath = [this, &path] {
    const QSignalBlocker b1(m_run->scenarioFile()), b2(m_run->scenarioCombo());
    m_run->scenarioFile()->setFilePath(path);
    m_run->scenarioCombo()->setCurrentIndex(std::max(0, m_run->scenarioCombo()->findData(path)));
  };
  m_scenarioPath = path;
  showPath();
  try {
    const Scenario scenario = loadScenario(QFile::encodeName(path).toStdString());
    m_loadError.clear();
    m_loadProblems.clear();
    applyScenario(scenario);
    log(tr("Scenario loaded: %1").arg(QDir::toNativeSeparators(path)));
    m_run->status()->setText(tr("Scenario “%1” loaded. Check the tabs, then press Run.")
                                 .arg(scenarioTitle(scenario, uiLanguage())));
    return true;
  } catch (const ValidationError& e) {
    m_loadError = tr("The scenario %1 has problems").arg(QFileInfo(path).fileName());
    m_loadProblems = e.problems();
  } catch (const std::exception& e) {
    m_loadError =
        tr("Cannot read the scenario %1: %2").arg(QFileInfo(path).fileName(), QString::fromUtf8(e.what()));
    m_loadProblems.clear();
  } catch (...) {
    m_loadError = tr("Cannot read the scenario %1: unknown internal error").arg(QFileInfo(path).fileName());
    m_loadProblems.clear();
  }
  showError(m_loadError, m_loadProblems);
  scheduleValidation();
  return false;
}

bool ClusterShiftDock::saveScenarioFile(const QString& path) {
  try {
    Scenario scenario = currentScenario();
    if (scenario.name.empty()) scenario.name = QFileInfo(path).completeBaseName().toStdString();
    nlohmann::json json = toJson(scenario);
    // Data paths relative to the scenario file, as in the sample scenarios, so the folder can move.
    const QDir folder = QFileInfo(path).absoluteDir();
    if (json.contains("data") && json["data"].is_object()) {
      for (auto& [key, source] : json["data"].items()) {
        if (!source.is_object() || !source.contains("path") || !source["path"].is_string()) continue;
        const QString file = QString::fromStdString(source["path"].get<std::string>());
        if (!QFileInfo(file).isAbsolute()) continue;
        // Relative when close by (the sample layout: scenarios/ next to the data); absolute otherwise.
        const QString relative = folder.relativeFilePath(file);
        if (relative.count(QStringLiteral("../")) <= 2) source["path"] = relative.toStdString();
      }
    }
    const std::string text = json.dump(2) + "\n";
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), static_cast<qint64>(text.size())) != static_cast<qint64>(text.size()) ||
        !file.commit()) {
      showError(
          tr("Cannot write the scenario %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
      return false;
    }
  } catch (const std::exception& e) {
    showError(tr("Cannot save the scenario: %1").arg(QString::fromUtf8(e.what())));
    return false;
  }
  m_scenarioPath = path;
  {
    const QSignalBlocker blocker(m_run->scenarioFile());
    m_run->scenarioFile()->setFilePath(path);
  }
  log(tr("Scenario saved: %1").arg(QDir::toNativeSeparators(path)), Qgis::MessageLevel::Success);
  m_run->status()->setText(tr("Scenario saved: %1").arg(QDir::toNativeSeparators(path)));
  return true;
}

void ClusterShiftDock::applyScenario(const Scenario& scenario) {
  m_base = scenario;
  m_hasBase = true;
  m_data->setScenario(scenario);
  m_cluster->setScenario(scenario);
  m_criteria->setScenario(scenario);
  m_run->setScenario(scenario);
  refreshRegionList();
  scheduleValidation();
}

Scenario ClusterShiftDock::currentScenario() const {
  Scenario scenario = m_base;
  if (!m_hasBase) scenario.name = "scenario";
  m_data->applyTo(scenario);
  m_cluster->applyTo(scenario);
  m_criteria->applyTo(scenario);
  m_run->applyTo(scenario);
  return scenario;
}

QString ClusterShiftDock::currentScenarioJson() const {
  try {
    return QString::fromStdString(toJson(currentScenario()).dump(2));
  } catch (const std::exception&) {
    return {};
  }
}

// ---- data checks ----------------------------------------------------------------------------

void ClusterShiftDock::scheduleValidation() { m_validateTimer->start(); }

void ClusterShiftDock::validateNow() {
  refreshRegionList();
  if (!m_loadError.isEmpty()) {
    if (m_loadProblems.empty()) {
      m_data->setProblems({Problem{Severity::Fatal, "", m_loadError.toStdString(), {}}});
    } else {
      m_data->setProblems(m_loadProblems);
    }
    return;
  }
  QgsVectorLayer* regions = m_data->regionLayer();
  QgsVectorLayer* parks = m_data->parkLayer();
  if (!regions || !parks) {
    m_data->setProblems({}, tr("Choose a region layer and a park layer (or press “Load sample data”)."));
    return;
  }
  try {
    const Scenario scenario = currentScenario();
    Feedback feedback;
    const Inputs inputs = layers::inputsFromLayers(regions, parks, scenario, feedback);
    std::vector<Problem> problems = validate(scenario, inputs);
    m_data->setProblems(problems);
  } catch (const ValidationError& e) {
    m_data->setProblems(e.problems());
  } catch (const std::exception& e) {
    m_data->setProblems({Problem{Severity::Fatal, "", e.what(), {}}});
  } catch (...) {
    m_data->setProblems({Problem{Severity::Fatal, "", "unknown internal error", {}}});
  }
}

void ClusterShiftDock::refreshRegionList() {
  std::vector<std::pair<QString, QString>> regions;
  if (QgsVectorLayer* layer = m_data->regionLayer()) {
    const bool zh = uiLanguage() == QLatin1String("zh_CN");
    QString idField = m_data->regionField("id");
    if (idField.isEmpty()) idField = QStringLiteral("id");
    const QString nameField = m_data->regionField(zh ? "name_zh" : "name");
    const int idIndex = layer->fields().lookupField(idField);
    const int nameIndex = nameField.isEmpty() ? -1 : layer->fields().lookupField(nameField);
    if (idIndex >= 0) {
      QgsFeatureRequest request;
      request.setFlags(QgsFeatureRequest::NoGeometry);
      QgsFeatureIterator it = layer->getFeatures(request);
      QgsFeature feature;
      while (it.nextFeature(feature)) {
        const QString id = feature.attribute(idIndex).toString();
        if (id.isEmpty()) continue;
        const QString name = nameIndex >= 0 ? feature.attribute(nameIndex).toString() : QString();
        regions.emplace_back(id, name.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(name, id));
      }
      std::sort(regions.begin(), regions.end(),
                [](const auto& a, const auto& b) { return a.second < b.second; });
    }
  }
  m_cluster->setRegions(regions);
}

// ---- map picks ------------------------------------------------------------------------------

void ClusterShiftDock::startPick(Pick what) {
  QgsVectorLayer* layer = what == Pick::Source ? m_data->regionLayer() : m_data->parkLayer();
  QgsMapCanvas* canvas = m_iface ? m_iface->mapCanvas() : nullptr;
  if (!layer || !canvas) {
    showError(what == Pick::Source ? tr("Choose a region layer on the Data tab first.")
                                   : tr("Choose a park layer on the Data tab first."));
    return;
  }
  if (!m_pickTool) {
    m_pickTool = new PickTool(canvas);
    m_pickTool->setObjectName(QStringLiteral("ClusterShiftPickTool"));
    connect(m_pickTool, &PickTool::picked, this, &ClusterShiftDock::picked);
  }
  m_pick = what;
  m_pickTool->start(layer);
  const QString text = what == Pick::Source ? tr("Click the source region on the map (Esc cancels).")
                                            : tr("Click the template park on the map (Esc cancels).");
  m_run->status()->setText(text);
  if (m_iface->messageBar()) m_iface->messageBar()->pushInfo(tr("ClusterShift"), text);
}

void ClusterShiftDock::showProblemFeature(const QString& featureId) {
  QgsMapCanvas* canvas = m_iface ? m_iface->mapCanvas() : nullptr;
  const std::pair<QgsVectorLayer*, QString> candidates[] = {
      {m_data->parkLayer(), m_data->parkField("id")}, {m_data->regionLayer(), m_data->regionField("id")}};
  for (const auto& [layer, idField] : candidates) {
    if (!layer || !canvas) continue;
    const QString field = idField.isEmpty() ? QStringLiteral("id") : idField;
    if (layer->fields().lookupField(field) < 0) continue;
    QgsFeatureRequest request(QgsExpression(QStringLiteral("%1 = %2").arg(
        QgsExpression::quotedColumnRef(field), QgsExpression::quotedValue(featureId))));
    request.setNoAttributes();
    QgsFeatureIds ids;
    QgsFeatureIterator it = layer->getFeatures(request);
    QgsFeature feature;
    while (it.nextFeature(feature)) ids.insert(feature.id());
    if (ids.isEmpty()) continue;
    layer->selectByIds(ids);
    canvas->zoomToSelected(layer);
    canvas->flashFeatureIds(layer, ids);
    m_run->status()->setText(tr("Feature %1 selected in %2.").arg(featureId, layer->name()));
    return;
  }
  m_run->status()->setText(tr("No park or region with the id %1.").arg(featureId));
}

void ClusterShiftDock::showResultPark(const QString& parkId) {
  QgsMapCanvas* canvas = m_iface ? m_iface->mapCanvas() : nullptr;
  if (!canvas || parkId.isEmpty()) return;
  for (QgsMapLayer* layer : QgsProject::instance()->mapLayers()) {
    auto* candidates = qobject_cast<QgsVectorLayer*>(layer);
    if (!candidates ||
        layer->customProperty(kRoleProperty).toString() != QLatin1String(layers::schema::kCandidates) ||
        !layer->source().startsWith(m_gpkg + QLatin1Char('|')))
      continue;
    QgsFeatureRequest request(
        QgsExpression(QStringLiteral("\"id\" = %1").arg(QgsExpression::quotedValue(parkId))));
    request.setNoAttributes();
    QgsFeatureIds ids;
    QgsFeatureIterator it = candidates->getFeatures(request);
    QgsFeature feature;
    while (it.nextFeature(feature)) ids.insert(feature.id());
    if (ids.isEmpty()) continue;
    candidates->selectByIds(ids);
    canvas->zoomToSelected(candidates);
    canvas->zoomScale(std::max(canvas->scale(), 1500000.0));  // a point: keep its surroundings in view
    canvas->flashFeatureIds(candidates, ids);
    return;
  }
}

void ClusterShiftDock::picked(const QgsFeature& feature) {
  QString field = m_pick == Pick::Source ? m_data->regionField("id") : m_data->parkField("id");
  if (field.isEmpty()) field = QStringLiteral("id");
  const QString id = feature.attribute(field).toString();
  if (id.isEmpty()) {
    showError(tr("The picked feature has no “%1” value.").arg(field));
    return;
  }
  if (m_pick == Pick::Source) {
    m_cluster->setSourceRegion(id);
    log(tr("Source region picked on the map: %1").arg(id));
  } else {
    m_cluster->setTemplatePark(id);
    log(tr("Template park picked on the map: %1").arg(id));
  }
  m_run->status()->setText(tr("Picked %1.").arg(id));
}

// ---- sample data and project ----------------------------------------------------------------

void ClusterShiftDock::loadSampleData() {
  const QString dir = sampleDataDir();
  if (dir.isEmpty()) {
    showError(tr("Sample data not found: set CLUSTERSHIFT_DATA to the sample_data folder."));
    return;
  }
  QgsProject* project = QgsProject::instance();
  const bool emptyProject = project->mapLayers().isEmpty();
  QgsCoordinateReferenceSystem projectCrs;
  QList<QgsMapLayer*> added;
  // Bottom to top: each goes to the top of the layer tree.
  for (const QString& name : {QStringLiteral("regions"), QStringLiteral("sensitive_zones"),
                              QStringLiteral("roads"), QStringLiteral("parks")}) {
    const QString file = dir + QLatin1Char('/') + name + QStringLiteral(".gpkg");
    const QString source = file + QStringLiteral("|layername=") + name;
    bool present = false;
    for (QgsMapLayer* existing : project->mapLayersByName(name)) {
      if (QFileInfo(existing->source().section(QLatin1Char('|'), 0, 0)) == QFileInfo(file)) present = true;
    }
    if (present) continue;
    if (!QFileInfo::exists(file)) {
      if (name == QLatin1String("regions") || name == QLatin1String("parks")) {
        showError(tr("Sample data file missing: %1").arg(QDir::toNativeSeparators(file)));
        qDeleteAll(added);
        return;
      }
      continue;  // optional layers
    }
    auto layer = std::make_unique<QgsVectorLayer>(source, name, QStringLiteral("ogr"));
    if (!layer->isValid()) {
      showError(tr("Cannot open sample layer %1").arg(QDir::toNativeSeparators(source)));
      qDeleteAll(added);
      return;
    }
    layer->setCustomProperty(kSampleProperty, true);
    QVariantMap props;
    if (name == QLatin1String("regions")) {
      // Neutral until a run marks the source region (same colours as layers::styleRegions).
      props[QStringLiteral("color")] = QStringLiteral("#f4f1ea");
      props[QStringLiteral("outline_color")] = QStringLiteral("#b8b2a6");
      props[QStringLiteral("outline_width")] = QStringLiteral("0.15");
      layer->setRenderer(new QgsSingleSymbolRenderer(QgsFillSymbol::createSimple(props)));
    } else if (name == QLatin1String("sensitive_zones")) {
      props[QStringLiteral("color")] = QStringLiteral("120,170,90,70");
      props[QStringLiteral("outline_color")] = QStringLiteral("#5b8c3a");
      props[QStringLiteral("outline_width")] = QStringLiteral("0.2");
      layer->setRenderer(new QgsSingleSymbolRenderer(QgsFillSymbol::createSimple(props)));
    } else if (name == QLatin1String("roads")) {
      props[QStringLiteral("line_color")] = QStringLiteral("#9a8f80");
      props[QStringLiteral("line_width")] = QStringLiteral("0.2");
      layer->setRenderer(new QgsSingleSymbolRenderer(QgsLineSymbol::createSimple(props)));
    }
    added << layer.release();
  }
  if (!added.isEmpty()) {
    for (QgsMapLayer* layer : added) {
      project->addMapLayer(layer, false);
      project->layerTreeRoot()->insertLayer(0, layer);
    }
    if (emptyProject) {
      // Geographic lon/lat looks stretched at these latitudes: give a fresh project an
      // equal-area projection fitted to the sample area.
      QgsRectangle lonLat;
      lonLat.setMinimal();
      for (QgsMapLayer* layer : added) {
        try {
          const QgsCoordinateTransform toLonLat(
              layer->crs(), QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), project);
          lonLat.combineExtentWith(toLonLat.transformBoundingBox(layer->extent()));
        } catch (const QgsCsException&) {
        }
      }
      projectCrs = layers::studyAreaCrs(lonLat);
    }
    log(tr("Loaded sample data from %1").arg(QDir::toNativeSeparators(dir)));
  }
  preselect(m_data->regionCombo(), QStringLiteral("regions"));
  preselect(m_data->parkCombo(), QStringLiteral("parks"));
  preselect(m_data->zonesCombo(), QStringLiteral("sensitive_zones"));
  preselect(m_data->roadsCombo(), QStringLiteral("roads"));
  if (added.isEmpty()) return;
  // Deferred: QGIS itself sets a new project's CRS from the first layer on the next event-loop
  // pass; ours must come after it, and the zoom after the CRS.
  QStringList ids;
  for (QgsMapLayer* layer : added) ids << layer->id();
  QTimer::singleShot(0, this, [this, ids, projectCrs] {
    QgsProject* current = QgsProject::instance();
    if (projectCrs.isValid()) current->setCrs(projectCrs);
    QList<QgsMapLayer*> layers;
    for (const QString& id : ids) {
      if (QgsMapLayer* layer = current->mapLayer(id)) layers << layer;
    }
    zoomToResults(layers);
  });
}

void ClusterShiftDock::layersAdded(const QList<QgsMapLayer*>&) {
  // Fill empty pickers when suitable layers appear (e.g. added by hand).
  if (!m_data->regionLayer()) preselect(m_data->regionCombo(), QStringLiteral("regions"));
  if (!m_data->parkLayer()) preselect(m_data->parkCombo(), QStringLiteral("parks"));
}

void ClusterShiftDock::projectCleared() {
  m_results.reset();
  m_inputs.reset();
  m_gpkg.clear();
  m_run->clearResults();
  updateActions();
  if (QLineEdit* edit = m_run->outputDir()->lineEdit()) edit->setPlaceholderText(defaultOutputFolder());
}

void ClusterShiftDock::projectRead() {
  restoreState();
  if (QLineEdit* edit = m_run->outputDir()->lineEdit()) edit->setPlaceholderText(defaultOutputFolder());
}

void ClusterShiftDock::projectWriting(QDomDocument&) {
  if (!m_hasBase) return;
  ProjectState state;
  state.scenarioJson = currentScenarioJson();
  if (state.scenarioJson.isEmpty()) state.scenarioJson = QString::fromStdString(toJson(m_base).dump());
  state.scenarioFile = m_scenarioPath;
  auto id = [](const QgsMapLayer* layer) { return layer ? layer->id() : QString(); };
  state.regionLayerId = id(m_data->regionLayer());
  state.parkLayerId = id(m_data->parkLayer());
  state.zonesLayerId = id(m_data->zonesLayer());
  state.roadsLayerId = id(m_data->roadsLayer());
  state.outputDir = m_run->outputDir()->filePath();
  state.lastGeoPackage = m_gpkg;
  state.reportLanguage = m_run->reportLanguage()->currentData().toString();
  state.paper = m_run->paper()->currentData().toString();
  // Written while the project is being saved: the entries go into this very file.
  writeProjectState(QgsProject::instance(), state);
}

void ClusterShiftDock::restoreState() {
  QgsProject* project = QgsProject::instance();
  const ProjectState state = readProjectState(project);
  if (state.isEmpty()) return;
  auto select = [project](QgsMapLayerComboBox* combo, const QString& id) {
    if (QgsMapLayer* layer = id.isEmpty() ? nullptr : project->mapLayer(id)) combo->setLayer(layer);
  };
  select(m_data->regionCombo(), state.regionLayerId);
  select(m_data->parkCombo(), state.parkLayerId);
  select(m_data->zonesCombo(), state.zonesLayerId);
  select(m_data->roadsCombo(), state.roadsLayerId);
  try {
    const QString baseDir =
        state.scenarioFile.isEmpty() ? project->absolutePath() : QFileInfo(state.scenarioFile).absolutePath();
    const Scenario scenario =
        parseScenario(nlohmann::json::parse(state.scenarioJson.toStdString()), baseDir.toStdString());
    m_loadError.clear();
    m_loadProblems.clear();
    applyScenario(scenario);
    m_scenarioPath = state.scenarioFile;
    const QSignalBlocker b1(m_run->scenarioFile()), b2(m_run->scenarioCombo());
    m_run->scenarioFile()->setFilePath(state.scenarioFile);
    m_run->scenarioCombo()->setCurrentIndex(
        std::max(0, m_run->scenarioCombo()->findData(state.scenarioFile)));
    log(tr("Scenario restored from the project"));
    m_run->status()->setText(
        tr("Scenario “%1” restored from the project.").arg(scenarioTitle(scenario, uiLanguage())));
  } catch (const std::exception& e) {
    log(tr("The project's ClusterShift scenario cannot be restored: %1").arg(QString::fromUtf8(e.what())),
        Qgis::MessageLevel::Warning);
  }
  m_run->outputDir()->setFilePath(state.outputDir);
  const int li = m_run->reportLanguage()->findData(state.reportLanguage);
  if (li >= 0) m_run->reportLanguage()->setCurrentIndex(li);
  const int pi = m_run->paper()->findData(state.paper);
  if (pi >= 0) m_run->paper()->setCurrentIndex(pi);
  m_gpkg = QFileInfo::exists(state.lastGeoPackage) ? state.lastGeoPackage : QString();
  showStoredResults();
  updateActions();
}

void ClusterShiftDock::showStoredResults() {
  m_run->clearResults();
  if (m_gpkg.isEmpty()) return;
  try {
    const nlohmann::json info = layers::readRunInfo(m_gpkg);
    int k = 5;
    if (info.contains("robustness") && info["robustness"].is_object()) k = info["robustness"].value("k", 5);
    QgsVectorLayer layer(m_gpkg + QStringLiteral("|layername=candidate_scores"),
                         layers::schema::name(layers::schema::kCandidates), QStringLiteral("ogr"));
    if (layer.isValid()) {
      const bool zh = uiLanguage() == QLatin1String("zh_CN");
      QgsFeatureRequest request;
      request.setFilterExpression(QStringLiteral("\"status\" = 'ok' AND \"rank\" > 0"));
      request.addOrderBy(QStringLiteral("rank"));
      request.setLimit(10);
      request.setFlags(QgsFeatureRequest::NoGeometry);
      QVector<RunTab::SummaryRow> rows;
      QgsFeatureIterator it = layer.getFeatures(request);
      QgsFeature f;
      auto number = [&f](const char* field) {
        const QVariant v = f.attribute(QLatin1String(field));
        bool ok = false;
        const double d = v.toDouble(&ok);
        return v.isNull() || !ok ? std::nan("") : d;
      };
      // Chinese region names from the GeoPackage's regions table (candidate_scores has the English ones).
      QMap<QString, QString> regionZh;
      if (zh) {
        QgsVectorLayer regions(m_gpkg + QStringLiteral("|layername=regions"), QStringLiteral("regions"),
                               QStringLiteral("ogr"));
        if (regions.isValid() && regions.fields().lookupField(QStringLiteral("name_zh")) >= 0) {
          QgsFeatureRequest regionRequest;
          regionRequest.setFlags(QgsFeatureRequest::NoGeometry);
          QgsFeatureIterator regionIt = regions.getFeatures(regionRequest);
          QgsFeature rf;
          while (regionIt.nextFeature(rf))
            regionZh.insert(rf.attribute(QStringLiteral("id")).toString(),
                            rf.attribute(QStringLiteral("name_zh")).toString());
        }
      }
      while (it.nextFeature(f)) {
        RunTab::SummaryRow row;
        row.rank = f.attribute(QStringLiteral("rank")).toInt();
        row.parkId = f.attribute(QStringLiteral("id")).toString();
        const QString nameZh = f.attribute(QStringLiteral("name_zh")).toString();
        row.park = zh && !nameZh.isEmpty() ? nameZh : f.attribute(QStringLiteral("name")).toString();
        row.region = regionZh.value(f.attribute(QStringLiteral("region_id")).toString());
        if (row.region.isEmpty()) row.region = f.attribute(QStringLiteral("region")).toString();
        row.score = number("score");
        row.pTopK = number("p_topk");
        rows << row;
      }
      m_run->showSummary(rows, k);
    }
    if (info.contains("mode_comparison") && info["mode_comparison"].is_object()) {
      const nlohmann::json& comparison = info["mode_comparison"];
      m_run->showComparison(comparison.at("columns").get<std::vector<std::string>>(),
                            comparison.at("rows").get<std::vector<std::vector<std::string>>>());
    }
  } catch (const std::exception& e) {
    log(tr("The last results cannot be shown: %1").arg(QString::fromUtf8(e.what())),
        Qgis::MessageLevel::Warning);
  }
}

// ---- run ------------------------------------------------------------------------------------

QString ClusterShiftDock::defaultOutputFolder() const {
  const QString projectFile = QgsProject::instance()->fileName();
  if (!projectFile.isEmpty())
    return QFileInfo(projectFile).absolutePath() + QStringLiteral("/clustershift_results");
  return QDir::homePath() + QStringLiteral("/ClusterShift");
}

QString ClusterShiftDock::outputFolder() const {
  const QString chosen = m_run->outputDir()->filePath();
  return chosen.isEmpty() ? defaultOutputFolder() : chosen;
}

QString ClusterShiftDock::reportLanguage() const {
  const QString chosen = m_run->reportLanguage()->currentData().toString();
  if (!chosen.isEmpty()) return chosen;
  if (m_results) return QString::fromStdString(m_results->scenario.report.language);
  if (m_hasBase) return QString::fromStdString(m_base.report.language);
  return QStringLiteral("zh_CN");
}

void ClusterShiftDock::runScenario() {
  if (m_task) {
    showError(tr("A run is already in progress."));
    return;
  }
  if (!m_loadError.isEmpty()) {
    showError(m_loadError, m_loadProblems);
    return;
  }
  QgsVectorLayer* regions = m_data->regionLayer();
  QgsVectorLayer* parks = m_data->parkLayer();
  if (!regions || !parks) {
    showError(tr("Choose a region layer and a park layer (or press “Load sample data”)."));
    return;
  }
  if (!m_hasBase) {
    showError(tr("Choose a scenario file or a sample scenario."));
    return;
  }

  m_run->logView()->clear();
  if (!m_scenarioPath.isEmpty()) log(tr("Scenario %1").arg(QDir::toNativeSeparators(m_scenarioPath)));
  try {
    Scenario scenario = currentScenario();
    if (const QString encoding = m_data->encoding(); !encoding.isEmpty()) {
      // QGIS layers decode attributes themselves: shapefile layers take the chosen encoding.
      for (QgsVectorLayer* layer : {regions, parks}) {
        if (layer->providerType() == QLatin1String("ogr") &&
            layer->source()
                .section(QLatin1Char('|'), 0, 0)
                .endsWith(QLatin1String(".shp"), Qt::CaseInsensitive) &&
            layer->dataProvider() && layer->dataProvider()->encoding() != encoding) {
          layer->setProviderEncoding(encoding);
          log(tr("Layer %1: attribute encoding set to %2").arg(layer->name(), encoding));
        }
      }
    }
    log(tr("Mode %1; criteria: %2 enabled of %3; weighting %4, aggregation %5")
            .arg(QString::fromStdString(toString(scenario.mode)))
            .arg(std::count_if(scenario.criteria.begin(), scenario.criteria.end(),
                               [](const CriterionSpec& c) { return c.enabled; }))
            .arg(scenario.criteria.size())
            .arg(QString::fromStdString(scenario.weighting.method),
                 QString::fromStdString(scenario.aggregation)));
    Feedback readFeedback;
    // Read on the main thread: layer providers are not thread safe.
    auto inputs =
        std::make_shared<const Inputs>(layers::inputsFromLayers(regions, parks, scenario, readFeedback));
    for (const Problem& warning : readFeedback.warnings()) {
      log(QString::fromStdString(warning.text()), Qgis::MessageLevel::Warning);
    }
    const QString title = scenarioTitle(scenario, uiLanguage());
    log(tr("Layers: %1 (%2 features), %3 (%4 features)")
            .arg(regions->name())
            .arg(regions->featureCount())
            .arg(parks->name())
            .arg(parks->featureCount()));
    const QString outDir = outputFolder();
    log(tr("Output folder: %1").arg(QDir::toNativeSeparators(outDir)));
    auto* task = new RunTask(std::move(scenario), inputs, outDir, tr("ClusterShift: %1").arg(title));
    m_pendingInputs = inputs;
    connect(task, &RunTask::completed, this,
            [this](RunOutcome* outcome) { taskCompleted(outcome, static_cast<int>(RunTask::Job::Run)); });
    connect(task, &QgsTask::progressChanged, this, &ClusterShiftDock::taskProgress);
    // A task cancelled while still queued may be deleted without finishing: reset the UI then.
    connect(task, &QObject::destroyed, this, [this] {
      if (!m_run->runButton()->isEnabled()) {
        setRunning(false);
        m_run->status()->setText(tr("Run stopped."));
      }
    });
    m_task = task;
    setRunning(true);
    m_run->status()->setText(tr("Running “%1”…").arg(title));
    QgsApplication::taskManager()->addTask(task);
  } catch (const ValidationError& e) {
    showError(tr("The scenario or the data have problems"), e.problems());
  } catch (const IoError& e) {
    showError(tr("Cannot read input: %1").arg(QString::fromStdString(e.what())));
  } catch (const std::exception& e) {
    showError(tr("Cannot start the run: %1").arg(QString::fromStdString(e.what())));
  } catch (...) {
    showError(tr("Cannot start the run: unknown internal error"));
  }
}

void ClusterShiftDock::compareModes() {
  if (m_task) {
    showError(tr("A run is already in progress."));
    return;
  }
  if (!m_results || !m_inputs) {
    showError(tr("Run a scenario first: the comparison uses its ranking."));
    return;
  }
  const QString title = scenarioTitle(m_results->scenario, uiLanguage());
  auto* task =
      new RunTask(*m_results, m_inputs, outputFolder(), tr("ClusterShift: compare modes, %1").arg(title));
  connect(task, &RunTask::completed, this, [this](RunOutcome* outcome) {
    taskCompleted(outcome, static_cast<int>(RunTask::Job::CompareModes));
  });
  connect(task, &QgsTask::progressChanged, this, &ClusterShiftDock::taskProgress);
  connect(task, &QObject::destroyed, this, [this] {
    if (!m_run->runButton()->isEnabled()) setRunning(false);
  });
  m_task = task;
  setRunning(true);
  m_run->status()->setText(tr("Comparing complete, partial and replication for “%1”…").arg(title));
  log(tr("Comparing the modes"));
  QgsApplication::taskManager()->addTask(task);
}

void ClusterShiftDock::cancelRun() {
  if (m_task) {
    // A queued task finishes synchronously inside cancel(): set the text first so that the
    // completion handler's "Run cancelled." wins.
    m_run->status()->setText(tr("Cancelling…"));
    m_task->cancel();
  }
}

void ClusterShiftDock::taskProgress(double percent) {
  m_run->progress()->setValue(static_cast<int>(percent));
}

void ClusterShiftDock::setRunning(bool running) {
  m_run->runButton()->setEnabled(!running);
  m_run->cancelButton()->setEnabled(running);
  m_run->progress()->setVisible(running);
  m_run->progress()->setValue(0);
  updateActions();
}

void ClusterShiftDock::updateActions() {
  const bool busy = static_cast<bool>(m_task);
  m_run->compareButton()->setEnabled(!busy && m_results && m_inputs);
  m_run->reportButton()->setEnabled(!busy && !m_reportTask && !m_gpkg.isEmpty());
}

void ClusterShiftDock::taskCompleted(RunOutcome* outcome, int job) {
  m_task = nullptr;
  setRunning(false);
  const bool comparing = job == static_cast<int>(RunTask::Job::CompareModes);
  try {
    log(tr("Task finished after %1 ms").arg(outcome->elapsedMs));
    if (outcome->results) {
      if (!comparing) m_inputs = m_pendingInputs;
      m_pendingInputs.reset();
      m_results = std::move(outcome->results);
      m_gpkg = outcome->geopackage;
      log(tr("Results written: %1").arg(QDir::toNativeSeparators(m_gpkg)));
      addResultGroup(m_gpkg, m_results->scenario);
      const QString title = scenarioTitle(m_results->scenario, uiLanguage());
      if (comparing) {
        if (m_results->modeComparison) m_run->showComparison(*m_results->modeComparison);
        const QString text =
            tr("%1: the three modes compared; the next report includes the comparison.").arg(title);
        log(text, Qgis::MessageLevel::Success);
        m_run->status()->setText(text);
        m_iface->messageBar()->pushSuccess(tr("ClusterShift"), text);
      } else {
        m_run->showSummary(*m_results, m_inputs.get());
        int ok = 0;
        for (const ParkResult& park : m_results->parks) ok += park.status == "ok" ? 1 : 0;
        const int excluded = static_cast<int>(m_results->parks.size()) - ok;
        QString best;
        const std::vector<int> ranking = m_results->ranking();
        if (!ranking.empty() && m_results->parks[static_cast<size_t>(ranking.front())].status == "ok") {
          const ParkResult& top = m_results->parks[static_cast<size_t>(ranking.front())];
          best = QString::fromStdString(
              uiLanguage() == QLatin1String("zh_CN") && !top.nameZh.empty() ? top.nameZh : top.name);
        }
        for (const Problem& warning : m_results->warnings) {
          log(QString::fromStdString(warning.text()), Qgis::MessageLevel::Warning);
        }
        const QString summary = tr("%1: %2 parks ranked, %3 excluded%4.")
                                    .arg(title)
                                    .arg(ok)
                                    .arg(excluded)
                                    .arg(best.isEmpty() ? QString() : tr("; best host: %1").arg(best));
        log(summary, Qgis::MessageLevel::Success);
        m_run->status()->setText(summary + QLatin1Char(' ') + tr("Press “Print report…” for the PDF."));
        m_iface->messageBar()->pushSuccess(tr("ClusterShift"), summary);
      }
    } else if (outcome->cancelled) {
      m_pendingInputs.reset();
      m_run->status()->setText(tr("Run cancelled."));
      log(tr("Run cancelled"), Qgis::MessageLevel::Warning);
      m_iface->messageBar()->pushMessage(tr("ClusterShift"), tr("Run cancelled."),
                                         Qgis::MessageLevel::Warning);
    } else {
      m_pendingInputs.reset();
      showError(outcome->problems.empty() ? tr("Run failed: %1").arg(outcome->error)
                                          : tr("Run failed: the scenario or the data have problems"),
                outcome->problems);
    }
  } catch (const std::exception& e) {
    showError(tr("Cannot add the result layers: %1").arg(QString::fromStdString(e.what())));
  } catch (...) {
    showError(tr("Cannot add the result layers: unknown internal error"));
  }
  updateActions();
}

void ClusterShiftDock::addResultGroup(const QString& geopackage, const Scenario& scenario) {
  QgsProject* project = QgsProject::instance();
  QgsLayerTree* root = project->layerTreeRoot();
  const QString name = QString::fromStdString(scenario.name);
  // A re-run replaces the previous results of the same scenario, in place; other groups stay.
  QgsLayerTreeGroup* parent = root;
  int position = 0;
  const QList<QgsLayerTreeGroup*> old = resultGroups(root, name);
  for (int i = 0; i < old.size(); ++i) {
    QgsLayerTreeGroup* group = old[i];
    auto* groupParent = qobject_cast<QgsLayerTreeGroup*>(group->parent());
    if (!groupParent) continue;
    if (i == 0) {
      parent = groupParent;
      position = static_cast<int>(groupParent->children().indexOf(group));
    }
    const QStringList ids = group->findLayerIds();
    groupParent->removeChildNode(group);
    project->removeMapLayers(ids);
  }
  // Earlier results of other scenarios stay, hidden and collapsed, so that the maps do not overlap.
  std::function<void(QgsLayerTreeGroup*)> hideOthers = [&](QgsLayerTreeGroup* g) {
    for (QgsLayerTreeNode* child : g->children()) {
      if (!QgsLayerTree::isGroup(child)) continue;
      QgsLayerTreeGroup* other = QgsLayerTree::toGroup(child);
      if (other->customProperty(kScenarioProperty).isValid()) {
        other->setItemVisibilityChecked(false);
        other->setExpanded(false);
      } else {
        hideOthers(other);
      }
    }
  };
  hideOthers(root);
  const QString title = scenarioTitle(scenario, uiLanguage());
  QgsLayerTreeGroup* group = parent->insertGroup(
      std::max(0, position), QStringLiteral("%1 – %2").arg(title, QDateTime::currentDateTime().toString(
                                                                      QStringLiteral("yyyy-MM-dd HH:mm"))));
  group->setCustomProperty(kScenarioProperty, name);
  group->setCustomProperty(kGpkgProperty, geopackage);

  QList<QgsMapLayer*> added;
  QgsVectorLayer::LayerOptions options(project->transformContext());
  for (const ResultTable& table : kResultTables) {
    const QString tableName = QString::fromLatin1(table.name);
    // Styles come from the GeoPackage (layer_styles, loaded as the default style).
    auto layer = std::make_unique<QgsVectorLayer>(geopackage + QStringLiteral("|layername=") + tableName,
                                                  tableName, QStringLiteral("ogr"), options);
    if (!layer->isValid()) continue;  // optional table not written for this run
    layer->setCustomProperty(kRoleProperty, tableName);
    QgsVectorLayer* raw = layer.release();
    project->addMapLayer(raw, false);
    QgsLayerTreeLayer* node = group->addLayer(raw);
    if (node) {
      node->setItemVisibilityChecked(table.visible);
      node->setExpanded(table.visible && raw->isSpatial());
    }
    if (raw->isSpatial()) added << raw;
  }
  group->setExpanded(true);
  // The layer tree view picks up new nodes on the next event-loop pass; expand them there so the
  // legend (score classes, flows) is visible right away.
  QStringList ids;
  for (QgsMapLayer* layer : added) ids << layer->id();
  QTimer::singleShot(0, this, [this, ids] {
    QgsLayerTreeView* view = m_iface ? m_iface->layerTreeView() : nullptr;
    if (!view) return;
    for (const QString& id : ids) {
      QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(id);
      if (!node) continue;
      if (!node->isVisible()) {
        // Hidden at first (region_effects, catchments): keep their long legends folded.
        node->setExpanded(false);
        view->setExpanded(view->node2index(node), false);
        continue;
      }
      for (QgsLayerTreeNode* n = node; n && n != QgsProject::instance()->layerTreeRoot(); n = n->parent()) {
        view->setExpanded(view->node2index(n), true);
      }
    }
  });
  QList<QgsMapLayer*> zoomTo;
  for (QgsMapLayer* layer : added) {
    const QString role = layer->customProperty(kRoleProperty).toString();
    if (role == QLatin1String(layers::schema::kCandidates) || role == QLatin1String(layers::schema::kFlows))
      zoomTo << layer;
  }
  zoomToResults(zoomTo);
}

void ClusterShiftDock::zoomToResults(const QList<QgsMapLayer*>& layers) {
  QgsMapCanvas* canvas = m_iface ? m_iface->mapCanvas() : nullptr;
  if (!canvas) return;
  QgsRectangle extent;
  extent.setMinimal();
  for (QgsMapLayer* layer : layers) {
    try {
      const QgsCoordinateTransform transform(layer->crs(), canvas->mapSettings().destinationCrs(),
                                             QgsProject::instance());
      extent.combineExtentWith(transform.transformBoundingBox(layer->extent()));
    } catch (const QgsCsException&) {
      // Leave this layer out of the zoom rather than fail.
    }
  }
  if (extent.isNull() || extent.isEmpty()) return;
  extent.scale(1.1);
  canvas->setExtent(extent);
  canvas->refresh();
}

// ---- report ---------------------------------------------------------------------------------

void ClusterShiftDock::printReport() {
  if (m_gpkg.isEmpty() || !QFileInfo::exists(m_gpkg)) {
    showError(tr("Run a scenario first."));
    return;
  }
  if (m_reportTask) {
    showError(tr("A report is already being written."));
    return;
  }
  layers::ReportOptions options;
  options.language = reportLanguage();
  options.paper = m_run->paper()->currentData().toString();
  options.topN = m_run->topN();
  options.author = QString::fromStdString(m_hasBase ? m_base.report.author : std::string());
  const QString stem = QFileInfo(m_gpkg).completeBaseName();
  QString path = qEnvironmentVariable("CLUSTERSHIFT_REPORT_PATH");
  if (path.isEmpty()) {
    QgsSettings settings;
    const QString dir =
        settings.value(QStringLiteral("ClusterShift/lastReportDir"), outputFolder()).toString();
    const QString suggested = QStringLiteral("%1/%2_report_%3.pdf").arg(dir, stem, options.language);
    path =
        QFileDialog::getSaveFileName(this, tr("Save the ClusterShift report"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) path += QStringLiteral(".pdf");
    settings.setValue(QStringLiteral("ClusterShift/lastReportDir"), QFileInfo(path).absolutePath());
  }
  auto reportWritten = [this](const QString& pdf, int pages) {
    const QString native = QDir::toNativeSeparators(QFileInfo(pdf).absoluteFilePath());
    const QString text = pages > 0 ? tr("Report written (%n page(s)): %1", nullptr, pages).arg(native)
                                   : tr("Report written: %1").arg(native);
    log(text, Qgis::MessageLevel::Success);
    m_run->status()->setText(text);
    const QString link =
        QStringLiteral("<a href=\"%1\">%2</a>")
            .arg(QUrl::fromLocalFile(QFileInfo(pdf).absoluteFilePath()).toString(), native.toHtmlEscaped());
    m_iface->messageBar()->pushItem(new QgsMessageBarItem(
        tr("ClusterShift"), tr("Report written: %1").arg(link), Qgis::MessageLevel::Success, 15));
  };
  // The layouts go into the project (editable, re-exportable); same-named ones are replaced.
  try {
    const layers::ReportSource source = layers::openReportSource(QgsProject::instance(), m_gpkg);
    std::vector<std::unique_ptr<QgsPrintLayout>> layouts = layers::buildReportLayouts(source, options);
    QgsLayoutManager* manager = QgsProject::instance()->layoutManager();
    for (std::unique_ptr<QgsPrintLayout>& layout : layouts) {
      if (QgsMasterLayoutInterface* old = manager->layoutByName(layout->name())) manager->removeLayout(old);
      manager->addLayout(layout.release());
    }
    log(tr("Report layouts added to the project (%1)").arg(layouts.size()));
  } catch (const std::exception& e) {
    log(tr("The report layouts could not be added to the project: %1").arg(QString::fromUtf8(e.what())),
        Qgis::MessageLevel::Warning);
  }
  auto* task =
      new ReportTask(m_gpkg, path, options, tr("ClusterShift: report %1").arg(QFileInfo(path).fileName()));
  connect(task, &ReportTask::completed, this,
          [this, reportWritten](bool ok, const QString& pdf, int pages, const QString& error) {
            m_reportTask = nullptr;
            m_run->progress()->setVisible(false);
            updateActions();
            if (ok) {
              reportWritten(pdf, pages);
            } else if (error.isEmpty()) {
              m_run->status()->setText(tr("Report cancelled."));
            } else {
              showError(tr("Cannot write the report: %1").arg(error));
            }
          });
  connect(task, &QgsTask::progressChanged, this, [this](double percent) {
    m_run->progress()->setVisible(percent < 100);
    m_run->progress()->setValue(static_cast<int>(percent));
  });
  m_reportTask = task;
  updateActions();
  m_run->status()->setText(tr("Writing the report…"));
  QgsApplication::taskManager()->addTask(task);
}

// ---- messages -------------------------------------------------------------------------------

void ClusterShiftDock::showError(const QString& summary, const std::vector<Problem>& problems) {
  int fatal = 0;
  for (const Problem& p : problems) fatal += p.severity == Severity::Fatal ? 1 : 0;
  QString text = summary;
  if (!problems.empty()) {
    const auto first = std::find_if(problems.begin(), problems.end(),
                                    [](const Problem& p) { return p.severity == Severity::Fatal; });
    const Problem& shown = first != problems.end() ? *first : problems.front();
    text = tr("%1 (%n error(s)): %2", nullptr, fatal).arg(summary, QString::fromStdString(shown.text()));
  }
  log(summary, Qgis::MessageLevel::Critical);
  const QString details = problemList(problems);
  for (const Problem& p : problems) {
    log(QString::fromStdString(p.text()),
        p.severity == Severity::Fatal ? Qgis::MessageLevel::Critical : Qgis::MessageLevel::Warning);
  }
  m_run->status()->setText(text);
  if (!m_iface || !m_iface->messageBar()) return;
  if (details.isEmpty()) {
    m_iface->messageBar()->pushMessage(tr("ClusterShift"), text, Qgis::MessageLevel::Critical, 0);
  } else {
    m_iface->messageBar()->pushMessage(tr("ClusterShift"), text, details, Qgis::MessageLevel::Critical, 0);
  }
}

void ClusterShiftDock::log(const QString& line, Qgis::MessageLevel level) {
  QString prefix;
  switch (level) {
    case Qgis::MessageLevel::Critical:
      prefix = QStringLiteral("ERROR ");
      break;
    case Qgis::MessageLevel::Warning:
      prefix = QStringLiteral("warning ");
      break;
    default:
      break;
  }
  m_run->logView()->appendPlainText(
      QStringLiteral("%1 %2%3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), prefix, line));
  QgsMessageLog::logMessage(line, kLogTag, level);
}

}  // namespace clustershift::plugin
