// The run_info table (schema in run_info.h), the labour catchment circles and the copy of the
// sensitive zones: what a report needs beyond the scored layers, stored in the results GeoPackage.
#include "run_info.h"  // first: see the note in layers.h

#include <qgsapplication.h>
#include <qgscoordinatereferencesystemregistry.h>
#include <qgsdistancearea.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfields.h>
#include <qgsgeometry.h>
#include <qgspointxy.h>
#include <qgspolygon.h>
#include <qgslinestring.h>
#include <qgsvectorlayer.h>

#include <QByteArray>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <string>

#include "clustershift/criterion.h"
#include "clustershift/effects.h"
#include "clustershift/error.h"
#include "layers_detail.h"

namespace clustershift::layers::detail {
namespace {

using nlohmann::json;

json numberOrNullJson(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

std::string fileName(const std::string& path) {
  return path.empty() ? std::string() : QFileInfo(toQ(path)).fileName().toStdString();
}

/// A file's name, or a database table as "schema.table (PG:service=…)" (scenarios hold no passwords).
std::string sourceName(const DataSource& d) {
  if (d.path.rfind("PG:", 0) == 0) return d.layer + " (" + d.path + ")";
  return fileName(d.path);
}

/// One validation problem split into the parts the methods appendix shows. Problem::where reads
/// like "parks.gpkg/parks fid=17 field 'area_ha'" (readers) or "criteria[2].weight" (scenario).
json problemJson(const Problem& p) {
  json j;
  j["severity"] = p.severity == Severity::Fatal ? "fatal" : "warning";
  QString where = toQ(p.where);
  std::string file, layer, feature = p.featureId, field, value;
  static const QRegularExpression kField(QStringLiteral("\\s*field '([^']*)'"));
  if (const auto m = kField.match(where); m.hasMatch()) {
    field = m.captured(1).toStdString();
    where.remove(m.capturedStart(0), m.capturedLength(0));
  }
  static const QRegularExpression kFid(QStringLiteral("\\s*fid=(\\S+)"));
  if (const auto m = kFid.match(where); m.hasMatch()) {
    if (feature.empty()) feature = m.captured(1).toStdString();
    where.remove(m.capturedStart(0), m.capturedLength(0));
  }
  where = where.trimmed();
  static const QRegularExpression kFileLayer(QStringLiteral("^([^/\\s]+\\.[A-Za-z0-9]+)/(\\S+)$"));
  if (const auto m = kFileLayer.match(where); m.hasMatch()) {
    file = m.captured(1).toStdString();
    layer = m.captured(2).toStdString();
  } else if (!where.isEmpty() && !where.contains(QLatin1Char(' '))) {
    layer = where.toStdString();
  }
  static const QRegularExpression kValue(QStringLiteral("\\(([^()]*)\\)\\s*$"));
  if (const auto m = kValue.match(toQ(p.message)); m.hasMatch()) value = m.captured(1).toStdString();
  j["file"] = file;
  j["layer"] = layer;
  j["feature"] = feature;
  j["field"] = field;
  j["value"] = value;
  j["message"] = p.message;
  j["text"] = p.text();
  if (!p.code.empty()) {  // the core's code and values, for a UI's own wording (layers::problemText)
    j["code"] = p.code;
    j["values"] = p.values;
  }
  return j;
}

json indicatorsJson(const RegionIndicators& ind) {
  json j = json::object();
  for (const std::string& name : effectIndicators()) j[name] = numberOrNullJson(ind.get(name));
  return j;
}

json effectsJson(const Inputs& inputs, const EffectsResult& e) {
  json j;
  j["params"] = toJson(e.params);
  j["mode"] = toString(e.mode);
  j["unallocated_share"] = numberOrNullJson(e.unallocatedShare);
  j["moved"] = {{"segments", e.moved.segmentIds},
                {"scale", numberOrNullJson(e.moved.scale)},
                {"output_yuan100m", numberOrNullJson(e.moved.outputYuan100m)},
                {"va_yuan100m", numberOrNullJson(e.moved.vaYuan100m)},
                {"jobs", numberOrNullJson(e.moved.jobs)},
                {"land_ha", numberOrNullJson(e.moved.landHa)},
                {"rd_yuan100m", numberOrNullJson(e.moved.rdYuan100m)},
                {"source_loses", e.moved.sourceLoses}};
  json hosts = json::array();
  for (const HostEffect& h : e.hosts) {
    std::string nameZh;
    if (h.park >= 0 && static_cast<size_t>(h.park) < inputs.parks.size()) nameZh = inputs.parks[static_cast<size_t>(h.park)].nameZh;
    hosts.push_back({{"park_id", h.parkId},
                     {"park_name", h.parkName},
                     {"park_name_zh", nameZh},
                     {"region_id", h.regionId},
                     {"rank", h.rank},
                     {"share", numberOrNullJson(h.share)},
                     {"distance_km", numberOrNullJson(h.distanceKm)},
                     {"output_multiplier", h.multipliers.available ? numberOrNullJson(h.multipliers.outputMultiplier) : json(nullptr)},
                     {"employment_multiplier",
                      h.multipliers.available ? numberOrNullJson(h.multipliers.employmentMultiplier) : json(nullptr)},
                     {"indirect_va_yuan100m", numberOrNullJson(h.indirectVaYuan100m)},
                     {"indirect_jobs", numberOrNullJson(h.indirectJobs)},
                     {"absorptive", numberOrNullJson(h.absorptive)},
                     {"knowledge_flow_yuan100m", numberOrNullJson(h.knowledgeFlowYuan100m)},
                     {"reverse_flow_yuan100m", numberOrNullJson(h.reverseFlowYuan100m)},
                     {"spillover_va_yuan100m", numberOrNullJson(h.spilloverVaYuan100m)},
                     {"shared_va_yuan100m", numberOrNullJson(h.sharedVaYuan100m)},
                     {"shared_tax_yuan100m", numberOrNullJson(h.sharedTaxYuan100m)},
                     {"drawn_from_agriculture", numberOrNullJson(h.drawnFromAgriculture)}});
  }
  j["hosts"] = hosts;
  json regions = json::array();
  for (const RegionEffect& r : e.regions) {
    json mechanisms = json::object();
    for (const std::string& m : mechanismNames()) mechanisms[m] = numberOrNullJson(r.mechanisms.get(m));
    json intervals = json::object();
    for (const auto& [k, v] : r.intervals)
      intervals[k] = {{"p05", numberOrNullJson(v.p05)}, {"p95", numberOrNullJson(v.p95)}};
    regions.push_back({{"id", r.regionId},
                       {"name", r.regionName},
                       {"name_zh", r.regionNameZh},
                       {"role", r.role},
                       {"u", numberOrNullJson(r.upgrading)},
                       {"u_signed", numberOrNullJson(r.upgradingSigned)},
                       {"mechanisms", mechanisms},
                       {"intervals", intervals},
                       {"before", indicatorsJson(r.before)},
                       {"after", indicatorsJson(r.after)}});
  }
  j["regions"] = regions;
  json coupling = json::array();
  for (std::size_t i = 0; i < e.coupling.size(); ++i) {
    const Coupling& c = e.coupling[i];
    json uncertainty = nullptr;
    if (i < e.couplingUncertainty.size()) {
      const CouplingUncertainty& u = e.couplingUncertainty[i];
      uncertainty = {{"d_p05", numberOrNullJson(u.d.p05)},
                     {"d_p95", numberOrNullJson(u.d.p95)},
                     {"p_class", u.pClass},
                     {"draws", e.draws}};
    }
    coupling.push_back({{"source", c.sourceId},
                        {"host", c.hostId},
                        {"u_source", numberOrNullJson(c.uSource)},
                        {"u_host", numberOrNullJson(c.uHost)},
                        {"c", numberOrNullJson(c.c)},
                        {"t", numberOrNullJson(c.t)},
                        {"d", numberOrNullJson(c.d)},
                        {"class_index", c.cls.index},
                        {"class_zh", c.cls.labelZh},
                        {"class_en", c.cls.labelEn},
                        {"uncertainty", uncertainty}});
  }
  j["coupling"] = coupling;
  const SourceEffect& se = e.source;
  j["source"] = {{"supplier_va_loss_yuan100m", numberOrNullJson(se.supplierVaLossYuan100m)},
                 {"supplier_jobs_loss", numberOrNullJson(se.supplierJobsLoss)},
                 {"reused_jobs", numberOrNullJson(se.reusedJobs)},
                 {"reemployed_jobs", numberOrNullJson(se.reemployedJobs)},
                 {"hub_va_yuan100m", numberOrNullJson(se.hubVaYuan100m)},
                 {"hub_jobs", numberOrNullJson(se.hubJobs)},
                 {"reverse_flow_yuan100m", numberOrNullJson(se.reverseFlowYuan100m)},
                 {"shared_va_yuan100m", numberOrNullJson(se.sharedVaYuan100m)},
                 {"shared_tax_yuan100m", numberOrNullJson(se.sharedTaxYuan100m)}};
  return j;
}

/// labour_pool's radius as the run used it: the scenario's value, else the criterion's
/// declared default (Criterion::parameters(), resolved by resolveParams).
double catchmentKm(const Scenario& scenario) {
  const auto criterion = CriterionRegistry::instance().create("labour_pool");
  nlohmann::json params;  // null: the declared default
  for (const CriterionSpec& c : scenario.criteria) {
    if (c.id == "labour_pool") params = c.params;
  }
  try {
    return resolveParams(*criterion, params).at("radius_km").get<double>();
  } catch (const InputError&) {
    return resolveParams(*criterion, nullptr).at("radius_km").get<double>();  // the run refused it anyway
  }
}

}  // namespace

nlohmann::json runInfoJson(const Inputs& inputs, const Results& results, const QString& fingerprint) {
  const Scenario& s = results.scenario;
  json j;
  j["format"] = 1;
  j["run_time"] = results.runTime;
  j["scenario"] = toJson(s);
  j["title"] = json::object();
  for (const auto& [lang, text] : s.title) j["title"][lang] = text;
  if (!j["title"].contains("en")) j["title"]["en"] = scenarioTitle(s, QStringLiteral("en")).toStdString();
  if (!j["title"].contains("zh_CN")) j["title"]["zh_CN"] = scenarioTitle(s, QStringLiteral("zh_CN")).toStdString();
  j["cluster"] = {{"name", s.cluster.name},
                  {"name_zh", s.cluster.nameZh},
                  {"preset", s.clusterPreset},
                  {"industry", s.cluster.industry},
                  {"output_yuan100m", numberOrNullJson(s.cluster.outputYuan100m)},
                  {"jobs", numberOrNullJson(s.cluster.jobs)}};
  j["mode"] = toString(s.mode);
  json moved = json::array();
  for (const Segment* seg : s.movedSegmentList())
    if (seg) moved.push_back({{"id", seg->id}, {"name", seg->name}, {"name_zh", seg->nameZh}});
  j["moved_segments"] = moved;
  const bool replication = s.mode == TransferMode::Replication;
  j["replication_scale"] = replication ? json(s.replicationScale) : json(nullptr);
  j["template_park"] = replication && !s.templatePark.empty() ? json(s.templatePark) : json(nullptr);

  std::string sourceZh;
  const int sourceIndex = inputs.regionIndex(results.sourceRegionId);
  if (sourceIndex >= 0) sourceZh = inputs.regions[static_cast<size_t>(sourceIndex)].nameZh;
  j["source"] = {{"id", results.sourceRegionId},
                 {"name", results.sourceRegionName},
                 {"name_zh", sourceZh},
                 {"lon", numberOrNullJson(results.sourceLon)},
                 {"lat", numberOrNullJson(results.sourceLat)}};

  json criteria = json::array();
  for (const CriterionInfo& c : results.criteria) {
    json item = {{"id", c.id},
                 {"label", c.label},
                 {"label_zh", c.labelZh},
                 {"unit", c.unit},
                 {"direction", toString(c.direction)},
                 {"value_function", c.valueFunction},
                 {"weight", numberOrNullJson(c.weight)},
                 {"params", json::object()},
                 {"min", nullptr},
                 {"max", nullptr}};
    for (const CriterionSpec& spec : s.criteria) {
      if (spec.id != c.id) continue;
      item["params"] = spec.params.is_null() ? json::object() : spec.params;
      if (spec.min) item["min"] = *spec.min;
      if (spec.max) item["max"] = *spec.max;
      if (!spec.valueFunction.params.empty()) item["value_function_params"] = spec.valueFunction.params;
      break;
    }
    criteria.push_back(item);
  }
  j["criteria"] = criteria;

  json info = json::object();
  for (const auto& [k, v] : results.weightingInfo) info[k] = numberOrNullJson(v);
  j["weighting"] = {{"method", s.weighting.method},
                    {"info", info},
                    {"ahp_matrix", s.weighting.matrix.empty() ? json(nullptr) : json(s.weighting.matrix)}};
  if (s.weighting.method == "blend") {
    j["weighting"]["alpha"] = s.weighting.alpha;
    j["weighting"]["objective"] = s.weighting.objective;
  }
  j["aggregation"] = s.aggregation;
  j["missing"] = s.missing;
  j["robustness"] = s.uncertainty.draws > 0 ? json{{"draws", s.uncertainty.draws},
                                                   {"k", s.uncertainty.k},
                                                   {"concentration", s.uncertainty.concentration},
                                                   {"seed", s.uncertainty.seed}}
                                            : json(nullptr);
  j["catchment_km"] = catchmentKm(s);

  json warnings = json::array();
  for (const Problem& p : results.warnings) warnings.push_back(problemJson(p));
  j["warnings"] = warnings;
  j["effects"] = results.effects ? effectsJson(inputs, *results.effects) : json(nullptr);
  if (results.modeComparison) {
    json rows = json::array();
    for (const auto& row : comparisonRows(*results.modeComparison)) rows.push_back(row);
    j["mode_comparison"] = {{"columns", comparisonColumns()}, {"rows", rows}};
  } else {
    j["mode_comparison"] = nullptr;
  }
  json sources = json::object();
  const DataSources& d = s.data;
  sources["regions"] = sourceName(d.regions);
  sources["parks"] = sourceName(d.parks);
  if (d.industryOutput) sources["industry_output"] = sourceName(*d.industryOutput);
  if (d.ioTable) sources["io_table"] = sourceName(*d.ioTable);
  if (d.exclusions) sources["exclusions"] = sourceName(*d.exclusions);
  if (d.roads) sources["roads"] = sourceName(*d.roads);
  j["data_sources"] = sources;
  j["inputs_fingerprint"] = (fingerprint.isEmpty() ? inputsFingerprint(inputs) : fingerprint).toStdString();
  j["counts"] = {{"regions", inputs.regions.size()},
                 {"parks", results.parks.size()},
                 {"ranked", std::count_if(results.parks.begin(), results.parks.end(), [](const ParkResult& p) { return p.rank > 0; })},
                 {"zones", inputs.exclusions.size()},
                 {"roads", inputs.roads.size()}};
  return j;
}

QgsVectorLayer* makeRunInfoLayer(const nlohmann::json& info) {
  QgsFields fields;
  appendFields(fields, schema::kRunInfoFields);
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("None"), schema::name(schema::kRunInfo), fields);
  QgsFeatureList features{newFeature(layer, QgsAttributes() << QString::fromStdString(info.dump()))};
  return addAll(layer, features);
}

nlohmann::json readRunInfo(QgsVectorLayer* layer) {
  if (!layer || !layer->isValid()) throw InputError("run_info: the table is missing (not a ClusterShift results GeoPackage?)");
  const std::string label = layer->source().toStdString();
  const int index = layer->fields().lookupField(QStringLiteral("json"));
  if (index < 0) throw InputError(label + ": run_info has no field 'json'");
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  if (!it.nextFeature(f)) throw InputError(label + ": run_info has no row");
  const QString text = f.attribute(index).toString();
  json j;
  try {
    j = json::parse(text.toStdString());
  } catch (const json::exception& e) {
    throw InputError(label + " fid=" + std::to_string(f.id()) + ": field 'json' is not valid JSON (" + e.what() + ")");
  }
  if (!j.is_object() || !j.contains("format") || !j["format"].is_number_integer())
    throw InputError(label + ": run_info JSON has no 'format'");
  if (j["format"].get<int>() != 1)
    throw InputError(label + ": run_info format " + j["format"].dump() + " is not supported (1)");
  return j;
}

QgsVectorLayer* makeCatchmentLayer(const Results& results, double radiusKm, int topN) {
  if (!(radiusKm > 0) || !std::isfinite(radiusKm))
    throw InputError("catchments: radius must be a positive number of km, got " + std::to_string(radiusKm));
  QgsFields fields;
  appendFields(fields, schema::kCatchmentFields);
  QgsVectorLayer* layer =
      newMemoryLayer(QStringLiteral("MultiPolygon"), schema::name(schema::kCatchments), fields);
  // Geodesic circle on the WGS84 ellipsoid: the point reached at distance r along each of 72
  // azimuths (direct geodesic problem, Karney 2013, "Algorithms for geodesics", as QGIS computes it).
  QgsDistanceArea da;
  da.setSourceCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")), QgsCoordinateTransformContext());
  da.setEllipsoid(QStringLiteral("WGS84"));
  constexpr int kVertices = 72;
  QgsFeatureList features;
  for (int index : rankingOrder(results)) {
    const ParkResult& p = results.parks[static_cast<size_t>(index)];
    if (p.rank <= 0 || p.rank > topN) break;
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) continue;
    QVector<QgsPointXY> ring;
    for (int k = 0; k <= kVertices; ++k) {
      const double azimuth = 2 * M_PI * (k % kVertices) / kVertices;
      ring << da.computeSpheroidProject(QgsPointXY(p.lon, p.lat), radiusKm * 1000.0, azimuth);
    }
    QgsGeometry g = QgsGeometry::fromPolygonXY(QgsPolygonXY{ring});
    g.convertToMultiType();
    features << newFeature(layer, QgsAttributes() << toQ(p.id) << p.rank << radiusKm, g);
  }
  return addAll(layer, features);
}

}  // namespace clustershift::layers::detail

