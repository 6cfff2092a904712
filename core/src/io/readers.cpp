#include "io/readers.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "clustershift/coordinates.h"
#include "clustershift/error.h"
#include "clustershift/table.h"
#include "io/geos_context.h"
#include "io/ogr.h"

namespace clustershift::detail {

bool parseNumber(const std::string& text, double& value) {
  return clustershift::parseNumber(text, value) == NumberStatus::Ok;
}

namespace {

std::string quoteValue(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

void addProblem(std::vector<Problem>& problems, Severity severity, const std::string& where,
                const std::string& message, const std::string& featureId = {}) {
  problems.push_back(Problem{severity, where, message, featureId});
}

std::string fieldWhere(const std::string& featureWhere, const std::string& field) {
  return featureWhere + " field '" + field + "'";
}

bool isNumericType(OGRFieldType type) {
  return type == OFTInteger || type == OFTInteger64 || type == OFTReal;
}

/// Reads a numeric field. NULL or empty -> NaN (warning when `warnNull`); text that is not
/// a number -> NaN with a warning; negative when `nonNegative` -> fatal.
/// The text of a numeric-typed cell that holds no number (see nonNumericCells), or nullptr.
const std::string* nonNumeric(const NonNumericCells& bad, OGRFeatureH f, int index) {
  const auto row = bad.find(static_cast<long long>(OGR_F_GetFID(f)));
  if (row == bad.end()) return nullptr;
  const auto cell = row->second.find(index);
  return cell == row->second.end() ? nullptr : &cell->second;
}

double readNumber(const OgrSource& src, OGRFeatureH f, int index, const std::string& where,
                  const std::string& field, const std::string& featureId,
                  std::vector<Problem>& problems, bool nonNegative, bool warnNull,
                  const NonNumericCells& bad) {
  if (index < 0) return kNaN;
  std::string fw = fieldWhere(where, field);
  if (const std::string* text = nonNumeric(bad, f, index)) {
    // Strict: SQLite and GDAL would read 'abc' as 0 and '12,345' as 12.
    addProblem(problems, Severity::Fatal, fw,
               numberProblem(NumberStatus::NotANumber, *text) + " in a numeric column", featureId);
    return kNaN;
  }
  if (!OGR_F_IsFieldSetAndNotNull(f, index)) {
    if (warnNull) addProblem(problems, Severity::Warning, fw, "is NULL", featureId);
    return kNaN;
  }
  OGRFieldType type = OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, index));
  double value = kNaN;
  if (isNumericType(type)) {
    value = OGR_F_GetFieldAsDouble(f, index);
  } else {
    std::string text = src.text(f, index);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      if (warnNull) addProblem(problems, Severity::Warning, fw, "is empty", featureId);
      return kNaN;
    }
    const NumberStatus status = clustershift::parseNumber(text, value);
    if (status != NumberStatus::Ok) {
      addProblem(problems, Severity::Fatal, fw, numberProblem(status, text), featureId);
      return kNaN;
    }
  }
  if (!std::isfinite(value)) {
    addProblem(problems, Severity::Warning, fw, "is not a finite number", featureId);
    return kNaN;
  }
  if (nonNegative && value < 0) {
    addProblem(problems, Severity::Fatal, fw, "is negative (" + quoteValue(value) + ")",
               featureId);
  }
  return value;
}

/// Field index of a mapped column. A column the scenario maps explicitly to a missing field
/// is fatal (a typo); a default-named one missing is a warning (the column stays empty).
int mappedField(const OgrSource& src, const DataSource& source, const std::string& column,
                std::vector<Problem>& problems, bool required) {
  std::string name = source.field(column);
  int index = src.fieldIndex(name);
  if (index >= 0) return index;
  bool explicitMap = source.fields.count(column) > 0;
  std::string list;
  for (const std::string& n : src.fieldNames()) list += (list.empty() ? "" : ", ") + n;
  if (list.empty() && src.driver == "ESRI Shapefile") {
    // No attributes at all: the .dbf next to the .shp is missing (or empty).
    const std::string message = "has no attribute table: the .dbf file next to " + src.fileName + " is missing or has no fields";
    for (const Problem& p : problems)
      if (p.where == src.label && p.message == message) return -1;  // once per layer, not per column
    addProblem(problems, Severity::Fatal, src.label, message);
    return -1;
  }
  std::string message = "field '" + name + "' not found" +
                         (explicitMap ? " (mapped from column '" + column + "')" : "") +
                         " (fields: " + list + ")";
  addProblem(problems, (explicitMap || required) ? Severity::Fatal : Severity::Warning,
             src.label, message);
  return -1;
}

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

