// The report: its context (language, paper, title), the section layouts in document order, and
// one PDF over all of them (atlas layouts expanded feature by feature).
// The one-page legacy layout below is TRANSITIONAL and goes when outputs.cpp no longer uses it.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgsabstractlayoutiterator.h>
#include <qgsapplication.h>
#include <qgsfeedback.h>
#include <qgslayoutatlas.h>
#include <qgscoordinatetransform.h>
#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfeatureiterator.h>
#include <qgslayertree.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutitemshape.h>
#include <qgslayoutmeasurement.h>
#include <qgslayouttablecolumn.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutsize.h>
#include <qgslegendstyle.h>
#include <qgsmaplayerlegend.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsrendercontext.h>
#include <qgstablecell.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <cstdio>

#include "clustershift/error.h"
#include "clustershift/pipeline.h"
#include "layers_detail.h"
#include "report_detail.h"

namespace clustershift::layers {
namespace {

using detail::toQ;

/// Report wording per language. Keep both columns in step.
struct LegacyTexts {
  bool zh;
  QString t(const char* en, const char* zhText) const { return zh ? QString::fromUtf8(zhText) : QString::fromUtf8(en); }
};

QString modeText(const LegacyTexts& tx, TransferMode mode) {
  switch (mode) {
    case TransferMode::Complete: return tx.t("complete transfer", "整体转移");
    case TransferMode::Partial: return tx.t("partial transfer", "部分转移");
    case TransferMode::Replication: return tx.t("replication", "复制扩张");
  }
  return {};
}

QgsVectorLayer* findLayer(QgsProject* project, const QString& name) {
  const QList<QgsMapLayer*> found = project->mapLayersByName(name);
  for (QgsMapLayer* l : found)
    if (auto* v = qobject_cast<QgsVectorLayer*>(l)) return v;
  return nullptr;
}

QgsLayoutItemLabel* legacyLabel(QgsPrintLayout* layout, const QString& text, double sizePt, bool bold, const QRectF& rectMm,
                             const QColor& color = QColor(30, 30, 30), Qt::AlignmentFlag hAlign = Qt::AlignLeft) {
  auto* label = new QgsLayoutItemLabel(layout);
  label->setText(text);
  label->setFont(detail::font(sizePt, bold));
  label->setFontColor(color);
  label->setHAlign(hAlign);
  label->setVAlign(Qt::AlignTop);
  label->setMarginX(0);
  label->setMarginY(0);
  layout->addLayoutItem(label);
  label->attemptMove(QgsLayoutPoint(rectMm.x(), rectMm.y(), QgsUnitTypes::LayoutMillimeters));
  label->attemptResize(QgsLayoutSize(rectMm.width(), rectMm.height(), QgsUnitTypes::LayoutMillimeters));
  return label;
}

QgsTextFormat tableFormat(double sizePt, bool bold, const QColor& color = QColor(30, 30, 30)) {
  QgsTextFormat format;
  format.setFont(detail::font(sizePt, bold));
  format.setSize(sizePt);
  format.setSizeUnit(QgsUnitTypes::RenderPoints);
  format.setColor(color);
  return format;
}

/// Map extent: the parks (and the source) plus a margin, in the map CRS.
QgsRectangle mapExtent(const Results& results, const QgsCoordinateReferenceSystem& crs, QgsProject* project) {
  QgsRectangle lonLat;
  lonLat.setMinimal();
  auto include = [&](double lon, double lat) {
    if (!std::isnan(lon) && !std::isnan(lat)) lonLat.combineExtentWith(lon, lat);
  };
  for (const ParkResult& p : results.parks) include(p.lon, p.lat);
  include(results.sourceLon, results.sourceLat);
  if (lonLat.isEmpty() || lonLat.width() <= 0 || lonLat.height() <= 0) {
    if (lonLat.isNull() || !std::isfinite(lonLat.xMinimum())) return QgsRectangle(-180, -90, 180, 90);
    lonLat.grow(0.5);
  }
  QgsCoordinateTransform ct(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), crs, project->transformContext());
  QgsRectangle extent = lonLat;
  try {
    extent = ct.transformBoundingBox(lonLat);
  } catch (const QgsCsException&) {
  }
  extent.scale(1.08);
  return extent;
}

/// Language-specific legend: layer titles and the labels of the rule-keyed classes.
void localiseLegend(QgsLayoutItemLegend* legend, const LegacyTexts& tx) {
  legend->setAutoUpdateModel(false);
  QgsLayerTree* root = legend->model()->rootGroup();
  for (QgsLayerTreeLayer* node : root->findLayers()) {
    const QString name = node->layer() ? node->layer()->name() : QString();
    QString title;
    if (name == QLatin1String("candidate_scores")) title = tx.t("Candidate parks: score", "候选园区：综合得分");
    else if (name == QLatin1String("transfer_flows")) title = tx.t("Transfer to the top 5", "向前5名转移");
    else if (name == QLatin1String("regions")) title = tx.t("Prefecture-level regions", "地级行政区");
    if (!title.isEmpty()) node->setCustomProperty(QStringLiteral("legend/title-label"), title);
    const QList<QgsLayerTreeModelLegendNode*> nodes = legend->model()->layerOriginalLegendNodes(node);
    bool changed = false;
    for (int i = 0; i < nodes.size(); ++i) {
      const QString key = nodes[i]->data(QgsLayerTreeModelLegendNode::RuleKeyRole).toString();
      QString text;
      if (key == QLatin1String("excluded")) text = tx.t("excluded (hard constraint)", "已排除（硬约束）");
      else if (key == QLatin1String("source")) text = tx.t("source region", "转出地区");
      else if (key == QLatin1String("other")) text = tx.t("other regions", "其他地区");
      if (!text.isEmpty()) {
        QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, i, text);
        changed = true;
      }
    }
    if (changed) legend->model()->refreshLayerLegend(node);
  }
}

