// ClusterShiftDock: sample data, project signals and state, results stored in the project.
#include "dock_internal.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include "clustershift_layers/labels.h"

#include <qgsdiagramrenderer.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgsrulebasedrenderer.h>

#include <QPointer>

namespace clustershift::plugin {

// ---- sample data and project ----------------------------------------------------------------

void ClusterShiftDock::loadSampleData() {
  const QString dir = sampleDataDir();
  if (dir.isEmpty()) {
    showError(tr("Sample data not found: set CLUSTERSHIFT_DATA to the sample_data folder."));
    return;
  }
  QgsProject* project = QgsProject::instance();
  const bool emptyProject = project->mapLayers().isEmpty();
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  QgsCoordinateReferenceSystem projectCrs;
  QList<QgsMapLayer*> added;
  // Bottom to top: each goes to the top of the layer tree.
  for (const QString& name : {QStringLiteral("regions"), QStringLiteral("sensitive_zones"),
                              QStringLiteral("roads"), QStringLiteral("parks")}) {
    const QString file = dir + QLatin1Char('/') + name + QStringLiteral(".gpkg");
    const QString source = file + QStringLiteral("|layername=") + name;
    bool present = false;
    for (QgsMapLayer* existing :
         project->mapLayersByName(name) + project->mapLayersByName(sampleLayerName(name, zh))) {
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
    auto layer = std::make_unique<QgsVectorLayer>(source, sampleLayerName(name, zh), QStringLiteral("ogr"));
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
  localiseResultLayers();
  restoreState();
  findRunInputs();
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
  state.industryTableLayerId = m_data->industryTableLayerId();
  state.ioTableLayerId = m_data->ioTableLayerId();
  // Written while the project is being saved: the entries go into this very file.
  writeProjectState(QgsProject::instance(), state);
  offerToKeepTableCopies();
}

void ClusterShiftDock::offerToKeepTableCopies() {
  // A table from a layer without a file is read from a temporary copy, gone when QGIS closes (and
  // a memory layer's rows are not saved with the project): ask before writing into the folder.
  const QStringList layers = m_data->temporaryTableLayers();
  if (layers.isEmpty()) return;
  const QString text = tr("The scenario's table(s) %1 come from layers without a file: the saved scenario "
                          "points at temporary copies that are gone when QGIS closes.")
                           .arg(layers.join(QStringLiteral("、")));
  log(text, Qgis::MessageLevel::Warning);
  if (!m_iface || !m_iface->messageBar()) return;
  auto* keep = new QPushButton(tr("Save them as GeoPackages in the project folder"));
  keep->setObjectName(QStringLiteral("keepTableCopiesButton"));
  auto* item = new QgsMessageBarItem(tr("ClusterShift"), text, keep, Qgis::MessageLevel::Warning, 0);
  QPointer<QgsMessageBarItem> guard(item);
  connect(keep, &QPushButton::clicked, this, [this, guard] {
    QgsProject* project = QgsProject::instance();
    const QString folder = project->absolutePath();
    QString error;
    const QStringList written = m_data->keepTableCopies(folder, error);
    for (const QString& file : written) log(tr("Table saved as %1").arg(QDir::toNativeSeparators(file)));
    if (!error.isEmpty()) {
      showError(error);
    } else if (!written.isEmpty()) {
      // The planner asked for it: the project is saved again, now naming the GeoPackages.
      project->write();
      m_run->status()->setText(tr("Tables saved in the project folder; the project names them now."));
    }
    if (guard && m_iface && m_iface->messageBar()) m_iface->messageBar()->popWidget(guard);
  });
  m_iface->messageBar()->pushItem(item);
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
    m_data->reattachTableLayers(state.industryTableLayerId, state.ioTableLayerId);
    m_scenarioPath = state.scenarioFile;
    const QSignalBlocker b1(m_run->scenarioFile()), b2(m_run->scenarioCombo());
    m_run->scenarioFile()->setFilePath(state.scenarioFile);
    m_run->scenarioCombo()->setCurrentIndex(
        std::max(0, m_run->scenarioCombo()->findData(state.scenarioFile)));
    log(tr("Scenario restored from the project"));
    m_run->status()->setText(
        tr("Scenario “%1” restored from the project.").arg(scenarioTitle(scenario, uiLanguage())));
  } catch (const std::exception& e) {
    log(tr("The project's ClusterShift scenario cannot be restored: %1").arg(shownError(e)),
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
                            comparison.at("rows").get<std::vector<std::vector<std::string>>>(),
                            displayNames(&info));
    }
  } catch (const std::exception& e) {
    log(tr("The last results cannot be shown: %1").arg(shownError(e)), Qgis::MessageLevel::Warning);
  }
}

}  // namespace clustershift::plugin

