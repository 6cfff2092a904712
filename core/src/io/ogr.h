#pragma once
// GDAL/OGR C API behind RAII, and the opening of one scenario data source.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "clustershift/scenario.h"

namespace clustershift::detail {

/// Deleter of a GDAL/OGR C handle: Destroy (GDALClose, OGR_F_Destroy, ...) of a non-null one.
template <class Handle, auto Destroy>
struct HandleDeleter {
  void operator()(void* h) const {
    if (h) Destroy(static_cast<Handle>(h));
  }
};
using DatasetPtr = std::unique_ptr<void, HandleDeleter<GDALDatasetH, GDALClose>>;
using FeaturePtr = std::unique_ptr<void, HandleDeleter<OGRFeatureH, OGR_F_Destroy>>;
using OgrGeometryPtr = std::unique_ptr<void, HandleDeleter<OGRGeometryH, OGR_G_DestroyGeometry>>;
using SrsPtr = std::unique_ptr<void, HandleDeleter<OGRSpatialReferenceH, OSRDestroySpatialReference>>;
using TransformPtr =
    std::unique_ptr<void, HandleDeleter<OGRCoordinateTransformationH, OCTDestroyCoordinateTransformation>>;

/// Silences GDAL's default stderr handler for its lifetime; keeps the last error text.
class GdalErrorCapture {
 public:
  GdalErrorCapture();
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;
  std::string lastMessage() const;
};

/// Registers GDAL drivers once.
void ensureGdal();

/// One open layer of a data source.
struct OgrSource {
  DatasetPtr dataset;
  OGRLayerH layer = nullptr;  ///< owned by dataset
  std::string fileName;       ///< "regions.gpkg"
  std::string layerName;
  std::string label;          ///< "regions.gpkg/regions"
  std::string driver;         ///< GDAL short name: "GPKG", "ESRI Shapefile", "CSV"...
  std::string recodeFrom;     ///< encoding to recode text fields from (non-shapefile drivers)
  /// How table readers name the source: the file name for files ("industry_output.csv"),
  /// the full label for a sheet or a database table (they need the sheet/table name).
  std::string tableLabel;
  /// How table messages name a row by its feature id: "row " (the sheet row of a spreadsheet),
  /// "fid=" (a database row); empty: the line of a CSV file.
  std::string rowIdPrefix;
  OGRFeatureDefnH definition() const { return OGR_L_GetLayerDefn(layer); }
  int fieldIndex(const std::string& name) const;  ///< -1 when absent
  std::vector<std::string> fieldNames() const;
  /// Text of a field (recoded to UTF-8), "" when NULL.
  std::string text(OGRFeatureH feature, int index) const;
  /// Where the index-th feature (0-based, file order) sits, for table messages: "line 3"
  /// (CSV view, header = line 1), "row 7" (sheet row) or "fid=7" (database row).
  std::string rowLabel(OGRFeatureH feature, std::size_t index) const;
};

/// Opens a data source read-only. `what` names it in messages ("regions").
/// CSV files get lon/lat point columns (lon/longitude/x/lng, lat/latitude/y) and type
/// detection unless `plainCsv`; shapefiles get the ENCODING open option. A `PG:` path is a
/// PostgreSQL table (io/postgres.h); with `plainCsv` (tables) an .xlsx/.ods path is one sheet
/// read with yearbook header detection (io/spreadsheet.h).
/// Throws IoError naming the path (and the available layers when the layer is missing).
OgrSource openSource(const DataSource& source, const std::string& what, bool plainCsv = false);

/// Transforms a layer's geometries to EPSG:4326 in lon/lat order (traditional GIS order).
class LonLatTransform {
 public:
  /// layerSrs may be null (then valid() is false). Throws GeoError when PROJ cannot build it.
  LonLatTransform(OGRSpatialReferenceH layerSrs, const std::string& label);
  bool identity() const { return !m_transform; }
  /// Transforms in place; false (with `error`) when PROJ fails for this geometry.
  bool apply(OGRGeometryH geometry, std::string& error) const;

 private:
  TransformPtr m_transform;
  SrsPtr m_source;
  SrsPtr m_target;
};

/// "fid=12" text for messages.
std::string fidText(OGRFeatureH feature);

}  // namespace clustershift::detail