/// Reads, transforms and repairs a feature's geometry into lon/lat WKB. Returns false (no
/// problem added) when the feature has no geometry; adds a fatal problem and returns false
/// when it cannot be transformed.
bool readGeometry(OGRFeatureH f, const LonLatTransform& transform, const std::string& where,
                  const std::string& featureId, const std::string& coordinates,
                  std::vector<Problem>& problems, std::vector<std::uint8_t>& wkb) {
  OGRGeometryH ref = OGR_F_GetGeometryRef(f);
  if (!ref || OGR_G_IsEmpty(ref)) return false;
  OgrGeometryPtr g(OGR_G_Clone(ref));
  auto geometry = static_cast<OGRGeometryH>(g.get());
  std::string error;
  if (!transform.apply(geometry, error)) {
    addProblem(problems, Severity::Fatal, where, "cannot transform to EPSG:4326: " + error,
               featureId);
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
      addProblem(problems, Severity::Warning, where,
                 "invalid geometry (" + reason + ") repaired with GEOSMakeValid", featureId);
      wkb = geosToWkb(repaired.get());
      return true;
    }
  } catch (const GeoError& e) {
    addProblem(problems, Severity::Fatal, where, std::string("unreadable geometry: ") + e.what(),
               featureId);
    return false;
  }
  wkb = std::move(raw);
  return true;
}

/// Checks the layer CRS; returns the transform. Adds a fatal problem when the layer has
/// geometry but no CRS (CSV point columns are assumed to be EPSG:4326 lon/lat, with a
/// warning, since CSV cannot carry a CRS).
LonLatTransform layerTransform(const OgrSource& src, std::vector<Problem>& problems,
                               bool& ok) {
  ok = true;
  if (OGR_L_GetGeomType(src.layer) == wkbNone) {
    addProblem(problems, Severity::Fatal, src.label, "has no geometry column");
    ok = false;
    return LonLatTransform(nullptr, src.label);
  }
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(src.layer);
  if (!srs) {
    if (src.driver == "CSV") {
      addProblem(problems, Severity::Warning, src.label,
                 "CSV has no CRS; lon/lat columns read as EPSG:4326");
    } else {
      addProblem(problems, Severity::Fatal, src.label,
                 "missing CRS: define the layer's coordinate reference system (e.g. a .prj "
                 "file or an SRS in the GeoPackage)");
      ok = false;
    }
    return LonLatTransform(nullptr, src.label);
  }
  try {
    return LonLatTransform(srs, src.label);
  } catch (const GeoError& e) {
    addProblem(problems, Severity::Fatal, src.label, e.what());
    ok = false;
    return LonLatTransform(nullptr, src.label);
  }
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
    addProblem(problems, Severity::Fatal, label,
               std::to_string(bad) + " text value" + (bad == 1 ? " is" : "s are") + " not UTF-8 (first: " + first +
                   ")" + (source.encoding.empty() ? "; the file declares no encoding (no .cpg): if it is GBK, as "
                                                   "Chinese shapefiles often are, set \"encoding\": \"GBK\" on this "
                                                   "data source"
                                                 : "; check \"encoding\": \"" + source.encoding + "\""));
  }
};

struct FeatureLoop {
  const OgrSource& src;
  template <typename Fn>
  void forEach(Fn fn) {
    OGR_L_ResetReading(src.layer);
    while (OGRFeatureH raw = OGR_L_GetNextFeature(src.layer)) {
      FeaturePtr feature(raw);
      fn(raw);
    }
  }
};

/// Numeric fields not used by a mapped column, for Region/Park::extra.
std::vector<std::pair<int, std::string>> extraFields(const OgrSource& src,
                                                     const std::set<int>& used) {
  std::vector<std::pair<int, std::string>> fields;
  OGRFeatureDefnH defn = src.definition();
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    if (used.count(i)) continue;
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    if (isNumericType(OGR_Fld_GetType(fd))) fields.emplace_back(i, OGR_Fld_GetNameRef(fd));
  }
  return fields;
}

double extraValue(OGRFeatureH f, int index, const std::string& where, const std::string& field,
                  const std::string& featureId, std::vector<Problem>& problems, const NonNumericCells& bad) {
  if (const std::string* text = nonNumeric(bad, f, index)) {
    addProblem(problems, Severity::Fatal, fieldWhere(where, field),
               numberProblem(NumberStatus::NotANumber, *text) + " in a numeric column", featureId);
    return kNaN;
  }
  return OGR_F_IsFieldSetAndNotNull(f, index) ? OGR_F_GetFieldAsDouble(f, index) : kNaN;
}

/// Where each mapped column of a feature source sits (-1 = absent) and which other numeric
/// fields are kept as extras. Regions and parks differ only in their column lists.
struct FieldLayout {
  int id = -1;
  std::map<std::string, int> text;
  std::map<std::string, int> numeric;
  std::vector<std::pair<int, std::string>> extras;
};

