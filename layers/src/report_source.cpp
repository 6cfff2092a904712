// The report's input: the layers and the run_info of one results GeoPackage, found in a project
// (e.g. the plugin's result group) or loaded into it; and the whole report from a GeoPackage alone.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgsfeedback.h>
#include <qgslayoutmanager.h>
#include <qgsmaplayer.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsproviderregistry.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>

#ifdef __linux__
#include <sys/stat.h>
#endif

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "clustershift/error.h"
#include "clustershift/geopackage_styles.h"
#include "publish.h"
#include "clustershift_layers/result_schema.h"
#include "run_info.h"

namespace clustershift::layers {
namespace {

/// The layer of `project` whose source is table `name` of `geopackage`, or nullptr.
QgsVectorLayer* findGpkgLayer(QgsProject* project, const QString& geopackage, const QString& name) {
  const QString wanted = QFileInfo(geopackage).canonicalFilePath();
  for (QgsMapLayer* layer : project->mapLayers()) {
    auto* vector = qobject_cast<QgsVectorLayer*>(layer);
    if (!vector || vector->providerType() != QLatin1String("ogr")) continue;
    const QVariantMap parts = QgsProviderRegistry::instance()->decodeUri(QStringLiteral("ogr"), vector->source());
    if (QFileInfo(parts.value(QStringLiteral("path")).toString()).canonicalFilePath() != wanted) continue;
    if (parts.value(QStringLiteral("layerName")).toString() == name) return vector;
  }
  return nullptr;
}

/// Opens table `name` of the GeoPackage with its stored default style, or nullptr when the file
/// has no such table. When QGIS cannot read the stored style, the style file the run wrote next
/// to the GeoPackage ("<name>_<table>.qml", in the same result set) is used: once a QGIS session
/// has filtered a layer of the file (the report's label layer in a saved project), QGIS 3.22
/// keeps it in WAL mode and its read-only opens of the styles table fail (qgis/QGIS#48467).
///
/// styles: the file's stored default styles as storedStyles read them (one read of the styles
/// table for all layers: QGIS opens the file once more for each layer's style, ~4 ms each at
/// national size); a table missing there, or whose style does not load, gets QGIS's own lookup.
/// nullptr: no style (a table without geometry, read for its values).
std::unique_ptr<QgsVectorLayer> openGpkgLayer(const QString& geopackage, const QString& name,
                                              const QMap<QString, QString>* styles) {
  QgsVectorLayer::LayerOptions options;
  options.loadDefaultStyle = false;
  auto layer = std::make_unique<QgsVectorLayer>(geopackage + QStringLiteral("|layername=") + name, name,
                                                QStringLiteral("ogr"), options);
  if (!layer->isValid()) return nullptr;
  // OGR falls back to another table for an unknown name on some GDAL versions: check the name.
  const QVariantMap parts = QgsProviderRegistry::instance()->decodeUri(QStringLiteral("ogr"), layer->source());
  if (parts.value(QStringLiteral("layerName")).toString() != name) return nullptr;
  if (!styles) return layer;
  bool styled = false;
  QDomDocument stored;
  if (styles->contains(name) && stored.setContent(styles->value(name))) {
    QString error;
    styled = layer->importNamedStyle(stored, error);
  }
  if (!styled) layer->loadDefaultStyle(styled);
  if (!styled) {
    const QFileInfo gpkg(geopackage);
    const QString qml =
        gpkg.absoluteDir().absoluteFilePath(detail::styleFileName(gpkg.completeBaseName(), name));
    if (QFileInfo::exists(qml)) layer->loadNamedStyle(qml, styled);
  }
  return layer;
}

/// Each table's stored style (QML) in the GeoPackage's layer_styles when it is the table's
/// default (readGeoPackageStylesFile: the latest of a table's styles); empty when the file has none.
QMap<QString, QString> storedStyles(const QString& geopackage) {
  QMap<QString, QString> styles;
  for (const auto& [table, style] : readGeoPackageStylesFile(QFile::encodeName(geopackage).toStdString()))
    if (style.isDefault) styles.insert(QString::fromStdString(table), QString::fromStdString(style.qml));
  return styles;
}

/// What identifies one version of a file: device, inode, size, modification time (ns); "-" when
/// it does not exist, empty where the platform gives no nanoseconds (then nothing is cached).
std::string fileVersion(const QString& path) {
#ifdef __linux__
  struct stat st {};
  if (::stat(QFile::encodeName(path).constData(), &st) != 0) return "-";
  return std::to_string(st.st_dev) + ':' + std::to_string(st.st_ino) + ':' + std::to_string(st.st_size) +
         ':' + std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec);
#else
  (void)path;
  return {};
#endif
}

/// The file (with its manifest) that passed requireFile last, by version (fileVersion).
std::mutex checkedMutex;
std::string checked;

/// What identifies this version of a results GeoPackage and its manifest; empty when the
/// platform cannot tell.
std::string resultsVersion(const QFileInfo& info) {
  const std::string gpkgVersion = fileVersion(info.absoluteFilePath());
  if (gpkgVersion.empty()) return {};
  return info.absoluteFilePath().toStdString() + '|' + gpkgVersion + '|' +
         fileVersion(info.absoluteDir().absoluteFilePath(detail::manifestName(info.completeBaseName())));
}

void requireFile(const QString& geopackage) {
  const QFileInfo info(geopackage);
  if (!info.isFile()) throw IoError(geopackage.toStdString() + ": no such file");
  if (!info.isReadable()) throw IoError(geopackage.toStdString() + ": cannot read the file");
  // The checks below read the whole file (SQLite quick_check, SHA-256 against the manifest): a
  // file this process checked already, unchanged since together with its manifest, passes (the
  // report command reads run_info, then openReportSource again; the plugin reads it often).
  const std::string version = resultsVersion(info);
  if (!version.empty()) {
    const std::lock_guard<std::mutex> lock(checkedMutex);
    if (version == checked) return;
  }
  // A damaged file is reported as damaged, not as "not a ClusterShift results GeoPackage".
  QFile f(geopackage);
  const bool sqlite = f.open(QIODevice::ReadOnly) && f.read(16).startsWith("SQLite format 3");
  f.close();
  if (sqlite) {
    const std::string verdict = detail::sqliteVerdict(geopackage, "quick_check");
    if (verdict != "ok")
      throw InputError(geopackage.toStdString() + ": the GeoPackage is damaged or truncated (SQLite: " + verdict +
                       "); run the scenario again");
  }
  detail::checkResultSet(geopackage);
  const std::lock_guard<std::mutex> lock(checkedMutex);
  checked = version;
}

}  // namespace

