#pragma once
// Report internals shared by the report_*.cpp sources (issue 7). One section per source file:
//   report.cpp            buildReportLayouts, exportReportPdf (one PDF over several layouts)
//   report_common.cpp     page frame (header, footer, page size), labels, tables, texts
//   report_charts.cpp     vector charts (SVG via QSvgGenerator) for QgsLayoutItemPicture
//   report_overview.cpp   page 1: map of all candidates, flows, legend, top-10 table
//   report_dense.cpp      layers of thousands of features drawn as images on a map, labels on top
//   report_map.cpp        the report's map item: expression context kept, layers drawn ahead
//   report_candidates.cpp one page per top-N candidate: a QgsLayoutAtlas over candidate_scores
//   report_effects.cpp    ISU change maps source|host, before/after table, coupling D, yearly path
//   report_methods.cpp    mode comparison page and the methods appendix
//   report_source.cpp     openReportSource, exportReportFromGeoPackage
//   report_process.cpp    ReportChild: one report exported by another process
//   report_layouts_xml.cpp that process's layouts handed to the run's project as XML
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgstablecell.h>

#include <QByteArray>
#include <QColor>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <vector>

class QProcess;
class QTemporaryFile;
class QgsLayout;
class QgsLayoutItemLabel;
class QgsLayoutItemMap;
class QgsMapLayer;
class QgsLayoutItemManualTable;
class QgsLayoutItemPicture;
class QgsExpressionContextScope;
class QgsPrintLayout;
class QgsTextFormat;
class QgsVectorSimplifyMethod;

namespace clustershift::layers::detail {

/// Report wording per language. Keep both texts in step; every visible string goes through t().
struct Texts {
  bool zh = true;
  bool cells = false;  ///< the candidates are grid cells (a candidate-grid run), not parks
  QString t(const char* en, const char* zhText) const {
    return zh ? QString::fromUtf8(zhText) : QString::fromUtf8(en);
  }
  /// Wording naming the candidates: the park text, or the cell text in a candidate-grid run.
  QString c(const char* en, const char* zhText, const char* enCell, const char* zhCell) const {
    return cells ? t(enCell, zhCell) : t(en, zhText);
  }
};

/// Everything a section builder needs.
struct ReportContext {
  ReportSource source;
  ReportOptions options;
  Texts tx;
  QSizeF pageMm;   ///< landscape page: 297 x 210 (A4) or 420 x 297 (A3)
  QString title;   ///< scenario title in the report language
  /// The layouts are exported at once (LayoutUse::Export): the overview's dense layers start
  /// drawing on another thread while the other sections are built (drawLayersAhead).
  bool drawAhead = false;
};

/// Validates options (language zh_CN|en, paper A4|A3, topN >= 1); throws InputError otherwise.
ReportContext makeReportContext(const ReportSource& source, const ReportOptions& options);

// --- section builders: each returns a layout (pages of ctx.pageMm) or nullptr when the
// section does not apply to this run ----------------------------------------------------
std::unique_ptr<QgsPrintLayout> buildOverviewLayout(const ReportContext& ctx);
std::unique_ptr<QgsPrintLayout> buildCandidateLayout(const ReportContext& ctx);   ///< atlas enabled
std::unique_ptr<QgsPrintLayout> buildEffectsLayout(const ReportContext& ctx);     ///< nullptr without effects
std::unique_ptr<QgsPrintLayout> buildComparisonLayout(const ReportContext& ctx);  ///< nullptr without comparison
std::unique_ptr<QgsPrintLayout> buildMatrixLayout(const ReportContext& ctx);      ///< nullptr without effects
std::unique_ptr<QgsPrintLayout> buildMethodsLayout(const ReportContext& ctx);

/// Pages the layouts make when exported (an atlas layout once per atlas feature).
int reportPageCount(const std::vector<QgsPrintLayout*>& layouts);

// --- the results GeoPackage's tables (report_source.cpp) ---------------------------------
/// The result tables a ReportSource holds: table name -> its member (openReportSource).
const std::map<QString, QgsVectorLayer * ReportSource::*>& reportSourceTables();
/// The layouts' pointers, in order (for exportReportPdf and reportPageCount).
std::vector<QgsPrintLayout*> layoutPointers(const std::vector<std::unique_ptr<QgsPrintLayout>>& layouts);

// --- a language's layouts handed over as XML (report_layouts_xml.cpp) ---------------------
/// Writes the layouts (which make `pages` pages), the report companion layers of source.project
/// (its layers other than the source's tables) and which of its layers is which table to `path`
/// (ReportOptions::layoutsXml), paths relative to a project beside the GeoPackage. IoError.
void writeReportLayoutsXml(const ReportSource& source, const std::vector<QgsPrintLayout*>& layouts, int pages,
                           const QString& path);
/// Adds what writeReportLayoutsXml wrote to source.project: the companion layers (no layer-tree
/// node) and the layouts, which the project writes as that XML, with the writer's layer ids of
/// the tables replaced by source's. Returns the pages the writer's layouts make; -1, with the project
/// unchanged, when `path` does not exist or does not serve (unreadable, another run's tables, a
/// project not beside the GeoPackage, a layout name taken): the caller then builds the layouts.
int addReportLayoutsXml(const ReportSource& source, const QString& path);

// --- a report exported by a child process (report_process.cpp) ---------------------------
/// Starts `how` for one report (results GeoPackage -> pdfPath) with its output in logPath.
/// Throws IoError when it cannot start. Destroying it kills a child still running.
class ReportChild {
 public:
  ReportChild(const ReportProcess& how, const QString& geopackage, const QString& pdfPath,
              const ReportOptions& options, const QString& logPath);
  /// The same report handed to a process started ahead (its output goes to that one's log).
  ReportChild(std::unique_ptr<ReportProcessesAhead::Started> started, const ReportProcess& how,
              const QString& geopackage, const QString& pdfPath, const ReportOptions& options);
  ~ReportChild();
  ReportChild(const ReportChild&) = delete;
  ReportChild& operator=(const ReportChild&) = delete;
  /// Waits until `path` exists (true) or the child has ended without it (false). Throws
  /// Cancelled (after killing the child) when feedback is cancelled.
  bool waitForFile(const QString& path, Feedback& feedback);
  /// Waits for the child. Throws Cancelled (after killing it) when feedback is cancelled, and
  /// the child's own error otherwise: exit code 2 InputError, else IoError, with its message.
  void finish(Feedback& feedback);

