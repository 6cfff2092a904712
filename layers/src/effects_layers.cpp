// Result layers of the transfer effects (Results::effects, effects.h): region_effects
// (regions with before / after / change of every indicator), effects_timeline and coupling
// (no-geometry tables), and the diverging ISU-change style of region_effects.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgscolorramp.h>
#include <qgsdiagramrenderer.h>
#include <qgshistogramdiagram.h>
#include <qgsproperty.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfields.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgeometry.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgsrendererrange.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QByteArray>

#include <algorithm>
#include <cmath>

#include "clustershift/effects.h"
#include "layers_detail.h"

namespace clustershift::layers {

namespace detail {

QgsFields regionEffectFields() {
  QgsFields fields;
  appendRegionNameFields(fields);
  fields.append(QgsField(QStringLiteral("role"), QVariant::String));  // source | host | source+host | other
  fields.append(QgsField(QStringLiteral("u"), QVariant::Double));
  for (const std::string& ind : effectIndicators())
    for (const char* suffix : {"_before", "_after", "_change"})
      fields.append(QgsField(toQ(ind) + QLatin1String(suffix), QVariant::Double));
  // Sector shares of GDP in %, for the before/after diagrams (NULL for other regions).
  for (const char* when : {"before", "after"})
    for (int k = 1; k <= 3; ++k)
      fields.append(QgsField(QStringLiteral("share%1_%2").arg(k).arg(QLatin1String(when)), QVariant::Double));
  return fields;
}

QgsAttributes regionEffectAttributes(const Region& region, const Results& results) {
  const RegionEffect* e = results.effects ? results.effects->regionEffect(region.id) : nullptr;
  QgsAttributes a(regionNameValues(region).toVector());
  a << (e ? toQ(e->role) : QStringLiteral("other"))
    << (e ? numberOrNull(e->upgrading) : QVariant(QVariant::Double));
  for (const std::string& ind : effectIndicators()) {
    if (!e) {
      a << QVariant(QVariant::Double) << QVariant(QVariant::Double) << QVariant(QVariant::Double);
      continue;
    }
    const double before = e->before.get(ind), after = e->after.get(ind);
    a << numberOrNull(before) << numberOrNull(after) << numberOrNull(after - before);
  }
  for (const SectorAccounts* acc : {e ? &e->accountsBefore : nullptr, e ? &e->accountsAfter : nullptr})
    for (int k = 0; k < 3; ++k)
      a << (acc && acc->gdp() > 0 ? QVariant(100.0 * acc->y[static_cast<size_t>(k)] / acc->gdp())
                                  : QVariant(QVariant::Double));
  return a;
}

}  // namespace detail

using detail::addAll;
using detail::newMemoryLayer;
using detail::numberOrNull;
using detail::toQ;

namespace {

QgsFillSymbol* fill(const QColor& color, const QColor& stroke, double strokeWidth) {
  return new QgsFillSymbol(QgsSymbolLayerList()
                           << new QgsSimpleFillSymbolLayer(color, Qt::SolidPattern, stroke, Qt::SolidLine, strokeWidth));
}

}  // namespace

QgsVectorLayer* makeRegionEffectsLayer(const Inputs& inputs, const Results& results, LayerStyle style) {
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("MultiPolygon"), QStringLiteral("region_effects"),
                                         detail::regionEffectFields());
  QgsFeatureList features;
  for (const Region& r : inputs.regions)
    features << detail::newFeature(layer, detail::regionEffectAttributes(r, results),
                                   detail::multiGeometry(r.wkb));
  addAll(layer, features);
  if (style == LayerStyle::Styled) styleRegionEffects(layer);
  return layer;
}

QgsVectorLayer* makeEffectsTimelineLayer(const Results& results) {
  QgsFields fields;
  fields.append(QgsField(QStringLiteral("year"), QVariant::Int));
  fields.append(QgsField(QStringLiteral("ramp"), QVariant::Double));
  fields.append(QgsField(QStringLiteral("region_id"), QVariant::String));
  fields.append(QgsField(QStringLiteral("indicator"), QVariant::String));
  fields.append(QgsField(QStringLiteral("value"), QVariant::Double));
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("None"), QStringLiteral("effects_timeline"), fields);
  QgsFeatureList features;
  if (results.effects)
    for (const TimelineRow& row : results.effects->timeline)
      features << detail::newFeature(layer, QgsAttributes()
                                                << row.year << numberOrNull(row.ramp) << toQ(row.regionId)
                                                << toQ(row.indicator) << numberOrNull(row.value));
  return addAll(layer, features);
}

