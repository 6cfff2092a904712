// QgsVectorLayer -> core Inputs. Reads through QgsFeatureRequest, so unsaved edits, memory layers
// and subset filters count exactly as the user sees them in QGIS.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgscoordinatetransform.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>


#include <cmath>

#include "clustershift/auxiliary_data.h"
#include "clustershift/coordinates.h"
#include "clustershift/error.h"
#include "layers_detail.h"

namespace clustershift::layers {
namespace {

using detail::fromQ;
using detail::toQ;

QString mapped(const DataSource& source, const std::string& column) {
  auto it = source.fields.find(column);
  return toQ(it == source.fields.end() || it->second.empty() ? column : it->second);
}

struct Reader {
  QgsVectorLayer* layer;
  const DataSource& source;
  std::string label;  // "parks.gpkg/parks" or the layer name
  std::vector<Problem>& problems;

  void add(Severity severity, const std::string& where, const std::string& message, const std::string& featureId = {}) {
    problems.push_back(Problem{severity, where, message, featureId});
  }
  std::string at(const QgsFeature& f) const { return label + " fid=" + std::to_string(f.id()); }
  /// Field index of a core column, -1 when absent. Same rule as the OGR reader in core: a column
  /// the scenario maps explicitly to a missing field is fatal (a typo), a default-named one a warning.
  int index(const std::string& column, bool required) {
    const QString name = mapped(source, column);
    const int i = layer->fields().lookupField(name);
    if (i >= 0) return i;
    const bool explicitMap = source.fields.count(column) > 0;
    std::string message = "field '" + fromQ(name) + "' not found" +
                          (explicitMap ? " (mapped from column '" + column + "')" : "") + " (fields: " +
                          fromQ(layer->fields().names().join(QStringLiteral(", "))) + ")";
    add(explicitMap || required ? Severity::Fatal : Severity::Warning, label, message);
    return -1;
  }
  /// Numeric value as core reads it: NULL/empty -> NaN with a warning; text that is not a number
  /// -> NaN with a warning; negative -> fatal.
  double number(const QgsFeature& f, int i, const std::string& id) {
    if (i < 0) return kNaN;
    const std::string where = at(f) + " field '" + fromQ(layer->fields().at(i).name()) + "'";
    const QVariant v = f.attribute(i);
    if (v.isNull()) {
      add(Severity::Warning, where, "is NULL", id);
      return kNaN;
    }
    const QString text = v.toString().trimmed();
    if (text.isEmpty()) {
      add(Severity::Warning, where, "is empty", id);
      return kNaN;
    }
    bool ok = false;
    const double d = layer->fields().at(i).isNumeric() ? v.toDouble(&ok) : text.toDouble(&ok);
    if (!ok) {
      add(Severity::Warning, where, "is not a number ('" + fromQ(text) + "')", id);
      return kNaN;
    }
    if (!std::isfinite(d)) {
      add(Severity::Warning, where, "is not a finite number", id);
      return kNaN;
    }
    if (d < 0) add(Severity::Fatal, where, "is negative (" + fromQ(QString::number(d, 'g', 10)) + ")", id);
    return d;
  }
  static std::string text(const QgsFeature& f, int i) {
    if (i < 0) return {};
    const QVariant v = f.attribute(i);
    return v.isNull() ? std::string() : fromQ(v.toString());
  }
  /// Every numeric field not used for a core column, for `field:<name>` criteria.
  void extras(const QgsFeature& f, const QSet<int>& used, std::map<std::string, double>& out) const {
    const QgsFields& fields = layer->fields();
    for (int i = 0; i < fields.count(); ++i) {
      if (used.contains(i) || !fields.at(i).isNumeric()) continue;
      const QVariant v = f.attribute(i);
      out[fromQ(fields.at(i).name())] = v.isNull() ? kNaN : v.toDouble();
    }
  }
};

std::string layerLabel(QgsVectorLayer* layer) {
  const QString path = layer->source().section(QLatin1Char('|'), 0, 0);
  const QFileInfo info(path);
  if (layer->providerType() == QLatin1String("ogr") && info.exists())
    return fromQ(info.fileName() + QLatin1Char('/') + layer->name());
  return fromQ(layer->name());
}

/// Geometry in lon/lat: transformed from the layer CRS, repaired when invalid (warning).
bool prepareGeometry(Reader& r, const QgsFeature& f, const QgsCoordinateTransform& ct, const std::string& id,
                     QgsGeometry& g) {
  g = f.geometry();
  if (g.isNull() || g.isEmpty()) {
    r.add(Severity::Fatal, r.at(f), "has no geometry", id);
    return false;
  }
  try {
    if (ct.isValid() && !ct.isShortCircuited()) g.transform(ct);
  } catch (const QgsCsException& e) {
    r.add(Severity::Fatal, r.at(f), "cannot transform to EPSG:4326: " + fromQ(e.what()), id);
    return false;
  }
  QVector<QgsGeometry::Error> errors;
  g.validateGeometry(errors, Qgis::GeometryValidationEngine::Geos);
  if (!errors.isEmpty()) {
    const QgsGeometry repaired = g.makeValid();
    if (repaired.isNull() || repaired.isEmpty()) {
      r.add(Severity::Fatal, r.at(f), "invalid geometry (" + fromQ(errors.first().what()) + ") cannot be repaired", id);
      return false;
    }
    r.add(Severity::Warning, r.at(f), "invalid geometry (" + fromQ(errors.first().what()) + ") repaired with GEOSMakeValid", id);
    g = repaired;
  }
  return true;
}

std::vector<std::uint8_t> wkbOf(const QgsGeometry& g) {
  const QByteArray bytes = g.asWkb();
  return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

QgsCoordinateTransform toLonLat(QgsVectorLayer* layer) {
  return QgsCoordinateTransform(layer->crs(), QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")),
                                QgsProject::instance()->transformContext());
}

void checkLayer(QgsVectorLayer* layer, const char* role, std::vector<Problem>& problems, bool& usable) {
  usable = layer && layer->isValid();
  if (!layer) {
    problems.push_back(Problem{Severity::Fatal, role, "no layer given", {}});
  } else if (!layer->isValid()) {
    problems.push_back(Problem{Severity::Fatal, layerLabel(layer), "layer is not valid (source cannot be read)", {}});
  } else if (!layer->crs().isValid()) {
    problems.push_back(Problem{Severity::Fatal, layerLabel(layer), "missing CRS: define the layer's coordinate reference system", {}});
    usable = false;
  }
}

void readRegions(QgsVectorLayer* layer, const DataSource& source, Inputs& inputs, Feedback& feedback) {
  Reader r{layer, source, inputs.regionsLabel, inputs.problems};
  const int idIndex = r.index("id", true);
  if (idIndex < 0) return;
  const int nameIndex = r.index("name", false);
  const int nameZhIndex = r.index("name_zh", false);
  const int provinceIndex = r.index("province", false);
  QSet<int> used{idIndex, nameIndex, nameZhIndex, provinceIndex};
  std::map<std::string, int> columns;
  for (const std::string& c : regionColumns()) {
    columns[c] = r.index(c, false);
    used.insert(columns[c]);
  }
  const QgsCoordinateTransform ct = toLonLat(layer);
  QgsFeatureIterator it = layer->getFeatures(QgsFeatureRequest());
  QgsFeature f;
  while (it.nextFeature(f)) {
    feedback.checkCanceled();
    Region region;
    region.fid = std::to_string(f.id());
    region.id = Reader::text(f, idIndex);
    if (region.id.empty()) r.add(Severity::Fatal, r.at(f) + " field '" + fromQ(mapped(source, "id")) + "'", "is NULL or empty");
    region.name = Reader::text(f, nameIndex);
    region.nameZh = Reader::text(f, nameZhIndex);
    region.province = Reader::text(f, provinceIndex);
    for (const auto& [column, index] : columns)
      if (index >= 0) region.values[column] = r.number(f, index, region.id);  // absent = no such field
    r.extras(f, used, region.extra);
    QgsGeometry g;
    if (prepareGeometry(r, f, ct, region.id, g)) {
      if (g.type() != QgsWkbTypes::PolygonGeometry) r.add(Severity::Fatal, r.at(f), "geometry is not a polygon", region.id);
      else region.wkb = wkbOf(g);
    }
    inputs.regions.push_back(std::move(region));
  }
  if (inputs.regions.empty()) r.add(Severity::Fatal, r.label, "layer is empty");
}

void readParks(QgsVectorLayer* layer, const DataSource& source, Inputs& inputs, Feedback& feedback) {
  Reader r{layer, source, inputs.parksLabel, inputs.problems};
  const int idIndex = r.index("id", true);
  if (idIndex < 0) return;
  const int nameIndex = r.index("name", false);
  const int nameZhIndex = r.index("name_zh", false);
  const int levelIndex = r.index("level", false);
  const int leadIndex = r.index("lead_industries", false);
  QSet<int> used{idIndex, nameIndex, nameZhIndex, levelIndex, leadIndex};
  std::map<std::string, int> columns;
  for (const std::string& c : parkColumns()) {
    columns[c] = r.index(c, false);
    used.insert(columns[c]);
  }
  const QgsCoordinateTransform ct = toLonLat(layer);
  // Park points copied from Chinese web maps carry GCJ-02 / BD-09 offsets: undo them after the CRS transform.
  std::function<QgsPoint(const QgsPoint&)> unshift;
  if (source.coordinates == "gcj02")
    unshift = [](const QgsPoint& p) { double x, y; gcj02ToWgs84(p.x(), p.y(), x, y); return QgsPoint(x, y); };
  else if (source.coordinates == "bd09")
    unshift = [](const QgsPoint& p) { double x, y; bd09ToWgs84(p.x(), p.y(), x, y); return QgsPoint(x, y); };
  else if (!source.coordinates.empty() && source.coordinates != "wgs84")
    r.add(Severity::Fatal, "data.parks.coordinates", "unknown coordinate system '" + source.coordinates + "'");

  QgsFeatureIterator it = layer->getFeatures(QgsFeatureRequest());
  QgsFeature f;
  while (it.nextFeature(f)) {
    feedback.checkCanceled();
    Park park;
    park.fid = std::to_string(f.id());
    park.id = Reader::text(f, idIndex);
    if (park.id.empty()) r.add(Severity::Fatal, r.at(f) + " field '" + fromQ(mapped(source, "id")) + "'", "is NULL or empty");
    park.name = Reader::text(f, nameIndex);
    park.nameZh = Reader::text(f, nameZhIndex);
    park.level = Reader::text(f, levelIndex);
    park.leadIndustries = Reader::text(f, leadIndex);
    for (const auto& [column, index] : columns)
      if (index >= 0) park.values[column] = r.number(f, index, park.id);
    r.extras(f, used, park.extra);
    QgsGeometry g;
    if (prepareGeometry(r, f, ct, park.id, g)) {
      if (unshift) g.transformVertices(unshift);
      const QgsGeometry point = g.type() == QgsWkbTypes::PointGeometry && !g.isMultipart() ? g : g.pointOnSurface();
      if (!point.isNull()) {
        park.lon = point.asPoint().x();
        park.lat = point.asPoint().y();
      }
      park.wkb = wkbOf(g);
    }
    inputs.parks.push_back(std::move(park));
  }
  if (inputs.parks.empty()) r.add(Severity::Fatal, r.label, "layer is empty");
}

}  // namespace

Inputs inputsFromLayers(QgsVectorLayer* regions, QgsVectorLayer* parks, const Scenario& scenario, Feedback& feedback) {
  Inputs inputs;
  bool regionsUsable = false, parksUsable = false;
  checkLayer(regions, "regions", inputs.problems, regionsUsable);
  checkLayer(parks, "parks", inputs.problems, parksUsable);
  feedback.setProgress(0.0, "loading");
  if (regionsUsable) {
    inputs.regionsLabel = layerLabel(regions);
    readRegions(regions, scenario.data.regions, inputs, feedback);
  }
  feedback.setProgress(0.4, "loading");
  if (parksUsable) {
    inputs.parksLabel = layerLabel(parks);
    readParks(parks, scenario.data.parks, inputs, feedback);
  }
  feedback.setProgress(0.8, "loading");
  // Tables, zones and roads come from the scenario's files whether the main layers come
  // from QGIS or from files: the core readers, every problem collected.
  loadAuxiliaryData(scenario, inputs);
  feedback.checkCanceled();
  for (const Problem& p : inputs.problems)
    if (p.severity == Severity::Warning) feedback.warn(p);
  feedback.setProgress(1.0, "loading");
  return inputs;
}

}  // namespace clustershift::layers
