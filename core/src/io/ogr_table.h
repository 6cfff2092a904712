#pragma once
// The one reader of tables that go through OGR (CSV, .xlsx/.ods sheets, GeoPackage/SQLite tables,
// DBF, PostgreSQL): the scenario's data tables (io/table_readers.cpp) and `clustershift mcda`
// (mcda/table_reader.cpp) read their cells here and parse them with clustershift::parseNumber.
#include <string>
#include <vector>

#include "clustershift/error.h"
#include "io/ogr.h"

namespace clustershift::detail {

/// A table as text, in file order.
struct OgrTextTable {
  std::vector<std::string> columns;            ///< every field name
  std::vector<std::vector<std::string>> rows;  ///< [row][column]: the text the cell holds, "" for NULL
  std::vector<std::string> where;  ///< per row: "t.csv line 4", "book.xlsx/Sheet1 row 7", "t.gpkg/t fid=3"
  std::vector<long long> fids;     ///< per row: the OGR feature id
};

/// Reads every row of `source` (opened with openSource or by the caller). A numeric (INTEGER/REAL,
/// N/F) cell that holds text comes back as that text (nonNumericCells), so the number parser sees
/// 'abc' or '12,345', never GDAL's 0 or 12. A CSV file is split again with splitCsv: rows whose
/// cell count differs from the header's (which OGR's CSV driver drops or pads without a word) are
/// appended to `problems`, and rows are named by their real line. Text is recoded from
/// source.recodeFrom. Never throws for data problems.
OgrTextTable readOgrTable(const OgrSource& source, const std::string& path, std::vector<Problem>& problems);

}  // namespace clustershift::detail