QgsVectorLayer* makeCouplingLayer(const Results& results) {
  // One row per (source, host region): signed mechanisms of both sides, Ũ, C, T, D, their
  // 5–95 % intervals from the Monte Carlo over the effect parameters and P(class).
  static const std::vector<std::string> kValues = {"vc_source", "inn_source", "str_source", "vc_host", "inn_host",
                                                   "str_host",  "u_source",   "u_host",     "c",       "t",
                                                   "d"};
  QgsFields fields;
  for (const char* name : {"source", "host"}) fields.append(QgsField(QLatin1String(name), QVariant::String));
  for (const std::string& name : kValues)
    for (const char* suffix : {"", "_p05", "_p95"}) fields.append(QgsField(toQ(name) + QLatin1String(suffix), QVariant::Double));
  fields.append(QgsField(QStringLiteral("class_index"), QVariant::Int));
  fields.append(QgsField(QStringLiteral("class_zh"), QVariant::String));
  fields.append(QgsField(QStringLiteral("class_en"), QVariant::String));
  fields.append(QgsField(QStringLiteral("p_class"), QVariant::String));  // JSON {"class index": probability}
  fields.append(QgsField(QStringLiteral("draws"), QVariant::Int));
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("None"), QStringLiteral("coupling"), fields);
  QgsFeatureList features;
  if (results.effects) {
    const EffectsResult& e = *results.effects;
    for (std::size_t i = 0; i < e.coupling.size(); ++i) {
      const Coupling& c = e.coupling[i];
      const CouplingUncertainty* cu = i < e.couplingUncertainty.size() ? &e.couplingUncertainty[i] : nullptr;
      const RegionEffect* src = e.regionEffect(c.sourceId);
      const RegionEffect* host = e.regionEffect(c.hostId);
      QgsAttributes a;
      a << toQ(c.sourceId) << toQ(c.hostId);
      auto add = [&](double v, const Interval* interval) {
        a << numberOrNull(v) << (interval ? numberOrNull(interval->p05) : QVariant(QVariant::Double))
          << (interval ? numberOrNull(interval->p95) : QVariant(QVariant::Double));
      };
      auto intervalOf = [](const RegionEffect* r, const char* key) -> const Interval* {
        if (!r) return nullptr;
        const auto it = r->intervals.find(key);
        return it == r->intervals.end() ? nullptr : &it->second;
      };
      for (const RegionEffect* r : {src, host})
        for (const char* m : {"vc", "inn", "str"}) add(r ? r->mechanisms.get(m) : kNaN, intervalOf(r, m));
      add(c.uSource, intervalOf(src, "u"));
      add(c.uHost, intervalOf(host, "u"));
      add(c.c, cu ? &cu->c : nullptr);
      add(c.t, cu ? &cu->t : nullptr);
      add(c.d, cu ? &cu->d : nullptr);
      nlohmann::json pClass = nlohmann::json::object();
      if (cu)
        for (std::size_t k = 0; k < cu->pClass.size(); ++k)
          if (cu->pClass[k] > 0) pClass[std::to_string(k)] = cu->pClass[k];
      a << c.cls.index << toQ(c.cls.labelZh) << toQ(c.cls.labelEn)
        << (cu ? QVariant(toQ(pClass.dump())) : QVariant(QVariant::String)) << e.draws;
      features << detail::newFeature(layer, a);
    }
  }
  return addAll(layer, features);
}