namespace clustershift::layers {

QString inputsFingerprint(const Inputs& inputs) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  auto text = [&hash](const std::string& s) {
    hash.addData(s.data(), static_cast<int>(s.size()));
    hash.addData("\x1f", 1);
  };
  // Numbers as text with 12 significant digits: the same value read through OGR or QGIS, as
  // double or as text, gives the same bytes.
  auto number = [&text](double v) {
    text(std::isnan(v) ? std::string("NULL") : QString::number(v, 'g', 12).toStdString());
  };
  auto values = [&](const std::map<std::string, double>& m) {
    for (const auto& [k, v] : m) {
      if (k == "fid") continue;  // QGIS shows a GeoPackage's feature id as a field, OGR does not
      text(k);
      number(v);
    }
  };
  // A geometry by its bounding box (rounded): the ranking depends on where things are, and the
  // bytes of a WKB differ between readers for the same shape (multi or single, ring order).
  auto box = [&](const std::vector<std::uint8_t>& wkb) {
    if (wkb.empty()) return text("no geometry");
    QgsGeometry g;
    g.fromWkb(QByteArray(reinterpret_cast<const char*>(wkb.data()), static_cast<int>(wkb.size())));
    const QgsRectangle r = g.boundingBox();
    for (double v : {r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum()})
      text(QString::number(v, 'f', 6).toStdString());
  };
  text("regions");
  for (const Region& r : inputs.regions) {
    text(r.id);
    values(r.values);
    values(r.extra);
    box(r.wkb);
  }
  text("parks");
  for (const Park& p : inputs.parks) {
    text(p.id);
    text(p.level);
    text(p.leadIndustries);
    number(std::isnan(p.lon) ? p.lon : std::round(p.lon * 1e7) / 1e7);
    number(std::isnan(p.lat) ? p.lat : std::round(p.lat * 1e7) / 1e7);
    values(p.values);
    values(p.extra);
  }
  if (inputs.industryOutput) {
    text("industry_output");
    for (const std::string& i : inputs.industryOutput->industries) text(i);
    for (std::size_t r = 0; r < inputs.industryOutput->regionIds.size(); ++r) {
      text(inputs.industryOutput->regionIds[r]);
      for (double v : inputs.industryOutput->values[r]) number(v);
    }
  }
  if (inputs.ioTable) {
    text("io_table");
    for (const std::string& s : inputs.ioTable->sectors) text(s);
    for (const auto& row : inputs.ioTable->a)
      for (double v : row) number(v);
    for (double v : inputs.ioTable->nationalOutput) number(v);
  }
  text("zones");
  for (const Zone& z : inputs.exclusions) {
    text(z.id);
    box(z.wkb);
  }
  text("roads");
  for (const Road& r : inputs.roads) {
    text(r.roadClass);
    number(r.speedKmh);
    box(r.wkb);
  }
  return QString::fromLatin1(hash.result().toHex());
}

