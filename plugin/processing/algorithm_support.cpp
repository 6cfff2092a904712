#include "processing/algorithm_support.h"

#include "clustershift_layers/labels.h"
#include "clustershift_layers/layers.h"
#include "clustershift/methods.h"
#include "clustershift/util.h"

#include <qgsapplication.h>
#include <qgsfeaturerequest.h>
#include <qgsfeaturesink.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingparameters.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <filesystem>
#include <set>

namespace clustershift::processing {

namespace {

/// Problems and errors are worded in Chinese in a Chinese QGIS (any zh* locale), else in English.
bool chineseUi() { return QgsApplication::locale().startsWith(QLatin1String("zh")); }

}  // namespace

// ---- feedback ----------------------------------------------------------------------------

void ProcessingFeedback::setPhase(double start, double end) {
  std::lock_guard<std::mutex> lock(m_forwardMutex);
  m_start = start;
  m_end = end;
}

void ProcessingFeedback::setProgress(double fraction, const std::string& stage) {
  Feedback::setProgress(fraction, stage);
  if (!m_feedback) return;
  std::lock_guard<std::mutex> lock(m_forwardMutex);
  m_feedback->setProgress(100.0 * util::scaleProgress(fraction, m_start, m_end));
}

bool ProcessingFeedback::isCanceled() const {
  return Feedback::isCanceled() || (m_feedback && m_feedback->isCanceled());
}

void ProcessingFeedback::pushInfo(const QString& text) {
  if (m_feedback) m_feedback->pushInfo(text);
}

void ProcessingFeedback::pushWarnings(const std::vector<Problem>& warnings, std::size_t maxShown) {
  if (!m_feedback) return;
  std::size_t shown = 0;
  for (const Problem& p : warnings) {
    if (shown++ == maxShown) {
      m_feedback->pushWarning(QCoreApplication::translate("ClusterShift", "… and %1 more warnings")
                                  .arg(warnings.size() - maxShown));
      break;
    }
    // In the UI language, like the dock (codes and values worded with units).
    m_feedback->pushWarning(layers::problemText(p, chineseUi()));
  }
}

// ---- names and lists ---------------------------------------------------------------------

namespace param {
QString regionField(const std::string& key) {
  return QStringLiteral("REGIONS_FIELD_") + QString::fromStdString(key).toUpper();
}
QString parkField(const std::string& key) {
  return QStringLiteral("PARKS_FIELD_") + QString::fromStdString(key).toUpper();
}
}  // namespace param

QStringList presetNames() {
  std::set<std::string> names;
  for (const std::string& dir : presetSearchPath()) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".json") names.insert(it->path().stem().string());
  }
  if (names.empty()) names = {"electronics", "footwear", "leather_goods", "textiles_apparel"};
  QStringList list;
  for (const std::string& n : names) list << QString::fromStdString(n);
  return list;
}

namespace {

const QStringList kModes = {QStringLiteral("complete"), QStringLiteral("partial"),
                            QStringLiteral("replication")};
/// Names of a descriptor table (clustershift/methods.h), `keep` only when given.
QStringList methodList(const std::vector<MethodInfo>& table, const std::vector<std::string>& keep = {}) {
  QStringList list;
  for (const MethodInfo& m : table) {
    if (keep.empty() || std::find(keep.begin(), keep.end(), m.name) != keep.end())
      list << QString::fromUtf8(m.name);
  }
  return list;
}

const QStringList kAggregations = methodList(aggregations());
// The weightings that need no pairwise matrix (ahp, blend: from a scenario file).
const QStringList kWeightings =
    methodList(weightingMethods(), {info(WeightingMethod::Direct).name, info(WeightingMethod::Entropy).name,
                                    info(WeightingMethod::Critic).name});

// The criteria of a run without a scenario file: those of the sample scenarios that need no
// extra layer (labour cost, land with the 1.0 floor, distance, policy level, land price).
nlohmann::json defaultCriteria() {
  return nlohmann::json::array({
      {{"id", "labour_cost"}, {"weight", 0.32}},
      {{"id", "land"}, {"weight", 0.15}, {"min", 1.0}},
      {{"id", "distance_source"}, {"weight", 0.13}, {"direction", "cost"}},
      {{"id", "policy_level"}, {"weight", 0.1}},
      {{"id", "field:land_price"}, {"weight", 0.2}, {"direction", "cost"}},
  });
}

std::string utf8(const QString& s) { return s.toUtf8().toStdString(); }

}  // namespace