std::map<std::string, QString> regionNamesZh(QgsVectorLayer* regions) {
  std::map<std::string, QString> names;
  if (!regions || regions->fields().lookupField(QStringLiteral("name_zh")) < 0) return names;
  QgsFeature f;
  QgsFeatureIterator it = regions->getFeatures();
  while (it.nextFeature(f))
    names[f.attribute(QStringLiteral("id")).toString().toStdString()] = f.attribute(QStringLiteral("name_zh")).toString();
  return names;
}

QString legacyNumber(double v, int decimals) { return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', decimals); }

}  // namespace

namespace detail {

std::unique_ptr<QgsPrintLayout> buildReportLayout(const Results& results, QgsProject* project, const QString& language) {
  if (language != QLatin1String("zh_CN") && language != QLatin1String("en"))
    throw InputError("report language '" + language.toStdString() + "' is not supported (zh_CN, en)");
  const LegacyTexts tx{language == QLatin1String("zh_CN")};
  QgsVectorLayer* candidates = findLayer(project, QStringLiteral("candidate_scores"));
  QgsVectorLayer* flows = findLayer(project, QStringLiteral("transfer_flows"));
  QgsVectorLayer* regions = findLayer(project, QStringLiteral("regions"));

  auto layout = std::make_unique<QgsPrintLayout>(project);
  layout->initializeDefaults();  // one A4 landscape page, 297 x 210 mm
  layout->setName(tx.t("ClusterShift report (English)", "ClusterShift 报告（中文）"));

  constexpr double kMargin = 10, kPageW = 297;
  constexpr double kMapX = kMargin, kMapY = 28, kMapW = 155, kMapH = 160;
  constexpr double kSideX = kMapX + kMapW + 6, kSideW = kPageW - kMargin - kSideX;  // 116 mm

  // --- header ---
  const QString title = detail::scenarioTitle(results.scenario, language);
  legacyLabel(layout.get(), title, 18, true, QRectF(kMargin, 8, kPageW - 2 * kMargin, 10));
  QString source = toQ(results.sourceRegionName);
  const auto zhNames = regionNamesZh(regions);
  if (tx.zh) {
    auto it = zhNames.find(results.sourceRegionId);
    if (it != zhNames.end() && !it->second.isEmpty()) source = it->second;
  }
  if (source.isEmpty()) source = toQ(results.sourceRegionId);
  const QString clusterName = toQ(tx.zh && !results.scenario.cluster.nameZh.empty() ? results.scenario.cluster.nameZh
                                                                                    : results.scenario.cluster.name);
  const QString subtitle = tx.zh ? QStringLiteral("产业集群转移候选园区评价 · 集群：%1 · 转出地区：%2 · 方式：%3")
                                       .arg(clusterName, source, modeText(tx, results.scenario.mode))
                                 : QStringLiteral("Candidate host parks for a cluster transfer · cluster: %1 · source: %2 · mode: %3")
                                       .arg(clusterName, source, modeText(tx, results.scenario.mode));
  legacyLabel(layout.get(), subtitle, 10, false, QRectF(kMargin, 19.5, kPageW - 2 * kMargin, 6), QColor(90, 90, 90));

  // --- map ---
  auto* map = new QgsLayoutItemMap(layout.get());
  map->attemptSetSceneRect(QRectF(kMapX, kMapY, kMapW, kMapH));
  map->setFrameEnabled(true);
  map->setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes::LayoutMillimeters));
  map->setBackgroundColor(QColor(QStringLiteral("#dfeaf2")));  // sea / outside the study area
  QList<QgsMapLayer*> mapLayers;
  for (QgsVectorLayer* l : {candidates, flows, regions})
    if (l) mapLayers << l;
  map->setLayers(mapLayers);
  map->setKeepLayerSet(true);
  const QgsCoordinateReferenceSystem crs = project->crs().isValid() ? project->crs()
                                                                     : QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326"));
  map->setCrs(crs);
  layout->addLayoutItem(map);
  map->zoomToExtent(mapExtent(results, crs, project));

  // North arrow (QGIS's own SVG) in the map's upper right corner.
  auto* north = new QgsLayoutItemPicture(layout.get());
  north->setPicturePath(QgsApplication::pkgDataPath() + QStringLiteral("/svg/arrows/NorthArrow_02.svg"),
                        QgsLayoutItemPicture::FormatSVG);
  north->setLinkedMap(map);
  north->setNorthMode(QgsLayoutItemPicture::GridNorth);
  north->setBackgroundEnabled(false);
  layout->addLayoutItem(north);
  north->attemptSetSceneRect(QRectF(kMapX + kMapW - 15, kMapY + 3, 11, 15));

  // Scale bar in the lower left corner of the map, on a white box.
  auto* scale = new QgsLayoutItemScaleBar(layout.get());
  scale->setStyle(QStringLiteral("Single Box"));
  scale->setLinkedMap(map);
  scale->applyDefaultSize(QgsUnitTypes::DistanceKilometers);
  scale->setUnits(QgsUnitTypes::DistanceKilometers);
  scale->setUnitLabel(QStringLiteral("km"));
  scale->setNumberOfSegmentsLeft(0);
  scale->setNumberOfSegments(2);
  scale->setSegmentSizeMode(QgsScaleBarSettings::SegmentSizeFitWidth);
  scale->setMinimumBarWidth(25);
  scale->setMaximumBarWidth(45);
  scale->setHeight(2);
  scale->setTextFormat(tableFormat(7, false));
  scale->setBackgroundEnabled(true);
  scale->setBackgroundColor(QColor(255, 255, 255, 220));
  scale->setBoxContentSpace(1.5);
  layout->addLayoutItem(scale);
  scale->attemptMove(QgsLayoutPoint(kMapX + 3, kMapY + kMapH - 14, QgsUnitTypes::LayoutMillimeters));
  scale->update();

  // --- right column: ranked table ---
  double y = kMapY;
  legacyLabel(layout.get(), tx.t("Top 10 candidate parks", "前10名候选园区"), 11, true, QRectF(kSideX, y, kSideW, 6));
  y += 7;
  const int topN = 10;
  auto* table = new QgsLayoutItemManualTable(layout.get());
  layout->addMultiFrame(table);
  QgsLayoutTableColumns headers;
  const QList<double> widths{8, 71, 23, 14};  // mm, = kSideW
  const QStringList headings{tx.t("Rank", "排名"), tx.t("Park", "园区"), tx.t("Region", "地区"), tx.t("Score", "得分")};
  for (int c = 0; c < headings.size(); ++c) {
    QgsLayoutTableColumn col(headings[c]);
    col.setWidth(widths[c]);
    col.setHAlignment(c == 0 || c == 3 ? Qt::AlignRight : Qt::AlignLeft);
    headers << col;
  }
  QgsTableContents contents;
  int rows = 0;
  for (int index : detail::rankingOrder(results)) {
    const ParkResult& p = results.parks[static_cast<size_t>(index)];
    if (p.rank <= 0 || rows >= topN) break;
    QString park = toQ(tx.zh && !p.nameZh.empty() ? p.nameZh : (p.name.empty() ? p.id : p.name));
    QString region = toQ(p.regionName);
    if (tx.zh) {
      auto it = zhNames.find(p.regionId);
      if (it != zhNames.end() && !it->second.isEmpty()) region = it->second;
    }
    QgsTableRow row;
    row << QgsTableCell(p.rank) << QgsTableCell(park) << QgsTableCell(region) << QgsTableCell(legacyNumber(p.score, 3));
    row[0].setHorizontalAlignment(Qt::AlignRight);
    row[3].setHorizontalAlignment(Qt::AlignRight);
    contents << row;
    ++rows;
  }
  if (contents.isEmpty()) {
    QgsTableRow row;
    row << QgsTableCell(QString()) << QgsTableCell(tx.t("no feasible park", "无可行园区")) << QgsTableCell(QString())
        << QgsTableCell(QString());
    contents << row;
  }
  table->setHeaders(headers);
  table->setIncludeTableHeader(true);
  table->setTableContents(contents);
  table->setColumnWidths(widths);
  table->setHeaderTextFormat(tableFormat(7.5, true));
  table->setContentTextFormat(tableFormat(7.5, false));
  table->setCellMargin(1.0);
  table->setWrapBehavior(QgsLayoutTable::WrapText);
  table->setShowGrid(true);
  table->setVerticalGrid(false);
  table->setHorizontalGrid(true);
  table->setGridStrokeWidth(0.1);
  table->setGridColor(QColor(170, 170, 170));
  QgsLayoutTableStyle header;
  header.enabled = true;
  header.cellBackgroundColor = QColor(QStringLiteral("#e3eef6"));
  table->setCellStyle(QgsLayoutTable::HeaderRow, header);
  QgsLayoutTableStyle odd;
  odd.enabled = true;
  odd.cellBackgroundColor = QColor(QStringLiteral("#f6f6f6"));
  table->setCellStyle(QgsLayoutTable::OddRows, odd);
  auto* frame = new QgsLayoutFrame(layout.get(), table);
  frame->attemptSetSceneRect(QRectF(kSideX, y, kSideW, 92));
  table->addFrame(frame);
  table->recalculateFrameSizes();

  // --- legend ---
  auto* legend = new QgsLayoutItemLegend(layout.get());
  legend->setTitle(tx.t("Legend", "图例"));
  legend->setLinkedMap(map);
  legend->setLegendFilterByMapEnabled(true);
  legend->setStyleFont(QgsLegendStyle::Title, detail::font(9, true));
  legend->setStyleFont(QgsLegendStyle::Group, detail::font(8, true));
  legend->setStyleFont(QgsLegendStyle::Subgroup, detail::font(8, true));
  legend->setStyleFont(QgsLegendStyle::SymbolLabel, detail::font(7.5, false));
  legend->setSymbolHeight(3.2);
  legend->setSymbolWidth(6);
  legend->setBoxSpace(1.5);
  legend->setColumnCount(2);  // candidates | flows + regions
  legend->setSplitLayer(false);
  legend->setEqualColumnWidth(false);
  legend->setColumnSpace(8);
  legend->setBackgroundEnabled(false);
  layout->addLayoutItem(legend);
  localiseLegend(legend, tx);
  // Anchored at its lower left corner above the criteria note: it grows upwards, towards the
  // table, whose height depends on how park names wrap.
  legend->setReferencePoint(QgsLayoutItem::LowerLeft);
  legend->attemptMove(QgsLayoutPoint(kSideX - 1.5, kMapY + kMapH - 13, QgsUnitTypes::LayoutMillimeters));
  legend->adjustBoxSize();

  // --- criteria and weights, at the bottom of the side column ---
  QStringList criteria;
  for (const CriterionInfo& c : results.criteria) {
    const QString label = toQ(tx.zh && !c.labelZh.empty() ? c.labelZh : (c.label.empty() ? c.id : c.label));
    criteria << QStringLiteral("%1 %2").arg(label, QString::number(c.weight, 'f', 2));
  }
  if (!criteria.isEmpty())
    legacyLabel(layout.get(), tx.t("Criteria (weights): ", "评价指标（权重）：") + criteria.join(tx.t("; ", "；")), 7, false,
             QRectF(kSideX, kMapY + kMapH - 11, kSideW, 11), QColor(70, 70, 70));

  // --- footer: date, caveat ---
  const QString date = results.runTime.size() >= 10 ? toQ(results.runTime.substr(0, 10))
                                                    : QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
  const QString footer =
      tx.zh ? QStringLiteral("日期：%1 · ClusterShift %2 · 示意性数据：统计数据为示意值（年鉴量级），行政区边界为示意性边界，不作决策依据。")
                  .arg(date, QString::fromUtf8(clustershift::version()))
            : QStringLiteral("Date: %1 · ClusterShift %2 · Illustrative statistics (yearbook order of magnitude), schematic "
                             "boundaries: not a basis for decisions.")
                  .arg(date, QString::fromUtf8(clustershift::version()));
  legacyLabel(layout.get(), footer, 7.5, false, QRectF(kMargin, kMapY + kMapH + 4, kPageW - 2 * kMargin, 5),
           QColor(90, 90, 90));
  return layout;
}

}  // namespace detail

