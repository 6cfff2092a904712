// Text stored in numeric columns. SQLite keeps 'abc', '12,345' or 'NaN' as text in a REAL
// column, and GDAL then reads 0 or 12 without a word; ask SQLite what each cell really holds.
// A shapefile's .dbf holds every cell as text: 'abc' or '12,345' in an N/F field reads as 0 or
// 12 (an Integer64 field says nothing at all); read the same .dbf again through GDAL with its
// numeric fields retyped to text (in memory: the input is never touched) and parse each cell.
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include "clustershift/table.h"
#include "clustershift/util.h"
#include "io/ogr.h"
#include "io/readers.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <functional>
#include <memory>
#include <type_traits>
#include <string>
#include <vector>

namespace clustershift::detail {
namespace {

std::vector<int> numericFields(OGRLayerH layer) {
  std::vector<int> fields;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i));
    if ((type == OFTInteger || type == OFTInteger64 || type == OFTReal) &&
        OGR_Fld_GetSubType(OGR_FD_GetFieldDefn(defn, i)) != OFSTBoolean)
      fields.push_back(i);
  }
  return fields;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// The .dbf of a shapefile layer (GDAL's file list of the dataset, matched on the layer name).
std::string dbfOf(GDALDatasetH dataset, OGRLayerH layer) {
  const std::string stem = lower(OGR_L_GetName(layer));
  std::string found;
  char** files = GDALGetFileList(dataset);
  for (char** f = files; f && *f; ++f) {
    const std::string path = *f;
    const std::string name = lower(CPLGetFilename(path.c_str()));
    if (name == stem + ".dbf") found = path;
  }
  CSLDestroy(files);
  return found;
}

/// Removes a /vsimem/ folder on every way out.
struct MemoryFolder {
  std::string path;
  ~MemoryFolder() { VSIRmdirRecursive(path.c_str()); }
};

NonNumericCells shapefileCells(GDALDatasetH dataset, OGRLayerH layer) {
  NonNumericCells cells;
  const std::vector<int> fields = numericFields(layer);
  if (fields.empty()) return cells;
  const std::string dbf = dbfOf(dataset, layer);
  if (dbf.empty()) return cells;
  static std::atomic<unsigned> counter{0};
  const MemoryFolder folder{"/vsimem/clustershift_dbf_" + std::to_string(++counter)};
  const std::string stem = CPLGetBasename(dbf.c_str());
  const std::string copy = folder.path + "/" + stem + ".dbf";
  GdalErrorCapture quiet;
  if (CPLCopyFile(copy.c_str(), dbf.c_str()) != 0) return cells;
  // The code page travels with the copy, so text is recoded as in the real read.
  const std::string cpg = CPLResetExtension(dbf.c_str(), "cpg");
  VSIStatBufL stat;
  if (VSIStatL(cpg.c_str(), &stat) == 0)
    CPLCopyFile((folder.path + "/" + stem + ".cpg").c_str(), cpg.c_str());
  const char* const drivers[] = {"ESRI Shapefile", nullptr};
  DatasetPtr ds(GDALOpenEx(copy.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr));
  if (!ds) return cells;
  OGRLayerH raw = GDALDatasetGetLayer(static_cast<GDALDatasetH>(ds.get()), 0);
  if (!raw) return cells;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(raw);
  for (int i : fields) {
    if (i >= OGR_FD_GetFieldCount(defn)) return cells;
    // Numeric -> text of the same width: GDAL changes the field's type letter, the cells stay.
    OGRFieldDefnH text = OGR_Fld_Create(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)), OFTString);
    OGR_Fld_SetWidth(text, OGR_Fld_GetWidth(OGR_FD_GetFieldDefn(defn, i)));
    const OGRErr err = OGR_L_AlterFieldDefn(raw, i, text, ALTER_TYPE_FLAG);
    OGR_Fld_Destroy(text);
    if (err != OGRERR_NONE) return cells;
  }
  OGR_L_ResetReading(raw);
  while (OGRFeatureH f = OGR_L_GetNextFeature(raw)) {
    FeaturePtr owned(f);
    for (int i : fields) {
      if (!OGR_F_IsFieldSetAndNotNull(f, i)) continue;
      const std::string cell = OGR_F_GetFieldAsString(f, i);
      // Blank or all '*' is the .dbf's NULL, as GDAL reads it.
      if (cell.find_first_not_of(" *") == std::string::npos) continue;
      double value = 0;
      if (clustershift::parseNumber(cell, value) != NumberStatus::Ok) {
        const auto b = cell.find_first_not_of(' ');
        cells[static_cast<long long>(OGR_F_GetFID(f))][i] =
            cell.substr(b, cell.find_last_not_of(' ') - b + 1);
      }
    }
  }
  return cells;
}

}  // namespace

