#include "io/readers.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "clustershift/coordinates.h"
#include "clustershift/error.h"
#include "clustershift/feature_source.h"
#include "clustershift/table.h"
#include "clustershift/util.h"
#include "io/geos_context.h"
#include "io/ogr.h"
#include "io/ogr_feature_source.h"

namespace clustershift {
namespace detail {

bool parseNumber(const std::string& text, double& value) {
  return clustershift::parseNumber(text, value) == NumberStatus::Ok;
}

void fileProblem(std::vector<Problem>& problems, Severity severity, const std::string& where,
                 const std::string& message, const std::string& featureId, const std::string& code,
                 const std::map<std::string, std::string>& values) {
  problems.push_back(codedProblem(severity, where, message, featureId, code, values));
}

std::string numberCode(NumberStatus status) {
  switch (status) {
    case NumberStatus::Empty:
      return "empty";
    case NumberStatus::OutOfRange:
      return "out_of_range";
    default:
      return "not_a_number";
  }
}

namespace {

std::string fieldWhere(const std::string& featureWhere, const std::string& field) {
  return featureWhere + " field '" + field + "'";
}

/// The one reader's view of a source: its label, fields and problems list.
struct Reader {
  FeatureSource& source;
  const DataSource& map;
  std::vector<Problem>& problems;
  std::string label = source.label();
  std::vector<SourceField> fields = source.fields();

  int fieldIndex(const std::string& name) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i].name == name) return static_cast<int>(i);
    return -1;
  }
  std::string where(const SourceFeature& f) const { return label + " fid=" + std::to_string(f.fid); }
  /// Text of a field, "" when absent or NULL (a number as the source writes it).
  static std::string text(const SourceFeature& f, int index) {
    if (index < 0) return {};
    const FieldValue& v = f.values[static_cast<std::size_t>(index)];
    return v.kind == FieldValue::Kind::Null ? std::string() : v.text;
  }

  /// Field index of a mapped column. A column the scenario maps explicitly to a missing field
  /// is fatal (a typo); a default-named one missing is a warning (the column stays empty).
  int mappedField(const std::string& column, bool required) {
    const std::string name = map.field(column);
    const int index = fieldIndex(name);
    if (index >= 0) return index;
    const bool explicitMap = map.fields.count(column) > 0;
    std::string list;
    for (const SourceField& f : fields) list += (list.empty() ? "" : ", ") + f.name;
    const std::string why = source.noAttributesReason();
    if (list.empty() && !why.empty()) {
      const std::string message = "has no attribute table: " + why;
      for (const Problem& p : problems)
        if (p.where == label && p.message == message) return -1;  // once per layer, not per column
      fileProblem(problems, Severity::Fatal, label, message, {}, "no_attribute_table", {{"reason", why}});
      return -1;
    }
    fileProblem(problems, (explicitMap || required) ? Severity::Fatal : Severity::Warning, label,
                "field '" + name + "' not found" +
                    (explicitMap ? " (mapped from column '" + column + "')" : "") + " (fields: " + list + ")",
                {}, explicitMap ? "mapped_field_not_found" : "field_not_found",
                {{"field", name}, {"column", column}, {"fields", list}});
    return -1;
  }

  /// Reads a numeric field. NULL or empty -> NaN (warning when `warnNull`); text that is not a
  /// number -> fatal (in a numeric field: SQLite and GDAL would read 'abc' as 0 and '12,345' as
  /// 12); not finite -> NaN with a warning; negative when `nonNegative` -> fatal.
  double number(const SourceFeature& f, int index, const std::string& id, bool nonNegative, bool warnNull) {
    if (index < 0) return kNaN;
    const SourceField& field = fields[static_cast<std::size_t>(index)];
    const FieldValue& v = f.values[static_cast<std::size_t>(index)];
    const std::string fw = fieldWhere(where(f), field.name);
    double value = kNaN;
    if (v.kind == FieldValue::Kind::Null) {
      if (warnNull) fileProblem(problems, Severity::Warning, fw, "is NULL", id, "null");
      return kNaN;
    }
    if (v.kind == FieldValue::Kind::Number) {
      value = v.number;
    } else if (field.numeric) {
      fileProblem(problems, Severity::Fatal, fw,
                  numberProblem(NumberStatus::NotANumber, v.text) + " in a numeric column", id,
                  "text_in_numeric_column", {{"value", v.text}});
      return kNaN;
    } else {
      if (v.text.find_first_not_of(" \t\r\n") == std::string::npos) {
        if (warnNull) fileProblem(problems, Severity::Warning, fw, "is empty", id, "empty");
        return kNaN;
      }
      const NumberStatus status = clustershift::parseNumber(v.text, value);
      if (status != NumberStatus::Ok) {
        fileProblem(problems, Severity::Fatal, fw, numberProblem(status, v.text), id, numberCode(status),
                    {{"value", v.text}});
        return kNaN;
      }
    }
    if (!std::isfinite(value)) {
      fileProblem(problems, Severity::Warning, fw, "is not a finite number", id, "not_finite");
      return kNaN;
    }
    if (nonNegative && value < 0)
      fileProblem(problems, Severity::Fatal, fw, "is negative (" + util::formatNumber(value) + ")", id,
                  "negative", {{"value", util::formatNumber(value)}});
    return value;
  }