 private:
  void stop();
  /// Polls every `ms` until done() or the child has ended; kills it and throws Cancelled when
  /// feedback is cancelled first.
  void waitUntil(const std::function<bool()>& done, Feedback& feedback, int ms);
  std::unique_ptr<QProcess> m_process;
  std::unique_ptr<QTemporaryFile> m_logFile;  // a process started ahead: its log, removed with it
  QString m_pdf, m_log, m_language;
};

/// Resolution of the report PDF (QgsLayoutExporter::PdfExportSettings::dpi): the overview's
/// dense layers are drawn as images at this resolution.
constexpr double kReportDpi = 300;

/// The export's vector simplification: geometries simplified to one pixel of kReportDpi
/// (exportReportPdf; the layers drawn ahead use the same).
QgsVectorSimplifyMethod reportSimplifyMethod();

/// The layers of a map drawn as images (drawDenseLayersAsImages).
struct DenseLayers {
  QList<QgsMapLayer*> labels;  ///< label companions, to be drawn above the map's layers
  /// Dense layers without labels of their own on this map (their labels went to a companion):
  /// they can be drawn ahead, under the map's other layers (drawLayersAhead).
  QList<QgsMapLayer*> unlabelled;
};
/// Draws the layers of `map` with more than 1,000 features as images at the export resolution
/// (a style override on this map only: smaller filled dots without outline, thin outlines one
/// device pixel wide) and returns them with the clones that carry their labels, reading only
/// the labelled features, to be drawn on top (not in a legend). The project's layer styles are
/// not changed. (report_dense.cpp)
DenseLayers drawDenseLayersAsImages(const ReportContext& ctx, QgsLayoutItemMap* map,
                                    const QList<QgsMapLayer*>& layers);

// --- common page furniture (report_common.cpp) ------------------------------------------
/// While one lives (on this thread), the layouts of newReportLayout() take the global
/// expression scope from one copy made when it started. QGIS builds that scope afresh for every
/// item's expression context, through QgsSettings (a QSettings checking its files on disk):
/// ~8 % of a national report's CPU (perf, bench/national). buildReportLayouts() and
/// exportReportPdf() hold one; outside them (a layout kept in a QGIS project and edited there)
/// the layouts build their contexts as QGIS does, so later changes to global variables show.
class SharedGlobalScope {
 public:
  SharedGlobalScope();
  ~SharedGlobalScope();
  SharedGlobalScope(const SharedGlobalScope&) = delete;
  SharedGlobalScope& operator=(const SharedGlobalScope&) = delete;
  /// The copy of the outermost live guard on this thread; nullptr when none lives.
  static const QgsExpressionContextScope* current();
  /// Counts the outermost guards started on this thread (a new one: a new copy).
  static unsigned generation();
  /// A new copy of `project`'s expression scope. While a guard lives on this thread it is
  /// copied from one built for this project and its number of layers: QGIS builds it afresh for
  /// every item's context, reading the project's measurement units through its properties and
  /// QgsSettings (0.3 s of CPU in a national run's two reports, perf). Outside a guard: built.
  static QgsExpressionContextScope* projectScope(const QgsProject* project);

