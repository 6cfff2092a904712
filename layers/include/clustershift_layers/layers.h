#pragma once
// QGIS core adapter (no widgets): QgsVectorLayer <-> core tables, styled result layers,
// GeoPackage + .qml + .qgz output, PDF report. Used by plugin/ and cli/.
// clustershift headers first: they include the system nlohmann/json.hpp, whose include guard then
// keeps QGIS's older bundled json_fwd.hpp (pulled in by qgsgeometry.h) out. The other order fails.
#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QProcess;
class QTemporaryFile;
class QgsCoordinateReferenceSystem;
class QgsPrintLayout;
class QgsProject;
class QgsRasterLayer;
class QgsRectangle;
class QgsVectorLayer;

namespace clustershift::layers {

/// Fills core Inputs from QGIS layers (unsaved edits, memory and filtered layers included),
/// using the scenario's field maps; transforms to EPSG:4326. Tables (industry output,
/// IO table) still come from the scenario's files. Problems go to Inputs::problems.
Inputs inputsFromLayers(QgsVectorLayer* regions, QgsVectorLayer* parks, const Scenario& scenario,
                        Feedback& feedback);

/// An equal-area CRS for a lon/lat extent: ESRI:102025 (Asia North Albers Equal Area Conic) when the
/// extent lies in its area of use within 25° of its central meridian (95°E), e.g. China east of
/// Xinjiang; else an Albers equal-area conic fitted to the extent, named "ClusterShift study area
/// (Albers equal-area)"; EPSG:4326 when the extent is empty or very large. The CRS of written projects,
/// of reports made from a GeoPackage alone and of a fresh plugin project.
QgsCoordinateReferenceSystem studyAreaCrs(const QgsRectangle& lonLatExtent);

/// Whether `crs` is a fitted study-area CRS of studyAreaCrs() without an authority (QGIS's status
/// bar then says "Unknown CRS"), which registerStudyAreaCrs() can name.
bool isUnregisteredStudyAreaCrs(const QgsCoordinateReferenceSystem& crs);
/// The name of a fitted study-area CRS in the UI language, with its central meridian:
/// "ClusterShift 研究区等积投影（Albers，中央经线 140°E）".
QString studyAreaCrsName(const QgsCoordinateReferenceSystem& crs, bool zh);
/// Registers a CRS without an authority as a QGIS user CRS (Settings ▸ Custom Projections) named
/// `name`, so QGIS shows it with an authority (USER:100000, …) and its name; a CRS registered before
/// (same definition) is reused, a CRS with an authority is returned as is. Writes to the user's QGIS
/// database: only with the planner's consent (the plugin asks).
QgsCoordinateReferenceSystem registerStudyAreaCrs(const QgsCoordinateReferenceSystem& crs,
                                                  const QString& name);

/// Whether a new result layer gets its style (a layer only written to a file, and styled there
/// once opened again, need not: styling 20,000 parks reads and classifies their scores).
enum class LayerStyle { Styled, Plain };

/// In-memory result layers (EPSG:4326), styled unless `style` is Plain. Caller owns them.
QgsVectorLayer* makeCandidateLayer(const Results& results,
                                   LayerStyle style = LayerStyle::Styled);  ///< "candidate_scores"
QgsVectorLayer* makeFlowLayer(const Results& results,
                              LayerStyle style = LayerStyle::Styled);  ///< "transfer_flows" (curved)
QgsVectorLayer* makeRegionLayer(const Inputs& inputs, const Results& results,
                                LayerStyle style = LayerStyle::Styled);  ///< "regions"
/// Graduated score, rank labels for the top 10, excluded parks grey.
void styleCandidates(QgsVectorLayer* layer);
void styleFlows(QgsVectorLayer* layer);
void styleRegions(QgsVectorLayer* layer, const QString& sourceRegionId);
/// A candidate grid's score raster: white (lowest scored cell) to dark green (best), no data clear.
void styleScoreRaster(QgsRasterLayer* layer);

/// Transfer effects (Results::effects; empty tables / no changes when absent). Caller owns them.
/// "region_effects": every region with role (source | host | source+host | other), U and
/// <indicator>_before/_after/_change for effectIndicators() and share1..3_before/_after (sector
/// shares of GDP in %); NULL for other regions.
QgsVectorLayer* makeRegionEffectsLayer(const Inputs& inputs, const Results& results,
                                       LayerStyle style = LayerStyle::Styled);
/// "effects_timeline" (no geometry): year, ramp, region_id, indicator, value.
QgsVectorLayer* makeEffectsTimelineLayer(const Results& results);
/// "coupling" (no geometry): source, host, u_source, u_host, c, t, d, class_index, class_zh, class_en.
QgsVectorLayer* makeCouplingLayer(const Results& results);
/// Diverging (ColorBrewer RdBu) graduated choropleth of isu_change, symmetric around 0, and
/// bar diagrams of the sector shares before/after on the source and host regions.
void styleRegionEffects(QgsVectorLayer* layer);

/// What writeOutputs produced.
struct OutputPaths {
  QString geopackage;    ///< <out>/<scenario>.gpkg (candidate_scores, transfer_flows, regions)
  QStringList styles;    ///< .qml files next to it
  QString project;       ///< <out>/<scenario>.qgz
  QStringList reports;   ///< <out>/<scenario>_report_<lang>.pdf
  QString scoreRaster;   ///< <out>/<scenario>_scores.tif (candidate grid runs), else empty
};

struct ReportProcess;        // below: a second process for the second report language
class ReportProcessesAhead;  // below: such processes started before the run's outputs

/// Every file writeOutputs may write for `scenario` into outDir (GeoPackage, .qml of every
/// result layer, project, report PDFs, manifest): what the CLI checks against the inputs first.
QStringList plannedOutputs(const Scenario& scenario, const QString& outDir, const QStringList& languages);

/// GDAL's and SQLite's own lines about the last failed write (shown by the CLI with --verbose).
QStringList writeDiagnostics();

/// Writes GeoPackage (styles stored inside and as .qml), project and the report PDFs in
/// the given languages into a temporary folder, checks them (GeoPackage integrity_check, PDF
/// page count), then publishes them as one set with a manifest (<name>.manifest.json, run id
/// and SHA-256 of every file) moved last. Holds a lock on outDir (a second run fails) and
/// removes temporaries of killed runs. On failure or cancel earlier outputs stay intact.
/// Throws InputError when an output would replace an input of the scenario or a file that is
/// not a ClusterShift output; IoError with one plain line ("disk full while writing ...").
/// With reportProcess, the languages after the first are exported by child processes at the
/// same time as this process exports the first (see ReportProcess); without, one after another.
/// fingerprint: inputsFingerprint(inputs) when the caller computed it already (the command line
/// does so while the core computes); empty: computed here. ahead: reportProcess's processes the
/// caller started earlier (the command line does so before the core computes), handed the
/// languages after the first in order; null: writeOutputs starts them before the GeoPackage.
OutputPaths writeOutputs(const Inputs& inputs, const Results& results, const QString& outDir,
                         const QStringList& languages, Feedback& feedback,
                         const ReportProcess* reportProcess = nullptr, const QString& fingerprint = QString(),
                         ReportProcessesAhead* ahead = nullptr);

// ---------------------------------------------------------------------------------------
// Report (issue 7). The report is always built from a results GeoPackage as written by
// writeOutputs (layers + the run_info table), so `clustershift report RESULTS.gpkg` and the
// plugin make the same document without rerunning anything.

struct ReportOptions {
  QString language = QStringLiteral("zh_CN");  ///< zh_CN | en
  QString paper = QStringLiteral("A4");        ///< A4 | A3, landscape
  int topN = 5;                                ///< candidate pages (atlas over the top N)
  QString author;                              ///< printed on the overview page when set
  /// When set, exportReportFromGeoPackage also writes the layouts it exports and their report
  /// companion layers to this XML file, before it exports them: how a run's report process hands
  /// its language to the run's project (writeOutputs), which need not build those layouts itself
  /// and may be written while the child still exports.
  QString layoutsXml;
  /// A run's report processes draw the overview's dense layers (national size: 20,000 parks and
  /// 2,850 regions, ~0.4 s of CPU) once for all languages: the image is the same in each. When
  /// overviewImageOut is set, this export leaves its image there; when overviewImageIn is set,
  /// it takes the image from there instead of drawing it (waiting for it), and draws it itself
  /// when none comes or it was drawn for another map.
  QString overviewImageOut;
  QString overviewImageIn;
};

/// A command that exports one report PDF from a results GeoPackage in another process, e.g.
/// `clustershift report GPKG --out PDF --lang en ...`. QGIS exports layouts only on the main
/// thread, so writeOutputs renders the second and further languages with it while this process
/// exports the first one: both languages at once on two cores. The child writes into the
/// unpublished work folder; its exit code and "error: ..." line become the exception here
/// (2 InputError, 3 IoError, else IoError naming the report), a cancel kills it, and its PDF is
/// checked (page count) before the set is published.
struct ReportProcess {
  QString program;  ///< executable; empty: every language is exported in this process
  /// Arguments for one report: results GeoPackage, target PDF, options (language, paper, top N, author).
  std::function<QStringList(const QString& geopackage, const QString& pdf, const ReportOptions& options)>
      arguments;
  /// Arguments that start the command before its report is known: it starts QGIS, then reads
  /// the report's arguments (as above, one JSON array of strings on one line) from its standard
  /// input; input closed first, it ends. writeOutputs then starts these processes before it
  /// writes the GeoPackage (or takes them from the caller: ReportProcessesAhead), so their start
  /// overlaps other work. Empty: each starts with its report.
  QStringList waitingArguments;
};

/// Report processes started ahead of their reports (ReportProcess::waitingArguments), e.g. by
/// the command line before the core computes: QGIS starts in them while one core is idle.
/// writeOutputs hands them the reports of the second and further languages, in order.
/// Destroying this ends the ones not handed a report (a run that failed before its outputs):
/// their input is closed, so they end by themselves; one still running after 5 s is killed.
class ReportProcessesAhead {
 public:
  /// Starts `count` processes of `how` (none when how.waitingArguments or how.program is empty).
  /// Throws IoError when one cannot start.
  ReportProcessesAhead(const ReportProcess& how, int count);
  ~ReportProcessesAhead();
  ReportProcessesAhead(const ReportProcessesAhead&) = delete;
  ReportProcessesAhead& operator=(const ReportProcessesAhead&) = delete;

