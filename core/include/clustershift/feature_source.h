#pragma once
// One way in for feature layers. A FeatureSource hands over fields, features (attributes and
// geometry in the source's own CRS), the CRS and what the source knows of its encoding; the one
// reader (readRegions/readParks here, io/readers.cpp) applies the field map, the number and text
// rules, the CRS transform to lon/lat and the geometry checks, and collects every problem. OGR
// implements it in core (any file, PostgreSQL), QgsVectorLayer in layers (unsaved edits, memory
// layers, filters), so both paths read and validate the same way.
#include <cstdint>
#include <string>
#include <vector>

#include "clustershift/data.h"
#include "clustershift/scenario.h"

namespace clustershift {

/// One attribute value as the source holds it.
struct FieldValue {
  enum class Kind { Null, Number, Text };
  Kind kind = Kind::Null;
  double number = 0;  ///< Kind::Number
  /// Kind::Text: as stored (a numeric field holding text gives that text); Kind::Number: the
  /// number as the source writes it ("330300" for an id kept in an integer field).
  std::string text;
};

/// One attribute field.
struct SourceField {
  std::string name;
  bool numeric = false;  ///< declared INTEGER/REAL (not: holds numbers)
};

/// One feature.
struct SourceFeature {
  long long fid = 0;
  std::vector<FieldValue> values;  ///< one per FeatureSource::fields()
  std::vector<std::uint8_t> wkb;   ///< ISO WKB in the source CRS; empty: no or an empty geometry
  bool emptyGeometry = false;      ///< wkb is empty because the geometry is empty (not absent)
};

/// A layer of features. Implementations throw IoError when reading fails (and may throw
/// Cancelled from next()).
class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  /// "parks.gpkg/parks" (file/layer) or the layer's name: the start of every message.
  virtual std::string label() const = 0;
  virtual std::vector<SourceField> fields() const = 0;
  /// false when the source has no geometry column at all.
  virtual bool hasGeometryColumn() const = 0;
  /// The CRS as WKT or any definition OGR's SetFromUserInput reads; "" when none is declared.
  virtual std::string crs() const = 0;
  /// true: a source without CRS holds lon/lat (CSV point columns), read as EPSG:4326 with a
  /// warning instead of the missing-CRS error.
  virtual bool lonLatWithoutCrs() const { return false; }
  /// When fields() is empty, why in words ("the .dbf file next to parks.shp is missing"), or "".
  virtual std::string noAttributesReason() const { return {}; }
  /// Restarts at the first feature.
  virtual void reset() = 0;
  /// The next feature; false at the end.
  virtual bool next(SourceFeature& feature) = 0;
};

/// Regions from any source: polygons, text columns id/name/name_zh/province, numeric
/// regionColumns() (NULL: warning; text or negative: fatal), every other numeric field into
/// Region::extra, geometry to lon/lat and repaired (warning). Sets inputs.regionsLabel; every
/// problem into inputs.problems. `map` gives the field map, encoding hint and coordinates.
void readRegions(FeatureSource& source, const DataSource& map, Inputs& inputs);
/// Parks from any source: points or polygons (lon/lat = the point or a point on the surface),
/// converted from GCJ-02/BD-09 when map.coordinates says so. Sets inputs.parksLabel.
void readParks(FeatureSource& source, const DataSource& map, Inputs& inputs);

}  // namespace clustershift