void checkResultsGeoPackage(const QString& geopackage) { requireFile(geopackage); }

void trustResultsGeoPackage(const QString& geopackage) {
  const std::string version = resultsVersion(QFileInfo(geopackage));
  const std::lock_guard<std::mutex> lock(checkedMutex);
  checked = version;
}

nlohmann::json readRunInfo(const QString& geopackage) {
  requireFile(geopackage);
  // The same version of the file read before gives what it gave (the report command reads it,
  // then openReportSource; the plugin reads it often).
  const std::string version = resultsVersion(QFileInfo(geopackage));
  static std::mutex readMutex;
  static std::string readVersion;
  static nlohmann::json read;
  if (!version.empty()) {
    const std::lock_guard<std::mutex> lock(readMutex);
    if (version == readVersion) return read;
  }
  std::unique_ptr<QgsVectorLayer> layer = openGpkgLayer(geopackage, schema::name(schema::kRunInfo), nullptr);
  if (!layer)
    throw InputError(geopackage.toStdString() +
                     ": no run_info table (not a ClusterShift results GeoPackage, or written by a version before the "
                     "multi-page report: run the scenario again)");
  nlohmann::json info = detail::readRunInfo(layer.get());
  if (!version.empty()) {
    const std::lock_guard<std::mutex> lock(readMutex);
    readVersion = version;
    read = info;
  }
  return info;
}