  /// Value of a numeric field kept as an extra: NULL -> NaN; text -> fatal.
  double extra(const SourceFeature& f, int index, const std::string& id) {
    const FieldValue& v = f.values[static_cast<std::size_t>(index)];
    if (v.kind == FieldValue::Kind::Text) {
      fileProblem(problems, Severity::Fatal,
                  fieldWhere(where(f), fields[static_cast<std::size_t>(index)].name),
                  numberProblem(NumberStatus::NotANumber, v.text) + " in a numeric column", id,
                  "text_in_numeric_column", {{"value", v.text}});
      return kNaN;
    }
    return v.kind == FieldValue::Kind::Number ? v.number : kNaN;
  }
};

/// Applies the GCJ-02/BD-09 -> WGS84 inverse to every vertex.
void convertWebMap(OGRGeometryH g, const std::string& coordinates) {
  int parts = OGR_G_GetGeometryCount(g);
  if (parts > 0) {
    for (int i = 0; i < parts; ++i) convertWebMap(OGR_G_GetGeometryRef(g, i), coordinates);
    return;
  }
  int n = OGR_G_GetPointCount(g);
  for (int i = 0; i < n; ++i) {
    double x = OGR_G_GetX(g, i), y = OGR_G_GetY(g, i), lon = x, lat = y;
    if (coordinates == "gcj02") {
      gcj02ToWgs84(x, y, lon, lat);
    } else if (coordinates == "bd09") {
      bd09ToWgs84(x, y, lon, lat);
    }
    OGR_G_SetPoint_2D(g, i, lon, lat);
  }
}

/// Checks the source's CRS; returns the transform. Adds a fatal problem when the source has
/// geometry but no CRS (CSV point columns are assumed to be EPSG:4326 lon/lat, with a warning,
/// since CSV cannot carry a CRS).
LonLatTransform sourceTransform(const Reader& r, bool& ok) {
  ok = true;
  if (!r.source.hasGeometryColumn()) {
    fileProblem(r.problems, Severity::Fatal, r.label, "has no geometry column", {}, "no_geometry_column");
    ok = false;
    return LonLatTransform(nullptr, r.label);
  }
  const std::string crs = r.source.crs();
  if (crs.empty()) {
    if (r.source.lonLatWithoutCrs()) {
      fileProblem(r.problems, Severity::Warning, r.label, "CSV has no CRS; lon/lat columns read as EPSG:4326",
                  {}, "csv_without_crs");
    } else {
      fileProblem(r.problems, Severity::Fatal, r.label,
                  "missing CRS: define the layer's coordinate reference system (e.g. a .prj "
                  "file or an SRS in the GeoPackage)",
                  {}, "missing_crs");
      ok = false;
    }
    return LonLatTransform(nullptr, r.label);
  }
  SrsPtr srs(OSRNewSpatialReference(nullptr));
  {
    GdalErrorCapture capture;
    if (OSRSetFromUserInput(static_cast<OGRSpatialReferenceH>(srs.get()), crs.c_str()) != OGRERR_NONE) {
      fileProblem(r.problems, Severity::Fatal, r.label, "unreadable CRS (" + capture.lastMessage() + ")", {},
                  "unreadable_crs", {{"detail", capture.lastMessage()}});
      ok = false;
      return LonLatTransform(nullptr, r.label);
    }
  }
  try {
    return LonLatTransform(static_cast<OGRSpatialReferenceH>(srs.get()), r.label);
  } catch (const GeoError& e) {
    fileProblem(r.problems, Severity::Fatal, r.label, e.what());
    ok = false;
    return LonLatTransform(nullptr, r.label);
  }
}

