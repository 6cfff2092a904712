#pragma once
// Core data tables, filled by core/io (any OGR source) or by layers/ (QgsVectorLayer).
// Geometries are WKB in geographic lon/lat (WGS84 ≡ CGCS2000 at this scale).
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clustershift/error.h"

namespace clustershift {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPi = 3.14159265358979323846;
inline bool isMissing(double v) { return std::isnan(v); }

/// Core region columns (units): population, working_age (10k persons), gdp, y1, y2, y3,
/// rd (亿元 = 100 million yuan), l1, l2, l3 (10k persons), wage (yuan/year),
/// land_price (yuan/m²).
const std::vector<std::string>& regionColumns();
/// Core park columns (units): area_ha, available_ha (hectares).
const std::vector<std::string>& parkColumns();
/// Keys a data block's `fields` map (and every field picker) may name: the text columns, then
/// regionColumns() / parkColumns().
const std::vector<std::string>& regionFieldKeys();
const std::vector<std::string>& parkFieldKeys();

struct Region {
  std::string id;    ///< e.g. GB/T 2260 code "330300"
  std::string name;  ///< English / pinyin
  std::string nameZh;
  std::string province;
  std::string fid;                                ///< source feature id, for messages
  std::vector<std::uint8_t> wkb;                  ///< (multi)polygon, lon/lat
  std::map<std::string, double> values;           ///< core columns; NaN = NULL
  std::map<std::string, double> extra;            ///< every other numeric source field (for field:<name>)
  double value(const std::string& column) const;  ///< NaN when absent
};

struct Park {
  std::string id;
  std::string name;
  std::string nameZh;
  std::string level;           ///< national | provincial | county (or other text)
  std::string leadIndustries;  ///< ";"-separated industry names
  std::string fid;
  double lon = kNaN;  ///< point or point-on-surface, degrees
  double lat = kNaN;
  std::vector<std::uint8_t> wkb;         ///< point or polygon, lon/lat
  std::map<std::string, double> values;  ///< area_ha, available_ha ...
  std::map<std::string, double> extra;
  int region = -1;  ///< index into Inputs::regions after the spatial join; -1 = outside all
  double value(const std::string& column) const;
};

/// Region × industry output (亿元).
struct IndustryMatrix {
  std::vector<std::string> regionIds;
  std::vector<std::string> industries;
  std::vector<std::vector<double>> values;       ///< [region][industry]
  int regionIndex(const std::string& id) const;  ///< -1 when absent
  int industryIndex(const std::string& code) const;
  /// Row of each of `regions` (by id), -1 for a region without a row: one hash lookup per
  /// region, for loops over every region or park (regionIndex searches the ids one by one).
  std::vector<int> rowsOf(const std::vector<Region>& regions) const;
};

/// National technical-coefficient table A (square, same labels on both axes).
struct IoTable {
  std::vector<std::string> sectors;
  std::vector<std::vector<double>> a;
  /// National gross output per sector (亿元, the optional `national_output` column), for the
  /// FLQ's national totals; empty when the table has no such column.
  std::vector<double> nationalOutput;
};

/// A sensitive-zone polygon (ecological red line, water source...), lon/lat.
struct Zone {
  std::string id;
  std::string name;
  std::string fid;
  std::vector<std::uint8_t> wkb;
};

/// A road segment, lon/lat line; speed from a class field or the default.
struct Road {
  std::string fid;
  std::string roadClass;
  double speedKmh = kNaN;  ///< NaN: the criterion's default for the class
  std::vector<std::uint8_t> wkb;
};

/// Everything a run reads. Labels say where the data came from, for messages.
struct Inputs {
  std::string regionsLabel = "regions";  ///< e.g. "regions.gpkg/regions"
  std::string parksLabel = "parks";
  std::vector<Region> regions;
  std::vector<Park> parks;
  std::optional<IndustryMatrix> industryOutput;
  std::optional<IoTable> ioTable;
  std::vector<Zone> exclusions;   ///< optional layer; empty when not given
  std::vector<Road> roads;        ///< optional layer; empty when not given
  std::vector<Problem> problems;  ///< collected while loading (warnings and fatal ones)

  int regionIndex(const std::string& id) const;  ///< -1 when absent
  int parkIndex(const std::string& id) const;
};

}  // namespace clustershift