void exportReport(const Results& results, QgsProject* project, const QString& language, const QString& pdfPath) {
  if (!project) throw IoError("exportReport: no project");
  std::unique_ptr<QgsPrintLayout> layout = detail::buildReportLayout(results, project, language);
  const QFileInfo target(pdfPath);
  const QString partial = target.absolutePath() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".part.pdf");
  QgsLayoutExporter exporter(layout.get());
  QgsLayoutExporter::PdfExportSettings settings;
  settings.dpi = 300;
  settings.rasterizeWholeImage = false;
  settings.forceVectorOutput = true;
  settings.appendGeoreference = true;
  settings.exportMetadata = true;
  // Real text (not outlines) for tables, legend and labels: smaller files, searchable, and the
  // embedded CJK font stays a font.
  settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
  const QgsLayoutExporter::ExportResult result = exporter.exportToPdf(partial, settings);
  if (result != QgsLayoutExporter::Success) {
    QFile::remove(partial);
    throw IoError(pdfPath.toStdString() + ": PDF export failed (QgsLayoutExporter code " +
                  std::to_string(static_cast<int>(result)) + ")");
  }
  if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
    QFile::remove(partial);
    throw IoError(pdfPath.toStdString() + ": cannot rename the finished PDF into place");
  }
}

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

}  // namespace detail