PreparedRun::PreparedRun() = default;
PreparedRun::~PreparedRun() = default;
PreparedRun::PreparedRun(PreparedRun&&) noexcept = default;
PreparedRun& PreparedRun::operator=(PreparedRun&&) noexcept = default;

// ---- AlgorithmBase -----------------------------------------------------------------------

QString AlgorithmBase::group() const { return QString(); }
QString AlgorithmBase::groupId() const { return QString(); }

void AlgorithmBase::fail(const QString& parameter, const QString& message) const {
  throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") + parameter + QStringLiteral(": ") +
                               message);
}

QVariantMap AlgorithmBase::guarded(const std::function<QVariantMap()>& body) const {
  const QString prefix = qualifiedName() + QStringLiteral(": ");
  try {
    return body();
  } catch (const QgsProcessingException&) {
    throw;
  } catch (const ValidationError& e) {
    QStringList lines;
    for (const Problem& p : e.problems())
      if (p.severity == Severity::Fatal) lines << layers::problemText(p, chineseUi());
    const int total = lines.size();
    if (total > 20) {
      lines = lines.mid(0, 20);
      lines << tr("… and %1 more").arg(total - 20);
    }
    throw QgsProcessingException(prefix + tr("the scenario or its data has %1 problem(s):").arg(total) +
                                 QStringLiteral("\n") + lines.join(QLatin1Char('\n')));
  } catch (const Cancelled&) {
    throw QgsProcessingException(prefix + tr("cancelled"));
  } catch (const Error& e) {
    throw QgsProcessingException(prefix + layers::errorText(e, chineseUi()));
  } catch (const std::exception& e) {
    throw QgsProcessingException(prefix + tr("internal error: %1").arg(QString::fromStdString(e.what())));
  }
}

namespace {
/// The scenario the ClusterShift dock saved in the project (plugin/project_state.cpp: scope
/// "ClusterShift", key "/scenario"); "" when none.
QString savedScenarioJson(const QgsProject* project) {
  return project ? project->readEntry(QStringLiteral("ClusterShift"), QStringLiteral("/scenario"))
                 : QString();
}

/// Styles an output layer once QGIS has loaded it into the project.
class StylePostProcessor : public QgsProcessingLayerPostProcessorInterface {
 public:
  explicit StylePostProcessor(std::function<void(QgsVectorLayer*)> style) : m_style(std::move(style)) {}
  void postProcessLayer(QgsMapLayer* layer, QgsProcessingContext&, QgsProcessingFeedback*) override {
    if (auto* vector = qobject_cast<QgsVectorLayer*>(layer)) m_style(vector);
  }

 private:
  std::function<void(QgsVectorLayer*)> m_style;
};
}  // namespace

QString AlgorithmBase::copyToSink(const QVariantMap& parameters, const QString& name,
                                  QgsProcessingContext& context, QgsVectorLayer* layer,
                                  QgsProcessingFeedback* feedback,
                                  std::function<void(QgsVectorLayer*)> style) const {
  if (!layer)
    throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") +
                                 tr("no result layer for %1").arg(name));
  QString destination;
  std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(parameters, name, context, destination,
                                                       layer->fields(), layer->wkbType(), layer->crs()));
  if (!sink) throw QgsProcessingException(invalidSinkError(parameters, name));
  if (style && context.willLoadLayerOnCompletion(destination))
    context.layerToLoadOnCompletionDetails(destination)
        .setPostProcessor(new StylePostProcessor(std::move(style)));
  QgsFeatureIterator it = layer->getFeatures();
  QgsFeature f;
  while (it.nextFeature(f)) {
    if (feedback && feedback->isCanceled())
      throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") + tr("cancelled"));
    if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
      throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") + name + QStringLiteral(": ") +
                                   tr("cannot write feature %1 (%2)").arg(f.id()).arg(sink->lastError()));
  }
  return destination;
}

