// ClusterShiftDock: runs and mode comparisons as tasks, the result layer group, the report.
#include "dock_internal.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include "clustershift/methods.h"
#include "clustershift_layers/labels.h"

namespace clustershift::plugin {

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
    const bool zh = uiLanguage() == QLatin1String("zh_CN");
    auto methodLabel = [zh](const MethodInfo& m) { return QString::fromUtf8(zh ? m.labelZh : m.label); };
    const QString mode = scenario.mode == TransferMode::Complete  ? tr("complete transfer")
                         : scenario.mode == TransferMode::Partial ? tr("partial transfer")
                                                                  : tr("replication");
    log(tr("Mode %1; criteria: %2 enabled of %3; weighting %4, aggregation %5")
            .arg(mode)
            .arg(std::count_if(scenario.criteria.begin(), scenario.criteria.end(),
                               [](const CriterionSpec& c) { return c.enabled; }))
            .arg(scenario.criteria.size())
            .arg(methodLabel(info(weightingMethodFromName(scenario.weighting.method))),
                 methodLabel(info(aggregationFromName(scenario.aggregation)))));
    Feedback readFeedback;
    // Read on the main thread: layer providers are not thread safe.
    auto inputs =
        std::make_shared<const Inputs>(layers::inputsFromLayers(regions, parks, scenario, readFeedback));
    for (const Problem& warning : readFeedback.warnings()) {
      log(shownProblem(warning), Qgis::MessageLevel::Warning);
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
    showError(tr("Cannot read input: %1").arg(shownError(e)));
  } catch (const std::exception& e) {
    showError(tr("Cannot start the run: %1").arg(shownError(e)));
  } catch (...) {
    showError(tr("Cannot start the run: unknown internal error"));
  }
}

void ClusterShiftDock::compareModes() {
  if (m_task) {
    showError(tr("A run is already in progress."));
    return;
  }
  // A run of this session without a comparison: compare over its ranking. Otherwise (a reopened
  // results project, or the modes compared already) the stored results are used while the inputs
  // are those of the run, and recomputed when they changed.
  if (!m_results || !m_inputs || m_results->modeComparison) {
    compareStoredModes();
    return;
  }
  const QString title = scenarioTitle(m_results->scenario, uiLanguage());
  startCompareTask(
      new RunTask(*m_results, m_inputs, outputFolder(), tr("ClusterShift: compare modes, %1").arg(title)),
      title, tr("Comparing the modes"));
}

void ClusterShiftDock::startCompareTask(RunTask* task, const QString& title, const QString& logLine) {
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
  log(logLine);
  QgsApplication::taskManager()->addTask(task);
}

void ClusterShiftDock::compareStoredModes() {
  // A reopened results project: the run's scenario from its run_info, the inputs from the layers
  // the Data tab holds (found from the same run_info); the ranking is recomputed with the run's
  // seed and the modes compared over it.
  QgsVectorLayer* regions = m_data->regionLayer();
  QgsVectorLayer* parks = m_data->parkLayer();
  if (m_gpkg.isEmpty() || !regions || !parks) {
    showError(
        tr("Run a scenario first, or open a results project whose inputs are found: the comparison "
           "uses a ranking."));
    return;
  }
  try {
    const nlohmann::json info = layers::readRunInfo(m_gpkg);
    Scenario scenario = parseScenario(info.at("scenario"), QFileInfo(m_gpkg).absolutePath().toStdString());
    Feedback readFeedback;
    auto inputs =
        std::make_shared<const Inputs>(layers::inputsFromLayers(regions, parks, scenario, readFeedback));
    const QString title = scenarioTitle(scenario, uiLanguage());
    // Stored results are reused while they are current: the inputs read now are those of the run
    // (run_info's fingerprint) and the run already holds the comparison.
    const QString stored = QString::fromStdString(info.value("inputs_fingerprint", std::string()));
    const bool current = !stored.isEmpty() && stored == layers::inputsFingerprint(*inputs);
    if (current && info.contains("mode_comparison") && info["mode_comparison"].is_object()) {
      const nlohmann::json& comparison = info["mode_comparison"];
      m_run->showComparison(comparison.at("columns").get<std::vector<std::string>>(),
                            comparison.at("rows").get<std::vector<std::vector<std::string>>>(),
                            displayNames(&info));
      log(tr("%1: the stored comparison of the modes is current (the inputs are those of the run); "
             "shown without recomputing.")
              .arg(title));
      m_run->status()->setText(
          tr("%1: the three modes compared (stored results, inputs unchanged).").arg(title));
      return;
    }
    auto* task = new RunTask(std::move(scenario), inputs, QFileInfo(m_gpkg).absolutePath(),
                             tr("ClusterShift: compare modes, %1").arg(title));
    task->setCompareModes(true);
    m_pendingInputs = inputs;
    startCompareTask(task, title,
                     !stored.isEmpty() && !current
                         ? tr("The inputs changed since the stored run: its ranking is recomputed from its "
                              "scenario and the current inputs, then the modes are compared")
                         : tr("Comparing the modes over the stored run (ranking recomputed from its scenario "
                              "and inputs)"));
  } catch (const ValidationError& e) {
    showError(tr("The stored scenario or the data have problems"), e.problems());
  } catch (const std::exception& e) {
    showError(tr("Cannot compare the modes of the stored run: %1").arg(shownError(e)));
  }
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
  m_run->compareButton()->setEnabled(
      !busy &&
      ((m_results && m_inputs) || (!m_gpkg.isEmpty() && m_data->regionLayer() && m_data->parkLayer())));
  m_run->reportButton()->setEnabled(!busy && !m_reportTask && !m_gpkg.isEmpty());
}

void ClusterShiftDock::taskCompleted(RunOutcome* outcome, int job) {
  m_task = nullptr;
  setRunning(false);
  const bool comparing = job == static_cast<int>(RunTask::Job::CompareModes);
  try {
    log(tr("Task finished after %1 ms").arg(outcome->elapsedMs));
    if (outcome->results) {
      if (m_pendingInputs) m_inputs = m_pendingInputs;  // a run, or a stored run's comparison
      m_pendingInputs.reset();
      m_results = std::move(outcome->results);
      m_gpkg = outcome->geopackage;
      log(tr("Results written: %1").arg(QDir::toNativeSeparators(m_gpkg)));
      addResultGroup(m_gpkg, m_results->scenario);
      const QString title = scenarioTitle(m_results->scenario, uiLanguage());
      if (comparing) {
        if (m_results->modeComparison) m_run->showComparison(*m_results->modeComparison, displayNames());
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
          log(shownProblem(warning), Qgis::MessageLevel::Warning);
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
    showError(tr("Cannot add the result layers: %1").arg(shownError(e)));
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
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  QgsVectorLayer::LayerOptions options(project->transformContext());
  for (const ResultTable& table : kResultTables) {
    const QString tableName = QString::fromLatin1(table.name);
    // Styles come from the GeoPackage (layer_styles, loaded as the default style).
    // Named in the UI language; the GeoPackage table keeps its id (the role property).
    auto layer = std::make_unique<QgsVectorLayer>(geopackage + QStringLiteral("|layername=") + tableName,
                                                  layers::resultTableLabel(table.name, zh),
                                                  QStringLiteral("ogr"), options);
    if (!layer->isValid()) continue;  // optional table not written for this run
    layer->setCustomProperty(kRoleProperty, tableName);
    localiseLegend(layer.get(), zh);  // the style's bilingual legend texts in the UI language
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

}  // namespace clustershift::plugin