/// Transforms and repairs a feature's geometry into lon/lat WKB. Returns false (no problem added)
/// when the feature has no or an empty geometry; adds a fatal problem and returns false when it
/// cannot be read or transformed.
bool readGeometry(const SourceFeature& f, const LonLatTransform& transform, const std::string& where,
                  const std::string& featureId, const std::string& coordinates,
                  std::vector<Problem>& problems, std::vector<std::uint8_t>& wkb) {
  if (f.wkb.empty()) return false;
  OGRGeometryH created = nullptr;
  if (OGR_G_CreateFromWkb(f.wkb.data(), nullptr, &created, static_cast<int>(f.wkb.size())) != OGRERR_NONE) {
    fileProblem(problems, Severity::Fatal, where, "unreadable geometry", featureId, "unreadable_geometry");
    return false;
  }
  OgrGeometryPtr g(created);
  auto geometry = static_cast<OGRGeometryH>(g.get());
  std::string error;
  if (!transform.apply(geometry, error)) {
    fileProblem(problems, Severity::Fatal, where, "cannot transform to EPSG:4326: " + error, featureId,
                "cannot_transform", {{"detail", error}});
    return false;
  }
  OGR_G_FlattenTo2D(geometry);
  if (coordinates == "gcj02" || coordinates == "bd09") convertWebMap(geometry, coordinates);
  std::vector<std::uint8_t> raw(static_cast<std::size_t>(OGR_G_WkbSize(geometry)));
  OGR_G_ExportToIsoWkb(geometry, wkbNDR, raw.data());
  try {
    GeosGeometryPtr geos = geosFromWkb(raw, where);
    std::string reason;
    GeosGeometryPtr repaired;
    if (!geosCheckAndRepair(geos.get(), reason, repaired)) {
      fileProblem(problems, Severity::Warning, where,
                  "invalid geometry (" + reason + ") repaired with GEOSMakeValid", featureId,
                  "geometry_repaired", {{"detail", reason}});
      wkb = geosToWkb(repaired.get());
      return true;
    }
  } catch (const GeoError& e) {
    fileProblem(problems, Severity::Fatal, where, std::string("unreadable geometry: ") + e.what(), featureId,
                "unreadable_geometry", {{"detail", e.what()}});
    return false;
  }
  wkb = std::move(raw);
  return true;
}

bool isPolygonal(const std::vector<std::uint8_t>& wkb) {
  if (wkb.size() < 5) return false;
  std::uint32_t type = 0;
  // NDR: type as little-endian uint32 after the byte-order byte.
  for (int i = 3; i >= 0; --i) type = (type << 8) | wkb[static_cast<std::size_t>(1 + i)];
  type %= 1000;
  return type == 3 || type == 6;
}

bool validUtf8(const std::string& text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

/// Text fields that are not UTF-8: a shapefile without .cpg written in GBK (common for Chinese
/// data) is read byte for byte. One problem per layer, naming the first feature and field.
struct Utf8Check {
  int bad = 0;
  std::string first;
  void check(const std::string& text, const std::string& where, const std::string& field) {
    if (validUtf8(text)) return;
    if (bad++ == 0) first = where + " field '" + field + "'";
  }
  void report(std::vector<Problem>& problems, const std::string& label, const DataSource& source) const {
    if (bad == 0) return;
    fileProblem(
        problems, Severity::Fatal, label,
        std::to_string(bad) + " text value" + (bad == 1 ? " is" : "s are") + " not UTF-8 (first: " + first +
            ")" +
            (source.encoding.empty() ? "; the file declares no encoding (no .cpg): if it is GBK, as "
                                       "Chinese shapefiles often are, set \"encoding\": \"GBK\" on this "
                                       "data source"
                                     : "; check \"encoding\": \"" + source.encoding + "\""),
        {}, "not_utf8", {{"count", std::to_string(bad)}, {"first", first}, {"encoding", source.encoding}});
  }
};

/// Where each mapped column of a source sits (-1 = absent) and which other numeric fields are
/// kept as extras. Regions and parks differ only in their column lists.
struct FieldLayout {
  int id = -1;
  std::map<std::string, int> text;
  std::map<std::string, int> numeric;
  std::vector<int> extras;
};

FieldLayout mapFields(Reader& r, std::initializer_list<const char*> textColumns,
                      const std::vector<std::string>& numericColumns) {
  FieldLayout layout;
  layout.id = r.mappedField("id", true);
  for (const char* column : textColumns) layout.text[column] = r.mappedField(column, false);
  std::set<int> used = {layout.id};
  for (const std::string& column : numericColumns) {
    const int index = r.mappedField(column, false);
    layout.numeric[column] = index;
    used.insert(index);
  }
  for (const auto& [column, index] : layout.text) used.insert(index);
  for (std::size_t i = 0; i < r.fields.size(); ++i)
    if (r.fields[i].numeric && !used.count(static_cast<int>(i))) layout.extras.push_back(static_cast<int>(i));
  return layout;
}

/// Id, texts (UTF-8 checked) and numbers of one region or park.
template <typename T>
void readAttributes(Reader& r, const SourceFeature& f, const FieldLayout& layout, Utf8Check& utf8, T& item,
                    std::initializer_list<std::pair<const char*, std::string*>> texts) {
  item.fid = std::to_string(f.fid);
  item.id = layout.id >= 0 ? Reader::text(f, layout.id) : item.fid;
  utf8.check(item.id, r.where(f), r.map.field("id"));
  for (const auto& [column, value] : texts) {
    *value = Reader::text(f, layout.text.at(column));
    utf8.check(*value, r.where(f), r.map.field(column));
  }
  for (const auto& [column, index] : layout.numeric) {
    if (index < 0) continue;  // absent key = the source has no such field
    item.values[column] = r.number(f, index, item.id, /*nonNegative=*/true, /*warnNull=*/true);
  }
  for (int index : layout.extras)
    item.extra[r.fields[static_cast<std::size_t>(index)].name] = r.extra(f, index, item.id);
}

}  // namespace

