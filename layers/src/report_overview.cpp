// Report page 1: the scenario, a map of every candidate by score with the source and the flows
// to the top parks (legend, scale bar, north arrow) and the top-10 table.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgsapplication.h>
#include <qgsexpressioncontextutils.h>
#include <qgsmapsettings.h>
#include <qgsrendercontext.h>
#include <qgsrenderer.h>
#include <qgscoordinatetransform.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgslayertreemodel.h>
#include <qgslayertreemodellegendnode.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemlegend.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmeasurement.h>
#include <qgslegendstyle.h>
#include <qgslegendsymbolitem.h>
#include <qgsmaplayerlegend.h>
#include <qgsmaplayerstyle.h>
#include <qgsfillsymbollayer.h>
#include <qgsmarkersymbollayer.h>
#include <qgssymbol.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrulebasedlabeling.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>
#include <map>

#include "layers_detail.h"
#include "report_labels.h"

namespace clustershift::layers::detail {
namespace {

/// Region id -> name in the report language (regions layer: id, name, name_zh), for the regions
/// `ids` only (a national run has 2,850; the table shows ten).
std::map<QString, QString> regionNames(QgsVectorLayer* regions, const Texts& tx, const QStringList& ids) {
  std::map<QString, QString> names;
  if (!regions || ids.isEmpty()) return names;
  const bool hasZh = regions->fields().lookupField(QStringLiteral("name_zh")) >= 0;
  QgsFeature f;
  QgsFeatureIterator it = regions->getFeatures(
      QgsFeatureRequest().setFlags(QgsFeatureRequest::NoGeometry).setFilterExpression(idInExpression(ids)));
  while (it.nextFeature(f)) {
    QString name = tx.zh && hasZh ? f.attribute(QStringLiteral("name_zh")).toString() : QString();
    if (name.isEmpty()) name = f.attribute(QStringLiteral("name")).toString();
    names[f.attribute(QStringLiteral("id")).toString()] = name;
  }
  return names;
}

/// Map extent: every candidate and the source point plus a margin, in the map CRS.
QgsRectangle overviewExtent(const ReportContext& ctx, const QgsCoordinateReferenceSystem& crs) {
  QgsProject* project = ctx.source.project;
  QgsRectangle extent;
  extent.setMinimal();
  auto add = [&](const QgsRectangle& r, const QgsCoordinateReferenceSystem& from) {
    if (r.isNull() || !std::isfinite(r.xMinimum())) return;
    try {
      extent.combineExtentWith(QgsCoordinateTransform(from, crs, project->transformContext()).transformBoundingBox(r));
    } catch (const QgsCsException&) {
    }
  };
  add(ctx.source.candidates->extent(), ctx.source.candidates->crs());
  const nlohmann::json& src = ctx.source.runInfo.is_object() && ctx.source.runInfo.contains("source")
                                  ? ctx.source.runInfo["source"]
                                  : nlohmann::json();
  if (src.is_object() && src.contains("lon") && src.contains("lat") && src["lon"].is_number() && src["lat"].is_number()) {
    const double lon = src["lon"].get<double>(), lat = src["lat"].get<double>();
    add(QgsRectangle(lon, lat, lon, lat), QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")));
  }
  if (extent.isNull() || !std::isfinite(extent.xMinimum())) return ctx.source.regions->extent();
  if (extent.width() <= 0 || extent.height() <= 0) extent.grow(crs.isGeographic() ? 0.5 : 50000);
  extent.scale(1.1);
  return extent;
}

/// Language-specific legend: layer titles and the labels of the rule-keyed classes.
void localiseLegend(QgsLayoutItemLegend* legend, const Texts& tx, int k) {
  legend->setAutoUpdateModel(false);
  QgsLayerTree* root = legend->model()->rootGroup();
  for (QgsLayerTreeLayer* node : root->findLayers()) {
    const QString name = node->layer() ? node->layer()->name() : QString();
    QString title;
    if (name == QLatin1String(schema::kCandidates))
      title = tx.c("Candidate parks: score", "候选园区：综合得分", "Candidate cells: score",
                   "候选网格单元：综合得分");
    else if (name == QLatin1String(schema::kFlows))
      title = tx.c("Transfer flows to the top parks", "向排名靠前园区的转移",
                   "Transfer flows to the top cells", "向排名靠前网格单元的转移");
    else if (name == QLatin1String(schema::kRegions))
      title = tx.t("Regions", "行政区");  // the level is the data's (prefectures, counties, ...)
    if (!title.isEmpty()) node->setCustomProperty(QStringLiteral("legend/title-label"), title);
    const QList<QgsLayerTreeModelLegendNode*> nodes = legend->model()->layerOriginalLegendNodes(node);
    bool changed = false;
    for (int i = 0; i < nodes.size(); ++i) {
      const QString key = nodes[i]->data(QgsLayerTreeModelLegendNode::RuleKeyRole).toString();
      QString text;
      if (key == QLatin1String("excluded")) text = tx.t("excluded (hard constraint)", "已排除（硬约束）");
      else if (key == QLatin1String("source")) text = tx.t("source region", "转出地区");
      else if (key == QLatin1String("other")) text = tx.t("other regions", "其他地区");
      else if (key == QLatin1String("robustness")) text = tx.t("ring size: P(top %1)", "圆环大小：进入前%1名的概率").arg(k);
      if (!text.isEmpty()) {
        QgsMapLayerLegendUtils::setLegendNodeUserLabel(node, i, text);
        changed = true;
      }
    }
    if (changed) legend->model()->refreshLayerLegend(node);
  }
}

// The legend lists only the entries drawn on the map, as QGIS's filter-by-map would, from the
// renderers' legend keys of the features in the map's extent. QGIS's own hit test
// (QgsMapHitTest) also serialises every feature's symbol to XML
// (QgsSymbolLayerUtils::symbolProperties): 43 % of the CPU of a report at 20,000 parks
// (perf, bench/national); the keys alone cost a feature iteration.
void showDrawnLegendEntriesOnly(QgsLayoutItemLegend* legend, const QgsLayoutItemMap* map) {
  const QgsMapSettings settings = map->mapSettings(map->extent(), map->rect().size(), 96, false);
  QgsRenderContext context = QgsRenderContext::fromMapSettings(settings);
  for (QgsLayerTreeLayer* node : legend->model()->rootGroup()->findLayers()) {
    auto* layer = qobject_cast<QgsVectorLayer*>(node->layer());
    if (!layer || !layer->renderer()) continue;
    std::unique_ptr<QgsFeatureRenderer> renderer(layer->renderer()->clone());
    QgsExpressionContext expressions(QgsExpressionContextUtils::globalProjectLayerScopes(layer));
    context.setExpressionContext(expressions);
    renderer->startRender(context, layer->fields());
    QgsFeatureRequest request;
    try {
      const QgsRectangle visible =
          QgsCoordinateTransform(settings.destinationCrs(), layer->crs(), settings.transformContext())
              .transformBoundingBox(settings.visibleExtent());
      // A map showing the whole layer needs no spatial filter, and then (attribute rules) no
      // geometry: OGR fetches geometry for every feature a filter rectangle tests.
      if (visible.contains(layer->extent())) {
        if (!renderer->filterNeedsGeometry()) request.setFlags(QgsFeatureRequest::NoGeometry);
      } else {
        request.setFilterRect(visible);
      }
    } catch (const QgsCsException&) {
      // no spatial filter: every feature counts
    }
    request.setSubsetOfAttributes(renderer->usedAttributes(context), layer->fields());
    // The reading stops once every legend key has been seen (at national size within the first
    // few hundred of 20,000 parks).
    QSet<QString> keys;
    for (const QgsLegendSymbolItem& item : renderer->legendSymbolItems())
      if (!item.ruleKey().isEmpty()) keys.insert(item.ruleKey());
    QSet<QString> used;
    QgsFeature f;
    QgsFeatureIterator it = layer->getFeatures(request);
    while (used.size() < keys.size() && it.nextFeature(f)) {
      context.expressionContext().setFeature(f);
      for (const QString& key : renderer->legendKeysForFeature(f, context))
        if (keys.contains(key)) used.insert(key);
    }
    renderer->stopRender(context);
    const QList<QgsLayerTreeModelLegendNode*> nodes = legend->model()->layerOriginalLegendNodes(node);
    QList<int> order;
    for (int i = 0; i < nodes.size(); ++i) {
      const QString key = nodes[i]->data(QgsLayerTreeModelLegendNode::RuleKeyRole).toString();
      if (key.isEmpty() || used.contains(key)) order << i;
    }
    if (order.size() != nodes.size()) QgsMapLayerLegendUtils::setLegendNodeOrder(node, order);
    // Rebuilt for every layer, also to take up the titles localiseLegend() set (QGIS's filter
    // did this as a side effect).
    legend->model()->refreshLayerLegend(node);
  }
}

}  // namespace

std::unique_ptr<QgsPrintLayout> buildOverviewLayout(const ReportContext& ctx) {
  const Texts& tx = ctx.tx;
  const nlohmann::json& info = ctx.source.runInfo.is_object() ? ctx.source.runInfo : nlohmann::json::object();
  auto layout = newReportLayout(ctx, tx.t("Overview", "总览"));
  QgsPrintLayout* l = layout.get();
  const QRectF content = addPageFrame(l, ctx, 0,
                                      tx.c("Overview: candidate host parks", "总览：候选承接园区",
                                           "Overview: candidate grid cells", "总览：候选网格单元"));
  const double s = ctx.pageMm.width() > 300 ? 1.25 : 1.0;  // A3 type and boxes scale up

  // --- scenario line: cluster, source, mode, moved segments, author ---
  QStringList facts;
  if (info.contains("cluster")) facts << tx.t("Cluster: ", "集群：") + localName(tx, info["cluster"]);
  if (info.contains("source")) facts << tx.t("Source: ", "转出地区：") + localName(tx, info["source"]);
  const std::string mode = jsonText(info, "mode");
  if (!mode.empty()) facts << tx.t("Mode: ", "转移方式：") + modeLabel(tx, mode);
  if (info.contains("moved_segments") && info["moved_segments"].is_array() && !info["moved_segments"].empty()) {
    QStringList segments;
    for (const nlohmann::json& seg : info["moved_segments"]) segments << localName(tx, seg);
    facts << tx.t("Moved segments: ", "转移环节：") + segments.join(tx.t(", ", "、"));
  }
  if (mode == "replication" && info.contains("replication_scale") && info["replication_scale"].is_number())
    facts << tx.t("Scale λ: ", "规模系数 λ：") + formatNumber(info["replication_scale"].get<double>(), 2);
  if (!ctx.options.author.isEmpty()) facts << tx.t("Author: ", "编制：") + ctx.options.author;
  const double factsH = 10 * s;
  addLabel(l, 0, facts.join(QStringLiteral("  ·  ")), 9 * s, false, QRectF(content.x(), content.y(), content.width(), factsH),
           QColor(50, 50, 50));

  // --- map: left ~56 % of the content ---
  const double mapX = content.x(), mapY = content.y() + factsH + 1;
  const double mapW = content.width() * 0.56, mapH = content.bottom() - mapY;
  const double sideX = mapX + mapW + 6 * s, sideW = content.right() - sideX;
  auto* map = newReportMap(l);
  map->attemptSetSceneRect(QRectF(mapX, mapY, mapW, mapH));
  map->setFrameEnabled(true);
  map->setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes::LayoutMillimeters));
  map->setBackgroundColor(QColor(QStringLiteral("#dfeaf2")));  // sea / outside the study area
  QList<QgsMapLayer*> mapLayers;
  for (QgsVectorLayer* layer : {ctx.source.candidates, ctx.source.flows, ctx.source.regions})
    if (layer) mapLayers << layer;
  const DenseLayers dense = drawDenseLayersAsImages(ctx, map, mapLayers);
  map->setLayers(dense.labels + mapLayers);
  map->setKeepLayerSet(true);
  const QgsCoordinateReferenceSystem crs =
      ctx.source.project->crs().isValid() ? ctx.source.project->crs() : ctx.source.candidates->crs();
  map->setCrs(crs);
  l->addLayoutItem(map);
  map->zoomToExtent(overviewExtent(ctx, crs));
  l->setReferenceMap(map);
  // A report exported at once: the dense layers (national size: 20,000 parks, 2,850 regions)
  // are drawn on another thread while the other sections are built, into one image under the
  // flows (the top-10 parks are drawn again, above the flows, by their label companion). Only
  // with the regions, the bottom layer, among them: the parks must not go under their fill.
  if (ctx.drawAhead && dense.unlabelled.contains(ctx.source.regions)) {
    SharedImage share;
    if (!ctx.options.overviewImageIn.isEmpty())
      share = {ctx.options.overviewImageIn, false, kSharedImageWaitMs};
    else if (!ctx.options.overviewImageOut.isEmpty())
      share = {ctx.options.overviewImageOut, true, 0};
    drawLayersAhead(map, dense.unlabelled, share);
  }

