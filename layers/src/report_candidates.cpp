// Report pages 2..N+1: one page per top-N candidate, a QgsLayoutAtlas over candidate_scores
// (rank 1..N, in rank order). Everything that changes from park to park is an expression on the
// atlas feature, so the layout stays editable in QGIS: the heading, the facts, the robustness
// line, the criteria rows, the explanation and the contribution chart (an embedded SVG per park
// chosen by a data-defined picture source keyed on the park id).
#include "report_detail.h"  // first: see the note in layers.h

#include <qgscoordinatetransform.h>
#include <qgsexpression.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfillsymbol.h>
#include <qgslayoutatlas.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayouttablecolumn.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemshape.h>
#include <qgslayoutmeasurement.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsproperty.h>
#include <qgstablecell.h>
#include <qgsrulebasedrenderer.h>
#include <qgsvectorlayer.h>

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <map>
#include <cmath>

#include "clustershift_layers/labels.h"
#include "layers_detail.h"
#include "report_labels.h"

namespace clustershift::layers::detail {
namespace {

struct CriterionRow {
  QString prefix;  ///< output field prefix ("field_land_price")
  QString label;
  QString unit;
  QString direction;
  double weight = std::nan("");
};

/// Criteria from run_info when present, else from the <prefix>_contrib field names.
std::vector<CriterionRow> criteriaOf(const ReportContext& ctx) {
  std::vector<CriterionRow> rows;
  const nlohmann::json& info = ctx.source.runInfo;
  const QgsFields fields = ctx.source.candidates->fields();
  if (info.is_object() && info.contains("criteria") && info["criteria"].is_array()) {
    for (const nlohmann::json& c : info["criteria"]) {
      CriterionRow r;
      r.prefix = fieldPrefix(jsonText(c, "id"));
      if (fields.lookupField(r.prefix + QStringLiteral("_contrib")) < 0) continue;
      std::string label = ctx.tx.zh ? jsonText(c, "label_zh") : std::string();
      if (label.empty()) label = jsonText(c, "label");
      if (label.empty()) label = jsonText(c, "id");
      r.label = QString::fromStdString(label);
      // Short unit in the narrow column: "亿元 (distance-weighted)" -> "亿元"; then in the report's language.
      // A unit the labels know in full ("density (0-1)" → "0–1") is not shortened.
      std::string unit = jsonText(c, "unit");
      r.unit = unitLabel(unit, ctx.tx.zh);
      const std::size_t paren = unit.find(" (");
      if (r.unit == QString::fromStdString(unit) && paren != std::string::npos && paren > 0)
        r.unit = unitLabel(unit.substr(0, paren), ctx.tx.zh);
      const std::string dir = jsonText(c, "direction");
      r.direction = dir == "cost" ? ctx.tx.t("cost", "成本型") : dir == "benefit" ? ctx.tx.t("benefit", "效益型") : QString();
      if (c.contains("weight") && c["weight"].is_number()) r.weight = c["weight"].get<double>();
      rows.push_back(r);
    }
  }
  if (rows.empty()) {
    for (const QgsField& f : fields) {
      if (!f.name().endsWith(QLatin1String("_contrib"))) continue;
      CriterionRow r;
      r.prefix = f.name().chopped(8);
      r.label = r.prefix;
      rows.push_back(r);
    }
  }
  return rows;
}

/// Number field as text for a label: "–" when NULL, decimals by magnitude.
QString numberExpr(const QString& field) {
  const QString f = QgsExpression::quotedColumnRef(field);
  return QStringLiteral("CASE WHEN %1 IS NULL THEN '–' WHEN abs(%1) >= 100 THEN format_number(%1, 0) "
                        "WHEN abs(%1) >= 10 THEN format_number(%1, 1) ELSE format_number(%1, 3) END")
      .arg(f);
}

QString labelExpr(const QString& expression) { return QStringLiteral("[% ") + expression + QStringLiteral(" %]"); }

QgsLayoutItemShape* addRule(QgsPrintLayout* layout, const QRectF& rectMm, const QColor& color) {
  auto* rule = new QgsLayoutItemShape(layout);
  rule->setShapeType(QgsLayoutItemShape::Rectangle);
  QVariantMap props;
  props.insert(QStringLiteral("color"), QStringLiteral("%1,%2,%3,255").arg(color.red()).arg(color.green()).arg(color.blue()));
  props.insert(QStringLiteral("outline_style"), QStringLiteral("no"));
  rule->setSymbol(QgsFillSymbol::createSimple(props));
  layout->addLayoutItem(rule);
  rule->attemptSetSceneRect(rectMm);  // page 0: layout coordinates are page coordinates
  return rule;
}

/// The catchments layer drawn only for the atlas park: a report companion (reportCompanion) with
/// a rule on @atlas_feature.
QgsVectorLayer* atlasCatchments(const ReportContext& ctx) {
  if (!ctx.source.catchments) return nullptr;
  return reportCompanion(ctx, *ctx.source.catchments, QStringLiteral("report_catchments"),
                         ctx.tx.t("report", "报告"), [](QgsVectorLayer& catchments) {
                           QVariantMap props;
                           props.insert(QStringLiteral("color"), QStringLiteral("31,95,140,28"));
                           props.insert(QStringLiteral("outline_color"), QStringLiteral("31,95,140,255"));
                           props.insert(QStringLiteral("outline_width"), QStringLiteral("0.5"));
                           props.insert(QStringLiteral("outline_style"), QStringLiteral("dash"));
                           auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
                           root->appendChild(new QgsRuleBasedRenderer::Rule(
                               QgsFillSymbol::createSimple(props), 0, 0,
                               QStringLiteral("\"park_id\" = attribute(@atlas_feature, 'id')")));
                           catchments.setRenderer(new QgsRuleBasedRenderer(root));
                           return true;
                         });
}

/// The ranked top-N candidates (rank 1..N), attributes only: read once for everything the pages
/// write per park (a national run has 20,000 candidates, the pages show N).
std::vector<QgsFeature> topFeatures(QgsVectorLayer* candidates, int topN) {
  std::vector<QgsFeature> top;
  QgsFeatureRequest request;
  request.setFlags(QgsFeatureRequest::NoGeometry);
  request.setFilterExpression(QStringLiteral("\"rank\" > 0 AND \"rank\" <= %1").arg(topN));
  QgsFeature f;
  QgsFeatureIterator it = candidates->getFeatures(request);
  while (it.nextFeature(f)) top.push_back(f);
  return top;
}

/// A candidate's name in the report language (name_zh in Chinese when set, else name).
QString candidateName(const Texts& tx, const QgsFeature& f) {
  QString name = tx.zh ? f.attribute(QStringLiteral("name_zh")).toString() : QString();
  if (name.isEmpty()) name = f.attribute(QStringLiteral("name")).toString();
  return name;
}

}  // namespace

std::unique_ptr<QgsPrintLayout> buildCandidateLayout(const ReportContext& ctx) {
  const Texts& tx = ctx.tx;
  const nlohmann::json& info = ctx.source.runInfo.is_object() ? ctx.source.runInfo : nlohmann::json::object();
  QgsVectorLayer* candidates = ctx.source.candidates;
  const QgsFields fields = candidates->fields();
  const double s = ctx.pageMm.width() > 300 ? 1.25 : 1.0;
  auto layout = newReportLayout(ctx, tx.c("Candidate parks", "候选园区", "Candidate cells", "候选网格单元"));
  QgsPrintLayout* l = layout.get();

  // --- the atlas: ranked parks 1..N in rank order ---
  const int topN = ctx.options.topN;
  QgsLayoutAtlas* atlas = l->atlas();
  atlas->setCoverageLayer(candidates);
  atlas->setEnabled(true);
  atlas->setHideCoverage(false);
  atlas->setFilterFeatures(true);
  QString filterError;
  atlas->setFilterExpression(QStringLiteral("\"rank\" > 0 AND \"rank\" <= %1").arg(topN), filterError);
  atlas->setSortFeatures(true);
  atlas->setSortExpression(QStringLiteral("\"rank\""));
  atlas->setSortAscending(true);
  atlas->setPageNameExpression(QStringLiteral("\"id\""));

  const QString nameExpr = tx.zh ? QStringLiteral("coalesce(nullif(\"name_zh\", ''), \"name\", \"id\")")
                                 : QStringLiteral("coalesce(nullif(\"name\", ''), \"id\")");
  // Heading on one line: shrink its type when the longest top-N name would not fit.
  const std::vector<QgsFeature> top = topFeatures(candidates, topN);
  double longestEms = 0;
  for (const QgsFeature& f : top) longestEms = std::max(longestEms, textEms(candidateName(tx, f)));
  const QString headingText =
      tx.c("Candidate %1: %2", "候选园区 第%1名：%2", "Candidate cell %1: %2", "候选网格单元 第%1名：%2");
  const double headingEms = textEms(headingText) + 2 + longestEms;
  const double headingMm = ctx.pageMm.width() - 20;
  const double headingPt = 15 * s;
  const double headingScale = std::min(1.0, headingMm / (headingEms * headingPt * 25.4 / 72 * 1.05));
  const QRectF content = addPageFrame(
      l, ctx, 0, headingText.arg(labelExpr(QStringLiteral("\"rank\"")), labelExpr(nameExpr)), headingScale);

  // --- inset map (left) following the atlas park ---
  const double mapW = content.width() * 0.42, mapH = content.height() - 9 * s;
  const QRectF mapRect(content.x(), content.y(), mapW, mapH);
  auto* map = newReportMap(l);
  map->attemptSetSceneRect(mapRect);
  map->setFrameEnabled(true);
  map->setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes::LayoutMillimeters));
  map->setBackgroundColor(QColor(QStringLiteral("#dfeaf2")));
  QList<QgsMapLayer*> layers;
  layers << candidates;
  if (QgsVectorLayer* catchments = atlasCatchments(ctx)) layers << catchments;
  if (ctx.source.sensitiveZones) layers << ctx.source.sensitiveZones;
  if (ctx.source.flows) layers << ctx.source.flows;
  if (ctx.source.regions) layers << ctx.source.regions;
  map->setLayers(layers);
  map->setKeepLayerSet(true);
  // Web Mercator: catchment circles stay round; at these latitudes the scale varies little
  // across one inset.
  const QgsCoordinateReferenceSystem mercator(QStringLiteral("EPSG:3857"));
  map->setCrs(mercator);
  l->addLayoutItem(map);
  const double catchmentKm = detail::catchmentKm(info);
  // Initial extent: around the rank-1 park (the atlas keeps this scale and recentres per park).
  QgsPointXY centre = candidates->extent().center();
  {
    QgsFeature f;
    QgsFeatureIterator it = candidates->getFeatures(QgsFeatureRequest().setFilterExpression(QStringLiteral("\"rank\" = 1")));
    if (it.nextFeature(f) && f.hasGeometry()) centre = f.geometry().asPoint();
  }
  try {
    const QgsCoordinateTransform ct(candidates->crs(), mercator, ctx.source.project->transformContext());
    const QgsPointXY lonLat = QgsCoordinateTransform(candidates->crs(), QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                                     ctx.source.project->transformContext())
                                  .transform(centre);
    const QgsPointXY c = ct.transform(centre);
    // Mercator metres per ground metre = 1 / cos(lat). Show the circle with a margin.
    const double k = 1.0 / std::cos(lonLat.y() * M_PI / 180.0);
    const double half = catchmentKm * 1000 * 1.3 * k;
    const double aspect = mapW / mapH;
    const double halfW = aspect >= 1 ? half * aspect : half, halfH = aspect >= 1 ? half : half / aspect;
    map->setExtent(QgsRectangle(c.x() - halfW, c.y() - halfH, c.x() + halfW, c.y() + halfH));
  } catch (const QgsCsException&) {
  }
  map->setAtlasDriven(true);
  map->setAtlasScalingMode(QgsLayoutItemMap::Fixed);
  QString mapNote = tx.t("Dashed circle: labour catchment (radius %1 km)", "虚线圆：劳动力通勤圈（半径 %1 km）")
                        .arg(formatNumber(catchmentKm, 0));
  if (ctx.source.sensitiveZones) mapNote += tx.t("; hatched: sensitive zones", "；阴影区：生态敏感区");
  addLabel(l, 0, mapNote, 7 * s, false, QRectF(content.x(), mapRect.bottom() + 1.5, mapW, 6 * s), QColor(80, 80, 80));

  // --- right column ---
  const double x = mapRect.right() + 7 * s, w = content.right() - x;
  double y = content.y();
  const QColor grey(90, 90, 90);

  // Facts: region, score, status.
  // Region names in the report language, keyed on region_id (get_feature would look in
  // QgsProject::instance(), not in the report's project).
  // Only the regions of the top-N parks: a CASE over all 2,850 regions of a national run was
  // parsed again on every page.
  QString regionExpr = QStringLiteral("coalesce(\"region\", \"region_id\")");
  if (tx.zh && ctx.source.regions && ctx.source.regions->fields().lookupField(QStringLiteral("name_zh")) >= 0) {
    QSet<QString> topRegions;
    for (const QgsFeature& f : top) topRegions.insert(f.attribute(QStringLiteral("region_id")).toString());
    QString cases;
    QgsFeature r;
    QgsFeatureRequest regionRequest;
    regionRequest.setFlags(QgsFeatureRequest::NoGeometry);
    regionRequest.setSubsetOfAttributes(QStringList{QStringLiteral("id"), QStringLiteral("name_zh")},
                                        ctx.source.regions->fields());
    QgsFeatureIterator rit = ctx.source.regions->getFeatures(regionRequest);
    while (rit.nextFeature(r)) {
      const QString zh = r.attribute(QStringLiteral("name_zh")).toString();
      if (!zh.isEmpty() && topRegions.contains(r.attribute(QStringLiteral("id")).toString()))
        cases += QStringLiteral(" WHEN \"region_id\" = %1 THEN %2")
                     .arg(QgsExpression::quotedString(r.attribute(QStringLiteral("id")).toString()), QgsExpression::quotedString(zh));
    }
    if (!cases.isEmpty()) regionExpr = QStringLiteral("CASE") + cases + QStringLiteral(" ELSE ") + regionExpr + QStringLiteral(" END");
  }
  const QString statusExpr = tx.zh ? QStringLiteral("CASE WHEN \"status\" = 'ok' THEN '可行' ELSE '已排除' END")
                                   : QStringLiteral("CASE WHEN \"status\" = 'ok' THEN 'feasible' ELSE 'excluded' END");
  const QString facts = tx.t("Region: %1  ·  Score: %2  ·  Rank: %3  ·  Status: %4", "所在地区：%1  ·  综合得分：%2  ·  排名：%3  ·  状态：%4")
                            .arg(labelExpr(regionExpr), labelExpr(QStringLiteral("format_number(\"score\", 3)")),
                                 labelExpr(QStringLiteral("\"rank\"")), labelExpr(statusExpr));
  addLabel(l, 0, facts, 9.5 * s, true, QRectF(x, y, w, 6 * s));
  y += 7 * s;

  // Robustness: rank interval and P(top k) from the SMAA draws, when the run made them.
  int k = 5;
  if (info.contains("robustness") && info["robustness"].is_object() && info["robustness"].contains("k") &&
      info["robustness"]["k"].is_number_integer())
    k = info["robustness"]["k"].get<int>();
  QString robustness;
  if (fields.lookupField(QStringLiteral("rank_p05")) >= 0 && fields.lookupField(QStringLiteral("p_topk")) >= 0) {
    robustness = tx.t("Robustness: rank interval (5–95 %) %1–%2  ·  mean rank %3  ·  P(top %4) %5 %  ·  P(first) %6 %",
                      "稳健性：排名区间（5%–95%）%1–%2  ·  平均排名 %3  ·  进入前%4名的概率 %5%  ·  排名第一的概率 %6%")
                     .arg(labelExpr(QStringLiteral("coalesce(format_number(\"rank_p05\", 0), '–')")),
                          labelExpr(QStringLiteral("coalesce(format_number(\"rank_p95\", 0), '–')")),
                          labelExpr(QStringLiteral("coalesce(format_number(\"rank_mean\", 1), '–')")), QString::number(k),
                          labelExpr(QStringLiteral("coalesce(format_number(\"p_topk\" * 100, 0), '–')")),
                          labelExpr(QStringLiteral("coalesce(format_number(\"p_top1\" * 100, 0), '–')")));
  } else {
    robustness = tx.t("Robustness: not computed (no weight draws in this run)", "稳健性：本次运行未进行权重抽样分析");
  }
  addLabel(l, 0, robustness, 8 * s, false, QRectF(x, y, w, 5 * s), QColor(40, 40, 40));
  y += 7 * s;

  const std::vector<CriterionRow> criteria = criteriaOf(ctx);
  const int n = static_cast<int>(criteria.size());
  // Criteria rows: label, raw value with unit, normalised value, weight, contribution. One table
  // item whose value cells QGIS evaluates on each candidate's page (78 labels before: each a
  // layout item to build, draw, and write into the project; bench/national). Built first: the
  // chart takes the room it leaves.
  // Column shares: the units ("100 million yuan (distance-weighted GDP)") need room, the numbers little.
  const std::vector<double> widths =
      contentWidths({w * 0.36, w * 0.11, w * 0.24, w * 0.11, w * 0.07, w * 0.11});
  const QStringList headers{tx.t("Criterion", "指标"), tx.t("Raw value", "原始值"),
                            tx.t("Unit", "单位"),      tx.t("Normalised", "标准化值"),
                            tx.t("Weight", "权重"),    tx.t("Contribution", "贡献")};
  const double tablePt = 7 * s;
  // Text wrapped here (QGIS would wrap Latin text at spaces itself, but the frame's height is
  // estimated from the lines); the value cells are expressions on the page's candidate.
  auto textCell = [&](const QString& t, int column, Qt::Alignment alignment) {
    QgsTableCell cell(wrapText(t, tablePt, widths[static_cast<size_t>(column)] - 0.5));
    cell.setHorizontalAlignment(alignment);
    return cell;
  };
  auto valueCell = [](const QString& expression) {
    QgsTableCell cell(QVariant::fromValue(QgsProperty::fromExpression(expression)));
    cell.setHorizontalAlignment(Qt::AlignRight);
    return cell;
  };
  QgsTableContents rows;
  double criteriaTableH = tableRowHeightMm(headers, tablePt, true);
  for (const CriterionRow& c : criteria) {
    const QString label =
        c.label + (c.direction.isEmpty() ? QString() : QStringLiteral(" (") + c.direction + QLatin1Char(')'));
    QgsTableRow row{
        textCell(label, 0, Qt::AlignLeft),
        valueCell(numberExpr(c.prefix + QStringLiteral("_raw"))),
        textCell(c.unit, 2, Qt::AlignLeft),
        valueCell(QStringLiteral("coalesce(format_number(%1, 2), '–')")
                      .arg(QgsExpression::quotedColumnRef(c.prefix + QStringLiteral("_norm")))),
        textCell(formatNumber(c.weight, 2), 4, Qt::AlignRight),
        valueCell(QStringLiteral("coalesce(format_number(%1, 3), '–')")
                      .arg(QgsExpression::quotedColumnRef(c.prefix + QStringLiteral("_contrib"))))};
    criteriaTableH += tableRowHeightMm({row[0].content().toString(), row[2].content().toString()}, tablePt);
    rows << row;
  }
  const double explanationH = 26 * s;
  const double chartRoom = content.bottom() - y - 6 * s - 8 * s - criteriaTableH - explanationH - 8 * s;
  const double barRowH = n > 0 ? std::clamp(chartRoom / n, 4.0 * s, 6.5 * s) : 0.0;
  // Contribution chart: vector bars drawn as layout shapes whose width is an expression on the
  // atlas park's <prefix>_contrib, on one scale for all candidate pages. (A data-defined picture
  // source of embedded SVG is rasterised by QGIS 3.22: it loads "base64:" sources through QImage.)
  addLabel(l, 0, tx.t("Contribution of each criterion to the score", "各指标对综合得分的贡献"), 9 * s, true, QRectF(x, y, w, 5 * s));
  y += 6 * s;
  double maxContrib = 0;
  for (const QgsFeature& f : top)
    for (const CriterionRow& c : criteria) {
      const QVariant v = f.attribute(c.prefix + QStringLiteral("_contrib"));
      if (!v.isNull()) maxContrib = std::max(maxContrib, v.toDouble());
    }
  if (!(maxContrib > 0)) maxContrib = 1;
  const double chartPt = 7.5 * s, chartLineH = chartPt * 25.4 / 72 * 1.35;
  const double labelW = w * 0.32, valueW = 13 * s;
  const double plotX = x + labelW + 1.5, plotW = std::max(10.0, w - labelW - 1.5 - valueW);
  const double barH = std::min(barRowH * 0.62, 4.5 * s);
  for (int i = 0; i < n; ++i) {
    const CriterionRow& c = criteria[static_cast<size_t>(i)];
    const double rowY = y + i * barRowH;
    addLabel(l, 0, c.label, chartPt, false, QRectF(x, rowY + (barRowH - chartLineH) / 2, labelW, chartLineH), QColor(40, 40, 40),
             Qt::AlignRight);
    const QString field = QgsExpression::quotedColumnRef(c.prefix + QStringLiteral("_contrib"));
    QgsLayoutItemShape* bar = addRule(l, QRectF(plotX, rowY + (barRowH - barH) / 2, plotW / 2, barH), QColor(QStringLiteral("#1f5f8c")));
    bar->dataDefinedProperties().setProperty(
        QgsLayoutObject::ItemWidth,
        QgsProperty::fromExpression(QStringLiteral("max(0.05, coalesce(%1, 0) / %2 * %3)")
                                        .arg(field, QString::number(maxContrib, 'g', 12), QString::number(plotW, 'f', 3))));
    bar->refreshDataDefinedProperty(QgsLayoutObject::ItemWidth);
    addLabel(l, 0, labelExpr(QStringLiteral("coalesce(format_number(%1, 3), '–')").arg(field)), chartPt, false,
             QRectF(plotX + plotW + 1.5, rowY + (barRowH - chartLineH) / 2, valueW - 1.5, chartLineH), QColor(40, 40, 40));
  }
  if (n > 0) addRule(l, QRectF(plotX - 0.3, y, 0.3, n * barRowH), QColor(90, 90, 90));
  y += n * barRowH + 3 * s;

  addLabel(l, 0, tx.t("Criterion values", "各指标取值"), 9 * s, true, QRectF(x, y, w, 5 * s));
  y += 6 * s;
  // Headers stay left-aligned, as in the report's other tables (QGIS 3.22 rebuilds a manual
  // table's columns from the headers' text and width only).
  QgsLayoutItemManualTable* table =
      addTable(l, 0, headers, rows, QRectF(x, y - 0.5, w, criteriaTableH), tablePt, widths);
  y += fitTableFrame(table, criteriaTableH) + 4 * s;  // the notes right below its last row

  // Status and explanation: why it ranks here, the exclusion reason, this park's warnings.
  addLabel(l, 0, tx.t("Assessment notes", "评价说明"), 9 * s, true, QRectF(x, y, w, 5 * s));
  y += 6 * s;
  // Notes per top-N park, written here (a CASE on the park id) so the core's explanation
  // ("behind P2 mainly on land (-0.041) and labour_cost (-0.012)") reads in the report language
  // with park names and criterion labels.
  std::map<QString, QStringList> warningsByFeature;
  if (info.contains("warnings") && info["warnings"].is_array())
    for (const nlohmann::json& wj : info["warnings"]) {
      const QString feature = QString::fromStdString(jsonText(wj, "feature"));
      QString text = QString::fromStdString(jsonText(wj, "text"));
      if (text.isEmpty()) text = QString::fromStdString(jsonText(wj, "message"));
      if (!feature.isEmpty() && !text.isEmpty()) warningsByFeature[feature] << text;
    }
  std::map<QString, QString> criterionLabels;
  if (info.contains("criteria") && info["criteria"].is_array())
    for (const nlohmann::json& c : info["criteria"]) {
      std::string label = tx.zh ? jsonText(c, "label_zh") : std::string();
      if (label.empty()) label = jsonText(c, "label");
      if (!label.empty()) criterionLabels[QString::fromStdString(jsonText(c, "id"))] = QString::fromStdString(label);
    }
  const auto criterionLabel = [&](const QString& id) {
    auto it = criterionLabels.find(id);
    return it != criterionLabels.end() ? it->second : id;
  };
  const QRegularExpression explanationPattern(
      QStringLiteral("^behind (\\S+)(?: mainly on (\\S+) \\(([-+0-9.eE]+)\\)(?: and (\\S+) \\(([-+0-9.eE]+)\\))?)?$"));
  // Names of the parks the explanations name ("behind P2": the next better park, itself in the
  // top N); any other is read by id from the layer.
  std::map<QString, QString> parkNames;
  QSet<QString> named;
  for (const QgsFeature& f : top) {
    parkNames[f.attribute(QStringLiteral("id")).toString()] = candidateName(tx, f);
    const QRegularExpressionMatch m =
        explanationPattern.match(f.attribute(QStringLiteral("explanation")).toString());
    if (m.hasMatch()) named.insert(m.captured(1));
  }
  for (const auto& known : parkNames) named.remove(known.first);
  if (!named.isEmpty()) {
    QgsFeatureRequest request;
    request.setFlags(QgsFeatureRequest::NoGeometry);
    request.setSubsetOfAttributes(
        QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("name_zh")}, fields);
    QgsFeature f;
    QgsFeatureIterator it = candidates->getFeatures(request);
    while (it.nextFeature(f)) {
      const QString id = f.attribute(QStringLiteral("id")).toString();
      if (named.contains(id)) parkNames[id] = candidateName(tx, f);
    }
  }
  QString notesCases;
  for (const QgsFeature& f : top) {
    const QString id = f.attribute(QStringLiteral("id")).toString();
    QStringList lines;
    const QString explanation = f.attribute(QStringLiteral("explanation")).toString();
    const QRegularExpressionMatch m = explanationPattern.match(explanation);
    if (m.hasMatch()) {
      const QString better = parkNames.count(m.captured(1)) ? parkNames[m.captured(1)] : m.captured(1);
      QString line = tx.c("Behind %1 (the next better park)", "次于上一名园区 %1",
                          "Behind %1 (the next better cell)", "次于上一名网格单元 %1")
                         .arg(better);
      if (!m.captured(2).isEmpty()) {
        QStringList gaps;
        gaps << QStringLiteral("%1 (%2)").arg(criterionLabel(m.captured(2)), m.captured(3));
        if (!m.captured(4).isEmpty())
          gaps << QStringLiteral("%1 (%2)").arg(criterionLabel(m.captured(4)), m.captured(5));
        line += tx.t(", mainly on %1 (score gap).", "，差距主要在于 %1（得分差）。")
                    .arg(gaps.join(tx.t(" and ", "和")));
      }
      lines << line;
    } else if (!explanation.isEmpty()) {
      lines << explanation;
    } else if (f.attribute(QStringLiteral("rank")).toInt() == 1) {
      lines << tx.c("Best-ranked park of this run.", "本次评价排名第一的园区。",
                    "Best-ranked cell of this run.", "本次评价排名第一的网格单元。");
    }
    const QString reason = f.attribute(QStringLiteral("reason")).toString();
    if (!reason.isEmpty()) lines << tx.t("Constraint: ", "约束：") + reason;
    auto warnings = warningsByFeature.find(id);
    if (warnings != warningsByFeature.end())
      lines << tx.t("Data warnings: ", "数据警告：") + warnings->second.join(QStringLiteral("; "));
    if (!lines.isEmpty())
      notesCases += QStringLiteral(" WHEN \"id\" = %1 THEN %2")
                        .arg(QgsExpression::quotedString(id),
                             QgsExpression::quotedString(lines.join(QLatin1Char('\n'))));
  }
  const QString none =
      QgsExpression::quotedString(tx.c("No remarks for this park.", "本园区无特别说明。",
                                       "No remarks for this cell.", "本网格单元无特别说明。"));
  const QString notesOrNone = notesCases.isEmpty() ? none : QStringLiteral("CASE%1 ELSE %2 END").arg(notesCases, none);
  addLabel(l, 0, labelExpr(notesOrNone), 8 * s, false, QRectF(x, y, w, std::max(10.0, content.bottom() - y)), QColor(40, 40, 40));
  return layout;
}

}  // namespace clustershift::layers::detail
