// Text stored in numeric columns. SQLite keeps 'abc', '12,345' or 'NaN' as text in a REAL
// column, and GDAL then reads 0 or 12 without a word; ask SQLite what each cell really holds.
#include <cpl_error.h>

#include "io/ogr.h"
#include "io/readers.h"

#include <string>

namespace clustershift::detail {
namespace {

std::string quotedIdentifier(const std::string& name) {
  std::string q = "\"";
  for (char c : name) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

}  // namespace

NonNumericCells nonNumericCells(GDALDatasetH dataset, OGRLayerH layer) {
  NonNumericCells cells;
  GDALDriverH driverHandle = dataset ? GDALGetDatasetDriver(dataset) : nullptr;
  const std::string driver = driverHandle ? GDALGetDriverShortName(driverHandle) : "";
  if (!layer || (driver != "GPKG" && driver != "SQLite")) return cells;
  const char* fidColumn = OGR_L_GetFIDColumn(layer);
  if (!fidColumn || !*fidColumn) return cells;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i));
    if (type != OFTInteger && type != OFTInteger64 && type != OFTReal) continue;
    const std::string field = quotedIdentifier(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
    // Native SQL of the GeoPackage/SQLite driver (the "SQLITE" dialect would go through OGR
    // virtual tables, already converted). CAST to TEXT: GDAL hands the cell over unconverted.
    const std::string sql = "SELECT " + quotedIdentifier(fidColumn) + ", CAST(" + field + " AS TEXT) FROM " +
                            quotedIdentifier(OGR_L_GetName(layer)) + " WHERE typeof(" + field +
                            ") NOT IN ('integer', 'real', 'null')";
    GdalErrorCapture quiet;
    OGRLayerH result = GDALDatasetExecuteSQL(dataset, sql.c_str(), nullptr, nullptr);
    if (!result) continue;
    // GDAL takes the selected fid column as the result's FID (then only the text is a field).
    const bool fidIsField = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(result)) >= 2;
    while (OGRFeatureH raw = OGR_L_GetNextFeature(result)) {
      FeaturePtr f(raw);
      const long long fid =
          fidIsField ? OGR_F_GetFieldAsInteger64(raw, 0) : static_cast<long long>(OGR_F_GetFID(raw));
      cells[fid][i] = OGR_F_GetFieldAsString(raw, fidIsField ? 1 : 0);
    }
    GDALDatasetReleaseResultSet(dataset, result);
  }
  return cells;
}

}  // namespace clustershift::detail