void AlgorithmBase::addScenarioParameters() {
  addParameter(new QgsProcessingParameterFeatureSource(param::kRegions,
                                                       tr("Regions (polygons with the core columns)"),
                                                       QList<int>{QgsProcessing::TypeVectorPolygon}));
  addParameter(new QgsProcessingParameterFeatureSource(param::kParks,
                                                       tr("Industrial parks (points or polygons)"),
                                                       QList<int>{QgsProcessing::TypeVectorAnyGeometry}));
  addParameter(new QgsProcessingParameterFeatureSource(
      param::kZones, tr("Sensitive zones"), QList<int>{QgsProcessing::TypeVectorPolygon}, QVariant(), true));
  addParameter(new QgsProcessingParameterFeatureSource(
      param::kRoads, tr("Roads"), QList<int>{QgsProcessing::TypeVectorLine}, QVariant(), true));
  addParameter(new QgsProcessingParameterFile(param::kScenario, tr("Scenario file (JSON)"),
                                              QgsProcessingParameterFile::File, QStringLiteral("json"),
                                              QVariant(), true, tr("Scenario files (*.json)")));
  QStringList presets{tr("(from the scenario file)")};
  presets << presetNames();
  addParameter(new QgsProcessingParameterEnum(
      param::kPreset, tr("Cluster preset (instead of the scenario's cluster)"), presets, false, 0, false));
  addParameter(new QgsProcessingParameterString(
      param::kSourceRegion, tr("Source region id (required without a scenario file, e.g. 330300)"),
      QVariant(), false, true));
  addParameter(new QgsProcessingParameterEnum(
      param::kMode, tr("Transfer mode"),
      QStringList{tr("(from the scenario file; complete without one)")} + kModes, false, 0, false));
  addParameter(new QgsProcessingParameterEnum(
      param::kAggregation, tr("Aggregation"),
      QStringList{tr("(from the scenario file; wlc without one)")} + kAggregations, false, 0, false));
  addParameter(new QgsProcessingParameterEnum(
      param::kWeighting, tr("Weighting"),
      QStringList{tr("(from the scenario file; direct without one)")} + kWeightings, false, 0, false));
  addParameter(new QgsProcessingParameterString(
      param::kMovedSegments,
      tr("Moved segments for a partial transfer (e.g. production;assembly; empty = the scenario's)"),
      QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(
      param::kTemplatePark, tr("Template park for replication (park id; empty = the scenario's)"), QVariant(),
      false, true));
  addParameter(new QgsProcessingParameterNumber(
      param::kReplicationScale, tr("Replication scale λ (0 = the scenario's, 0.5 without one)"),
      QgsProcessingParameterNumber::Double, 0.0, true, 0.0, 1.0));
  addParameter(new QgsProcessingParameterNumber(
      param::kDraws, tr("Robustness draws (SMAA; -1 = from the scenario file, 0 = none)"),
      QgsProcessingParameterNumber::Integer, -1, false, -1, 100000));
  addParameter(new QgsProcessingParameterFile(
      param::kIndustryOutput, tr("Industry output table (CSV; overrides the scenario's)"),
      QgsProcessingParameterFile::File, QStringLiteral("csv"), QVariant(), true, tr("CSV files (*.csv)")));
  addParameter(new QgsProcessingParameterFile(
      param::kIoTable, tr("Input-output coefficients (CSV; overrides the scenario's)"),
      QgsProcessingParameterFile::File, QStringLiteral("csv"), QVariant(), true, tr("CSV files (*.csv)")));
  // Field maps: defaults are the core column names; a value other than the default overrides
  // the scenario file's mapping of that column.
  auto addField = [this](const QString& name, const std::string& key, const QString& parent,
                         const QString& what) {
    auto* p = new QgsProcessingParameterField(name, what.arg(QString::fromStdString(key)),
                                              QString::fromStdString(key), parent,
                                              QgsProcessingParameterField::Any, false, true);
    p->setFlags(p->flags() | QgsProcessingParameterDefinition::FlagAdvanced);
    addParameter(p);
  };
  for (const std::string& key : regionFieldKeys())
    addField(param::regionField(key), key, param::kRegions, tr("Regions field for '%1'"));
  for (const std::string& key : parkFieldKeys())
    addField(param::parkField(key), key, param::kParks, tr("Parks field for '%1'"));
}

PreparedRun AlgorithmBase::prepareRun(const QVariantMap& parameters, QgsProcessingContext& context,
                                      ProcessingFeedback& feedback,
                                      const nlohmann::json& extraEffects) const {
  PreparedRun prepared;
  auto materialize = [&](const QString& name, bool required) -> std::unique_ptr<QgsVectorLayer> {
    std::unique_ptr<QgsProcessingFeatureSource> source(parameterAsSource(parameters, name, context));
    if (!source) {
      if (required) throw QgsProcessingException(invalidSourceError(parameters, name));
      return nullptr;
    }
    std::unique_ptr<QgsVectorLayer> layer(source->materialize(QgsFeatureRequest()));
    if (!layer || !layer->isValid()) fail(name, tr("cannot read the layer '%1'").arg(source->sourceName()));
    return layer;
  };
  prepared.regions = materialize(param::kRegions, true);
  prepared.parks = materialize(param::kParks, true);
  feedback.checkCanceled();

  // ---- the scenario JSON: a file, or a default one for a preset ----
  nlohmann::json j;
  std::string baseDir;
  const QString scenarioPath = parameterAsFile(parameters, param::kScenario, context);
  const QStringList presets = presetNames();
  const int presetIndex = parameterAsEnum(parameters, param::kPreset, context);
  if (presetIndex < 0 || presetIndex > presets.size())
    fail(param::kPreset, tr("no preset with index %1 (0–%2)").arg(presetIndex).arg(presets.size()));
  const QString preset = presetIndex > 0 ? presets.at(presetIndex - 1) : QString();
  const QString sourceRegion = parameterAsString(parameters, param::kSourceRegion, context).trimmed();
  if (!scenarioPath.isEmpty()) {
    QFile file(scenarioPath);
    if (!file.open(QIODevice::ReadOnly)) fail(param::kScenario, tr("cannot read '%1'").arg(scenarioPath));
    try {
      j = nlohmann::json::parse(file.readAll().toStdString());
    } catch (const nlohmann::json::exception& e) {
      fail(param::kScenario,
           tr("'%1' is not valid JSON (%2)").arg(scenarioPath, QString::fromUtf8(e.what())));
    }
    if (!j.is_object()) fail(param::kScenario, tr("'%1' does not hold a JSON object").arg(scenarioPath));
    baseDir = utf8(QFileInfo(scenarioPath).absolutePath());
  } else if (const QString saved = savedScenarioJson(context.project());
             preset.isEmpty() && !saved.isEmpty()) {
    // No file and no preset: the scenario the ClusterShift dock saved in the project (paths in it
    // are absolute); the parameters below still override it.
    try {
      j = nlohmann::json::parse(saved.toStdString());
    } catch (const nlohmann::json::exception& e) {
      fail(param::kScenario,
           tr("the project's saved scenario is not valid JSON (%1)").arg(QString::fromUtf8(e.what())));
    }
    if (!j.is_object())
      fail(param::kScenario, tr("the project's saved scenario does not hold a JSON object"));
    const QString projectDir = context.project() ? context.project()->absolutePath() : QString();
    baseDir = utf8(projectDir.isEmpty() ? QDir::currentPath() : projectDir);
    feedback.pushInfo(tr("Scenario: the one saved in the project"));
  } else {
    if (preset.isEmpty())
      fail(param::kPreset,
           tr("choose a cluster preset (%1), give a SCENARIO file or save a scenario in the project "
              "(ClusterShift panel)")
               .arg(presets.join(QStringLiteral(", "))));
    if (sourceRegion.isEmpty())
      fail(param::kSourceRegion,
           tr("required when no SCENARIO file is given (a region id of the REGIONS layer)"));
    const QString mode = kModes.value(std::max(0, parameterAsEnum(parameters, param::kMode, context) - 1));
    j = {{"version", kScenarioVersion},
         {"name", utf8(preset + QLatin1Char('_') + sourceRegion + QLatin1Char('_') + mode)},
         {"title",
          {{"en", utf8(QStringLiteral("%1 from %2: %3 transfer").arg(preset, sourceRegion, mode))},
           {"zh_CN", utf8(QStringLiteral("%1（%2）%3").arg(preset, sourceRegion, mode))}}},
         {"data",
          {{"regions", {{"path", utf8(prepared.regions->name())}}},
           {"parks", {{"path", utf8(prepared.parks->name())}}}}},
         {"source", {{"region", utf8(sourceRegion)}}},
         {"criteria", defaultCriteria()}};
    baseDir = utf8(QDir::currentPath());
  }

  // ---- parameters override the file ----
  if (!preset.isEmpty()) j["cluster"] = {{"preset", utf8(preset)}};
  if (!sourceRegion.isEmpty()) {
    nlohmann::json& source = j["source"];
    if (!source.is_object()) source = nlohmann::json::object();
    if (source.value("region", std::string()) != utf8(sourceRegion)) {
      source = {{"region", utf8(sourceRegion)}};  // the file's lon/lat belong to its own source
    }
  }
  if (const int m = parameterAsEnum(parameters, param::kMode, context); m > 0)
    j["mode"] = utf8(kModes.value(m - 1));
  if (const int a = parameterAsEnum(parameters, param::kAggregation, context); a > 0)
    j["aggregation"] = utf8(kAggregations.value(a - 1));
  if (const int w = parameterAsEnum(parameters, param::kWeighting, context); w > 0)
    j["weighting"] = {{"method", utf8(kWeightings.value(w - 1))}};
  if (const QString moved = parameterAsString(parameters, param::kMovedSegments, context).trimmed();
      !moved.isEmpty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const QString& id : moved.split(QRegularExpression(QStringLiteral("[;,\\s]+")), Qt::SkipEmptyParts))
      list.push_back(utf8(id));
    j["moved_segments"] = list;
  }
  const QString templatePark = parameterAsString(parameters, param::kTemplatePark, context).trimmed();
  const double scale = parameterAsDouble(parameters, param::kReplicationScale, context);
  if (!templatePark.isEmpty() || scale > 0) {
    if (!j["replication"].is_object()) j["replication"] = nlohmann::json::object();
    if (!templatePark.isEmpty()) j["replication"]["template_park"] = utf8(templatePark);
    if (scale > 0) j["replication"]["scale"] = scale;
  }
  if (const int draws = parameterAsInt(parameters, param::kDraws, context); draws >= 0) {
    if (!j["uncertainty"].is_object()) j["uncertainty"] = nlohmann::json::object();
    j["uncertainty"]["draws"] = draws;
  }
  nlohmann::json& data = j["data"];
  if (!data.is_object()) fail(param::kScenario, tr("'%1': \"data\" is not an object").arg(scenarioPath));
  for (const auto& [name, key] :
       {std::pair{param::kIndustryOutput, "industry_output"}, std::pair{param::kIoTable, "io_table"}}) {
    const QString path = parameterAsFile(parameters, name, context);
    if (path.isEmpty()) continue;
    if (!QFileInfo(path).isFile()) fail(name, tr("file '%1' not found").arg(path));
    data[key] = {{"path", utf8(QFileInfo(path).absoluteFilePath())}};
  }
  auto mapFields = [&](const char* role, const std::vector<std::string>& keys,
                       QString (*paramName)(const std::string&)) {
    nlohmann::json& source = data[role];
    if (!source.is_object()) source = {{"path", role}};
    for (const std::string& key : keys) {
      const QString field = parameterAsString(parameters, paramName(key), context).trimmed();
      if (field.isEmpty() || field == QString::fromStdString(key)) continue;
      source["fields"][key] = utf8(field);
    }
  };
  mapFields("regions", regionFieldKeys(), &param::regionField);
  mapFields("parks", parkFieldKeys(), &param::parkField);

  // Sensitive zones and roads: the core reads them from a file, so write the (possibly
  // filtered, unsaved or memory) layer into a scratch GeoPackage.
  for (const auto& [name, key, layerName] : {std::tuple{param::kZones, "exclusions", "sensitive_zones"},
                                             std::tuple{param::kRoads, "roads", "roads"}}) {
    std::unique_ptr<QgsVectorLayer> layer = materialize(name, false);
    if (!layer) continue;
    if (!prepared.scratch) prepared.scratch = std::make_unique<QTemporaryDir>();
    const QString path = prepared.scratch->filePath(QString::fromLatin1(layerName) + QStringLiteral(".gpkg"));
    QgsVectorFileWriter::SaveVectorOptions options;
    options.driverName = QStringLiteral("GPKG");
    options.layerName = QString::fromLatin1(layerName);
    QString error;
    if (QgsVectorFileWriter::writeAsVectorFormatV3(layer.get(), path, context.transformContext(), options,
                                                   &error) != QgsVectorFileWriter::NoError)
      fail(name, tr("cannot copy the layer for the run (%1)").arg(error));
    data[key] = {{"path", utf8(path)}, {"layer", layerName}};
  }
  if (!extraEffects.empty()) {
    if (!j["effects"].is_object()) j["effects"] = nlohmann::json::object();
    for (auto it = extraEffects.begin(); it != extraEffects.end(); ++it) j["effects"][it.key()] = it.value();
  }

  prepared.scenario = parseScenario(j, baseDir);
  feedback.checkCanceled();
  prepared.inputs =
      layers::inputsFromLayers(prepared.regions.get(), prepared.parks.get(), prepared.scenario, feedback);
  return prepared;
}

}  // namespace clustershift::processing
