#include "data_tab.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include <qgsapplication.h>
#include <qgscollapsiblegroupbox.h>
#include <qgsfieldcombobox.h>
#include <qgsfilewidget.h>
#include <qgsmaplayercombobox.h>
#include <qgsmaplayerproxymodel.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>
#include <QUrl>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <tuple>

#include "clustershift/data.h"
#include "clustershift_layers/labels.h"
#include "field_names.h"
#include "sample_data.h"
#include "widgets.h"

namespace clustershift::plugin {

namespace {

/// OGR file path and layer name of a layer; empty path for non-file layers.
std::pair<QString, QString> fileSource(const QgsMapLayer* layer) {
  if (!layer || layer->providerType() != QLatin1String("ogr")) return {};
  const QVariantMap parts =
      QgsProviderRegistry::instance()->decodeUri(layer->providerType(), layer->source());
  return {parts.value(QStringLiteral("path")).toString(),
          parts.value(QStringLiteral("layerName")).toString()};
}

bool samePath(const QString& a, const QString& b) {
  if (a.isEmpty() || b.isEmpty()) return false;
  const QString ca = QFileInfo(a).canonicalFilePath(), cb = QFileInfo(b).canonicalFilePath();
  return ca.isEmpty() || cb.isEmpty() ? QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath()
                                      : ca == cb;
}

QgsMapLayerComboBox* layerCombo(const QString& name, QgsMapLayerProxyModel::Filters filters,
                                QWidget* parent) {
  auto* combo = new QgsMapLayerComboBox(parent);
  combo->setObjectName(name);
  combo->setFilters(filters);
  combo->setAllowEmptyLayer(true);
  combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  combo->setMinimumContentsLength(10);
  return combo;
}

QFormLayout* compactForm(QWidget* parent) {
  QFormLayout* form = growingForm(parent);
  form->setRowWrapPolicy(QFormLayout::DontWrapRows);
  return form;
}

/// Writes `layer` as the table "table" of a new GeoPackage at `path` (replacing that file);
/// false with QGIS's message in `error` when it fails.
bool writeTableGpkg(QgsVectorLayer* layer, const QString& path, QString& error) {
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = QStringLiteral("GPKG");
  options.layerName = QStringLiteral("table");
  options.actionOnExistingFile = QgsVectorFileWriter::CreateOrOverwriteFile;
  return QgsVectorFileWriter::writeAsVectorFormatV3(layer, path, QgsProject::instance()->transformContext(),
                                                    options, &error) == QgsVectorFileWriter::NoError;
}

}  // namespace

DataTab::DataTab(QWidget* parent) : QScrollArea(parent) {
  QVBoxLayout* main = scrollTabLayout(this, QStringLiteral("dataTab"));
  QWidget* content = main->parentWidget();

  // ---- layers ----
  auto* layersBox = new QGroupBox(tr("Layers"), content);
  auto* layersForm = compactForm(layersBox);
  m_regions = layerCombo(QStringLiteral("regionLayerCombo"), QgsMapLayerProxyModel::PolygonLayer, layersBox);
  m_regions->setToolTip(tr("Polygon layer of regions (prefecture-level units) with the statistics"));
  m_parks = layerCombo(QStringLiteral("parkLayerCombo"),
                       QgsMapLayerProxyModel::PointLayer | QgsMapLayerProxyModel::PolygonLayer, layersBox);
  m_parks->setToolTip(tr("Industrial parks: the candidate host sites"));
  m_zones = layerCombo(QStringLiteral("zonesLayerCombo"), QgsMapLayerProxyModel::PolygonLayer, layersBox);
  m_zones->setToolTip(
      tr("Optional: sensitive zones (ecological red lines, water sources) for the environment criterion"));
  m_roads = layerCombo(QStringLiteral("roadsLayerCombo"), QgsMapLayerProxyModel::LineLayer, layersBox);
  m_roads->setToolTip(tr("Optional: road network for the travel-time criteria"));
  layersForm->addRow(tr("Regions"), m_regions);
  layersForm->addRow(tr("Parks"), m_parks);
  layersForm->addRow(tr("Sensitive zones"), m_zones);
  layersForm->addRow(tr("Roads"), m_roads);
  m_loadSample = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionAddLayer.svg")),
                                 tr("Load sample data"), layersBox);
  m_loadSample->setObjectName(QStringLiteral("loadSampleButton"));
  m_loadSample->setToolTip(tr("Add the sample regions, parks, sensitive zones and roads to the project"));
  connect(m_loadSample, &QPushButton::clicked, this, &DataTab::loadSampleRequested);
  layersForm->addRow(QString(), m_loadSample);
  main->addWidget(layersBox);

