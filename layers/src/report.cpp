// The report: its context (language, paper, title), the section layouts in document order, and
// one PDF over all of them (atlas layouts expanded feature by feature).
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgsabstractlayoutiterator.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeedback.h>
#include <qgslayoutatlas.h>
#include <qgslayoutexporter.h>
#include <qgslayoutpagecollection.h>
#include <qgsvectorsimplifymethod.h>
#include <qgsprintlayout.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

#include "clustershift/error.h"
#include "publish.h"
#include "report_detail.h"

namespace clustershift::layers {

namespace detail {

ReportContext makeReportContext(const ReportSource& source, const ReportOptions& options) {
  if (options.language != QLatin1String("zh_CN") && options.language != QLatin1String("en"))
    throw InputError("report language '" + options.language.toStdString() + "' is not supported (zh_CN, en)");
  ReportContext ctx;
  if (options.paper.compare(QLatin1String("A4"), Qt::CaseInsensitive) == 0) ctx.pageMm = QSizeF(297, 210);
  else if (options.paper.compare(QLatin1String("A3"), Qt::CaseInsensitive) == 0) ctx.pageMm = QSizeF(420, 297);
  else throw InputError("report paper '" + options.paper.toStdString() + "' is not supported (A4, A3)");
  if (options.topN < 1)
    throw InputError("report top_n must be at least 1 (got " + std::to_string(options.topN) + ")");
  if (!source.project || !source.candidates || !source.flows || !source.regions)
    throw InputError((source.geopackage.isEmpty() ? std::string("report") : source.geopackage.toStdString()) +
                     ": the report needs the candidate_scores, transfer_flows and regions layers");
  ctx.source = source;
  ctx.options = options;
  ctx.tx.zh = options.language == QLatin1String("zh_CN");
  {
    const nlohmann::json& run = source.runInfo;
    const nlohmann::json* grid = nullptr;
    if (run.is_object() && run.contains("scenario") && run["scenario"].is_object() &&
        run["scenario"].contains("candidates") && run["scenario"]["candidates"].is_object())
      grid = &run["scenario"]["candidates"];
    ctx.tx.cells = grid && grid->contains("grid_km") && (*grid)["grid_km"].is_number() &&
                   (*grid)["grid_km"].get<double>() > 0;
  }
  // Title in the language, else the other one, else the scenario name, else the file name.
  const nlohmann::json& info = source.runInfo;
  if (info.is_object() && info.contains("title") && info["title"].is_object()) {
    const nlohmann::json& title = info["title"];
    for (const std::string& key : {options.language.toStdString(), std::string("en"), std::string("zh_CN")})
      if (ctx.title.isEmpty() && title.contains(key) && title[key].is_string())
        ctx.title = QString::fromStdString(title[key].get<std::string>());
  }
  if (ctx.title.isEmpty() && info.is_object() && info.contains("scenario") && info["scenario"].is_object() &&
      info["scenario"].contains("name") && info["scenario"]["name"].is_string())
    ctx.title = QString::fromStdString(info["scenario"]["name"].get<std::string>());
  if (ctx.title.isEmpty()) ctx.title = QFileInfo(source.geopackage).completeBaseName();
  return ctx;
}

// Geometries simplified to one pixel of the export resolution (QGIS's export default: 0.1 px);
// at 300 dpi a pixel is 0.085 mm on paper. The overview of a national run draws 2,850 region
// outlines of ~200 vertices at ~2.7 km a pixel, and every vertex kept costs a transform, a fill
// edge and a stroke join: at one pixel most go (bench/national: 0.55 s of 4.1 s a report).
// The candidate pages' insets (~0.25 km a pixel) keep every vertex.
QgsVectorSimplifyMethod reportSimplifyMethod() {
  QgsVectorSimplifyMethod simplify;
  simplify.setSimplifyHints(QgsVectorSimplifyMethod::GeometrySimplification);
  simplify.setSimplifyAlgorithm(QgsVectorSimplifyMethod::Distance);
  simplify.setThreshold(1.0f);
  return simplify;
}

int reportPageCount(const std::vector<QgsPrintLayout*>& layouts) {
  int pages = 0;
  for (QgsPrintLayout* layout : layouts) {
    QgsLayoutAtlas* atlas = layout->atlas();
    const int copies = atlas && atlas->enabled() ? std::max(0, atlas->updateFeatures()) : 1;
    pages += copies * layout->pageCollection()->pageCount();
  }
  return pages;
}

}  // namespace detail

std::vector<std::unique_ptr<QgsPrintLayout>> buildReportLayouts(const ReportSource& source,
                                                                const ReportOptions& options, LayoutUse use) {
  const detail::SharedGlobalScope globalScope;
  detail::ReportContext ctx = detail::makeReportContext(source, options);
  ctx.drawAhead = use == LayoutUse::Export;
  std::vector<std::unique_ptr<QgsPrintLayout>> layouts;
  auto add = [&](std::unique_ptr<QgsPrintLayout> layout) {
    if (layout) layouts.push_back(std::move(layout));
  };
  add(detail::buildOverviewLayout(ctx));
  add(detail::buildCandidateLayout(ctx));
  add(detail::buildEffectsLayout(ctx));
  add(detail::buildMatrixLayout(ctx));
  add(detail::buildComparisonLayout(ctx));
  add(detail::buildMethodsLayout(ctx));
  // Document page numbers: each layout learns how many pages come before it.
  int offset = 0;
  for (const auto& layout : layouts) {
    QgsExpressionContextUtils::setLayoutVariable(layout.get(), QStringLiteral("clustershift_page_offset"), offset);
    QgsLayoutAtlas* atlas = layout->atlas();
    const int copies = atlas && atlas->enabled() ? std::max(0, atlas->updateFeatures()) : 1;
    offset += copies * layout->pageCollection()->pageCount();
  }
  return layouts;
}

namespace {

/// Walks the layouts in order; an atlas layout yields once per atlas feature. Counts the pages
/// it hands out and turns a cancel of the run's Feedback into a cancel of the exporter's.
class ReportIterator : public QgsAbstractLayoutIterator {
 public:
  ReportIterator(std::vector<QgsPrintLayout*> layouts, Feedback& feedback, QgsFeedback& exportFeedback)
      : m_layouts(std::move(layouts)), m_feedback(feedback), m_exportFeedback(exportFeedback) {}

