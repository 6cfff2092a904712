// The ClusterShift dock: UI, scenario I/O, data checks, map picks and messages. Sample data,
// project state and stored results: dock_project.cpp; runs, result groups and the report:
// dock_run.cpp.
#include "dock_internal.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include <QMessageBox>

namespace clustershift::plugin {

namespace {

/// Selects the features of `layer` whose `field` equals `value`, zooms the canvas to them (not
/// closer than 1:minScale) and flashes them; false when there is none.
bool selectAndShow(QgsMapCanvas* canvas, QgsVectorLayer* layer, const QString& field, const QString& value,
                   double minScale = 0) {
  QgsFeatureRequest request(QgsExpression(QStringLiteral("%1 = %2").arg(QgsExpression::quotedColumnRef(field),
                                                                        QgsExpression::quotedValue(value))));
  request.setNoAttributes();
  QgsFeatureIds ids;
  QgsFeatureIterator it = layer->getFeatures(request);
  QgsFeature feature;
  while (it.nextFeature(feature)) ids.insert(feature.id());
  if (ids.isEmpty()) return false;
  layer->selectByIds(ids);
  canvas->zoomToSelected(layer);
  if (minScale > 0) canvas->zoomScale(std::max(canvas->scale(), minScale));
  canvas->flashFeatureIds(layer, ids);
  return true;
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
  localiseResultLayers();
  restoreState();
  findRunInputs();
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
  connect(m_data, &DataTab::changed, this, &ClusterShiftDock::updateActions);  // compare needs the inputs
  connect(m_data, &DataTab::loadSampleRequested, this, &ClusterShiftDock::loadSampleData);
  connect(m_data, &DataTab::problemActivated, this, &ClusterShiftDock::showProblemFeature);
  connect(m_data, &DataTab::message, this,
          [this](const QString& text) { log(text, Qgis::MessageLevel::Warning); });
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
  connect(m_cluster->pickLocationButton(), &QPushButton::clicked, this,
          [this] { startPick(Pick::Location); });

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
    // Not the project's own scenario: a results project's run information replaces it.
    m_baseIsGuess = presets[chosen].name != projectStem;
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
    m_loadError = tr("Cannot read the scenario %1: %2").arg(QFileInfo(path).fileName(), shownError(e));
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
  // Tables read from temporary copies of layers without a file: with the planner's consent they
  // are kept as GeoPackages beside the scenario, else the file would name copies that vanish.
  if (const QStringList copies = m_data->temporaryTableLayers(); !copies.isEmpty()) {
    const auto answer = QMessageBox::question(
        this, tr("Save scenario"),
        tr("The table(s) %1 come from layers without a file; the run reads temporary copies that are "
           "gone when QGIS closes. Save them as GeoPackages in %2 so the scenario reopens with them?")
            .arg(copies.join(QStringLiteral("、")), QDir::toNativeSeparators(QFileInfo(path).absolutePath())),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes) {
      QString error;
      for (const QString& file : m_data->keepTableCopies(QFileInfo(path).absolutePath(), error))
        log(tr("Table saved as %1").arg(QDir::toNativeSeparators(file)));
      if (!error.isEmpty()) {
        showError(error);
        return false;
      }
    } else {
      log(tr("The scenario names temporary table copies: choose the tables again after reopening it."),
          Qgis::MessageLevel::Warning);
    }
  }
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
  m_baseIsGuess = false;
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
  } catch (const Error& e) {
    m_data->setProblems({errorProblem(e)});
  } catch (const std::exception& e) {
    m_data->setProblems({Problem{Severity::Fatal, "", e.what(), {}}});
  } catch (...) {
    m_data->setProblems({Problem{Severity::Fatal, "", tr("unknown internal error").toStdString(), {}}});
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
  QgsVectorLayer* layer = what == Pick::Template ? m_data->parkLayer() : m_data->regionLayer();
  QgsMapCanvas* canvas = m_iface ? m_iface->mapCanvas() : nullptr;
  if (!layer || !canvas) {
    showError(what != Pick::Template ? tr("Choose a region layer on the Data tab first.")
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
  const QString text = what == Pick::Source     ? tr("Click the source region on the map (Esc cancels).")
                       : what == Pick::Location ? tr("Click the cluster's location on the map (Esc cancels).")
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
    if (layer->fields().lookupField(field) < 0 || !selectAndShow(canvas, layer, field, featureId)) continue;
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
    // A point: keep its surroundings in view.
    if (selectAndShow(canvas, candidates, QStringLiteral("id"), parkId, 1500000.0)) return;
  }
}

void ClusterShiftDock::picked(const QgsFeature& feature) {
  QString field = m_pick == Pick::Template ? m_data->parkField("id") : m_data->regionField("id");
  if (field.isEmpty()) field = QStringLiteral("id");
  const QString id = feature.attribute(field).toString();
  if (id.isEmpty()) {
    showError(tr("The picked feature has no “%1” value.").arg(field));
    return;
  }
  if (m_pick == Pick::Location) {
    // The clicked point in degrees (WGS84 ≡ CGCS2000 at this scale), in the region clicked.
    QgsMapCanvas* canvas = m_iface ? m_iface->mapCanvas() : nullptr;
    if (!canvas || !m_pickTool) return;
    try {
      const QgsCoordinateTransform toLonLat(canvas->mapSettings().destinationCrs(),
                                            QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                            QgsProject::instance());
      const QgsPointXY lonLat = toLonLat.transform(m_pickTool->lastClick());
      m_cluster->setSourceRegion(id);
      m_cluster->setSourceLocation(lonLat.x(), lonLat.y());
      log(tr("Cluster location picked on the map: %1, %2 (region %3)")
              .arg(lonLat.x(), 0, 'f', 5)
              .arg(lonLat.y(), 0, 'f', 5)
              .arg(id));
    } catch (const QgsCsException& e) {
      showError(tr("The picked point cannot be converted to longitude/latitude: %1").arg(e.what()));
    }
  } else if (m_pick == Pick::Source) {
    m_cluster->setSourceRegion(id);
    log(tr("Source region picked on the map: %1").arg(id));
  } else {
    m_cluster->setTemplatePark(id);
    log(tr("Template park picked on the map: %1").arg(id));
  }
  m_run->status()->setText(tr("Picked %1.").arg(id));
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
    text = tr("%1 (%n error(s)): %2", nullptr, fatal).arg(summary, shownProblem(shown));
  }
  log(summary, Qgis::MessageLevel::Critical);
  const QString details = problemList(problems);
  for (const Problem& p : problems) {
    log(shownProblem(p),
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
      prefix = tr("ERROR") + QLatin1Char(' ');
      break;
    case Qgis::MessageLevel::Warning:
      prefix = tr("warning") + QLatin1Char(' ');
      break;
    default:
      break;
  }
  m_run->logView()->appendPlainText(
      QStringLiteral("%1 %2%3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), prefix, line));
  QgsMessageLog::logMessage(line, kLogTag, level);
}

}  // namespace clustershift::plugin