  // ---- field pickers ----
  auto addPickers = [&](const QString& title, const QString& prefix, const std::vector<std::string>& keys,
                        std::map<std::string, QgsFieldComboBox*>& pickers) {
    auto* box = new QgsCollapsibleGroupBox(title, content);
    box->setObjectName(prefix + QStringLiteral("Box"));
    auto* form = compactForm(box);
    for (const std::string& key : keys) {
      auto* picker = new QgsFieldComboBox(box);
      picker->setObjectName(prefix + QStringLiteral("_") + QString::fromStdString(key));
      picker->setAllowEmptyFieldName(true);
      picker->setToolTip(tr("Layer field holding the core column “%1”").arg(QString::fromStdString(key)));
      const bool numeric = key != "id" && key != "name" && key != "name_zh" && key != "province" &&
                           key != "level" && key != "lead_industries";
      if (numeric) picker->setFilters(QgsFieldProxyModel::Numeric);
      connect(picker, &QgsFieldComboBox::fieldChanged, this, [this, key, &pickers](const QString& field) {
        auto& map = &pickers == &m_regionFields ? m_regionMap : m_parkMap;
        if (field.isEmpty()) {
          map.erase(key);
        } else {
          map[key] = field.toStdString();
        }
        emit changed();
      });
      pickers[key] = picker;
      auto* label = new QLabel(fieldLabel(key), box);
      label->setToolTip(QString::fromStdString(key));
      form->addRow(label, picker);
    }
    box->setCollapsed(true);
    main->addWidget(box);
  };
  addPickers(tr("Region fields"), QStringLiteral("regionField"), regionFieldKeys(), m_regionFields);
  addPickers(tr("Park fields"), QStringLiteral("parkField"), parkFieldKeys(), m_parkFields);