QgsCoordinateReferenceSystem studyAreaCrs(const QgsRectangle& lonLat) {
  // Standard parallels at 1/6 and 5/6 of the latitude range (Deetz & Adams 1934 rule, as in
  // Snyder 1987, "Map Projections: A Working Manual", p. 99).
  const QgsCoordinateReferenceSystem wgs84(QStringLiteral("EPSG:4326"));
  if (lonLat.isNull() || !std::isfinite(lonLat.xMinimum()) || lonLat.yMinimum() > lonLat.yMaximum() ||
      lonLat.height() > 60 || lonLat.width() > 90)
    return wgs84;
  // An authority CRS when one fits: QGIS then names it everywhere (status bar, properties, other
  // software) instead of "Unknown CRS". ESRI:102025 Asia North Albers Equal Area Conic (lon_0 95°E,
  // standard parallels 15°N and 65°N) is equal-area over its area of use (10–85°N, 25°E–175°W);
  // it fits when the study area lies inside that and within 25° of its central meridian, so the
  // meridians lean by at most about 15° (n = (sin 15° + sin 65°)/2 ≈ 0.58 times the longitude offset).
  if (lonLat.yMinimum() >= 10 && lonLat.yMaximum() <= 85 && lonLat.xMinimum() >= 25 &&
      lonLat.xMaximum() <= 180 && std::abs((lonLat.xMinimum() + lonLat.xMaximum()) / 2 - 95.0) <= 25.0) {
    const QgsCoordinateReferenceSystem asiaNorth(QStringLiteral("ESRI:102025"));
    if (asiaNorth.isValid()) return asiaNorth;
  }
  const double minLat = lonLat.yMinimum(), maxLat = lonLat.yMaximum();
  const double range = std::max(maxLat - minLat, 2.0);
  const double mid = (minLat + maxLat) / 2;
  auto half = [](double v) { return std::round(v * 2) / 2; };
  const QString proj = QStringLiteral("+proj=aea +lat_0=%1 +lon_0=%2 +lat_1=%3 +lat_2=%4 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
                           .arg(half(mid))
                           .arg(half((lonLat.xMinimum() + lonLat.xMaximum()) / 2))
                           .arg(half(mid - range / 3))
                           .arg(half(mid + range / 3));
  const QgsCoordinateReferenceSystem crs = QgsCoordinateReferenceSystem::fromProj(proj);
  if (!crs.isValid()) return wgs84;
  // A PROJ string makes a CRS named "unknown" (QGIS shows "Unknown CRS"); the same definition
  // as WKT with a name tells the planner what the map is in.
  QString wkt = crs.toWkt(QgsCoordinateReferenceSystem::WKT_PREFERRED);
  wkt.replace(QRegularExpression(QStringLiteral("^PROJCRS\\[\"[^\"]*\"")),
              QStringLiteral("PROJCRS[\"ClusterShift study area (Albers equal-area)\""));
  const QgsCoordinateReferenceSystem named = QgsCoordinateReferenceSystem::fromWkt(wkt);
  return named.isValid() ? named : crs;
}

bool isUnregisteredStudyAreaCrs(const QgsCoordinateReferenceSystem& crs) {
  return crs.isValid() && crs.authid().isEmpty() &&
         crs.description().startsWith(QLatin1String("ClusterShift"));
}

QString studyAreaCrsName(const QgsCoordinateReferenceSystem& crs, bool zh) {
  static const QRegularExpression lon0(QStringLiteral("\\+lon_0=(-?[\\d.]+)"));
  const QRegularExpressionMatch m = lon0.match(crs.toProj());
  const double lon = m.hasMatch() ? m.captured(1).toDouble() : 0.0;
  const QString meridian =
      QStringLiteral("%1°%2").arg(std::abs(lon)).arg(lon < 0 ? QLatin1Char('W') : QLatin1Char('E'));
  return zh ? QStringLiteral("ClusterShift 研究区等积投影（Albers，中央经线 %1）").arg(meridian)
            : QStringLiteral("ClusterShift study area (Albers equal-area, central meridian %1)")
                  .arg(meridian);
}

QgsCoordinateReferenceSystem registerStudyAreaCrs(const QgsCoordinateReferenceSystem& crs,
                                                  const QString& name) {
  if (!crs.isValid() || !crs.authid().isEmpty()) return crs;
  QgsCoordinateReferenceSystemRegistry* registry = QgsApplication::coordinateReferenceSystemRegistry();
  const QString proj = crs.toProj();
  for (const QgsCoordinateReferenceSystemRegistry::UserCrsDetails& user : registry->userCrsList()) {
    if (user.proj == proj || user.crs == crs)
      return QgsCoordinateReferenceSystem(QStringLiteral("USER:%1").arg(user.id));
  }
  const long id = registry->addUserCrs(crs, name);
  if (id < 0) return crs;
  return QgsCoordinateReferenceSystem(QStringLiteral("USER:%1").arg(id));
}

}  // namespace clustershift::layers

namespace clustershift::layers::detail {

QgsVectorLayer* makeSensitiveZonesLayer(const Inputs& inputs) {
  if (inputs.exclusions.empty()) return nullptr;
  QgsFields fields;
  fields.append(QgsField(QStringLiteral("id"), QVariant::String));
  fields.append(QgsField(QStringLiteral("name"), QVariant::String));
  fields.append(QgsField(QStringLiteral("kind"), QVariant::String));
  QgsVectorLayer* layer = newMemoryLayer(QStringLiteral("MultiPolygon"), QStringLiteral("sensitive_zones"), fields);
  QgsFeatureList features;
  for (const Zone& z : inputs.exclusions) {
    // The core reads no zone kind; the sample zones are all sensitive (red line, water source).
    features << newFeature(layer, QgsAttributes() << toQ(z.id) << toQ(z.name) << QStringLiteral("sensitive"),
                           multiGeometry(z.wkb));
  }
  return addAll(layer, features);
}

}  // namespace clustershift::layers::detail