namespace clustershift::plugin {

// ---- names in the UI language, inputs of a results project -------------------------------

namespace {

/// The GeoPackage and table of an OGR layer source ("file.gpkg|layername=t"); empty when not one.
std::pair<QString, QString> gpkgTable(const QgsMapLayer* layer) {
  if (!layer || layer->providerType() != QLatin1String("ogr")) return {};
  const QString source = layer->source();
  const QString file = source.section(QLatin1Char('|'), 0, 0);
  if (!file.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive)) return {};
  const int at = source.indexOf(QLatin1String("layername="));
  const QString table = at < 0 ? QString() : source.mid(at + 10).section(QLatin1Char('|'), 0, 0);
  return {file, table};
}

bool hasRunInfo(const QString& geopackage) {
  static QHash<QString, bool> known;
  const auto it = known.constFind(geopackage);
  if (it != known.constEnd()) return *it;
  bool ok = false;
  try {
    layers::readRunInfo(geopackage);
    ok = true;
  } catch (const std::exception&) {
  }
  known.insert(geopackage, ok);
  return ok;
}

}  // namespace

void localiseLegend(QgsMapLayer* layer, bool zh) {
  auto* vector = qobject_cast<QgsVectorLayer*>(layer);
  if (!vector) return;
  bool changed = false;
  if (auto* rules = dynamic_cast<QgsRuleBasedRenderer*>(vector->renderer())) {
    for (QgsRuleBasedRenderer::Rule* rule : rules->rootRule()->descendants()) {
      const QString shown = layers::legendText(rule->label(), zh);
      if (shown != rule->label()) rule->setLabel(shown), changed = true;
    }
  } else if (auto* graduated = dynamic_cast<QgsGraduatedSymbolRenderer*>(vector->renderer())) {
    for (int i = 0; i < graduated->ranges().size(); ++i) {
      const QString label = graduated->ranges().at(i).label(), shown = layers::legendText(label, zh);
      if (shown != label) graduated->updateRangeLabel(i, shown), changed = true;
    }
  }
  if (QgsDiagramRenderer* diagrams = const_cast<QgsDiagramRenderer*>(vector->diagramRenderer())) {
    // Both diagram renderers keep one settings object (region_effects: linearly interpolated bars).
    const QList<QgsDiagramSettings> settings = diagrams->diagramSettings();
    if (!settings.isEmpty()) {
      QgsDiagramSettings s = settings.front();
      bool any = false;
      for (QString& label : s.categoryLabels) {
        const QString shown = layers::legendText(label, zh);
        if (shown != label) label = shown, any = true;
      }
      if (any) {
        if (auto* single = dynamic_cast<QgsSingleCategoryDiagramRenderer*>(diagrams)) {
          single->setDiagramSettings(s);
          changed = true;
        } else if (auto* linear = dynamic_cast<QgsLinearlyInterpolatedDiagramRenderer*>(diagrams)) {
          linear->setDiagramSettings(s);
          changed = true;
        }
      }
    }
  }
  if (changed) {
    emit vector->rendererChanged();  // the layer tree rebuilds the legend
    vector->emitStyleChanged();
  }
}

QHash<QString, QString> ClusterShiftDock::displayNames(const nlohmann::json* runInfo) const {
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  QHash<QString, QString> names;
  auto add = [&](const std::string& id, const std::string& en, const std::string& chinese) {
    const std::string& shown = zh && !chinese.empty() ? chinese : en;
    if (!id.empty() && !shown.empty())
      names.insert(QString::fromStdString(id), QString::fromStdString(shown));
  };
  if (const Scenario* s = m_results ? &m_results->scenario : m_hasBase ? &m_base : nullptr)
    for (const Segment& segment : s->cluster.segments) add(segment.id, segment.name, segment.nameZh);
  if (m_results)
    for (const ParkResult& p : m_results->parks) add(p.id, p.name, p.nameZh);
  if (m_inputs)
    for (const Region& r : m_inputs->regions) add(r.id, r.name, r.nameZh);
  if (runInfo && runInfo->is_object()) {
    auto text = [](const nlohmann::json& o, const char* key) {
      return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : std::string();
    };
    if (runInfo->contains("moved_segments") && (*runInfo)["moved_segments"].is_array())
      for (const auto& s : (*runInfo)["moved_segments"])
        add(text(s, "id"), text(s, "name"), text(s, "name_zh"));
    if (runInfo->contains("effects") && (*runInfo)["effects"].is_object()) {
      const nlohmann::json& effects = (*runInfo)["effects"];
      if (effects.contains("hosts") && effects["hosts"].is_array())
        for (const auto& h : effects["hosts"])
          add(text(h, "park_id"), text(h, "park_name"), text(h, "park_name_zh"));
      if (effects.contains("regions") && effects["regions"].is_array())
        for (const auto& r : effects["regions"]) add(text(r, "id"), text(r, "name"), text(r, "name_zh"));
    }
  }
  return names;
}