  // ---- tables and options ----
  auto* tablesBox = new QGroupBox(tr("Tables and options"), content);
  auto* tablesForm = compactForm(tablesBox);
  auto fileWidget = [&](const QString& name, const QString& tip) {
    auto* w = new QgsFileWidget(tablesBox);
    w->setObjectName(name);
    w->setStorageMode(QgsFileWidget::GetFile);
    w->setFilter(tr("Tables (*.csv *.xlsx *.ods *.gpkg);;All files (*)"));
    w->setToolTip(tip);
    connect(w, &QgsFileWidget::fileChanged, this, &DataTab::changed);
    return w;
  };
  m_industryTable =
      fileWidget(QStringLiteral("industryTableFile"),
                 tr("Region × industry output (亿元): first column region_id, one column per industry code"));
  m_ioTable =
      fileWidget(QStringLiteral("ioTableFile"),
                 tr("Input-output technical coefficients: first column sector, same labels as the header"));
  auto tableRow = [&](QgsFileWidget* widget, QWidget* button) {
    auto* row = new QHBoxLayout();
    row->setSpacing(2);
    row->addWidget(widget, 1);
    row->addWidget(button);
    return row;
  };
  tablesForm->addRow(
      tr("Industry output"),
      tableRow(m_industryTable, tableLayerButton(QStringLiteral("industryTableLayerButton"), m_industryTable,
                                                 m_industryFromLayer, tablesBox)));
  tablesForm->addRow(tr("IO table"),
                     tableRow(m_ioTable, tableLayerButton(QStringLiteral("ioTableLayerButton"), m_ioTable,
                                                          m_ioFromLayer, tablesBox)));
  m_encoding = new QComboBox(tablesBox);
  m_encoding->setObjectName(QStringLiteral("encodingCombo"));
  m_encoding->addItem(tr("auto"), QString());
  for (const char* e : {"UTF-8", "GBK", "GB18030"})
    m_encoding->addItem(QString::fromLatin1(e), QString::fromLatin1(e));
  m_encoding->setToolTip(tr("Attribute encoding of shapefile inputs (DBF without .cpg)"));
  connect(m_encoding, qOverload<int>(&QComboBox::currentIndexChanged), this, &DataTab::changed);
  tablesForm->addRow(tr("Encoding"), m_encoding);
  m_coordinates = new QComboBox(tablesBox);
  m_coordinates->setObjectName(QStringLiteral("coordinatesCombo"));
  m_coordinates->addItem(tr("WGS84 / CGCS2000"), QStringLiteral("wgs84"));
  m_coordinates->addItem(tr("GCJ-02 (Amap, Tencent)"), QStringLiteral("gcj02"));
  m_coordinates->addItem(tr("BD-09 (Baidu)"), QStringLiteral("bd09"));
  m_coordinates->setToolTip(tr("Coordinate system of the park points (web-map coordinates are converted)"));
  connect(m_coordinates, qOverload<int>(&QComboBox::currentIndexChanged), this, &DataTab::changed);
  tablesForm->addRow(tr("Park coordinates"), m_coordinates);
  main->addWidget(tablesBox);

  // ---- problems ----
  auto* problemsBox = new QGroupBox(tr("Data problems"), content);
  auto* problemsLayout = new QVBoxLayout(problemsBox);
  m_problems = new QListWidget(problemsBox);
  m_problems->setObjectName(QStringLiteral("problemsList"));
  m_problems->setWordWrap(true);
  m_problems->setTextElideMode(Qt::ElideNone);
  m_problems->setMinimumHeight(120);
  m_problems->setToolTip(
      tr("Checked whenever the layers, fields or the scenario change; double-click a problem to show its "
         "feature"));
  connect(m_problems, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
    const QString id = item ? item->data(Qt::UserRole + 1).toString() : QString();
    if (!id.isEmpty()) emit problemActivated(id);
  });
  problemsLayout->addWidget(m_problems);
  main->addWidget(problemsBox, 1);

  connect(m_regions, &QgsMapLayerComboBox::layerChanged, this, &DataTab::regionLayerChanged);
  connect(m_parks, &QgsMapLayerComboBox::layerChanged, this, &DataTab::parkLayerChanged);
  connect(m_zones, &QgsMapLayerComboBox::layerChanged, this, &DataTab::changed);
  connect(m_roads, &QgsMapLayerComboBox::layerChanged, this, &DataTab::changed);
  regionLayerChanged();
  parkLayerChanged();
}

QgsVectorLayer* DataTab::regionLayer() const {
  return qobject_cast<QgsVectorLayer*>(m_regions->currentLayer());
}
QgsVectorLayer* DataTab::parkLayer() const { return qobject_cast<QgsVectorLayer*>(m_parks->currentLayer()); }
QgsVectorLayer* DataTab::zonesLayer() const { return qobject_cast<QgsVectorLayer*>(m_zones->currentLayer()); }
QgsVectorLayer* DataTab::roadsLayer() const { return qobject_cast<QgsVectorLayer*>(m_roads->currentLayer()); }

QString DataTab::regionField(const std::string& key) const {
  const auto it = m_regionFields.find(key);
  return it == m_regionFields.end() ? QString() : it->second->currentField();
}