namespace {

/// An optional OGR layer (zones, roads): `fields(reader)` finds the mapped fields once, then
/// `each(reader, feature, fields, transform)` sees every feature (transform null without a CRS).
template <typename Fields, typename Each>
void readOgrLayer(const DataSource& source, const char* what, Inputs& inputs, Fields fields, Each each) {
  OgrFeatureSource src(openSource(source, what));
  Reader r{src, source, inputs.problems};
  bool crsOk = false;
  const LonLatTransform transform = sourceTransform(r, crsOk);
  const auto indices = fields(r);
  SourceFeature f;
  src.reset();
  while (src.next(f)) each(r, f, indices, crsOk ? &transform : nullptr);
}

}  // namespace

void readZones(const DataSource& source, Inputs& inputs) {
  readOgrLayer(
      source, "exclusions", inputs,
      [](Reader& r) {
        const int id = r.mappedField("id", false);
        return std::make_pair(id, r.mappedField("name", false));
      },
      [&](Reader& r, const SourceFeature& f, std::pair<int, int> fields, const LonLatTransform* transform) {
        Zone zone;
        zone.fid = std::to_string(f.fid);
        zone.id = fields.first >= 0 ? Reader::text(f, fields.first) : zone.fid;
        zone.name = Reader::text(f, fields.second);
        if (!transform || !readGeometry(f, *transform, r.where(f), zone.id, "wgs84", r.problems, zone.wkb))
          return;
        if (!isPolygonal(zone.wkb)) {
          fileProblem(r.problems, Severity::Warning, r.where(f), "geometry is not a polygon; zone ignored",
                      zone.id, "zone_not_polygon");
          return;
        }
        inputs.exclusions.push_back(std::move(zone));
      });
}

void readRoads(const DataSource& source, Inputs& inputs) {
  readOgrLayer(
      source, "roads", inputs,
      [](Reader& r) {
        const int roadClass = r.mappedField("class", false);
        return std::make_pair(roadClass, r.mappedField("speed_kmh", false));
      },
      [&](Reader& r, const SourceFeature& f, std::pair<int, int> fields, const LonLatTransform* transform) {
        Road road;
        road.fid = std::to_string(f.fid);
        road.roadClass = Reader::text(f, fields.first);
        road.speedKmh = r.number(f, fields.second, {}, true, false);
        if (road.speedKmh == 0) {
          fileProblem(r.problems, Severity::Warning, fieldWhere(r.where(f), source.field("speed_kmh")),
                      "is 0; the class default is used", {}, "zero_speed");
          road.speedKmh = kNaN;
        }
        if (transform && readGeometry(f, *transform, r.where(f), {}, "wgs84", r.problems, road.wkb))
          inputs.roads.push_back(std::move(road));
      });
}

void readRegions(const DataSource& source, Inputs& inputs) {
  OgrFeatureSource src(openSource(source, "regions"));
  clustershift::readRegions(src, source, inputs);
}