namespace detail {

const std::map<QString, QgsVectorLayer * ReportSource::*>& reportSourceTables() {
  static const std::map<QString, QgsVectorLayer * ReportSource::*> tables{
      {schema::name(schema::kCandidates), &ReportSource::candidates},
      {schema::name(schema::kFlows), &ReportSource::flows},
      {schema::name(schema::kRegions), &ReportSource::regions},
      {schema::name(schema::kCatchments), &ReportSource::catchments},
      {schema::name(schema::kSensitiveZones), &ReportSource::sensitiveZones},
      {schema::name(schema::kRegionEffects), &ReportSource::regionEffects},
      {schema::name(schema::kEffectsTimeline), &ReportSource::timeline},
      {schema::name(schema::kCoupling), &ReportSource::coupling}};
  return tables;
}

std::vector<QgsPrintLayout*> layoutPointers(const std::vector<std::unique_ptr<QgsPrintLayout>>& layouts) {
  std::vector<QgsPrintLayout*> pointers;
  for (const auto& l : layouts) pointers.push_back(l.get());
  return pointers;
}

}  // namespace detail

ReportSource openReportSource(QgsProject* project, const QString& geopackage) {
  if (!project) throw InputError("openReportSource: no project");
  ReportSource source;
  source.project = project;
  source.geopackage = QFileInfo(geopackage).absoluteFilePath();
  source.runInfo = readRunInfo(source.geopackage);  // first: the clearest message for a foreign file

  const QStringList required{schema::name(schema::kCandidates), schema::name(schema::kFlows),
                             schema::name(schema::kRegions)};
  std::optional<QMap<QString, QString>> styles;  // read when a table is opened here
  for (const auto& [name, member] : detail::reportSourceTables()) {
    QgsVectorLayer* layer = findGpkgLayer(project, source.geopackage, name);
    if (!layer) {
      if (!styles) styles = storedStyles(source.geopackage);
      std::unique_ptr<QgsVectorLayer> opened = openGpkgLayer(source.geopackage, name, &*styles);
      if (!opened) {
        if (required.contains(name))
          throw InputError(source.geopackage.toStdString() + ": layer '" + name.toStdString() +
                           "' is missing (a results GeoPackage holds candidate_scores, transfer_flows, regions and run_info)");
        continue;
      }
      layer = opened.release();
      project->addMapLayer(layer, false);  // owned by the project, no layer-tree node
    }
    source.*member = layer;
  }
  return source;
}

int exportReportFromGeoPackage(QgsProject& project, const QString& geopackage, const QString& pdfPath,
                               const ReportOptions& options, Feedback& feedback) {
  feedback.setProgress(0.0, "opening results");
  ReportSource source = openReportSource(&project, geopackage);
  // The same equal-area CRS as the written project: fitted to the candidate parks.
  QgsRectangle extent = source.candidates->extent();
  if (source.candidates->crs().authid() != QLatin1String("EPSG:4326")) extent.setMinimal();
  project.setCrs(layers::studyAreaCrs(extent));
  feedback.checkCanceled();
  feedback.setProgress(0.1, "building layouts");
  std::vector<std::unique_ptr<QgsPrintLayout>> layouts =
      buildReportLayouts(source, options, LayoutUse::Export);
  const std::vector<QgsPrintLayout*> raw = detail::layoutPointers(layouts);
  feedback.checkCanceled();
  // Written before the export: a run's project takes these layouts while this process exports.
  // The run checks the PDF against the page count written here, which the export must give.
  const int expected = options.layoutsXml.isEmpty() ? -1 : detail::reportPageCount(raw);
  if (expected >= 0) detail::writeReportLayoutsXml(source, raw, expected, options.layoutsXml);
  feedback.setProgress(0.2, "exporting PDF");
  detail::ScaledFeedback exporting(feedback, 0.2, 1.0);
  const int pages = exportReportPdf(raw, pdfPath, exporting);
  if (expected >= 0 && pages != expected)
    throw IoError(pdfPath.toStdString() + ": the report has " + std::to_string(pages) +
                  " pages, its layouts handed to the run make " + std::to_string(expected));
  // Left to the project, with the layers: a caller ending its process need not take them down.
  for (std::unique_ptr<QgsPrintLayout>& layout : layouts)
    if (project.layoutManager()->addLayout(layout.get())) static_cast<void>(layout.release());
  feedback.setProgress(1.0, "done");
  return pages;
}

int exportReportFromGeoPackage(const QString& geopackage, const QString& pdfPath,
                               const ReportOptions& options, Feedback& feedback) {
  QgsProject project;
  return exportReportFromGeoPackage(project, geopackage, pdfPath, options, feedback);
}

}  // namespace clustershift::layers