QString DataTab::parkField(const std::string& key) const {
  const auto it = m_parkFields.find(key);
  return it == m_parkFields.end() ? QString() : it->second->currentField();
}

QString DataTab::encoding() const { return m_encoding->currentData().toString(); }

void DataTab::regionLayerChanged() {
  prefill(m_regionFields, regionLayer(), m_regionMap);
  emit changed();
}

void DataTab::parkLayerChanged() {
  prefill(m_parkFields, parkLayer(), m_parkMap);
  emit changed();
}

void DataTab::prefill(std::map<std::string, QgsFieldComboBox*>& pickers, QgsVectorLayer* layer,
                      const std::map<std::string, std::string>& mapped) {
  for (auto& [key, picker] : pickers) {
    const QSignalBlocker blocker(picker);
    picker->setLayer(layer);
    if (!layer) continue;
    QStringList wanted;
    if (const auto it = mapped.find(key); it != mapped.end()) wanted << QString::fromStdString(it->second);
    wanted << QString::fromStdString(key);
    if (const auto it = fieldAliases().find(key); it != fieldAliases().end()) wanted << it->second;
    QString chosen;
    const QgsFields fields = layer->fields();
    for (const QString& name : wanted) {
      for (int i = 0; i < fields.count() && chosen.isEmpty(); ++i) {
        if (fields.at(i).name().compare(name, Qt::CaseInsensitive) == 0) chosen = fields.at(i).name();
      }
      if (!chosen.isEmpty()) break;
    }
    picker->setField(chosen);
  }
}

QWidget* DataTab::tableLayerButton(const QString& name, QgsFileWidget* target,
                                   std::pair<QString, QString>& fromLayer, QWidget* parent) {
  auto* button = new QToolButton(parent);
  button->setObjectName(name);
  button->setIcon(QgsApplication::getThemeIcon(QStringLiteral("/mIconTableLayer.svg")));
  button->setToolTip(tr("Use a table layer of the project (CSV, spreadsheet or GeoPackage table)"));
  button->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(button);
  connect(menu, &QMenu::aboutToShow, this, [this, menu, target, &fromLayer] {
    menu->clear();
    for (QgsMapLayer* layer : QgsProject::instance()->mapLayers()) {
      auto* vector = qobject_cast<QgsVectorLayer*>(layer);
      if (!vector || vector->isSpatial() ||
          layer->customProperty(QStringLiteral("clustershift/role")).isValid())
        continue;  // result tables are no inputs
      const QVariantMap parts =
          QgsProviderRegistry::instance()->decodeUri(layer->providerType(), layer->source());
      QString path = parts.value(QStringLiteral("path")).toString();
      if (path.isEmpty() && layer->source().startsWith(QLatin1String("file:")))
        path = QUrl(layer->source().section(QLatin1Char('?'), 0, 0)).toLocalFile();
      if (path.isEmpty() || !QFileInfo::exists(path)) {
        // No file behind it (memory layer, database table): the run reads a copy of it.
        if (!m_tableCopies.isValid()) continue;
        QAction* action = menu->addAction(tr("%1 (a copy is used)").arg(layer->name()));
        action->setToolTip(
            tr("The layer has no file: its rows are copied into a temporary GeoPackage "
               "for the run and copied again when they change"));
        const QString layerId = layer->id();
        connect(action, &QAction::triggered, this,
                [this, target, &fromLayer, layerId] { copyTableLayer(layerId, target, fromLayer); });
        continue;
      }
      const QString layerName = parts.value(QStringLiteral("layerName")).toString();
      QAction* action = menu->addAction(layer->name());
      action->setToolTip(QDir::toNativeSeparators(path));
      connect(action, &QAction::triggered, this, [target, &fromLayer, path, layerName] {
        fromLayer = {path, layerName};
        target->setFilePath(path);
      });
    }
    if (menu->isEmpty()) menu->addAction(tr("No table layers in the project"))->setEnabled(false);
  });
  button->setMenu(menu);
  return button;
}