void styleRegionEffects(QgsVectorLayer* layer) {
  if (!layer) return;
  // Symmetric classes around 0, bounded by the largest |ISU change|: a diverging map reads
  // "how far from no change" the same on both sides (Brewer 1994, "Color use guidelines for
  // mapping and visualization", diverging schemes). Colours: ColorBrewer RdBu, 7 classes
  // (Brewer 2003, colorbrewer2.org), red = structure worsened, blue = upgraded. The middle class
  // (|change| within a seventh of the maximum around 0) is near white.
  double maxAbs = 0;
  const int index = layer->fields().lookupField(QStringLiteral("isu_change"));
  // The column's extremes from the provider (a GeoPackage answers with SQL MIN and MAX, NULLs
  // left out) rather than reading every region's row: 30 ms at national size (perf). A memory
  // layer whose column is NULL throughout answers its cache's start values (±DBL_MAX): only
  // ISU changes of a real size count.
  if (index >= 0)
    for (const QVariant& extreme : {layer->minimumValue(index), layer->maximumValue(index)}) {
      bool ok = false;
      const double value = extreme.isNull() ? 0.0 : extreme.toDouble(&ok);
      if (ok && std::isfinite(value) && std::abs(value) < 1e6) maxAbs = std::max(maxAbs, std::abs(value));
    }
  if (!(maxAbs > 0)) maxAbs = 0.01;
  const char* colors[] = {"#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"};
  constexpr double kOtherLower = 1e12, kOtherValue = 1e13, kOtherUpper = 1e14;
  constexpr int kClasses = 7;
  const double step = 2 * maxAbs / kClasses;
  QgsRangeList ranges;
  for (int i = 0; i < kClasses; ++i) {
    // Outer classes open-ended, so rounding never leaves the extreme region unclassed.
    const double lower = i == 0 ? -1e12 : -maxAbs + step * i;
    const double upper = i + 1 == kClasses ? 1e12 : -maxAbs + step * (i + 1);
    QString label;
    if (i == 0) label = QStringLiteral("< %1").arg(-maxAbs + step, 0, 'f', 3);
    else if (i + 1 == kClasses) label = QStringLiteral("> %1").arg(lower, 0, 'f', 3);
    else if (i == kClasses / 2) label = QStringLiteral("%1 – %2 (≈ 0)").arg(lower, 0, 'f', 3).arg(upper, 0, 'f', 3);
    else label = QStringLiteral("%1 – %2").arg(lower, 0, 'f', 3).arg(upper, 0, 'f', 3);
    QgsFillSymbol* symbol = fill(QColor(QLatin1String(colors[i])), QColor(90, 90, 90), 0.15);
    // Source and host regions outlined boldly, so a small change still reads as "affected".
    symbol->symbolLayer(0)->setDataDefinedProperty(
        QgsSymbolLayer::PropertyStrokeWidth,
        QgsProperty::fromExpression(QStringLiteral("CASE WHEN \"role\" <> 'other' THEN 0.7 ELSE 0.15 END")));
    ranges << QgsRendererRange(lower, upper, symbol, label);
  }
  // Regions without a change (NULL: neither source nor host) get a light grey class of their
  // own, reached through a sentinel far above every real change.
  ranges << QgsRendererRange(kOtherLower, kOtherUpper, fill(QColor(QStringLiteral("#d9d9d9")), QColor(QStringLiteral("#b0b0b0")), 0.15),
                             QStringLiteral("other regions / 其他地区"));
  auto* renderer = new QgsGraduatedSymbolRenderer(
      QStringLiteral("coalesce(\"isu_change\", %1)").arg(QString::number(kOtherValue, 'g', 17)), ranges);
  layer->setRenderer(renderer);

  // Bar diagrams of the sector shares of GDP before (light) and after (dark) on the source and
  // host regions only: primary green, secondary orange, tertiary purple (ColorBrewer pairs).
  QgsDiagramSettings ds;
  ds.enabled = true;
  const char* shareColors[] = {"#c7e9c0", "#31a354", "#fdd0a2", "#e6550d", "#dadaeb", "#756bb1"};
  const char* sectorNames[] = {"primary / 第一产业", "secondary / 第二产业", "tertiary / 第三产业"};
  for (int k = 0; k < 3; ++k)
    for (int after = 0; after < 2; ++after) {
      ds.categoryAttributes << QStringLiteral("coalesce(\"share%1_%2\", 0)").arg(k + 1).arg(after ? QStringLiteral("after") : QStringLiteral("before"));
      ds.categoryColors << QColor(QLatin1String(shareColors[2 * k + after]));
      ds.categoryLabels << QStringLiteral("%1 %2").arg(QString::fromUtf8(sectorNames[k]), after ? QStringLiteral("after / 转移后") : QStringLiteral("before / 转移前"));
    }
  ds.size = QSizeF(12, 12);
  ds.sizeType = QgsUnitTypes::RenderMillimeters;
  ds.barWidth = 1.6;
  ds.penColor = QColor(80, 80, 80);
  ds.penWidth = 0.1;
  // Bar length must be proportional to the share on a fixed scale (100 % = 12 mm): a single-category
  // renderer scales bars by the feature's largest value, which drew them far beyond the map.
  auto* diagrams = new QgsLinearlyInterpolatedDiagramRenderer();
  diagrams->setDiagram(new QgsHistogramDiagram());
  diagrams->setDiagramSettings(ds);
  diagrams->setClassificationAttributeExpression(QStringLiteral("100"));
  diagrams->setClassificationAttributeIsExpression(true);
  diagrams->setLowerValue(0);
  diagrams->setUpperValue(100);
  diagrams->setLowerSize(QSizeF(0, 0));
  diagrams->setUpperSize(ds.size);
  layer->setDiagramRenderer(diagrams);
  QgsDiagramLayerSettings dls;
  dls.setPlacement(QgsDiagramLayerSettings::OverPoint);
  dls.setShowAllDiagrams(true);
  dls.dataDefinedProperties().setProperty(QgsDiagramLayerSettings::Show,
                                          QgsProperty::fromExpression(QStringLiteral("\"role\" <> 'other'")));
  layer->setDiagramLayerSettings(dls);
  layer->triggerRepaint();
}

}  // namespace clustershift::layers
