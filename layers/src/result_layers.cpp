// In-memory result layers built from core Results (EPSG:4326).
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgsfeature.h>
#include <qgsfields.h>
#include <qgsgeometry.h>
#include <qgslinestring.h>
#include <qgsmultipolygon.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QByteArray>
#include <QFont>

#include <algorithm>
#include <cmath>

#include "clustershift/criterion.h"
#include "layers_detail.h"

namespace clustershift::layers {
namespace detail {

QString fieldPrefix(const std::string& criterionId) { return toQ(criterionFieldPrefix(criterionId)); }

QFont font(double pointSize, bool bold) {
  QFont f(kFontFamily);
  f.setPointSizeF(pointSize);
  f.setBold(bold);
  return f;
}

std::vector<int> rankingOrder(const Results& results) {
  std::vector<int> order(results.parks.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const ParkResult& pa = results.parks[static_cast<size_t>(a)];
    const ParkResult& pb = results.parks[static_cast<size_t>(b)];
    const bool ra = pa.rank > 0, rb = pb.rank > 0;
    if (ra != rb) return ra;
    if (ra && pa.rank != pb.rank) return pa.rank < pb.rank;
    return pa.id < pb.id;
  });
  return order;
}

QString scenarioTitle(const Scenario& scenario, const QString& language) {
  for (const std::string& lang : {fromQ(language), std::string("en"), std::string("zh_CN")}) {
    auto it = scenario.title.find(lang);
    if (it != scenario.title.end() && !it->second.empty()) return toQ(it->second);
  }
  if (!scenario.title.empty() && !scenario.title.begin()->second.empty()) return toQ(scenario.title.begin()->second);
  return toQ(scenario.name);
}

void appendFields(QgsFields& fields, const schema::Field* begin, const schema::Field* end) {
  for (const schema::Field* f = begin; f != end; ++f) {
    const QVariant::Type type = f->type == schema::FieldType::Text      ? QVariant::String
                                : f->type == schema::FieldType::Integer ? QVariant::Int
                                                                        : QVariant::Double;
    fields.append(QgsField(QString::fromLatin1(f->name), type));
  }
}

QgsVectorLayer* newMemoryLayer(const QString& geometryType, const QString& name, const QgsFields& fields) {
  const QString uri =
      geometryType == QLatin1String("None") ? geometryType : geometryType + QStringLiteral("?crs=EPSG:4326");
  auto* layer = new QgsVectorLayer(uri, name, QStringLiteral("memory"));
  layer->dataProvider()->addAttributes(fields.toList());
  layer->updateFields();
  return layer;
}

void appendRegionNameFields(QgsFields& fields) {
  for (const char* name : {"id", "name", "name_zh", "province"})
    fields.append(QgsField(QString::fromLatin1(name), QVariant::String));
}

QList<QVariant> regionNameValues(const Region& region) {
  return {toQ(region.id), toQ(region.name), toQ(region.nameZh), toQ(region.province)};
}

QgsGeometry multiGeometry(const std::vector<std::uint8_t>& wkb) {
  QgsGeometry g;
  if (wkb.empty()) return g;
  g.fromWkb(QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size())));
  g.convertToMultiType();
  return g;
}

QgsFeature newFeature(const QgsVectorLayer* layer, const QgsAttributes& attributes,
                      const QgsGeometry& geometry) {
  QgsFeature f(layer->fields());
  if (!geometry.isNull()) f.setGeometry(geometry);
  f.setAttributes(attributes);
  return f;
}

QgsVectorLayer* addAll(QgsVectorLayer* layer, QgsFeatureList& features) {
  layer->dataProvider()->addFeatures(features);
  layer->updateExtents();
  return layer;
}

bool hasRobustness(const Results& results) {
  return std::any_of(results.parks.begin(), results.parks.end(),
                     [](const ParkResult& p) { return !std::isnan(p.pTop1) || !std::isnan(p.rankMean); });
}

QgsFields candidateFields(const Results& results) {
  QgsFields fields;
  appendFields(fields, schema::kCandidateFields);
  for (const CriterionInfo& c : results.criteria) {
    const QString prefix = fieldPrefix(c.id);
    for (const char* suffix : schema::kCriterionSuffixes)
      fields.append(QgsField(prefix + QLatin1String(suffix), QVariant::Double));
  }
  if (hasRobustness(results)) appendFields(fields, schema::kRobustnessFields);
  return fields;
}

QgsAttributes candidateAttributes(const Results& results, const ParkResult& p, bool robust) {
  QgsAttributes a;
  a.reserve(static_cast<int>(10 + 3 * results.criteria.size() + (robust ? 5 : 0)));
  a << toQ(p.id) << toQ(p.name) << toQ(p.nameZh) << toQ(p.regionId) << toQ(p.regionName)
    << numberOrNull(p.score) << (p.rank > 0 ? QVariant(p.rank) : QVariant(QVariant::Int)) << toQ(p.status)
    << toQ(p.reason) << toQ(p.explanation);
  for (size_t c = 0; c < results.criteria.size(); ++c) {
    const CriterionScore s = c < p.criteria.size() ? p.criteria[c] : CriterionScore{};
    a << numberOrNull(s.raw) << numberOrNull(s.norm) << numberOrNull(s.contrib);
  }
  if (robust)
    a << numberOrNull(p.pTop1) << numberOrNull(p.pTopK) << numberOrNull(p.rankMean) << numberOrNull(p.rankP05)
      << numberOrNull(p.rankP95);
  return a;
}

