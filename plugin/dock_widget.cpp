#include "dock_widget.h"  // first: brings nlohmann/json before QGIS (see run_task.h)
#include "run_task.h"
#include "criteria_panel.h"

#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsfilewidget.h>
#include <qgsguiutils.h>
#include <qgslayertreeview.h>
#include <qgslayertree.h>
#include <qgslayertreegroup.h>
#include <qgsmapcanvas.h>
#include <qgsmaplayercombobox.h>
#include <qgsmaplayerproxymodel.h>
#include <qgsmessagebar.h>
#include <qgsmessagebaritem.h>
#include <qgsmessagelog.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsfillsymbol.h>
#include <qgsvectorlayer.h>

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>
#include <QTime>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

#include "clustershift/results.h"
#include "clustershift/scenario.h"
#include "clustershift_layers/layers.h"
#include "sample_data.h"

namespace clustershift::plugin {

namespace {

const QString kLogTag = QStringLiteral("ClusterShift");
const QString kRegionsName = QStringLiteral("regions");
const QString kParksName = QStringLiteral("parks");
/// Custom property marking layers added by "Load sample data" (the plugin may restyle those).
const QString kSampleProperty = QStringLiteral("clustershift/sample");

/// Albers equal-area conic fitted to a lon/lat extent: standard parallels at 1/6 and 5/6 of
/// the latitude range (Deetz & Adams rule, Snyder 1987, "Map Projections: A Working Manual", p. 99).
/// Empty CRS when the extent is not a plausible regional lon/lat box.
QgsCoordinateReferenceSystem regionalAlbers(const QgsRectangle& lonLat) {
  if (lonLat.isEmpty() || lonLat.height() > 60 || lonLat.width() > 90 || lonLat.yMinimum() < -90 ||
      lonLat.yMaximum() > 90) {
    return {};
  }
  const double range = std::max(lonLat.height(), 2.0);
  const double mid = lonLat.center().y();
  auto half = [](double v) { return std::round(v * 2) / 2; };
  // WKT rather than a PROJ string so that the CRS carries a readable name in QGIS.
  return QgsCoordinateReferenceSystem::fromWkt(
      QStringLiteral(
          "PROJCS[\"Albers equal-area (ClusterShift study area)\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\","
          "SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],"
          "UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Albers_Conic_Equal_Area\"],"
          "PARAMETER[\"latitude_of_center\",%1],PARAMETER[\"longitude_of_center\",%2],"
          "PARAMETER[\"standard_parallel_1\",%3],PARAMETER[\"standard_parallel_2\",%4],"
          "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]")
          .arg(half(mid))
          .arg(half(lonLat.center().x()))
          .arg(half(mid - range / 3))
          .arg(half(mid + range / 3)));
}

/// Selects the first project layer called `name` that the combo accepts; true on success.
/// Without one, never leaves a ClusterShift result layer selected as an input.
bool preselect(QgsMapLayerComboBox* combo, const QString& name) {
  const QList<QgsMapLayer*> candidates = QgsProject::instance()->mapLayersByName(name);
  for (QgsMapLayer* layer : candidates) {
    combo->setLayer(layer);
    if (combo->currentLayer() == layer) return true;
  }
  if (QgsMapLayer* current = combo->currentLayer();
      current && (current->name() == QLatin1String("candidate_scores") ||
                  current->name() == QLatin1String("transfer_flows"))) {
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

}  // namespace

ClusterShiftDock::ClusterShiftDock(QgisInterface* iface, QWidget* parent)
    : QgsDockWidget(tr("ClusterShift"), parent), m_iface(iface) {
  setObjectName(QStringLiteral("ClusterShiftDock"));
  buildUi();
  reloadPresets();
  preselect(m_regionsCombo, kRegionsName);
  preselect(m_parksCombo, kParksName);
  connect(QgsProject::instance(), &QgsProject::layersAdded, this, &ClusterShiftDock::layersAdded);
  connect(QgsProject::instance(), &QgsProject::cleared, this, &ClusterShiftDock::projectCleared);
}

ClusterShiftDock::~ClusterShiftDock() {
  if (m_task) {
    disconnect(m_task, nullptr, this, nullptr);
    m_task->cancel();
  }
}

void ClusterShiftDock::buildUi() {
  auto* content = new QWidget();
  auto* main = new QVBoxLayout(content);

  // ---- input layers ----
  auto* layersBox = new QGroupBox(tr("Input layers"), content);
  auto* layersForm = new QFormLayout(layersBox);
  layersForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_regionsCombo = new QgsMapLayerComboBox(layersBox);
  m_regionsCombo->setObjectName(QStringLiteral("regionsCombo"));
  m_regionsCombo->setFilters(QgsMapLayerProxyModel::PolygonLayer);
  m_regionsCombo->setAllowEmptyLayer(true);
  m_regionsCombo->setToolTip(tr("Polygon layer of regions (prefecture-level units) with the statistics"));
  m_parksCombo = new QgsMapLayerComboBox(layersBox);
  m_parksCombo->setObjectName(QStringLiteral("parksCombo"));
  m_parksCombo->setFilters(QgsMapLayerProxyModel::PointLayer | QgsMapLayerProxyModel::PolygonLayer);
  m_parksCombo->setAllowEmptyLayer(true);
  m_parksCombo->setToolTip(tr("Industrial parks: the candidate host sites"));
  layersForm->addRow(tr("Regions"), m_regionsCombo);
  layersForm->addRow(tr("Parks"), m_parksCombo);
  m_loadSampleButton = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionAddLayer.svg")),
                                       tr("Load sample data"), layersBox);
  m_loadSampleButton->setObjectName(QStringLiteral("loadSampleButton"));
  m_loadSampleButton->setToolTip(
      tr("Add the sample regions and parks of the Yangtze delta and the south to the project"));
  connect(m_loadSampleButton, &QPushButton::clicked, this, &ClusterShiftDock::loadSampleData);
  layersForm->addRow(QString(), m_loadSampleButton);
  main->addWidget(layersBox);

  // ---- scenario ----
  auto* scenarioBox = new QGroupBox(tr("Scenario"), content);
  auto* scenarioForm = new QFormLayout(scenarioBox);
  scenarioForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  m_presetCombo = new QComboBox(scenarioBox);
  m_presetCombo->setObjectName(QStringLiteral("scenarioCombo"));
  m_presetCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_presetCombo->setMinimumContentsLength(12);
  m_scenarioFile = new QgsFileWidget(scenarioBox);
  m_scenarioFile->setObjectName(QStringLiteral("scenarioFile"));
  m_scenarioFile->setStorageMode(QgsFileWidget::GetFile);
  m_scenarioFile->setFilter(tr("ClusterShift scenario (*.json)"));
  m_scenarioFile->setDialogTitle(tr("Open a ClusterShift scenario"));
  m_languageCombo = new QComboBox(scenarioBox);
  m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
  m_languageCombo->addItem(tr("As in the scenario"), QString());
  m_languageCombo->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
  m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
  scenarioForm->addRow(tr("Preset"), m_presetCombo);
  scenarioForm->addRow(tr("File"), m_scenarioFile);
  scenarioForm->addRow(tr("Report language"), m_languageCombo);
  connect(m_presetCombo, qOverload<int>(&QComboBox::currentIndexChanged), this,
          &ClusterShiftDock::presetChosen);
  connect(m_scenarioFile, &QgsFileWidget::fileChanged, this, &ClusterShiftDock::scenarioFileChanged);
  main->addWidget(scenarioBox);

  // ---- criteria ----
  auto* criteriaBox = new QGroupBox(tr("Criteria"), content);
  auto* criteriaLayout = new QVBoxLayout(criteriaBox);
  m_criteria = new CriteriaPanel(criteriaBox);
  criteriaLayout->addWidget(m_criteria);
  main->addWidget(criteriaBox);

  // ---- run ----
  auto* runRow = new QHBoxLayout();
  m_runButton =
      new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionStart.svg")), tr("Run"), content);
  m_runButton->setObjectName(QStringLiteral("runButton"));
  m_runButton->setDefault(true);
  m_cancelButton = new QPushButton(tr("Cancel"), content);
  m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
  m_cancelButton->setEnabled(false);
  runRow->addWidget(m_runButton, 1);
  runRow->addWidget(m_cancelButton);
  main->addLayout(runRow);
  connect(m_runButton, &QPushButton::clicked, this, &ClusterShiftDock::runScenario);
  connect(m_cancelButton, &QPushButton::clicked, this, &ClusterShiftDock::cancelRun);

  m_progress = new QProgressBar(content);
  m_progress->setObjectName(QStringLiteral("progressBar"));
  m_progress->setRange(0, 100);
  m_progress->setValue(0);
  m_progress->setVisible(false);
  main->addWidget(m_progress);

  m_status = new QLabel(tr("Choose the layers and a scenario, then press Run."), content);
  m_status->setObjectName(QStringLiteral("statusLabel"));
  m_status->setWordWrap(true);
  main->addWidget(m_status);

  m_reportButton = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionFilePrint.svg")),
                                   tr("Print report…"), content);
  m_reportButton->setObjectName(QStringLiteral("reportButton"));
  m_reportButton->setEnabled(false);
  m_reportButton->setToolTip(tr("Write the PDF report of the last run"));
  connect(m_reportButton, &QPushButton::clicked, this, &ClusterShiftDock::printReport);
  main->addWidget(m_reportButton);