void ClusterShiftDock::localiseResultLayers() {
  QgsProject* project = QgsProject::instance();
  const bool wasDirty = project->isDirty();
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  for (QgsMapLayer* layer : project->mapLayers()) {
    QString role = layer->customProperty(kRoleProperty).toString();
    if (role.isEmpty()) {
      // A project written by `clustershift run` / `demo`: result tables of a GeoPackage with run_info.
      const auto [file, table] = gpkgTable(layer);
      if (table.isEmpty() || layers::resultTableOfLabel(table).empty() || !hasRunInfo(file)) continue;
      role = table;
      layer->setCustomProperty(kRoleProperty, role);
    }
    QString shown = layers::resultTableLabel(role.toStdString(), zh);
    if (layer->customProperty(QStringLiteral("clustershift/report_catchments")).isValid()) {
      // The report's own copy of the catchments (layers/src/report_candidates.cpp), outside the layer tree.
      shown += zh ? QStringLiteral("（报告）") : QStringLiteral(" (report)");
      if (layer->name() != shown) layer->setName(shown);
    } else if (layer->name() != shown && !layers::resultTableOfLabel(layer->name()).empty()) {
      layer->setName(shown);
    }
    localiseLegend(layer, zh);
  }
  // Layers of "Load sample data": their names in the UI language too (the files keep theirs).
  for (QgsMapLayer* layer : project->mapLayers()) {
    if (!layer->customProperty(kSampleProperty).toBool()) continue;
    const QString table = gpkgTable(layer).second;
    const QString shown = sampleLayerName(table, zh);
    if (!table.isEmpty() && layer->name() != shown &&
        (layer->name() == table || layer->name() == sampleLayerName(table, !zh)))
      layer->setName(shown);
  }
  // Result groups "<title> – <time>": the title in the UI language (run_info has both).
  std::function<void(QgsLayerTreeGroup*)> renameGroups = [&](QgsLayerTreeGroup* parent) {
    for (QgsLayerTreeNode* child : parent->children()) {
      if (!QgsLayerTree::isGroup(child)) continue;
      QgsLayerTreeGroup* group = QgsLayerTree::toGroup(child);
      const QString gpkg = group->customProperty(kGpkgProperty).toString();
      if (gpkg.isEmpty()) {
        renameGroups(group);
        continue;
      }
      try {
        const nlohmann::json titles = layers::readRunInfo(gpkg).value("title", nlohmann::json::object());
        const QString wanted = QString::fromStdString(titles.value(zh ? "zh_CN" : "en", std::string()));
        for (const auto& item : titles.items()) {
          const nlohmann::json& text = item.value();
          if (!text.is_string() || wanted.isEmpty()) continue;
          const QString old = QString::fromStdString(text.get<std::string>());
          if (old != wanted && !old.isEmpty() && group->name().startsWith(old))
            group->setName(wanted + group->name().mid(old.size()));
        }
      } catch (const std::exception&) {
      }
    }
  };
  renameGroups(project->layerTreeRoot());
  // A results project's title is the scenario's title in the language it was written in.
  const QString title = project->title();
  for (QgsMapLayer* layer : project->mapLayers()) {
    if (layer->customProperty(kRoleProperty).toString() != QLatin1String(layers::schema::kCandidates))
      continue;
    try {
      const nlohmann::json info = layers::readRunInfo(gpkgTable(layer).first);
      const nlohmann::json titles = info.value("title", nlohmann::json::object());
      const std::string wanted = titles.value(zh ? "zh_CN" : "en", std::string());
      for (const auto& item : titles.items())
        if (item.value().is_string() && QString::fromStdString(item.value().get<std::string>()) == title &&
            !wanted.empty())
          project->setTitle(QString::fromStdString(wanted));
    } catch (const std::exception&) {
    }
    break;
  }
  if (!wasDirty) project->setDirty(false);
}