bool DataTab::copyTableLayer(const QString& layerId, QgsFileWidget* target,
                             std::pair<QString, QString>& fromLayer) {
  auto* chosen = qobject_cast<QgsVectorLayer*>(QgsProject::instance()->mapLayer(layerId));
  if (!chosen || !m_tableCopies.isValid()) return false;
  const QString copy = m_tableCopies.filePath(QStringLiteral("%1.gpkg").arg(target->objectName()));
  auto write = [this, copy, layerId]() -> bool {
    auto* source = qobject_cast<QgsVectorLayer*>(QgsProject::instance()->mapLayer(layerId));
    if (!source) return false;
    QString error;
    if (!writeTableGpkg(source, copy, error)) {
      emit message(tr("Cannot copy the table layer %1: %2").arg(source->name(), error));
      return false;
    }
    return true;
  };
  if (!write()) return false;
  // Edits of the layer reach the next run: the copy follows them.
  connect(chosen, &QgsVectorLayer::dataChanged, this, [this, write, target, copy] {
    if (target->filePath() == copy && write()) emit changed();
  });
  fromLayer = {copy, QStringLiteral("table")};
  m_copySources[target] = layerId;
  target->setFilePath(copy);
  return true;
}

QString DataTab::copySource(QgsFileWidget* target) const {
  const auto it = m_copySources.find(target);
  if (it == m_copySources.end() || !m_tableCopies.isValid()) return {};
  const QString copy = m_tableCopies.filePath(QStringLiteral("%1.gpkg").arg(target->objectName()));
  return target->filePath() == copy ? it->second : QString();
}

QString DataTab::industryTableLayerId() const { return copySource(m_industryTable); }
QString DataTab::ioTableLayerId() const { return copySource(m_ioTable); }

QStringList DataTab::temporaryTableLayers() const {
  QStringList names;
  for (QgsFileWidget* widget : {m_industryTable, m_ioTable}) {
    const QString id = copySource(widget);
    if (id.isEmpty()) continue;
    const QgsMapLayer* layer = QgsProject::instance()->mapLayer(id);
    names << (layer ? layer->name() : id);
  }
  return names;
}

QStringList DataTab::keepTableCopies(const QString& folder, QString& error) {
  QStringList written;
  error.clear();
  const std::pair<QgsFileWidget*, std::pair<QString, QString>*> tables[] = {
      {m_industryTable, &m_industryFromLayer}, {m_ioTable, &m_ioFromLayer}};
  for (const auto& [widget, fromLayer] : tables) {
    const QString id = copySource(widget);
    auto* layer = qobject_cast<QgsVectorLayer*>(QgsProject::instance()->mapLayer(id));
    if (id.isEmpty() || !layer) continue;
    // A free name: an existing file (perhaps the planner's own data) is never replaced.
    QString base = layer->name();
    base.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
    QString target = QDir(folder).filePath(base + QStringLiteral(".gpkg"));
    for (int n = 2; QFileInfo::exists(target); ++n)
      target = QDir(folder).filePath(QStringLiteral("%1_%2.gpkg").arg(base).arg(n));
    const QString partial = target + QStringLiteral(".part.gpkg");
    QString writeError;
    if (!writeTableGpkg(layer, partial, writeError) || !QFile::rename(partial, target)) {
      QFile::remove(partial);
      error = tr("Cannot save the table layer %1 as %2: %3")
                  .arg(layer->name(), QDir::toNativeSeparators(target),
                       writeError.isEmpty() ? tr("the file cannot be renamed") : writeError);
      return written;
    }
    m_copySources.erase(widget);
    *fromLayer = {target, QStringLiteral("table")};
    widget->setFilePath(target);
    written << target;
  }
  if (!written.isEmpty()) emit changed();
  return written;
}