  // ---- log ----
  auto* logLabel = new QLabel(tr("Log"), content);
  main->addWidget(logLabel);
  m_log = new QPlainTextEdit(content);
  m_log->setObjectName(QStringLiteral("logView"));
  m_log->setReadOnly(true);
  m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  m_log->setMinimumHeight(80);
  main->addWidget(m_log, 1);

  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(content);
  setWidget(scroll);
  setMinimumWidth(340);
}

void ClusterShiftDock::reloadPresets() {
  const QSignalBlocker blocker(m_presetCombo);
  m_presetCombo->clear();
  m_presetCombo->addItem(tr("(scenario file below)"), QString());
  const QVector<ScenarioEntry> presets = presetScenarios(uiLanguage());
  for (const ScenarioEntry& entry : presets) {
    m_presetCombo->addItem(entry.title, entry.path);
    m_presetCombo->setItemData(m_presetCombo->count() - 1, QDir::toNativeSeparators(entry.path),
                               Qt::ToolTipRole);
  }
  if (!presets.isEmpty() && m_scenarioFile->filePath().isEmpty()) {
    // Prefer the scenario the open project was written for (<scenario>.qgz), else the first.
    const QString projectStem = QFileInfo(QgsProject::instance()->fileName()).completeBaseName();
    int chosen = 0;
    for (int i = 0; i < presets.size(); ++i) {
      if (!projectStem.isEmpty() && presets[i].name == projectStem) chosen = i;
    }
    m_presetCombo->setCurrentIndex(chosen + 1);
    m_scenarioFile->setFilePath(presets[chosen].path);
  }
}

void ClusterShiftDock::presetChosen(int index) {
  const QString path = m_presetCombo->itemData(index).toString();
  if (!path.isEmpty() && m_scenarioFile->filePath() != path) m_scenarioFile->setFilePath(path);
}

void ClusterShiftDock::scenarioFileChanged(const QString& path) {
  // Keep the preset combo in step with a file typed or browsed by hand.
  const int index = m_presetCombo->findData(path);
  const QSignalBlocker blocker(m_presetCombo);
  m_presetCombo->setCurrentIndex(index >= 0 ? index : 0);
  loadCriteria(path);
}

void ClusterShiftDock::loadCriteria(const QString& path) {
  m_criteriaPath.clear();
  if (path.isEmpty()) {
    m_criteria->clear();
    return;
  }
  try {
    const Scenario scenario = loadScenario(QFile::encodeName(path).toStdString());
    m_criteria->setScenario(scenario);
    m_criteriaPath = path;
  } catch (const std::exception&) {
    m_criteria->clear();  // Run reports the problems in full
  } catch (...) {
    m_criteria->clear();
  }
}

void ClusterShiftDock::layersAdded(const QList<QgsMapLayer*>& layers) {
  for (QgsMapLayer* layer : layers) {
    if (layer->name() == kRegionsName && m_regionsCombo->currentLayer() != layer &&
        (!m_regionsCombo->currentLayer() || m_regionsCombo->currentLayer()->name() != kRegionsName)) {
      preselect(m_regionsCombo, kRegionsName);
    }
    if (layer->name() == kParksName && m_parksCombo->currentLayer() != layer &&
        (!m_parksCombo->currentLayer() || m_parksCombo->currentLayer()->name() != kParksName)) {
      preselect(m_parksCombo, kParksName);
    }
  }
}

void ClusterShiftDock::projectCleared() {
  cancelRun();
  m_results.reset();
  m_reportButton->setEnabled(false);
}

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
  for (const QString& name : {kRegionsName, kParksName}) {
    const QString file = dir + QLatin1Char('/') + name + QStringLiteral(".gpkg");
    const QString source = file + QStringLiteral("|layername=") + name;
    bool present = false;
    for (QgsMapLayer* existing : project->mapLayersByName(name)) {
      if (QFileInfo(existing->source().section(QLatin1Char('|'), 0, 0)) == QFileInfo(file)) present = true;
    }
    if (present) continue;
    if (!QFileInfo::exists(file)) {
      showError(tr("Sample data file missing: %1").arg(QDir::toNativeSeparators(file)));
      return;
    }
    auto layer = std::make_unique<QgsVectorLayer>(source, name, QStringLiteral("ogr"));
    if (!layer->isValid()) {
      showError(tr("Cannot open sample layer %1").arg(QDir::toNativeSeparators(source)));
      return;
    }
    layer->setCustomProperty(kSampleProperty, true);
    if (name == kRegionsName) {
      // Neutral until a run marks the source region (same colours as layers::styleRegions).
      QVariantMap props;
      props[QStringLiteral("color")] = QStringLiteral("#f4f1ea");
      props[QStringLiteral("outline_color")] = QStringLiteral("#b8b2a6");
      props[QStringLiteral("outline_width")] = QStringLiteral("0.15");
      layer->setRenderer(new QgsSingleSymbolRenderer(QgsFillSymbol::createSimple(props)));
    }
    added << layer.release();
  }
  if (!added.isEmpty()) {
    // Each layer goes to the top of the layer tree, so parks (added last) draw above regions.
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
      projectCrs = regionalAlbers(lonLat);
    }
    log(tr("Loaded sample data from %1").arg(QDir::toNativeSeparators(dir)));
  }
  preselect(m_regionsCombo, kRegionsName);
  preselect(m_parksCombo, kParksName);
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