  auto* north = new QgsLayoutItemPicture(l);
  // The arrow is drawn here, not read from QGIS's SVG library: that library is in a package the
  // command does not need (qgis-providers-common), and a missing file prints as a red cross.
  static const QByteArray kNorthArrowSvg(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"30\" viewBox=\"0 0 20 30\">"
      "<text x=\"10\" y=\"8\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"8\" "
      "font-weight=\"bold\" fill=\"#222222\">N</text>"
      "<path d=\"M10 10 L17 29 L10 24 Z\" fill=\"#222222\"/>"
      "<path d=\"M10 10 L3 29 L10 24 Z\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"0.8\"/>"
      "</svg>");
  north->setPicturePath(QStringLiteral("base64:") + QString::fromLatin1(kNorthArrowSvg.toBase64()),
                        QgsLayoutItemPicture::FormatSVG);
  north->setLinkedMap(map);
  // True north: the map's CRS (ESRI:102025, central meridian 95°E) can lean at the study area.
  north->setNorthMode(QgsLayoutItemPicture::TrueNorth);
  north->setBackgroundEnabled(false);
  l->addLayoutItem(north);
  north->attemptSetSceneRect(QRectF(mapX + mapW - 15 * s, mapY + 3, 11 * s, 15 * s));

  auto* scale = new QgsLayoutItemScaleBar(l);
  scale->setStyle(QStringLiteral("Single Box"));
  scale->setLinkedMap(map);
  scale->applyDefaultSize(QgsUnitTypes::DistanceKilometers);
  scale->setUnits(QgsUnitTypes::DistanceKilometers);
  scale->setUnitLabel(QStringLiteral("km"));
  scale->setNumberOfSegmentsLeft(0);
  scale->setNumberOfSegments(2);
  scale->setSegmentSizeMode(QgsScaleBarSettings::SegmentSizeFitWidth);
  scale->setMinimumBarWidth(25 * s);
  scale->setMaximumBarWidth(45 * s);
  scale->setHeight(2 * s);
  scale->setTextFormat(reportTextFormat(7 * s, false));
  scale->setBackgroundEnabled(true);
  scale->setBackgroundColor(QColor(255, 255, 255, 220));
  scale->setBoxContentSpace(1.5);
  l->addLayoutItem(scale);
  scale->attemptMove(QgsLayoutPoint(mapX + 3, mapY + mapH - 14 * s, QgsUnitTypes::LayoutMillimeters));
  scale->update();