std::vector<std::string> regionColumns(const Inputs& inputs) {
  // Core columns, in a stable order, as they were loaded (for labelling and later choropleths).
  std::vector<std::string> columns;
  for (const Region& r : inputs.regions)
    for (const auto& kv : r.values)
      if (std::find(columns.begin(), columns.end(), kv.first) == columns.end()) columns.push_back(kv.first);
  std::sort(columns.begin(), columns.end());
  return columns;
}

QgsFields regionFields(const std::vector<std::string>& columns) {
  QgsFields fields;
  appendRegionNameFields(fields);
  fields.append(QgsField(QStringLiteral("is_source"), QVariant::Int));
  for (const std::string& c : columns) fields.append(QgsField(toQ(c), QVariant::Double));
  return fields;
}

QgsAttributes regionAttributes(const Region& region, const std::vector<std::string>& columns,
                               const std::string& sourceRegionId) {
  QgsAttributes a(regionNameValues(region).toVector());
  a << (region.id == sourceRegionId ? 1 : 0);
  for (const std::string& c : columns) {
    auto it = region.values.find(c);
    a << (it == region.values.end() ? QVariant(QVariant::Double) : numberOrNull(it->second));
  }
  return a;
}

}  // namespace detail

using detail::addAll;
using detail::newFeature;
using detail::newMemoryLayer;
using detail::numberOrNull;
using detail::toQ;

namespace {

// Quadratic Bézier B(t) = (1-t)²P0 + 2(1-t)t·C + t²P1 (Farin 2002, "Curves and Surfaces for CAGD", ch. 4),
// control point C offset perpendicular to the chord by a fixed share of its length, always to the
// left of the direction of travel so flows from one source fan out consistently.
QgsGeometry bezierFlow(double x0, double y0, double x1, double y1, int segments = 32) {
  const double dx = x1 - x0, dy = y1 - y0;
  const double bend = 0.2;
  const double cx = (x0 + x1) / 2 - dy * bend, cy = (y0 + y1) / 2 + dx * bend;
  QVector<double> xs, ys;
  for (int i = 0; i <= segments; ++i) {
    const double t = static_cast<double>(i) / segments, u = 1 - t;
    xs << u * u * x0 + 2 * u * t * cx + t * t * x1;
    ys << u * u * y0 + 2 * u * t * cy + t * t * y1;
  }
  return QgsGeometry(new QgsLineString(xs, ys));
}

}  // namespace

QgsVectorLayer* makeCandidateLayer(const Results& results, LayerStyle style) {
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("Point"), schema::name(schema::kCandidates),
                                         detail::candidateFields(results));
  const bool robust = detail::hasRobustness(results);
  QgsFeatureList features;
  for (const ParkResult& p : results.parks) {
    const bool located = !std::isnan(p.lon) && !std::isnan(p.lat);
    features << newFeature(layer, detail::candidateAttributes(results, p, robust),
                           located ? QgsGeometry::fromPointXY(QgsPointXY(p.lon, p.lat)) : QgsGeometry());
  }
  addAll(layer, features);
  if (style == LayerStyle::Styled) styleCandidates(layer);
  return layer;
}

QgsVectorLayer* makeFlowLayer(const Results& results, LayerStyle style) {
  QgsFields fields;
  detail::appendFields(fields, schema::kFlowFields);
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("LineString"), schema::name(schema::kFlows), fields);
  QgsFeatureList features;
  for (const Flow& fl : results.flows) {
    QString name, nameZh;
    if (fl.park >= 0 && static_cast<size_t>(fl.park) < results.parks.size()) {
      name = toQ(results.parks[static_cast<size_t>(fl.park)].name);
      nameZh = toQ(results.parks[static_cast<size_t>(fl.park)].nameZh);
    }
    QgsAttributes a;
    a << toQ(fl.parkId) << name << nameZh << fl.rank << numberOrNull(fl.score) << numberOrNull(fl.distanceKm)
      << numberOrNull(fl.movedOutputYuan100m) << numberOrNull(fl.movedVaYuan100m) << numberOrNull(fl.movedJobs)
      << numberOrNull(fl.knowledgeFlowYuan100m);
    const bool located =
        !std::isnan(fl.fromLon) && !std::isnan(fl.fromLat) && !std::isnan(fl.toLon) && !std::isnan(fl.toLat);
    features << newFeature(layer, a,
                           located ? bezierFlow(fl.fromLon, fl.fromLat, fl.toLon, fl.toLat) : QgsGeometry());
  }
  addAll(layer, features);
  if (style == LayerStyle::Styled) styleFlows(layer);
  return layer;
}

QgsVectorLayer* makeRegionLayer(const Inputs& inputs, const Results& results, LayerStyle style) {
  const std::vector<std::string> columns = detail::regionColumns(inputs);
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("MultiPolygon"), QStringLiteral("regions"),
                                         detail::regionFields(columns));
  QgsFeatureList features;
  for (const Region& r : inputs.regions)
    features << newFeature(layer, detail::regionAttributes(r, columns, results.sourceRegionId),
                           detail::multiGeometry(r.wkb));
  addAll(layer, features);
  if (style == LayerStyle::Styled) styleRegions(layer, toQ(results.sourceRegionId));
  return layer;
}

}  // namespace clustershift::layers