QString ClusterShiftDock::reportLanguage() const {
  const QString chosen = m_languageCombo->currentData().toString();
  if (!chosen.isEmpty()) return chosen;
  if (m_results) return QString::fromStdString(m_results->scenario.report.language);
  return QStringLiteral("zh_CN");
}

void ClusterShiftDock::runScenario() {
  if (m_task) {
    showError(tr("A run is already in progress."));
    return;
  }
  auto* regions = qobject_cast<QgsVectorLayer*>(m_regionsCombo->currentLayer());
  auto* parks = qobject_cast<QgsVectorLayer*>(m_parksCombo->currentLayer());
  if (!regions || !parks) {
    showError(tr("Choose a region layer and a park layer (or press “Load sample data”)."));
    return;
  }
  const QString path = m_scenarioFile->filePath();
  if (path.isEmpty()) {
    showError(tr("Choose a scenario file or a preset."));
    return;
  }

  m_log->clear();
  log(tr("Scenario %1").arg(QDir::toNativeSeparators(path)));
  try {
    Scenario scenario = loadScenario(QFile::encodeName(path).toStdString());
    if (path != m_criteriaPath) loadCriteria(path);
    if (path == m_criteriaPath) m_criteria->applyTo(scenario);
    if (const QString encoding = m_criteria->encoding(); !encoding.isEmpty()) {
      // QGIS layers decode attributes themselves: shapefile layers take the chosen encoding.
      for (QgsVectorLayer* layer : {regions, parks}) {
        if (layer->providerType() == QLatin1String("ogr") &&
            layer->source().section(QLatin1Char('|'), 0, 0).endsWith(QLatin1String(".shp"), Qt::CaseInsensitive) &&
            layer->dataProvider() && layer->dataProvider()->encoding() != encoding) {
          layer->setProviderEncoding(encoding);
          log(tr("Layer %1: attribute encoding set to %2").arg(layer->name(), encoding));
        }
      }
    }
    log(tr("Criteria: %1 enabled of %2; weighting %3, aggregation %4")
            .arg(std::count_if(scenario.criteria.begin(), scenario.criteria.end(),
                               [](const CriterionSpec& c) { return c.enabled; }))
            .arg(scenario.criteria.size())
            .arg(QString::fromStdString(scenario.weighting.method), QString::fromStdString(scenario.aggregation)));
    Feedback readFeedback;
    // Read on the main thread: layer providers are not thread safe.
    Inputs inputs = layers::inputsFromLayers(regions, parks, scenario, readFeedback);
    for (const Problem& warning : readFeedback.warnings()) {
      log(QString::fromStdString(warning.text()), Qgis::MessageLevel::Warning);
    }
    const QString title = scenarioTitle(scenario, uiLanguage());
    log(tr("Layers: %1 (%2 features), %3 (%4 features)")
            .arg(regions->name())
            .arg(regions->featureCount())
            .arg(parks->name())
            .arg(parks->featureCount()));
    auto* task = new RunTask(std::move(scenario), std::move(inputs), tr("ClusterShift: %1").arg(title));
    connect(task, &RunTask::completed, this, &ClusterShiftDock::taskCompleted);
    connect(task, &QgsTask::progressChanged, this, &ClusterShiftDock::taskProgress);
    // A task cancelled while still queued may be deleted without finishing: reset the UI then.
    connect(task, &QObject::destroyed, this, [this] {
      if (!m_runButton->isEnabled()) {
        setRunning(false);
        m_reportButton->setEnabled(static_cast<bool>(m_results));
        m_status->setText(tr("Run stopped."));
      }
    });
    m_task = task;
    setRunning(true);
    m_status->setText(tr("Running “%1”…").arg(title));
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

void ClusterShiftDock::cancelRun() {
  if (m_task) {
    // A queued task finishes synchronously inside cancel(): set the text first so that the
    // completion handler's "Run cancelled." wins.
    m_status->setText(tr("Cancelling…"));
    m_task->cancel();
  }
}

void ClusterShiftDock::taskProgress(double percent) { m_progress->setValue(static_cast<int>(percent)); }

void ClusterShiftDock::setRunning(bool running) {
  m_runButton->setEnabled(!running);
  m_cancelButton->setEnabled(running);
  m_progress->setVisible(running);
  m_progress->setValue(0);
  if (running) m_reportButton->setEnabled(false);
}

void ClusterShiftDock::taskCompleted(RunOutcome* outcome) {
  m_task = nullptr;
  setRunning(false);
  m_reportButton->setEnabled(static_cast<bool>(m_results));
  try {
    log(tr("Task finished after %1 ms").arg(outcome->elapsedMs));
    if (outcome->results) {
      addResultLayers(std::move(outcome->results));
    } else if (outcome->cancelled) {
      m_status->setText(tr("Run cancelled."));
      log(tr("Run cancelled"), Qgis::MessageLevel::Warning);
      m_iface->messageBar()->pushMessage(tr("ClusterShift"), tr("Run cancelled."),
                                         Qgis::MessageLevel::Warning);
    } else {
      showError(outcome->problems.empty() ? tr("Run failed: %1").arg(outcome->error)
                                          : tr("Run failed: the scenario or the data have problems"),
                outcome->problems);
    }
  } catch (const std::exception& e) {
    showError(tr("Cannot add the result layers: %1").arg(QString::fromStdString(e.what())));
  } catch (...) {
    showError(tr("Cannot add the result layers: unknown internal error"));
  }
}

void ClusterShiftDock::addResultLayers(std::unique_ptr<Results> results) {
  const QString title = scenarioTitle(results->scenario, uiLanguage());
  std::unique_ptr<QgsVectorLayer> candidates(layers::makeCandidateLayer(*results));
  std::unique_ptr<QgsVectorLayer> flows(layers::makeFlowLayer(*results));
  if (!candidates || !candidates->isValid() || !flows || !flows->isValid()) {
    showError(tr("Cannot create the result layers."));
    return;
  }

  QgsProject* project = QgsProject::instance();
  QgsLayerTree* root = project->layerTreeRoot();
  // A re-run replaces the previous results of the same scenario.
  if (QgsLayerTreeGroup* old = root->findGroup(title)) {
    const QStringList ids = old->findLayerIds();
    root->removeChildNode(old);
    project->removeMapLayers(ids);
  }
  QgsLayerTreeGroup* group = root->insertGroup(0, title);
  QList<QgsMapLayer*> added;
  for (QgsVectorLayer* layer : {candidates.release(), flows.release()}) {
    project->addMapLayer(layer, false);
    group->addLayer(layer);  // in order: candidates drawn above the flows
    added << layer;
  }

  group->setExpanded(true);
  for (QgsLayerTreeLayer* node : group->findLayers()) node->setExpanded(true);
  // The layer tree view picks up new nodes on the next event-loop pass; expand them there so the
  // legend (score classes, flows) is visible right away.
  QTimer::singleShot(0, this, [this, ids = QStringList{added.at(0)->id(), added.at(1)->id()}] {
    QgsLayerTreeView* view = m_iface ? m_iface->layerTreeView() : nullptr;
    if (!view) return;
    for (const QString& id : ids) {
      QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(id);
      if (!node) continue;
      for (QgsLayerTreeNode* n = node; n && n != QgsProject::instance()->layerTreeRoot(); n = n->parent()) {
        view->setExpanded(view->node2index(n), true);
      }
    }
  });
  // Sample regions (added by this dock) get the source region highlighted; a user's own layer
  // keeps its style.
  if (auto* regions = qobject_cast<QgsVectorLayer*>(m_regionsCombo->currentLayer());
      regions && regions->customProperty(kSampleProperty).toBool()) {
    layers::styleRegions(regions, QString::fromStdString(results->sourceRegionId));
    m_iface->layerTreeView()->refreshLayerSymbology(regions->id());
  }

  int ok = 0;
  for (const ParkResult& park : results->parks) ok += park.status == "ok" ? 1 : 0;
  const int excluded = static_cast<int>(results->parks.size()) - ok;
  QString best;
  const std::vector<int> ranking = results->ranking();
  if (!ranking.empty() && results->parks[static_cast<size_t>(ranking.front())].status == "ok") {
    const ParkResult& top = results->parks[static_cast<size_t>(ranking.front())];
    best = QString::fromStdString(uiLanguage() == QLatin1String("zh_CN") && !top.nameZh.empty() ? top.nameZh
                                                                                                : top.name);
  }
  for (const Problem& warning : results->warnings) {
    log(QString::fromStdString(warning.text()), Qgis::MessageLevel::Warning);
  }
  const QString summary = tr("%1: %2 parks ranked, %3 excluded%4.")
                              .arg(title)
                              .arg(ok)
                              .arg(excluded)
                              .arg(best.isEmpty() ? QString() : tr("; best host: %1").arg(best));
  log(summary, Qgis::MessageLevel::Success);
  m_status->setText(summary + QLatin1Char(' ') + tr("Press “Print report…” for the PDF."));
  m_iface->messageBar()->pushSuccess(tr("ClusterShift"), summary);

  m_results = std::move(results);
  m_reportButton->setEnabled(true);
  zoomToResults(added);
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

void ClusterShiftDock::printReport() {
  if (!m_results) {
    showError(tr("Run a scenario first."));
    return;
  }
  const QString language = reportLanguage();
  QString path = qEnvironmentVariable("CLUSTERSHIFT_REPORT_PATH");
  if (path.isEmpty()) {
    QgsSettings settings;
    const QString dir =
        settings.value(QStringLiteral("ClusterShift/lastReportDir"), QDir::homePath()).toString();
    const QString suggested = QStringLiteral("%1/%2_report_%3.pdf")
                                  .arg(dir, QString::fromStdString(m_results->scenario.name), language);
    path =
        QFileDialog::getSaveFileName(this, tr("Save the ClusterShift report"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) path += QStringLiteral(".pdf");
    settings.setValue(QStringLiteral("ClusterShift/lastReportDir"), QFileInfo(path).absolutePath());
  }
  try {
    const QgsTemporaryCursorOverride waitCursor(Qt::WaitCursor);
    layers::exportReport(*m_results, QgsProject::instance(), language, path);
  } catch (const std::exception& e) {
    showError(tr("Cannot write the report: %1").arg(QString::fromStdString(e.what())));
    return;
  } catch (...) {
    showError(tr("Cannot write the report: unknown internal error"));
    return;
  }
  const QString native = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
  log(tr("Report written: %1").arg(native), Qgis::MessageLevel::Success);
  const QString link =
      QStringLiteral("<a href=\"%1\">%2</a>")
          .arg(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(), native.toHtmlEscaped());
  m_iface->messageBar()->pushItem(new QgsMessageBarItem(
      tr("ClusterShift"), tr("Report written: %1").arg(link), Qgis::MessageLevel::Success, 15));
}

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
  m_status->setText(text);
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
  m_log->appendPlainText(
      QStringLiteral("%1 %2%3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), prefix, line));
  QgsMessageLog::logMessage(line, kLogTag, level);
}

}  // namespace clustershift::plugin