FieldLayout mapFields(const OgrSource& src, const DataSource& source,
                      std::initializer_list<const char*> textColumns,
                      const std::vector<std::string>& numericColumns, std::vector<Problem>& problems) {
  FieldLayout layout;
  layout.id = mappedField(src, source, "id", problems, true);
  for (const char* column : textColumns) {
    layout.text[column] = mappedField(src, source, column, problems, false);
  }
  std::set<int> used = {layout.id};
  for (const std::string& column : numericColumns) {
    int index = mappedField(src, source, column, problems, false);
    layout.numeric[column] = index;
    used.insert(index);
  }
  for (const auto& [column, index] : layout.text) used.insert(index);
  layout.extras = extraFields(src, used);
  return layout;
}

/// Reads the mapped numeric columns (non-negative; NULL is a warning) and the extras of one feature.
void readNumbers(const OgrSource& src, OGRFeatureH f, const FieldLayout& layout,
                 const DataSource& source, const std::string& where, const std::string& id,
                 std::vector<Problem>& problems, std::map<std::string, double>& values,
                 std::map<std::string, double>& extra, const NonNumericCells& bad) {
  for (const auto& [column, index] : layout.numeric) {
    if (index < 0) continue;  // absent key = the source has no such field
    values[column] = readNumber(src, f, index, where, source.field(column), id, problems,
                                /*nonNegative=*/true, /*warnNull=*/true, bad);
  }
  for (const auto& [index, name] : layout.extras) extra[name] = extraValue(f, index, where, name, id, problems, bad);
}

}  // namespace

void readRegions(const DataSource& source, Inputs& inputs) {
  OgrSource src = openSource(source, "regions");
  inputs.regionsLabel = src.label;
  std::vector<Problem>& problems = inputs.problems;
  bool crsOk = false;
  LonLatTransform transform = layerTransform(src, problems, crsOk);

  const FieldLayout layout = mapFields(src, source, {"name", "name_zh", "province"}, regionColumns(), problems);
  const NonNumericCells bad = nonNumericCells(src.dataset.get(), src.layer);
  Utf8Check utf8;

  FeatureLoop{src}.forEach([&](OGRFeatureH f) {
    Region region;
    region.fid = std::to_string(static_cast<long long>(OGR_F_GetFID(f)));
    region.id = layout.id >= 0 ? src.text(f, layout.id) : region.fid;
    std::string where = src.label + " " + fidText(f);
    region.name = src.text(f, layout.text.at("name"));
    region.nameZh = src.text(f, layout.text.at("name_zh"));
    region.province = src.text(f, layout.text.at("province"));
    for (const auto& [field, value] : {std::pair<const char*, const std::string*>{"id", &region.id}, {"name", &region.name},
                                        {"name_zh", &region.nameZh}, {"province", &region.province}})
      utf8.check(*value, where, source.field(field));
    readNumbers(src, f, layout, source, where, region.id, problems, region.values, region.extra, bad);
    if (crsOk) {
      if (!readGeometry(f, transform, where, region.id, source.coordinates, problems,
                        region.wkb)) {
        if (region.wkb.empty() && OGR_F_GetGeometryRef(f) == nullptr) {
          addProblem(problems, Severity::Fatal, where, "has no geometry", region.id);
        } else if (region.wkb.empty()) {
          addProblem(problems, Severity::Fatal, where, "has an empty geometry", region.id);
        }
      } else if (!isPolygonal(region.wkb)) {
        addProblem(problems, Severity::Fatal, where, "geometry is not a polygon", region.id);
        region.wkb.clear();
      }
    }
    inputs.regions.push_back(std::move(region));
  });
  utf8.report(problems, src.label, source);
}