void readParks(const DataSource& source, Inputs& inputs) {
  OgrFeatureSource src(openSource(source, "parks"));
  clustershift::readParks(src, source, inputs);
}

}  // namespace detail

using detail::fieldWhere;
using detail::fileProblem;

void readRegions(FeatureSource& source, const DataSource& map, Inputs& inputs) {
  detail::Reader r{source, map, inputs.problems};
  inputs.regionsLabel = r.label;
  bool crsOk = false;
  detail::LonLatTransform transform = detail::sourceTransform(r, crsOk);
  const detail::FieldLayout layout = detail::mapFields(r, {"name", "name_zh", "province"}, regionColumns());
  detail::Utf8Check utf8;
  SourceFeature f;
  source.reset();
  while (source.next(f)) {
    Region region;
    detail::readAttributes(
        r, f, layout, utf8, region,
        {{"name", &region.name}, {"name_zh", &region.nameZh}, {"province", &region.province}});
    const std::string where = r.where(f);
    if (crsOk) {
      if (!detail::readGeometry(f, transform, where, region.id, map.coordinates, r.problems, region.wkb)) {
        if (region.wkb.empty() && f.wkb.empty())
          fileProblem(r.problems, Severity::Fatal, where,
                      f.emptyGeometry ? "has an empty geometry" : "has no geometry", region.id,
                      f.emptyGeometry ? "empty_geometry" : "no_geometry");
      } else if (!detail::isPolygonal(region.wkb)) {
        fileProblem(r.problems, Severity::Fatal, where, "geometry is not a polygon", region.id,
                    "region_not_polygon");
        region.wkb.clear();
      }
    }
    inputs.regions.push_back(std::move(region));
  }
  utf8.report(r.problems, r.label, map);
}

void readParks(FeatureSource& source, const DataSource& map, Inputs& inputs) {
  detail::Reader r{source, map, inputs.problems};
  inputs.parksLabel = r.label;
  bool crsOk = false;
  detail::LonLatTransform transform = detail::sourceTransform(r, crsOk);
  const detail::FieldLayout layout =
      detail::mapFields(r, {"name", "name_zh", "level", "lead_industries"}, parkColumns());
  detail::Utf8Check utf8;
  SourceFeature f;
  source.reset();
  while (source.next(f)) {
    Park park;
    detail::readAttributes(r, f, layout, utf8, park,
                           {{"name", &park.name},
                            {"name_zh", &park.nameZh},
                            {"level", &park.level},
                            {"lead_industries", &park.leadIndustries}});
    const std::string where = r.where(f);
    const double area = park.value("area_ha"), available = park.value("available_ha");
    if (!std::isnan(area) && !std::isnan(available) && available > area * (1 + 1e-9)) {
      fileProblem(r.problems, Severity::Warning, fieldWhere(where, map.field("available_ha")),
                  "available area " + util::formatNumber(available) + " ha exceeds total area " +
                      util::formatNumber(area) + " ha",
                  park.id, "available_exceeds_area",
                  {{"available_ha", util::formatNumber(available)}, {"area_ha", util::formatNumber(area)}});
    }
    if (crsOk) {
      if (detail::readGeometry(f, transform, where, park.id, map.coordinates, r.problems, park.wkb)) {
        try {
          detail::GeosGeometryPtr g = detail::geosFromWkb(park.wkb, where);
          GEOSContextHandle_t ctx = detail::GeosContext::current().handle();
          if (GEOSGeomTypeId_r(ctx, g.get()) == GEOS_POINT) {
            GEOSGeomGetX_r(ctx, g.get(), &park.lon);
            GEOSGeomGetY_r(ctx, g.get(), &park.lat);
          } else {
            detail::GeosGeometryPtr p = detail::geosOwn(GEOSPointOnSurface_r(ctx, g.get()), where);
            GEOSGeomGetX_r(ctx, p.get(), &park.lon);
            GEOSGeomGetY_r(ctx, p.get(), &park.lat);
          }
        } catch (const GeoError& e) {
          fileProblem(r.problems, Severity::Fatal, where, e.what(), park.id);
        }
      } else if (f.wkb.empty()) {
        fileProblem(r.problems, Severity::Warning, where, "has no geometry; park excluded", park.id,
                    "park_without_geometry");
      }
    }
    inputs.parks.push_back(std::move(park));
  }
  utf8.report(r.problems, r.label, map);
}

}  // namespace clustershift
