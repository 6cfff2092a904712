// The effects page: ISU-change maps of the source and the host side by side, the before/after
// table of every indicator for both regions, coupling coordination D with its class and the
// yearly path of the headline indicators. Data: region_effects, effects_timeline and run_info.
#include "report_labels.h"  // first: see the note in layers.h

#include <qgscoordinatetransform.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutmeasurement.h>
#include <qgslayoutpagecollection.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrendererrange.h>
#include <qgssymbol.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "clustershift/effects.h"
#include "layers_detail.h"

namespace clustershift::layers::detail {
namespace {

using nlohmann::json;

/// An equal-area CRS centred on a small map (Lambert azimuthal, WGS 84), north up at its centre.
/// Not the study area's CRS: QGIS 3.22 reads and draws every feature of a geographic layer on a
/// projected map whose extent, taken to the layer's CRS and back, grows by more than 20 %
/// (QgsMapRendererJob::reprojectToLayerExtent), and far from the study area's central meridian
/// its graticule is rotated enough for that (a county at 117°E in the Albers of 95°E: all 2,850
/// regions for 23 shown, 85 ms a map at national size; bench/national).
/// Made from the PROJ string alone: QgsCoordinateReferenceSystem::fromProj also looks for an
/// authority CRS it could be (PROJ's identify and QGIS's CRS database: ~40 ms a map at national
/// size, perf), which a projection centred on a map never is.
QgsCoordinateReferenceSystem localCrs(const QgsPointXY& centreLonLat) {
  QgsCoordinateReferenceSystem crs;
  crs.createFromProj(
      QStringLiteral("+proj=laea +lat_0=%1 +lon_0=%2 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
          .arg(centreLonLat.y(), 0, 'f', 6)
          .arg(centreLonLat.x(), 0, 'f', 6),
      false);
  return crs;
}

/// Bounding box (layer CRS) of the region_effects features with the given ids.
QgsRectangle regionsExtent(QgsVectorLayer* layer, const QStringList& ids) {
  QgsRectangle box;
  box.setMinimal();
  if (ids.isEmpty()) return box;
  QgsFeature f;
  QgsFeatureRequest request;
  // Only these regions are read (the provider filters): the whole layer's geometries are
  // 570,000 vertices at national size.
  request.setFilterExpression(idInExpression(ids));
  request.setSubsetOfAttributes(QStringList{QStringLiteral("id")}, layer->fields());
  QgsFeatureIterator it = layer->getFeatures(request);
  while (it.nextFeature(f))
    if (f.hasGeometry()) box.combineExtentWith(f.geometry().boundingBox());
  return box;
}

/// A map of region_effects zoomed to the regions (with their neighbours around), scale bar inside.
void addRegionMap(QgsPrintLayout* layout, const ReportContext& ctx, int page, QgsVectorLayer* layer, const QStringList& ids,
                  const QRectF& rectMm) {
  auto* map = newReportMap(layout);
  layout->addLayoutItem(map);
  const QPointF origin = layout->pageCollection()->pagePositionToLayoutPosition(page, QgsLayoutPoint(0, 0));
  map->attemptSetSceneRect(rectMm.translated(origin));
  map->setFrameEnabled(true);
  map->setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes::LayoutMillimeters));
  map->setBackgroundColor(QColor(QStringLiteral("#dfeaf2")));
  map->setLayers({layer});
  map->setKeepLayerSet(true);
  QgsRectangle extent = regionsExtent(layer, ids);
  if (extent.isNull() || !std::isfinite(extent.xMinimum())) extent = layer->extent();
  QgsPointXY centre = extent.center();
  try {
    centre = QgsCoordinateTransform(layer->crs(), QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                    ctx.source.project->transformContext())
                 .transform(centre);
  } catch (const QgsCsException&) {
  }
  const QgsCoordinateReferenceSystem crs = localCrs(centre);
  map->setCrs(crs);
  try {
    extent = QgsCoordinateTransform(layer->crs(), crs, ctx.source.project->transformContext()).transformBoundingBox(extent);
  } catch (const QgsCsException&) {
  }
  extent.scale(1.6);  // the region and its neighbours: the change reads against the others
  map->zoomToExtent(extent);