  QgsLayout* layout() override { return m_current >= 0 ? m_layouts[static_cast<size_t>(m_current)] : nullptr; }

  bool beginRender() override {
    m_total = 0;
    for (QgsPrintLayout* l : m_layouts) {
      QgsLayoutAtlas* atlas = l->atlas();
      m_total += atlas && atlas->enabled() ? std::max(0, atlas->updateFeatures()) : 1;
    }
    m_current = -1;
    m_inAtlas = false;
    return true;
  }

  bool endRender() override {
    if (m_inAtlas) m_layouts[static_cast<size_t>(m_current)]->atlas()->endRender();
    m_inAtlas = false;
    return true;
  }

  int count() const override { return m_total; }

  bool next() override {
    if (m_feedback.isCanceled()) m_exportFeedback.cancel();
    if (m_inAtlas && m_layouts[static_cast<size_t>(m_current)]->atlas()->next()) return counted();
    if (m_inAtlas) {
      m_layouts[static_cast<size_t>(m_current)]->atlas()->endRender();
      m_inAtlas = false;
    }
    while (++m_current < static_cast<int>(m_layouts.size())) {
      QgsLayoutAtlas* atlas = m_layouts[static_cast<size_t>(m_current)]->atlas();
      if (!atlas || !atlas->enabled()) return counted();
      // An atlas without features (no ranked park) contributes no page.
      if (atlas->beginRender() && atlas->first()) {
        m_inAtlas = true;
        return counted();
      }
      atlas->endRender();
    }
    m_current = static_cast<int>(m_layouts.size()) - 1;
    return false;
  }