std::vector<std::unique_ptr<QgsPrintLayout>> buildReportLayouts(const ReportSource& source, const ReportOptions& options) {
  const detail::ReportContext ctx = detail::makeReportContext(source, options);
  std::vector<std::unique_ptr<QgsPrintLayout>> layouts;
  auto add = [&](std::unique_ptr<QgsPrintLayout> layout) {
    if (layout) layouts.push_back(std::move(layout));
  };
  add(detail::buildOverviewLayout(ctx));
  add(detail::buildCandidateLayout(ctx));
  add(detail::buildEffectsLayout(ctx));
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
  settings.dpi = 300;
  settings.rasterizeWholeImage = false;
  settings.forceVectorOutput = true;
  settings.exportMetadata = false;
  // Real text (not outlines): searchable, smaller, and the embedded CJK font stays a font.
  settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
  QgsFeedback exportFeedback;
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
    throw IoError(pdfPath.toStdString() + ": PDF export failed (QgsLayoutExporter code " +
                  std::to_string(static_cast<int>(result)) + (error.isEmpty() ? "" : ": " + error.toStdString()) + ")");
  }
  if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target.absoluteFilePath()).constData()) != 0) {
    QFile::remove(partial);
    throw IoError(pdfPath.toStdString() + ": cannot rename the finished PDF into place");
  }
  feedback.setProgress(1.0, "report");
  return iterator.pages();
}

}  // namespace clustershift::layers