 private:
  std::unique_ptr<QgsExpressionContextScope> m_scope;  // set in the outermost guard only
};

// --- the report's map item (report_map.cpp) ----------------------------------------------
/// A new map item of `layout` (not added to it) that, while a SharedGlobalScope lives, builds its
/// expression context once per extent, size, CRS, layer set and atlas feature: QGIS builds the
/// reference map's context for every item it paints.
QgsLayoutItemMap* newReportMap(QgsLayout* layout);
/// Starts drawing `layers` of a map from newReportMap (placed, sized, zoomed, styled), in the
/// map's order, with its background, on another thread into an image at the export's resolution
/// (kReportDpi, no antialiasing, reportSimplifyMethod). Its export waits for the image, draws it
/// and the map's other layers over it: the caller asks for layers that may go under all others
/// (the bottom of the stack, or above it only layers that cover little, like lines). If anything the image
/// depends on has changed by then (extent, size, CRS, layers, styles, background, resolution, flags), the map
/// is drawn as QGIS draws it (the drawing cancelled). For layouts exported at once: the image
/// is drawn once, then released.
/// Returns false (nothing started) for another map item or no layers.
///
/// share: the image handed between a run's report processes (ReportOptions::overviewImageOut,
/// overviewImageIn). With `write`, the image is also left at `path` when the map is exported
/// (written to a temporary name, then renamed), with a key made of what it depends on (the
/// layers' sources and styles, not their ids, and everything listed above). Without, nothing is
/// drawn ahead: the export takes the image at `path`, waiting up to waitMs for it to appear,
/// when its key is this map's; otherwise (none came, another map's, unreadable) the map draws
/// it then, as ahead.
struct SharedImage {
  QString path;  ///< empty: not shared
  bool write = true;
  int waitMs = 0;
};
bool drawLayersAhead(QgsLayoutItemMap* map, const QList<QgsMapLayer*>& layers, const SharedImage& share = {});
/// SHA-256 (hex) of an XML document with each element's attributes in name order, also in
/// attribute values that are XML themselves: the same for a style written by processes whose
/// hash seeds order the attributes differently. Empty when `xml` does not parse.
QByteArray canonicalXmlDigest(const QString& xml);
/// How long a report process waits for the overview image of the run's first language
/// (ReportOptions::overviewImageIn). Both processes start the report together and the writer
/// leaves the image (or, when it has none to give, a word that none comes) when it exports its
/// first page, ~1 s later at national size; the bound only matters when the writer could write
/// neither, or drew nothing ahead although the reader did.
constexpr int kSharedImageWaitMs = 20000;

/// A new layout named "ClusterShift – <title> – <section> (<language>)" with one page of
/// ctx.pageMm, registered in ctx.source.project (not added to its layout manager).
std::unique_ptr<QgsPrintLayout> newReportLayout(const ReportContext& ctx, const QString& section);
/// Adds a page (same size) and returns its index.
int addReportPage(QgsPrintLayout* layout, const ReportContext& ctx);
/// Header band (report title + section heading) and footer (run time, data caveat, page
/// label) on page `page`. Returns the content rectangle (mm, page-relative) below the header.
/// headingScale (0 < s <= 1) shrinks the heading type, e.g. to keep a long park name on one line.
QRectF addPageFrame(QgsPrintLayout* layout, const ReportContext& ctx, int page, const QString& heading,
                    double headingScale = 1.0);
/// Word-wrapping label in the report font (Noto Sans CJK SC). Rect is page-relative mm.
QgsLayoutItemLabel* addLabel(QgsPrintLayout* layout, int page, const QString& text, double sizePt, bool bold,
                             const QRectF& rectMm, const QColor& color = QColor(30, 30, 30),
                             Qt::AlignmentFlag hAlign = Qt::AlignLeft);
/// A manual table with a bold header row; wraps long cells (CJK text too: line breaks are inserted
/// where a cell would overflow its column, as QGIS wraps only at spaces). Column widths in mm (0 = auto).
QgsLayoutItemManualTable* addTable(QgsPrintLayout* layout, int page, const QStringList& headers,
                                   const std::vector<QStringList>& rows, const QRectF& rectMm, double sizePt = 7.5,
                                   const std::vector<double>& columnWidthsMm = {});
/// addTable with its cells ready: text (wrapped by the caller) or a QgsProperty, which QGIS
/// evaluates in the table's context on every atlas page (an atlas table in one item), each with
/// its alignment; the headers are left-aligned.
QgsLayoutItemManualTable* addTable(QgsPrintLayout* layout, int page, const QStringList& headers,
                                   const QgsTableContents& contents, const QRectF& rectMm, double sizePt,
                                   const std::vector<double>& columnWidthsMm);
/// A picture item showing SVG bytes (embedded, so the layout survives in a saved project).
/// Static pictures only: QGIS 3.22 loads a *data-defined* "base64:" picture source through QImage,
/// i.e. rasterised at 90 dpi; per-atlas-feature charts are drawn with layout shapes instead.
QgsLayoutItemPicture* addSvg(QgsPrintLayout* layout, int page, const QByteArray& svg, const QRectF& rectMm);
/// Header/footer band heights and type relative to the page: 1 on A4, 1.25 on A3.
double scaleOf(const ReportContext& ctx);
/// j[key] when it is a string, else "".
std::string jsonText(const nlohmann::json& j, const char* key);
/// Width of text in ems of its font size: CJK and fullwidth characters 1, others about 0.55.
double textEms(const QString& text);
/// The report's text format: Noto Sans CJK SC (detail::font) in points, unshaped so digits in
/// mixed runs stay extractable (pdftotext).
QgsTextFormat reportTextFormat(double sizePt, bool bold, const QColor& color = QColor(30, 30, 30));
/// "12.35" with the given decimals, "–" for NaN.
QString formatNumber(double value, int decimals);
/// The report's own companion of `layer`: a layer on the same source drawn only by a report
/// layout (the atlas park's catchment, the overview's labels), registered in ctx's project
/// without a layer-tree node so a saved layout keeps it. One per layer, role (the custom property
/// "clustershift/<role>") and report language: building the report again (the plugin adds the
/// layouts to the project) reuses it. A new one is made unstyled, not with
/// QgsVectorLayer::clone() (which copies the whole style through XML), named "<name> (<suffix>)",
/// and handed to setUp to style it; setUp returning false drops it and gives nullptr.
QgsVectorLayer* reportCompanion(const ReportContext& ctx, const QgsVectorLayer& layer, const QString& role,
                                const QString& nameSuffix, const std::function<bool(QgsVectorLayer&)>& setUp);

/// `"id" IN ('a', 'b', …)`, the values quoted: a filter the providers turn into their own query,
/// so only these features are read.
QString idInExpression(const QStringList& ids);
/// Radius of the labour catchment circles (km) as the run used it: run_info's catchment_km, else
/// the labour_pool radius_km of the run's scenario, else that criterion's declared default.
double catchmentKm(const nlohmann::json& runInfo);

// --- charts (report_charts.cpp): SVG documents sized in mm, report font --------------------
struct Bar {
  QString label;
  double value = 0;
};
/// Horizontal bars (label left, value right), negative values drawn leftwards of the axis.
QByteArray barChartSvg(const std::vector<Bar>& bars, const QSizeF& sizeMm, const QString& valueFormat = QStringLiteral("%1"));
struct Series {
  QString name;
  std::vector<double> values;  ///< one per x
  QColor color;
};
/// One cell of the mechanism matrix: a signed change and its 5–95 % interval (NaN = none).
struct MatrixCell {
  QString text;      ///< the value as shown, e.g. "+0.66 %"
  QString interval;  ///< e.g. "[+0.65, +0.70]" or empty
  double units = 0;  ///< value in units of U (value / mechanism scale): colour intensity and sign
  bool uncertainSign = false;  ///< the interval crosses 0
};
struct MatrixRow {
  QString label;                 ///< the mode
  std::vector<MatrixCell> cells;  ///< source vc, inn, str, host vc, inn, str
  QString coupling;              ///< "D 0.873 [0.86–0.89]\n良好协调"
  QColor couplingColor;
};
/// The mechanism matrix (modes × sides × mechanisms): diverging colour-blind-safe fills (purple
/// gain, orange loss, white no change), a dashed frame where the interval crosses 0.
QByteArray mechanismMatrixSvg(const QStringList& groupHeaders, const QStringList& columnHeaders,
                              const std::vector<MatrixRow>& rows, const QSizeF& sizeMm);
/// Line chart over the x labels (e.g. years), own y axis with ticks, legend below.
QByteArray lineChartSvg(const QStringList& xLabels, const std::vector<Series>& series, const QSizeF& sizeMm,
                        const QString& yTitle = QString());

}  // namespace clustershift::layers::detail