  auto* scale = new QgsLayoutItemScaleBar(layout);
  scale->setStyle(QStringLiteral("Single Box"));
  scale->setLinkedMap(map);
  scale->setUnits(QgsUnitTypes::DistanceKilometers);
  scale->setUnitLabel(QStringLiteral("km"));
  scale->setNumberOfSegmentsLeft(0);
  scale->setNumberOfSegments(2);
  scale->setSegmentSizeMode(QgsScaleBarSettings::SegmentSizeFitWidth);
  scale->setMinimumBarWidth(12);
  scale->setMaximumBarWidth(std::min(30.0, rectMm.width() * 0.35));
  scale->setHeight(1.5);
  QgsTextFormat format;
  format.setFont(font(6));
  format.setSize(6);
  format.setSizeUnit(QgsUnitTypes::RenderPoints);
  scale->setTextFormat(format);
  scale->setBackgroundEnabled(true);
  scale->setBackgroundColor(QColor(255, 255, 255, 220));
  scale->setBoxContentSpace(1);
  layout->addLayoutItem(scale);
  scale->attemptMove(QgsLayoutPoint(rectMm.x() + 2, rectMm.bottom() - 10, QgsUnitTypes::LayoutMillimeters), true, false, page);
  scale->update();
}

QString xmlEscape(QString s) {
  return s.replace(QLatin1Char('&'), QStringLiteral("&amp;")).replace(QLatin1Char('<'), QStringLiteral("&lt;")).replace(QLatin1Char('>'), QStringLiteral("&gt;"));
}

/// Legend of the ISU-change classes and the sector-share bars, as an SVG in mm units.
QByteArray legendSvg(const ReportContext& ctx, QgsVectorLayer* layer, const QSizeF& sizeMm) {
  // Rows shrink to fit the space: every class is listed (title, classes, gap, bar title, bars).
  const int classes = layer->renderer() && dynamic_cast<QgsGraduatedSymbolRenderer*>(layer->renderer())
                          ? dynamic_cast<QgsGraduatedSymbolRenderer*>(layer->renderer())->ranges().size()
                          : 0;
  const double scale = ctx.pageMm.width() > 300 ? 1.25 : 1.0;
  const double rowH = std::min(4.0 * scale, (sizeMm.height() - 2.5) / (classes + 3.5));
  const double box = rowH * 0.75;
  const double fontMm = std::min(6.5 * scale * 25.4 / 72, rowH * 0.6);
  QString body;
  double y = 0;
  auto text = [&](double x, double yy, const QString& t, bool bold = false) {
    body += QStringLiteral("<text x=\"%1\" y=\"%2\" font-family=\"%3\" font-size=\"%4\"%5 fill=\"#1e1e1e\">%6</text>\n")
                .arg(x)
                .arg(yy)
                .arg(kFontFamily)
                .arg(fontMm)
                .arg(bold ? QStringLiteral(" font-weight=\"bold\"") : QString())
                .arg(xmlEscape(t));
  };
  auto swatch = [&](double x, double yy, const QColor& c, double w, double h) {
    body += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\" stroke=\"#5a5a5a\" stroke-width=\"0.1\"/>\n")
                .arg(x)
                .arg(yy)
                .arg(w)
                .arg(h)
                .arg(c.name());
  };
  text(0, y + fontMm, ctx.tx.t("ISU change (after − before)", "ISU 变化（转移后 − 转移前）"), true);
  y += rowH + 0.5;
  if (auto* r = dynamic_cast<QgsGraduatedSymbolRenderer*>(layer->renderer())) {
    // Largest change (upgrading, blue) on top; the grey "other regions" class (a sentinel range
    // far above every real change, see styleRegionEffects) last.
    QgsRangeList ranges = r->ranges();
    std::stable_sort(ranges.begin(), ranges.end(), [](const QgsRendererRange& a, const QgsRendererRange& b) {
      const bool otherA = a.lowerValue() >= 1e11, otherB = b.lowerValue() >= 1e11;
      if (otherA != otherB) return otherB;
      return a.lowerValue() > b.lowerValue();
    });
    for (const QgsRendererRange& range : ranges) {
      if (!range.symbol()) continue;
      QString label = range.label();
      if (range.lowerValue() >= 1e11) label = ctx.tx.t("other regions (no change)", "其他地区（无变化）");
      else label.replace(QStringLiteral("(≈ 0)"), ctx.tx.t("(≈ 0)", "（≈ 0）"));
      swatch(0, y, range.symbol()->color(), box, box);
      text(box + 1.5, y + box - box * 0.12, label);
      y += rowH;
    }
  }
  y += rowH * 0.4;
  text(0, y + fontMm, ctx.tx.t("Bars: sector shares of GDP, before | after", "柱：三次产业占GDP比重，转移前 | 后"), true);
  y += rowH + 0.5;
  const char* colors[] = {"#c7e9c0", "#31a354", "#fdd0a2", "#e6550d", "#dadaeb", "#756bb1"};
  const QStringList sectors{ctx.tx.t("primary", "第一产业"), ctx.tx.t("secondary", "第二产业"), ctx.tx.t("tertiary", "第三产业")};
  double x = 0;
  for (int k = 0; k < 3; ++k) {
    swatch(x, y, QColor(QLatin1String(colors[2 * k])), box * 0.55, box);
    swatch(x + box * 0.55, y, QColor(QLatin1String(colors[2 * k + 1])), box * 0.55, box);
    text(x + box * 1.1 + 1.2, y + box - 0.4, sectors[k]);
    x += sizeMm.width() / 3;
  }
  const QString svg = QStringLiteral(
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1mm\" height=\"%2mm\" viewBox=\"0 0 %1 %2\">\n%3</svg>\n")
                          .arg(sizeMm.width())
                          .arg(sizeMm.height())
                          .arg(body);
  return svg.toUtf8();
}