  QString filePath(const QString& baseFilePath, const QString&) override { return baseFilePath; }

  int pages() const { return m_pages; }

 private:
  bool counted() {
    QgsLayout* l = layout();
    for (int p = 0; p < l->pageCollection()->pageCount(); ++p)
      if (l->pageCollection()->shouldExportPage(p)) ++m_pages;
    ++m_step;
    m_feedback.setProgress(m_total > 0 ? std::min(1.0, static_cast<double>(m_step - 1) / m_total) : 0.0, "report");
    return true;
  }

  std::vector<QgsPrintLayout*> m_layouts;
  Feedback& m_feedback;
  QgsFeedback& m_exportFeedback;
  int m_current = -1;
  bool m_inAtlas = false;
  int m_total = 0;
  int m_pages = 0;
  int m_step = 0;
};

}  // namespace

int exportReportPdf(const std::vector<QgsPrintLayout*>& layouts, const QString& pdfPath, Feedback& feedback) {
  if (layouts.empty()) throw IoError(pdfPath.toStdString() + ": no report layouts to export");
  feedback.checkCanceled();
  const QFileInfo target(pdfPath);
  if (!QDir().mkpath(target.absolutePath()))
    throw IoError(pdfPath.toStdString() + ": cannot create the folder " + target.absolutePath().toStdString());
  const QString partial = target.absolutePath() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".part.pdf");
  QgsLayoutExporter::PdfExportSettings settings;
  settings.dpi = detail::kReportDpi;
  settings.rasterizeWholeImage = false;
  settings.forceVectorOutput = true;
  settings.exportMetadata = false;
  // Antialiasing only changes what is drawn as an image: the overview map's dense layers (PDF
  // vectors and text are smoothed by the viewer). At 300 dpi those dots and outlines need none;
  // without it they draw in half the time (perf, bench/national).
  settings.flags = QgsLayoutRenderContext::FlagUseAdvancedEffects;
  // Real text (not outlines): searchable, smaller, and the embedded CJK font stays a font.
  settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
  // Geometries simplified to one pixel of the export resolution (reportSimplifyMethod).
  settings.simplifyGeometries = false;
  for (QgsPrintLayout* layout : layouts)
    layout->renderContext().setSimplifyMethod(detail::reportSimplifyMethod());
  QgsFeedback exportFeedback;
  const detail::SharedGlobalScope globalScope;
  ReportIterator iterator(layouts, feedback, exportFeedback);
  QString error;
  const QgsLayoutExporter::ExportResult result =
      QgsLayoutExporter::exportToPdf(&iterator, partial, settings, error, &exportFeedback);
  if (result == QgsLayoutExporter::Canceled || feedback.isCanceled()) {
    QFile::remove(partial);
    throw Cancelled();
  }
  if (result != QgsLayoutExporter::Success) {
    QFile::remove(partial);
    if (!error.isEmpty()) detail::addWriteDiagnostic(QStringLiteral("QgsLayoutExporter: ") + error);
    // FileError / PrintError: say why in plain words (full disk, read-only target), not QPainter's.
    detail::failWrite(target.absoluteFilePath(), detail::diagnoseFolder(target.absolutePath()));
  }
  // Write, check, then publish: the PDF must parse and have every page before it replaces anything.
  try {
    detail::verifyPdf(partial, iterator.pages(), target.absoluteFilePath());
    detail::syncFile(partial, target.absoluteFilePath());
  } catch (...) {
    QFile::remove(partial);
    throw;
  }
  if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
    QFile::remove(partial);
    throw IoError(pdfPath.toStdString() + ": cannot rename the finished PDF into place");
  }
  feedback.setProgress(1.0, "report");
  return iterator.pages();
}

}  // namespace clustershift::layers