void DataTab::reattachTableLayers(const QString& industryLayerId, const QString& ioLayerId) {
  const std::tuple<QgsFileWidget*, std::pair<QString, QString>*, QString> tables[] = {
      {m_industryTable, &m_industryFromLayer, industryLayerId}, {m_ioTable, &m_ioFromLayer, ioLayerId}};
  for (const auto& [widget, fromLayer, id] : tables) {
    if (id.isEmpty() || (!widget->filePath().isEmpty() && QFileInfo::exists(widget->filePath()))) continue;
    auto* layer = qobject_cast<QgsVectorLayer*>(QgsProject::instance()->mapLayer(id));
    if (layer && layer->featureCount() > 0 && copyTableLayer(id, widget, *fromLayer)) {
      emit message(tr("Table copied again from the layer %1").arg(layer->name()));
      continue;
    }
    {
      const QSignalBlocker blocker(widget);
      widget->setFilePath(QString());
    }
    emit message(
        tr("A table of the scenario was a copy of the layer %1, which is not in the project with "
           "its rows any more (a memory layer is not saved with the project): choose the table again.")
            .arg(layer ? layer->name() : id));
    emit changed();
  }
}

void DataTab::setOptionalSource(QgsMapLayerComboBox* combo, const std::optional<DataSource>& source,
                                QString& fileItem) {
  const QSignalBlocker blocker(combo);
  combo->setAdditionalItems({});
  fileItem.clear();
  if (!source || source->path.empty()) {
    combo->setLayer(nullptr);
    return;
  }
  const QString path = QString::fromStdString(source->path);
  for (QgsMapLayer* layer : QgsProject::instance()->mapLayers()) {
    const auto [layerPath, layerName] = fileSource(layer);
    if (samePath(layerPath, path) && (source->layer.empty() || layerName.isEmpty() ||
                                      layerName == QString::fromStdString(source->layer))) {
      combo->setLayer(layer);
      if (combo->currentLayer() == layer) return;
    }
  }
  // Not in the project: keep the scenario's file, shown as an extra entry.
  fileItem = tr("File: %1").arg(QFileInfo(path).fileName());
  combo->setAdditionalItems({fileItem});
  combo->setCurrentIndex(combo->findText(fileItem));
}

std::optional<DataSource> DataTab::optionalSource(const QgsMapLayerComboBox* combo, const QString& fileItem,
                                                  const std::optional<DataSource>& scenarioSource) const {
  if (QgsMapLayer* layer = combo->currentLayer()) {
    const auto [path, layerName] = fileSource(layer);
    if (path.isEmpty()) return scenarioSource;  // memory layers cannot be passed on (yet)
    DataSource source;
    source.path = path.toStdString();
    source.layer = layerName.toStdString();
    return source;
  }
  if (!fileItem.isEmpty() && combo->currentText() == fileItem) return scenarioSource;
  return std::nullopt;
}

void DataTab::setScenario(const Scenario& scenario) {
  m_regionMap = scenario.data.regions.fields;
  m_parkMap = scenario.data.parks.fields;
  prefill(m_regionFields, regionLayer(), m_regionMap);
  prefill(m_parkFields, parkLayer(), m_parkMap);
  {
    const QSignalBlocker b1(m_industryTable), b2(m_ioTable), b3(m_encoding), b4(m_coordinates);
    m_industryTable->setFilePath(scenario.data.industryOutput
                                     ? QString::fromStdString(scenario.data.industryOutput->path)
                                     : QString());
    m_ioTable->setFilePath(scenario.data.ioTable ? QString::fromStdString(scenario.data.ioTable->path)
                                                 : QString());
    const int ei = m_encoding->findData(QString::fromStdString(scenario.data.regions.encoding));
    m_encoding->setCurrentIndex(ei >= 0 ? ei : 0);
    const int ci = m_coordinates->findData(QString::fromStdString(scenario.data.parks.coordinates));
    m_coordinates->setCurrentIndex(ci >= 0 ? ci : 0);
  }
  m_zonesSource = scenario.data.exclusions;
  m_roadsSource = scenario.data.roads;
  setOptionalSource(m_zones, m_zonesSource, m_zonesFileItem);
  setOptionalSource(m_roads, m_roadsSource, m_roadsFileItem);
  emit changed();
}