  // --- right column: top-10 table ---
  double y = content.y() + factsH + 1;
  addLabel(l, 0,
           tx.c("Top 10 candidate parks", "前10名候选园区", "Top 10 candidate cells", "前10名候选网格单元"),
           11 * s, true, QRectF(sideX, y, sideW, 6 * s));
  y += 7 * s;
  const QgsFields fields = ctx.source.candidates->fields();
  const bool robust = fields.lookupField(QStringLiteral("p_topk")) >= 0;
  int k = 5;
  if (info.contains("robustness") && info["robustness"].is_object() && info["robustness"].contains("k") &&
      info["robustness"]["k"].is_number_integer())
    k = info["robustness"]["k"].get<int>();
  QStringList headers{tx.t("Rank", "排名"), tx.c("Park", "园区", "Cell", "网格单元"), tx.t("Region", "地区"),
                      tx.t("Score", "得分")};
  std::vector<double> widths;
  const double rankW = 10 * s, scoreW = 14 * s, pW = robust ? 18 * s : 0;
  const double rest = sideW - rankW - scoreW - pW;
  widths = {rankW, rest * 0.72, rest * 0.28, scoreW};
  if (robust) {
    headers << tx.t("P(top %1)", "前%1名概率").arg(k);
    widths.push_back(pW);
  }
  struct Row {
    int rank;
    QStringList cells;
  };
  std::vector<Row> ranked;
  std::vector<QString> regionIds;  // ranked[i]'s region
  QgsFeature f;
  // Only the ten rows shown (a national run ranks 20,000 parks).
  QgsFeatureIterator it = ctx.source.candidates->getFeatures(
      QgsFeatureRequest()
          .setFlags(QgsFeatureRequest::NoGeometry)
          .setFilterExpression(QStringLiteral("\"rank\" > 0 AND \"rank\" <= 10")));
  while (it.nextFeature(f)) {
    const int rank = f.attribute(QStringLiteral("rank")).toInt();
    QString park = tx.zh ? f.attribute(QStringLiteral("name_zh")).toString() : QString();
    if (park.isEmpty()) park = f.attribute(QStringLiteral("name")).toString();
    if (park.isEmpty()) park = f.attribute(QStringLiteral("id")).toString();
    const QVariant score = f.attribute(QStringLiteral("score"));
    // The region column (index 2) is filled in below, in the report language.
    QStringList cells{QString::number(rank), park, f.attribute(QStringLiteral("region")).toString(),
                      formatNumber(score.isNull() ? std::nan("") : score.toDouble(), 3)};
    if (robust) {
      const QVariant p = f.attribute(QStringLiteral("p_topk"));
      cells << (p.isNull() ? QStringLiteral("–") : QString::number(p.toDouble() * 100, 'f', 0) + QLatin1Char('%'));
    }
    ranked.push_back({rank, cells});
    regionIds.push_back(f.attribute(QStringLiteral("region_id")).toString());
  }
  const auto names = regionNames(ctx.source.regions, tx, QStringList(regionIds.begin(), regionIds.end()));
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    auto name = names.find(regionIds[i]);
    if (name != names.end() && !name->second.isEmpty()) ranked[i].cells[2] = name->second;
  }
  std::sort(ranked.begin(), ranked.end(), [](const Row& a, const Row& b) { return a.rank < b.rank; });
  std::vector<QStringList> rows;
  for (const Row& r : ranked)
    if (rows.size() < 10) rows.push_back(r.cells);
  if (rows.empty())
    rows.push_back({QString(), tx.c("no feasible park", "无可行园区", "no feasible cell", "无可行网格单元"),
                    QString(), QString()});

  // --- criteria and weights, at the bottom of the side column ---
  QStringList criteria;
  if (info.contains("criteria") && info["criteria"].is_array())
    for (const nlohmann::json& c : info["criteria"]) {
      std::string label = tx.zh ? jsonText(c, "label_zh") : std::string();
      if (label.empty()) label = jsonText(c, "label");
      if (label.empty()) label = jsonText(c, "id");
      const double weight = c.contains("weight") && c["weight"].is_number() ? c["weight"].get<double>() : std::nan("");
      criteria << QStringLiteral("%1 %2").arg(QString::fromStdString(label), formatNumber(weight, 2));
    }
  const QString note = criteria.isEmpty() ? QString()
                                          : tx.t("Criteria (weights): ", "评价指标（权重）：") + criteria.join(tx.t("; ", "；"));
  // Height for the wrapped note: CJK characters are one em wide, Latin ones about half.
  double ems = 0;
  for (const QChar c : note) ems += c.unicode() >= 0x2E80 ? 1.0 : 0.55;
  const double notePt = 7 * s, emMm = notePt * 25.4 / 72;
  const double noteH = std::ceil(ems * emMm / (sideW - 2) + 0.01) * emMm * 1.5 + 1;
  if (!note.isEmpty())
    addLabel(l, 0, note, notePt, false, QRectF(sideX, content.bottom() - noteH, sideW, noteH), QColor(70, 70, 70));

  // --- legend, anchored at its lower left corner above the criteria note ---
  auto* legend = new QgsLayoutItemLegend(l);
  legend->setTitle(tx.t("Legend", "图例"));
  legend->setLinkedMap(map);
  legend->setStyleFont(QgsLegendStyle::Title, font(9 * s, true));
  legend->setStyleFont(QgsLegendStyle::Group, font(8 * s, true));
  legend->setStyleFont(QgsLegendStyle::Subgroup, font(8 * s, true));
  legend->setStyleFont(QgsLegendStyle::SymbolLabel, font(7.5 * s, false));
  legend->setSymbolHeight(3.2 * s);
  legend->setSymbolWidth(6 * s);
  legend->setBoxSpace(1.5);
  legend->setColumnCount(2);  // candidates | flows + regions
  legend->setSplitLayer(false);
  legend->setEqualColumnWidth(false);
  legend->setColumnSpace(8 * s);
  legend->setBackgroundEnabled(false);
  l->addLayoutItem(legend);
  // The legend's own layer tree: the result layers may have no node in the project's tree
  // (a report made from a GeoPackage), and other groups of the project do not belong here.
  legend->setAutoUpdateModel(false);
  QgsLayerTree* legendRoot = legend->model()->rootGroup();
  legendRoot->removeAllChildren();
  for (QgsMapLayer* layer : mapLayers) legendRoot->addLayer(layer);
  legend->model()->setLayerStyleOverrides(map->layerStyleOverrides());  // the symbols the map draws
  localiseLegend(legend, tx, k);
  showDrawnLegendEntriesOnly(legend, map);
  legend->setReferencePoint(QgsLayoutItem::LowerLeft);
  legend->attemptMove(QgsLayoutPoint(sideX - 1.5, content.bottom() - noteH - 1, QgsUnitTypes::LayoutMillimeters));
  // QgsLayoutItemLegend sizes itself to its contents only once it has been painted (it needs the
  // map scale); paint it once off-screen so its height is known before the table is placed.
  {
    QImage scratch(8, 8, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&scratch);
    QStyleOptionGraphicsItem option;
    legend->paint(&painter, &option, nullptr);
  }
  legend->adjustBoxSize();

  // The table takes the height the legend leaves (its rows wrap long park names).
  const double legendTop = legend->sceneBoundingRect().top();
  const double tableH = std::max(30.0, legendTop - 3 - y);
  // Smaller type when the wrapped rows do not fit (long English park names): the table knows
  // its height once its contents are set.
  QgsLayoutItemManualTable* table = addTable(l, 0, headers, rows, QRectF(sideX, y, sideW, tableH), 7.5 * s, widths);
  for (double pt = 7.25 * s; table->totalSize().height() > tableH && pt >= 5.5 * s; pt -= 0.25 * s) {
    table->setHeaderTextFormat(reportTextFormat(pt, true));
    table->setContentTextFormat(reportTextFormat(pt, false));
    table->recalculateFrameSizes();
  }
  return layout;
}

}  // namespace clustershift::layers::detail