void ClusterShiftDock::findRunInputs() {
  QgsProject* project = QgsProject::instance();
  const bool wasDirty = project->isDirty();
  // Never leave a result layer in an input picker.
  for (QgsMapLayerComboBox* combo :
       {m_data->regionCombo(), m_data->parkCombo(), m_data->zonesCombo(), m_data->roadsCombo()}) {
    if (combo->currentLayer() && combo->currentLayer()->customProperty(kRoleProperty).isValid())
      combo->setLayer(nullptr);
  }
  // A scenario the planner chose (or the project stored) keeps its pickers; a guessed one yields
  // to the run that produced the project's results, pickers included.
  const bool adopt = !m_hasBase || m_baseIsGuess;
  if (!adopt && m_data->regionLayer() && m_data->parkLayer()) return;
  QString geopackage;
  for (QgsMapLayer* layer : project->mapLayers()) {
    if (layer->customProperty(kRoleProperty).toString() == QLatin1String(layers::schema::kCandidates)) {
      geopackage = gpkgTable(layer).first;
      break;
    }
  }
  if (geopackage.isEmpty()) return;
  nlohmann::json dataBlock;
  try {
    const nlohmann::json info = layers::readRunInfo(geopackage);
    dataBlock = info.at("scenario").value("data", nlohmann::json::object());
    if (adopt) {
      // The run's own scenario (absolute data paths), so the tabs show what produced the results.
      const Scenario scenario =
          parseScenario(info.at("scenario"), QFileInfo(geopackage).absolutePath().toStdString());
      m_scenarioPath.clear();
      {
        const QSignalBlocker b1(m_run->scenarioFile()), b2(m_run->scenarioCombo());
        m_run->scenarioFile()->setFilePath(QString());
        m_run->scenarioCombo()->setCurrentIndex(0);
      }
      applyScenario(scenario);
    }
    if (m_gpkg.isEmpty()) {
      m_gpkg = geopackage;
      showStoredResults();
      updateActions();
    }
  } catch (const std::exception& e) {
    log(tr("The run information of %1 cannot be read: %2")
            .arg(QDir::toNativeSeparators(geopackage), shownError(e)),
        Qgis::MessageLevel::Warning);
    return;
  }
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  struct Role {
    const char* key;
    QgsMapLayerComboBox* combo;
    const char* table;  ///< its label as the layer name
  };
  const Role roles[] = {{"regions", m_data->regionCombo(), "regions"},
                        {"parks", m_data->parkCombo(), nullptr},
                        {"exclusions", m_data->zonesCombo(), "sensitive_zones"},
                        {"roads", m_data->roadsCombo(), nullptr}};
  QgsLayerTreeGroup* group = nullptr;
  QStringList missing;
  for (const Role& role : roles) {
    if ((role.combo->currentLayer() && !adopt) || !dataBlock.contains(role.key) ||
        !dataBlock[role.key].is_object())
      continue;
    const nlohmann::json& source = dataBlock[role.key];
    const QString path = QString::fromStdString(source.value("path", std::string()));
    const QString table = QString::fromStdString(source.value("layer", std::string()));
    if (path.isEmpty() || path.startsWith(QLatin1String("PG:"))) continue;
    // A layer of the project reading the same file (and table) is the input.
    QgsMapLayer* found = nullptr;
    for (QgsMapLayer* layer : project->mapLayers()) {
      if (layer->customProperty(kRoleProperty).isValid()) continue;
      const QString layerFile = layer->source().section(QLatin1Char('|'), 0, 0);
      const auto [file, layerTable] = gpkgTable(layer);
      if (QFileInfo(layerFile) == QFileInfo(path) &&
          (table.isEmpty() || layerTable.isEmpty() || layerTable == table)) {
        found = layer;
        break;
      }
    }
    if (!found && QFileInfo::exists(path)) {
      const QString uri = table.isEmpty() ? path : path + QStringLiteral("|layername=") + table;
      QString name = role.table ? layers::resultTableLabel(role.table, zh)
                     : QString::fromLatin1(role.key) == QLatin1String("parks")
                         ? (zh ? QStringLiteral("园区") : QStringLiteral("Parks"))
                         : (zh ? QStringLiteral("道路") : QStringLiteral("Roads"));
      auto layer = std::make_unique<QgsVectorLayer>(uri, name, QStringLiteral("ogr"));
      if (layer->isValid()) {
        if (!group) {
          group = project->layerTreeRoot()->addGroup(zh ? QStringLiteral("本次运行的输入数据")
                                                        : QStringLiteral("Inputs of the run"));
          group->setItemVisibilityChecked(false);
          group->setExpanded(false);
        }
        found = layer.release();
        project->addMapLayer(found, false);
        group->addLayer(found);
      }
    }
    if (found) {
      role.combo->setLayer(found);
    } else {
      if (adopt) role.combo->setLayer(nullptr);  // not a guessed layer that the run did not read
      missing << QDir::toNativeSeparators(path);
    }
  }
  // Opening a results project is not an edit of it: no "save changes?" for the inputs found.
  if (group && !wasDirty) project->setDirty(false);
  if (group) log(tr("Inputs of the run loaded from its run information into “%1”").arg(group->name()));
  if (!missing.isEmpty())
    log(tr("Inputs of the run not found (choose them in the Data tab): %1")
            .arg(missing.join(QStringLiteral(", "))),
        Qgis::MessageLevel::Warning);
}

}  // namespace clustershift::plugin