  /// A process started ahead and the file its output goes to.
  struct Started {
    std::unique_ptr<QProcess> process;
    std::unique_ptr<QTemporaryFile> log;
    ~Started();
  };
  /// The next waiting process, or nullptr when none is left.
  std::unique_ptr<Started> take();

 private:
  std::vector<std::unique_ptr<Started>> m_waiting;
};

/// The result layers of one results GeoPackage as loaded in a project, and its run_info.
struct ReportSource {
  QgsProject* project = nullptr;
  QString geopackage;                      ///< absolute path
  QgsVectorLayer* candidates = nullptr;    ///< candidate_scores (required)
  QgsVectorLayer* flows = nullptr;         ///< transfer_flows (required)
  QgsVectorLayer* regions = nullptr;       ///< regions (required)
  QgsVectorLayer* catchments = nullptr;    ///< catchments (labour catchment circles of the top parks; optional)
  QgsVectorLayer* sensitiveZones = nullptr;  ///< sensitive_zones (copy of the input; optional)
  QgsVectorLayer* regionEffects = nullptr;   ///< region_effects (optional: effects projected)
  QgsVectorLayer* timeline = nullptr;        ///< effects_timeline (optional)
  QgsVectorLayer* coupling = nullptr;        ///< coupling (optional)
  nlohmann::json runInfo;                    ///< the run_info table's JSON (schema: layers/src/run_info.h)
};

/// Finds the GeoPackage's layers in `project` (layers whose source is that file, e.g. a result
/// group added by the plugin) and loads the missing ones (styled from the styles stored in the
/// GeoPackage, added to the project without a layer-tree node). Throws InputError naming the
/// file and the missing layer when required layers or run_info are absent.
ReportSource openReportSource(QgsProject* project, const QString& geopackage);

/// What buildReportLayouts builds for.
enum class LayoutUse {
  /// Kept (a project's layout manager, edited and exported there) or only counted.
  Keep,
  /// Exported at once on this thread (exportReportPdf): the overview's layers of thousands of
  /// features start drawing on another thread while the other sections are built.
  Export,
};

/// The report's print layouts, in document order: overview, candidate pages (atlas over the
/// top N), effects (when projected), mode comparison (when computed), methods appendix.
/// Named "ClusterShift – <title> – <section> (<language>)". Caller owns them (e.g. hands them
/// to the project's layout manager). Throws InputError for an unknown language or paper.
std::vector<std::unique_ptr<QgsPrintLayout>> buildReportLayouts(const ReportSource& source,
                                                                const ReportOptions& options,
                                                                LayoutUse use = LayoutUse::Keep);

/// Exports the layouts (atlas layouts expanded feature by feature) into one PDF, written to a
/// temporary name and renamed on success. Returns the number of pages. Throws IoError;
/// Cancelled via feedback.
int exportReportPdf(const std::vector<QgsPrintLayout*>& layouts, const QString& pdfPath, Feedback& feedback);

/// The run_info JSON of a results GeoPackage (schema: layers/src/run_info.h). Throws InputError
/// naming the file when the table is missing or unreadable.
nlohmann::json readRunInfo(const QString& geopackage);

/// The checks readRunInfo and openReportSource make of a results GeoPackage before reading it:
/// it is a readable file, SQLite's quick_check passes, and it is the GeoPackage its manifest
/// lists. They read the whole file; an unchanged file passes them once per process. Needs no
/// QGIS (GDAL's drivers registered), so a thread can run them while QGIS starts. Throws
/// IoError or InputError naming the file.
void checkResultsGeoPackage(const QString& geopackage);
/// Lets this version of the file pass those checks unread: for a run's report process, whose
/// GeoPackage the run has just written into its work folder and checks itself (SQLite
/// integrity_check) before it publishes it. A later change of the file is checked as usual.
void trustResultsGeoPackage(const QString& geopackage);

/// SHA-256 (hex) over what a run reads from its inputs: region and park ids, values and places
/// (geometries by their rounded bounding boxes, park points to 1e-7°), the tables, zones and
/// roads. Stored as run_info's "inputs_fingerprint": the same data read again (through OGR or
/// QGIS layers) gives the same fingerprint, so stored results are known to be current.
QString inputsFingerprint(const Inputs& inputs);

/// QGIS's and Qt's one-time set-up for a report (WebKit for text items, the font database and
/// the report font's files, symbol defaults), by drawing a throwaway page: the command line
/// calls it on the main thread while the core computes on another, or while a report process
/// waits for its job, so that the first report built later does not pay for it. Needs a
/// running QgsApplication; changes no project; never throws (a failure is the report's to meet).
void warmUpReportEngine() noexcept;

/// The same in `project`, which should be empty (e.g. new): it gets the results' layers (without
/// layer-tree nodes; they stay when the export fails), its CRS is set to the report's, and the
/// report's layouts stay in its layout manager when this returns. A caller whose process ends
/// right after need not take them down (the command line: 0.1 s of a national report's
/// process, bench/national).
int exportReportFromGeoPackage(QgsProject& project, const QString& geopackage, const QString& pdfPath,
                               const ReportOptions& options, Feedback& feedback);

/// openReportSource + buildReportLayouts + exportReportPdf in a private project.
int exportReportFromGeoPackage(const QString& geopackage, const QString& pdfPath, const ReportOptions& options,
                               Feedback& feedback);

}  // namespace clustershift::layers