void DataTab::applyTo(Scenario& scenario) const {
  auto applyFields = [](const std::map<std::string, QgsFieldComboBox*>& pickers, DataSource& source) {
    for (const auto& [key, picker] : pickers) {
      const std::string field = picker->currentField().toStdString();
      if (field.empty() || field == key) {
        source.fields.erase(key);  // default: the column's own name
      } else {
        source.fields[key] = field;
      }
    }
  };
  auto applyLayer = [](const QgsMapLayer* layer, DataSource& source) {
    const auto [path, layerName] = fileSource(layer);
    if (path.isEmpty()) return;
    source.path = path.toStdString();
    source.layer = layerName.toStdString();
  };
  applyLayer(regionLayer(), scenario.data.regions);
  applyLayer(parkLayer(), scenario.data.parks);
  if (regionLayer()) applyFields(m_regionFields, scenario.data.regions);
  if (parkLayer()) applyFields(m_parkFields, scenario.data.parks);

  auto applyTable = [](QgsFileWidget* widget, const std::pair<QString, QString>& fromLayer,
                       std::optional<DataSource>& source) {
    const QString path = widget->filePath();
    if (path.isEmpty()) {
      source.reset();
      return;
    }
    if (!source) source = DataSource{};
    if (source->path != path.toStdString()) source->layer.clear();  // another file: its first table
    source->path = path.toStdString();
    if (!fromLayer.first.isEmpty() && fromLayer.first == path) source->layer = fromLayer.second.toStdString();
  };
  applyTable(m_industryTable, m_industryFromLayer, scenario.data.industryOutput);
  applyTable(m_ioTable, m_ioFromLayer, scenario.data.ioTable);

  const std::string enc = encoding().toStdString();
  scenario.data.regions.encoding = enc;
  scenario.data.parks.encoding = enc;
  scenario.data.parks.coordinates = m_coordinates->currentData().toString().toStdString();
  scenario.data.exclusions = optionalSource(m_zones, m_zonesFileItem, m_zonesSource);
  scenario.data.roads = optionalSource(m_roads, m_roadsFileItem, m_roadsSource);
}

void DataTab::setProblems(const std::vector<Problem>& problems, const QString& note) {
  m_problems->clear();
  const QStyle* st = style();
  if (!note.isEmpty()) {
    m_problems->addItem(new QListWidgetItem(st->standardIcon(QStyle::SP_MessageBoxInformation), note));
    return;
  }
  if (problems.empty()) {
    m_problems->addItem(new QListWidgetItem(QgsApplication::getThemeIcon(QStringLiteral("/mIconSuccess.svg")),
                                            tr("No problems found in the data.")));
    return;
  }
  // Fatal ones first: they stop a run.
  for (const Severity severity : {Severity::Fatal, Severity::Warning}) {
    for (const Problem& p : problems) {
      if (p.severity != severity) continue;
      const QString text = layers::problemText(p, uiLanguage() == QLatin1String("zh_CN"));
      auto* item =
          new QListWidgetItem(st->standardIcon(severity == Severity::Fatal ? QStyle::SP_MessageBoxCritical
                                                                           : QStyle::SP_MessageBoxWarning),
                              text);
      item->setToolTip(text);
      item->setData(Qt::UserRole,
                    severity == Severity::Fatal ? QStringLiteral("error") : QStringLiteral("warning"));
      item->setData(Qt::UserRole + 1, QString::fromStdString(p.featureId));
      m_problems->addItem(item);
    }
  }
}

}  // namespace clustershift::plugin