/// The yearly values of (region, indicator) from effects_timeline, by year.
std::map<int, double> timelineValues(QgsVectorLayer* timeline, const QString& regionId, const QString& indicator) {
  std::map<int, double> values;
  if (!timeline) return values;
  QgsFeature f;
  QgsFeatureIterator it = timeline->getFeatures();
  while (it.nextFeature(f)) {
    if (f.attribute(QStringLiteral("region_id")).toString() != regionId ||
        f.attribute(QStringLiteral("indicator")).toString() != indicator)
      continue;
    const QVariant v = f.attribute(QStringLiteral("value"));
    values[f.attribute(QStringLiteral("year")).toInt()] = v.isNull() ? std::nan("") : v.toDouble();
  }
  return values;
}

QString formatIndicator(const std::string& indicator, double value) {
  if (indicator == "rd_intensity") return formatNumber(value * 100, 2);
  return formatNumber(value, indicatorDecimals(indicator));
}

QString formatChange(const std::string& indicator, double before, double after) {
  if (!std::isfinite(before) || !std::isfinite(after)) return QStringLiteral("–");
  double change = after - before;
  if (indicator == "rd_intensity") change *= 100;
  const int decimals = indicatorDecimals(indicator);
  const QString text = QString::number(change, 'f', decimals);
  return change > 0 ? QStringLiteral("+") + text : text;
}

}  // namespace