void readParks(const DataSource& source, Inputs& inputs) {
  OgrSource src = openSource(source, "parks");
  inputs.parksLabel = src.label;
  std::vector<Problem>& problems = inputs.problems;
  bool crsOk = false;
  LonLatTransform transform = layerTransform(src, problems, crsOk);

  const FieldLayout layout =
      mapFields(src, source, {"name", "name_zh", "level", "lead_industries"}, parkColumns(), problems);
  const NonNumericCells bad = nonNumericCells(src.dataset.get(), src.layer);
  Utf8Check utf8;

  FeatureLoop{src}.forEach([&](OGRFeatureH f) {
    Park park;
    park.fid = std::to_string(static_cast<long long>(OGR_F_GetFID(f)));
    park.id = layout.id >= 0 ? src.text(f, layout.id) : park.fid;
    std::string where = src.label + " " + fidText(f);
    park.name = src.text(f, layout.text.at("name"));
    park.nameZh = src.text(f, layout.text.at("name_zh"));
    park.level = src.text(f, layout.text.at("level"));
    park.leadIndustries = src.text(f, layout.text.at("lead_industries"));
    for (const auto& [field, value] :
         {std::pair<const char*, const std::string*>{"id", &park.id}, {"name", &park.name}, {"name_zh", &park.nameZh},
          {"level", &park.level}, {"lead_industries", &park.leadIndustries}})
      utf8.check(*value, where, source.field(field));
    readNumbers(src, f, layout, source, where, park.id, problems, park.values, park.extra, bad);
    double area = park.value("area_ha"), available = park.value("available_ha");
    if (!std::isnan(area) && !std::isnan(available) && available > area * (1 + 1e-9)) {
      addProblem(problems, Severity::Warning, fieldWhere(where, source.field("available_ha")),
                 "available area " + quoteValue(available) + " ha exceeds total area " +
                     quoteValue(area) + " ha",
                 park.id);
    }
    if (crsOk) {
      if (readGeometry(f, transform, where, park.id, source.coordinates, problems, park.wkb)) {
        try {
          GeosGeometryPtr g = geosFromWkb(park.wkb, where);
          GEOSContextHandle_t ctx = GeosContext::current().handle();
          if (GEOSGeomTypeId_r(ctx, g.get()) == GEOS_POINT) {
            GEOSGeomGetX_r(ctx, g.get(), &park.lon);
            GEOSGeomGetY_r(ctx, g.get(), &park.lat);
          } else {
            GeosGeometryPtr p = geosOwn(GEOSPointOnSurface_r(ctx, g.get()), where);
            GEOSGeomGetX_r(ctx, p.get(), &park.lon);
            GEOSGeomGetY_r(ctx, p.get(), &park.lat);
          }
        } catch (const GeoError& e) {
          addProblem(problems, Severity::Fatal, where, e.what(), park.id);
        }
      } else if (OGR_F_GetGeometryRef(f) == nullptr ||
                 OGR_G_IsEmpty(OGR_F_GetGeometryRef(f))) {
        addProblem(problems, Severity::Warning, where, "has no geometry; park excluded",
                   park.id);
      }
    }
    inputs.parks.push_back(std::move(park));
  });
  utf8.report(problems, src.label, source);
}

void readZones(const DataSource& source, Inputs& inputs) {
  OgrSource src = openSource(source, "exclusions");
  std::vector<Problem>& problems = inputs.problems;
  bool crsOk = false;
  LonLatTransform transform = layerTransform(src, problems, crsOk);
  int idField = mappedField(src, source, "id", problems, false);
  int nameField = mappedField(src, source, "name", problems, false);
  FeatureLoop{src}.forEach([&](OGRFeatureH f) {
    Zone zone;
    zone.fid = std::to_string(static_cast<long long>(OGR_F_GetFID(f)));
    zone.id = idField >= 0 ? src.text(f, idField) : zone.fid;
    zone.name = src.text(f, nameField);
    std::string where = src.label + " " + fidText(f);
    if (crsOk && readGeometry(f, transform, where, zone.id, "wgs84", problems, zone.wkb)) {
      if (!isPolygonal(zone.wkb)) {
        addProblem(problems, Severity::Warning, where, "geometry is not a polygon; zone ignored",
                   zone.id);
        return;
      }
      inputs.exclusions.push_back(std::move(zone));
    }
  });
}

void readRoads(const DataSource& source, Inputs& inputs) {
  OgrSource src = openSource(source, "roads");
  std::vector<Problem>& problems = inputs.problems;
  bool crsOk = false;
  LonLatTransform transform = layerTransform(src, problems, crsOk);
  int classField = mappedField(src, source, "class", problems, false);
  int speedField = mappedField(src, source, "speed_kmh", problems, false);
  const NonNumericCells bad = nonNumericCells(src.dataset.get(), src.layer);
  FeatureLoop{src}.forEach([&](OGRFeatureH f) {
    Road road;
    road.fid = std::to_string(static_cast<long long>(OGR_F_GetFID(f)));
    road.roadClass = src.text(f, classField);
    std::string where = src.label + " " + fidText(f);
    road.speedKmh = readNumber(src, f, speedField, where, source.field("speed_kmh"), {}, problems,
                               true, false, bad);
    if (road.speedKmh == 0) {
      addProblem(problems, Severity::Warning, fieldWhere(where, source.field("speed_kmh")),
                 "is 0; the class default is used");
      road.speedKmh = kNaN;
    }
    if (crsOk && readGeometry(f, transform, where, {}, "wgs84", problems, road.wkb)) {
      inputs.roads.push_back(std::move(road));
    }
  });
}

}  // namespace clustershift::detail
