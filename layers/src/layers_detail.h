#pragma once
// Small helpers shared by the layers/ sources. Not installed.
#include <QColor>
#include <QFont>
#include <QList>
#include <QString>
#include <QVariant>

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "clustershift/results.h"
#include "clustershift_layers/result_schema.h"

// After the clustershift headers: see the note in layers.h.
#include <qgsattributes.h>
#include <qgsgeometry.h>

class QgsVectorLayer;
class QgsFields;
class QgsFeature;

namespace clustershift::layers::detail {

/// Every text in styles and reports uses this family: it covers Latin and CJK, so Chinese
/// renders and is embedded in PDFs (Debian package fonts-noto-cjk).
inline const QString kFontFamily = QStringLiteral("Noto Sans CJK SC");

inline QString toQ(const std::string& s) { return QString::fromStdString(s); }
inline std::string fromQ(const QString& s) { return s.toStdString(); }

/// NaN -> NULL variant, else the number.
inline QVariant numberOrNull(double v) {
  return std::isnan(v) ? QVariant(QVariant::Double) : QVariant(v);
}

/// Output field prefix of a criterion: "field:land_price" -> "field_land_price".
QString fieldPrefix(const std::string& criterionId);

QFont font(double pointSize, bool bold = false);

/// Indices into results.parks ordered by rank (excluded and unranked last, then by id).
std::vector<int> rankingOrder(const Results& results);

/// An empty EPSG:4326 memory layer ("Point", "LineString", "MultiPolygon", or "None" for a
/// table) with the given fields. Caller owns it.
QgsVectorLayer* newMemoryLayer(const QString& geometryType, const QString& name, const QgsFields& fields);
/// Appends the schema's fields (result_schema.h) with their types.
void appendFields(QgsFields& fields, const schema::Field* begin, const schema::Field* end);
template <std::size_t N>
void appendFields(QgsFields& fields, const schema::Field (&spec)[N]) {
  appendFields(fields, spec, spec + N);
}
/// Appends the text fields naming a region: id, name, name_zh, province.
void appendRegionNameFields(QgsFields& fields);
/// The values of appendRegionNameFields() for `region`, in that order.
QList<QVariant> regionNameValues(const Region& region);
/// The lon/lat WKB as a multi-geometry (MultiPolygon for a polygon); null when `wkb` is empty.
QgsGeometry multiGeometry(const std::vector<std::uint8_t>& wkb);
/// A feature with `layer`'s fields, these attributes and this geometry (none when it is null).
QgsFeature newFeature(const QgsVectorLayer* layer, const QgsAttributes& attributes,
                      const QgsGeometry& geometry = QgsGeometry());
/// Adds the features through the provider and updates the extent; returns `layer` (to style it).
QgsVectorLayer* addAll(QgsVectorLayer* layer, QList<QgsFeature>& features);

/// Whether any park has SMAA robustness values (the candidate table then has their fields).
bool hasRobustness(const Results& results);
/// The candidate_scores fields (result_schema.h; per criterion raw, norm, contrib; robustness).
QgsFields candidateFields(const Results& results);
/// One park's candidate_scores values, in the order of candidateFields (NULL for NaN, no rank).
QgsAttributes candidateAttributes(const Results& results, const ParkResult& park, bool robust);
/// The regions table's value columns: every loaded region value name, sorted.
std::vector<std::string> regionColumns(const Inputs& inputs);
/// The regions fields: names, is_source, then `columns` (doubles).
QgsFields regionFields(const std::vector<std::string>& columns);
/// One region's values, in the order of regionFields (NULL for a missing or NaN value).
QgsAttributes regionAttributes(const Region& region, const std::vector<std::string>& columns,
                               const std::string& sourceRegionId);
/// The region_effects fields: names, role, u, each indicator before/after/change, sector shares.
QgsFields regionEffectFields();
/// One region's region_effects values, in the order of regionEffectFields ("other" and NULLs for
/// a region without effects).
QgsAttributes regionEffectAttributes(const Region& region, const Results& results);
/// A run's GeoPackage, written through OGR: the file is created by the constructor and kept
/// open for all its tables, each written in one transaction; close() completes it (spatial
/// indexes). QGIS's writer (QgsVectorFileWriter) opened the file again for every table and
/// converted every value twice: 0.8 s for the national bench's 20,000 candidates alone. Errors
/// are IoError naming `shownPath` (failWrite, with the folder's diagnosis). EPSG:4326.
class GeoPackageWriter {
 public:
  GeoPackageWriter(const QString& path, const QString& shownPath);
  ~GeoPackageWriter();
  GeoPackageWriter(const GeoPackageWriter&) = delete;
  GeoPackageWriter& operator=(const GeoPackageWriter&) = delete;
  /// candidate_scores: the fields and values of makeCandidateLayer, without a memory layer.
  void addCandidates(const Results& results);
  /// regions and region_effects: the fields, values and geometries of makeRegionLayer and
  /// makeRegionEffectsLayer, without a memory layer (each region's WKB goes to OGR as loaded).
  void addRegions(const Inputs& inputs, const Results& results);
  void addRegionEffects(const Inputs& inputs, const Results& results);
  /// A table with `layer`'s name, fields and features (2D points, lines, polygons or none).
  void addLayer(QgsVectorLayer* layer);
  void close();

 private:
  /// Writes `rows` rows; `row(i, values, geometry)` fills row i (geometry: an OGRGeometryH the
  /// table takes over, or left null).
  void writeTable(const QString& name, int wkbType, const QgsFields& fields, std::size_t rows,
                  const std::function<void(std::size_t, QgsAttributes&, void*&)>& row);
  /// A MultiPolygon table with one row per region.
  void writeRegionTable(const QString& name, const QgsFields& fields, const std::vector<Region>& regions,
                        const std::function<QgsAttributes(const Region&)>& values);
  /// An SQLite index "<table>_<column>_index" on a written table: the report reads the
  /// candidates by rank (its top N, the atlas, the top-10 labels) and regions by id, which
  /// without one each read the whole table (~0.08 s of a national report, bench/national).
  void addIndex(const QString& table, const QString& column);
  [[noreturn]] void fail(const QString& table, const char* what);
  QString m_path, m_shown;
  void* m_dataset = nullptr;  // GDALDatasetH
};

/// Title in the language, falling back to en, zh_CN, any, then the scenario name.
QString scenarioTitle(const Scenario& scenario, const QString& language);

}  // namespace clustershift::layers::detail