std::unique_ptr<QgsPrintLayout> buildEffectsLayout(const ReportContext& ctx) {
  const json& info = ctx.source.runInfo;
  if (!ctx.source.regionEffects || !info.contains("effects") || !info["effects"].is_object()) return nullptr;
  const json& effects = info["effects"];
  const json regions = effects.value("regions", json::array());
  if (!regions.is_array() || regions.empty()) return nullptr;
  const Texts& tx = ctx.tx;

  std::unique_ptr<QgsPrintLayout> layout = newReportLayout(ctx, tx.t("Effects", "转移效应"));
  QgsPrintLayout* l = layout.get();
  const QRectF c = addPageFrame(l, ctx, 0, tx.t("Transfer effects: upgrading at the source and the host", "转移效应：转出地与承接地的产业升级"));
  const double s = ctx.pageMm.width() > 300 ? 1.25 : 1.0;  // type a little larger on A3
  const double gap = 5;

  // Regions: the source first, then the host regions (up to two in the table; all on the map).
  json source;
  std::vector<json> hosts;
  for (const json& r : regions) {
    const std::string role = r.value("role", std::string());
    if (role == "source" || role == "source+host") source = r;
    if (role == "host" || role == "source+host") hosts.push_back(r);
  }
  if (source.is_null()) source = regions.front();
  QStringList hostIds;
  for (const json& h : hosts) hostIds << jsonText(h.value("id", json()));

  // --- maps: source | host ------------------------------------------------------------
  const double leftW = c.width() * 0.64;
  const double mapW = (leftW - gap) / 2;
  const double titleH = 9 * s;
  const double mapH = std::min(c.height() * 0.50 - titleH, mapW * 0.95);
  const auto isuLine = [&](const json& r) {
    const double before = jsonNumber(r.value("before", json::object()), "isu");
    const double after = jsonNumber(r.value("after", json::object()), "isu");
    return QStringLiteral("ISU %1 → %2 · U = %3")
        .arg(formatNumber(before, 3), formatNumber(after, 3), formatNumber(jsonNumber(r, "u"), 3));
  };
  addLabel(l, 0, tx.t("Source: %1", "转出地：%1").arg(localName(tx, source)), 9 * s, true, QRectF(c.x(), c.y(), mapW, 4.5 * s));
  addLabel(l, 0, isuLine(source), 7 * s, false, QRectF(c.x(), c.y() + 4.5 * s, mapW, 4 * s), QColor(80, 80, 80));
  addRegionMap(l, ctx, 0, ctx.source.regionEffects, {jsonText(source.value("id", json()))},
               QRectF(c.x(), c.y() + titleH, mapW, mapH));
  QStringList hostNames;
  for (const json& h : hosts) hostNames << localName(tx, h);
  const double hostX = c.x() + mapW + gap;
  addLabel(l, 0, tx.t("Host: %1", "承接地：%1").arg(hostNames.join(tx.t(", ", "、"))), 9 * s, true, QRectF(hostX, c.y(), mapW, 4.5 * s));
  if (!hosts.empty())
    addLabel(l, 0, hosts.size() == 1 ? isuLine(hosts.front()) : tx.t("%1 host regions", "%1 个承接地区").arg(hosts.size()), 7 * s,
             false, QRectF(hostX, c.y() + 4.5 * s, mapW, 4 * s), QColor(80, 80, 80));
  addRegionMap(l, ctx, 0, ctx.source.regionEffects, hostIds.isEmpty() ? QStringList{jsonText(source.value("id", json()))} : hostIds,
               QRectF(hostX, c.y() + titleH, mapW, mapH));

  // --- right column: coupling coordination and the legend ----------------------------------
  const double rightX = c.x() + leftW + gap;
  const double rightW = c.right() - rightX;
  double y = c.y();
  const json coupling = effects.value("coupling", json::array());
  addLabel(l, 0, tx.t("Coupling coordination D", "耦合协调度 D"), 9 * s, true, QRectF(rightX, y, rightW, 5 * s));
  y += 5.5 * s;
  if (coupling.is_array() && !coupling.empty()) {
    const json& first = coupling.front();
    const QString cls = jsonText(first.value(tx.zh ? "class_zh" : "class_en", json()));
    const int index = first.value("class_index", 0);
    // Ten classes: imbalance (0–4) in reds and browns, coordination (5–9) in greens and blues.
    const char* classColors[] = {"#67001f", "#b2182b", "#d6604d", "#c2561a", "#a6761d",
                                 "#66a61e", "#1b9e77", "#2c7fb8", "#2166ac", "#053061"};
    const QColor classColor(QString::fromLatin1(classColors[std::clamp(index, 0, 9)]));
    addLabel(l, 0, formatNumber(jsonNumber(first, "d"), 3), 22 * s, true, QRectF(rightX, y, rightW * 0.45, 11 * s), classColor);
    addLabel(l, 0, cls, 12 * s, true, QRectF(rightX + rightW * 0.45, y + 2.5 * s, rightW * 0.55, 7 * s), classColor);
    y += 11.5 * s;
    auto regionName = [&](const QString& id) {
      for (const json& r : regions)
        if (jsonText(r.value("id", json())) == id) return localName(tx, r);
      return id;
    };
    QString details = QStringLiteral("C = %1 · T = %2 · Ũ%3 = %4 · Ũ%5 = %6")
                          .arg(formatNumber(jsonNumber(first, "c"), 3), formatNumber(jsonNumber(first, "t"), 3),
                               tx.t("(source)", "（转出）"), formatNumber(jsonNumber(first, "u_source"), 3),
                               tx.t("(host)", "（承接）"), formatNumber(jsonNumber(first, "u_host"), 3));
    // The Monte Carlo over the effect parameters: 5–95 % interval of D and the chance of its class.
    const json uncertainty = first.value("uncertainty", json());
    if (uncertainty.is_object()) {
      const json pClass = uncertainty.value("p_class", json::array());
      const double pOwn = pClass.is_array() && index >= 0 && static_cast<size_t>(index) < pClass.size()
                              ? pClass[static_cast<size_t>(index)].get<double>()
                              : std::nan("");
      details += tx.t("\nD 5–95 %: %1–%2 · P(%3) = %4 % (%5 draws)", "\nD 5–95 %：%1–%2 · P（%3）= %4 %（%5 次抽样）")
                     .arg(formatNumber(jsonNumber(uncertainty, "d_p05"), 3), formatNumber(jsonNumber(uncertainty, "d_p95"), 3), cls,
                          formatNumber(100 * pOwn, 0), QString::number(uncertainty.value("draws", 0)));
    }
    if (coupling.size() > 1)
      for (size_t i = 1; i < coupling.size(); ++i)
        details += QStringLiteral("\n%1: D = %2 (%3)")
                       .arg(regionName(jsonText(coupling[i].value("host", json()))), formatNumber(jsonNumber(coupling[i], "d"), 3),
                            jsonText(coupling[i].value(tx.zh ? "class_zh" : "class_en", json())));
    const QString wrapped = wrapText(details, 7 * s, rightW);
    const double detailsH = textHeightMm(wrapped, 7 * s);
    addLabel(l, 0, wrapped, 7 * s, false, QRectF(rightX, y, rightW, detailsH), QColor(60, 60, 60));
    y += detailsH + 1.5;
  }
  QString note = tx.t("D = √(C·T), C = 2√(Ũ₁Ũ₂)/(Ũ₁+Ũ₂), T = aŨ₁ + bŨ₂; Ũ = (1 + tanh U)/2, so two unchanged regions give "
                      "D = 0.707; classes after Liao (1999).",
                      "D = √(C·T)，C = 2√(Ũ₁Ũ₂)/(Ũ₁+Ũ₂)，T = aŨ₁ + bŨ₂；Ũ = (1 + tanh U)/2，两地均不变时 D = 0.707；等级划分依据廖重斌（1999）。");
  note = wrapText(note, 6.5 * s, rightW);
  const double noteH = textHeightMm(note, 6.5 * s);
  addLabel(l, 0, note, 6.5 * s, false, QRectF(rightX, y, rightW, noteH), QColor(90, 90, 90));
  y += noteH + 2;
  const double legendH = c.y() + titleH + mapH - y;
  if (legendH > 20) addSvg(l, 0, legendSvg(ctx, ctx.source.regionEffects, QSizeF(rightW, legendH)), QRectF(rightX, y, rightW, legendH));

  // --- bottom: before/after table | yearly path ------------------------------------------
  const double bottomY = c.y() + titleH + mapH + gap;
  const double bottomH = c.bottom() - bottomY;
  const double tableW = c.width() * 0.56;
  std::vector<json> tableRegions{source};
  for (size_t i = 0; i < hosts.size() && tableRegions.size() < 3; ++i)
    if (hosts[i].value("id", std::string()) != source.value("id", std::string())) tableRegions.push_back(hosts[i]);
  QStringList headers{tx.t("Indicator", "指标")};
  std::vector<double> widths{tableW * (tableRegions.size() > 2 ? 0.22 : 0.28)};
  const double cellW = (tableW - widths[0]) / (3.0 * static_cast<double>(tableRegions.size()));
  for (const json& r : tableRegions) {
    const QString name = localName(tx, r);
    headers << tx.t("before", "转移前") << tx.t("after", "转移后") << tx.t("change", "变化");
    widths.insert(widths.end(), {cellW, cellW, cellW});
  }
  std::vector<QStringList> rows;
  std::vector<std::string> indicators;
  for (const std::string& ind : effectIndicators()) indicators.push_back(ind);
  for (const std::string& ind : indicators) {
    QStringList row{indicatorLabel(tx, ind)};
    for (const json& r : tableRegions) {
      const double before = jsonNumber(r.value("before", json::object()), ind.c_str());
      const double after = jsonNumber(r.value("after", json::object()), ind.c_str());
      row << formatIndicator(ind, before) << formatIndicator(ind, after) << formatChange(ind, before, after);
    }
    rows.push_back(row);
  }
  QStringList uRow{indicatorLabel(tx, "u")};  // Ũ: 0.5 = no change
  for (const json& r : tableRegions) uRow << QString() << formatNumber(jsonNumber(r, "u"), 3) << QString();
  rows.push_back(uRow);
  const double tablePt = 7 * s;
  TableChunks table = splitTable(headers, rows, widths, tablePt, 1e9, 1e9);
  addLabel(l, 0, tx.t("Indicators before and after the transfer", "转移前后各项指标"), 9 * s, true, QRectF(c.x(), bottomY, tableW, 5 * s));
  // One chunk: the table has eight rows and the page room for them.
  // Region names above their three columns (a name inside the header cell wrapped out of it).
  for (size_t i = 0; i < tableRegions.size(); ++i)
    addLabel(l, 0, localName(tx, tableRegions[i]), 7.5 * s, true,
             QRectF(c.x() + widths[0] + cellW * 3 * static_cast<double>(i) + 1, bottomY + 6 * s, cellW * 3 - 2, 4.5 * s),
             QColor(31, 95, 140), Qt::AlignHCenter);
  fitTableFrame(addTable(l, 0, table.headers, table.chunks.front(), QRectF(c.x(), bottomY + 11 * s, tableW, bottomH - 11 * s),
                         tablePt, contentWidths(widths)),
                bottomH - 11 * s);

  const double chartX = c.x() + tableW + gap;
  const double chartW = c.right() - chartX;
  addLabel(l, 0, tx.t("Yearly path (logistic ramp)", "逐年路径（逻辑斯蒂爬升）"), 9 * s, true, QRectF(chartX, bottomY, chartW, 5 * s));
  const QString sourceId = jsonText(source.value("id", json()));
  const QString hostId = hostIds.isEmpty() ? sourceId : hostIds.front();
  const std::map<int, double> uSource = timelineValues(ctx.source.timeline, sourceId, QStringLiteral("u"));
  const std::map<int, double> uHost = timelineValues(ctx.source.timeline, hostId, QStringLiteral("u"));
  const std::map<int, double> d = timelineValues(ctx.source.timeline, hostId, QStringLiteral("coupling_d"));
  std::map<int, bool> years;
  for (const auto* m : {&uSource, &uHost, &d})
    for (const auto& kv : *m) years[kv.first] = true;
  if (!years.empty()) {
    QStringList xLabels;
    std::vector<Series> series(3);
    series[0] = {tx.t("U source", "U 转出地"), {}, QColor(QStringLiteral("#d6604d"))};
    series[1] = {tx.t("U host", "U 承接地"), {}, QColor(QStringLiteral("#2166ac"))};
    series[2] = {tx.t("coupling D", "耦合协调度 D"), {}, QColor(QStringLiteral("#4d4d4d"))};
    for (const auto& kv : years) {
      xLabels << QString::number(kv.first);
      auto value = [&](const std::map<int, double>& m) {
        const auto it = m.find(kv.first);
        return it == m.end() ? std::nan("") : it->second;
      };
      series[0].values.push_back(value(uSource));
      series[1].values.push_back(value(uHost));
      series[2].values.push_back(value(d));
    }
    const QSizeF chartSize(chartW, bottomH - 6 * s);
    addSvg(l, 0, lineChartSvg(xLabels, series, chartSize, tx.t("index (0–1)", "指数（0–1）")),
           QRectF(chartX, bottomY + 6 * s, chartSize.width(), chartSize.height()));
  } else {
    addLabel(l, 0, tx.t("No yearly path in the results.", "结果中没有逐年路径。"), 7 * s, false,
             QRectF(chartX, bottomY + 6 * s, chartW, 5 * s), QColor(90, 90, 90));
  }
  return layout;
}

}  // namespace clustershift::layers::detail