NonNumericCells nonNumericCells(GDALDatasetH dataset, OGRLayerH layer) {
  NonNumericCells cells;
  GDALDriverH driverHandle = dataset ? GDALGetDatasetDriver(dataset) : nullptr;
  const std::string driver = driverHandle ? GDALGetDriverShortName(driverHandle) : "";
  if (layer && driver == "ESRI Shapefile") return shapefileCells(dataset, layer);
  if (!layer || (driver != "GPKG" && driver != "SQLite")) return cells;
  const char* fidColumn = OGR_L_GetFIDColumn(layer);
  if (!fidColumn || !*fidColumn) return cells;
  // One scan of the table for its numeric columns (a scan per column read a 2,850-region
  // layer's 36 MB once per column: 0.2 s of the national bench's loading): each column's cell as
  // text where it is not a number, else NULL; only the rows with such a cell. At most
  // kColumnsPerScan columns a scan: SQLite refuses an expression deeper than 1,000 (the ORs).
  constexpr std::size_t kColumnsPerScan = 200;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  std::vector<int> numeric;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    const OGRFieldType type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(defn, i));
    if (type == OFTInteger || type == OFTInteger64 || type == OFTReal) numeric.push_back(i);
  }
  // Scans columns numeric[from, to); false when SQLite refuses the query.
  auto scan = [&](std::size_t from, std::size_t to) {
    std::string columns, anyText;
    for (std::size_t k = from; k < to; ++k) {
      const std::string field =
          util::sqlIdentifier(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, numeric[k])));
      const std::string notNumber = "typeof(" + field + ") NOT IN ('integer', 'real', 'null')";
      // CAST to TEXT: GDAL hands the cell over unconverted.
      columns += ", CASE WHEN " + notNumber + " THEN CAST(" + field + " AS TEXT) END";
      anyText += (anyText.empty() ? "" : " OR ") + notNumber;
    }
    // Native SQL of the GeoPackage/SQLite driver (the "SQLITE" dialect would go through OGR
    // virtual tables, already converted). The fid as an expression: GDAL would take the fid
    // column itself as the result's FID, and the SQLite driver then numbers the rows 0, 1, 2...
    const std::string sql = "SELECT " + util::sqlIdentifier(fidColumn) + " + 0 AS clustershift_row" +
                            columns + " FROM " + util::sqlIdentifier(OGR_L_GetName(layer)) + " WHERE " +
                            anyText;
    GdalErrorCapture quiet;
    OGRLayerH result = GDALDatasetExecuteSQL(dataset, sql.c_str(), nullptr, nullptr);
    if (!result) return false;
    const std::unique_ptr<std::remove_pointer_t<OGRLayerH>, std::function<void(OGRLayerH)>> release(
        result, [dataset](OGRLayerH r) { GDALDatasetReleaseResultSet(dataset, r); });
    while (OGRFeatureH raw = OGR_L_GetNextFeature(result)) {
      FeaturePtr f(raw);
      const long long fid = OGR_F_GetFieldAsInteger64(raw, 0);
      for (std::size_t k = from; k < to; ++k) {
        const int column = 1 + static_cast<int>(k - from);
        if (OGR_F_IsFieldSetAndNotNull(raw, column))
          cells[fid][numeric[k]] = OGR_F_GetFieldAsString(raw, column);
      }
    }
    return true;
  };
  for (std::size_t from = 0; from < numeric.size(); from += kColumnsPerScan) {
    const std::size_t to = std::min(numeric.size(), from + kColumnsPerScan);
    if (scan(from, to)) continue;
    // Refused (a limit of this SQLite build): a scan per column, as before; a column whose query
    // fails is left to the reader's own conversion.
    for (std::size_t k = from; k < to; ++k) scan(k, k + 1);
  }
  return cells;
}

}  // namespace clustershift::detail
