#pragma once
// Spreadsheet tables (.xlsx, .ods through GDAL's XLSX/ODS drivers) as they arrive from
// statistical yearbooks: a title row or two, a header that may span two rows (merged cells),
// a units row, the data, and footnotes. Every cell is read as text (numbers stored as text
// included) and the readers parse it, so a sheet whose cells are all text still reads.
#include <string>
#include <vector>

#include "clustershift/scenario.h"
#include "io/ogr.h"

namespace clustershift::detail {

/// True for .xlsx and .ods paths (any letter case).
bool isSpreadsheetPath(const std::string& path);

/// One sheet row: its 1-based number in the sheet and its cells as trimmed text ("" = empty).
struct SheetRow {
  long long number = 0;
  std::vector<std::string> cells;
};

/// Where the table sits in a sheet.
struct SheetLayout {
  long long headerRow = 0;               ///< the row naming the columns (1-based)
  std::vector<std::string> columns;      ///< one name per kept column
  std::vector<std::size_t> columnIndex;  ///< sheet column (0-based) of each kept column
  std::vector<long long> unitRows;       ///< rows between header and data holding units (skipped)
  std::vector<long long> dataRows;       ///< rows read as table rows
};

/// Finds the header and the data rows. headerRow > 0 takes that row as the header; 0 detects
/// it: the first data row is the first row with a key in the first column and numbers in at
/// least half of its other filled cells; the header is the nearest row above it, skipping empty
/// and units rows ("亿元", "万人", "%", "单位：…", "yuan"…), when that row has two or more filled
/// cells (else the first data row itself names the columns: numeric codes "13", "14"). A header
/// cell left empty by a vertically merged cell takes the nearest text above it within the header
/// block; a name repeated under groups merged across the row above takes the group ("2021年 产值").
/// Rows after the header that are empty, units rows or footnotes ("注：…", "Source: …") are
/// skipped. Throws IoError starting with `label` when no header or data can be found, or a
/// column with data has no name or a duplicate one.
SheetLayout findLayout(const std::vector<SheetRow>& rows, long long headerRow, const std::string& label);

/// "1,234.5" -> "1234.5" (thousands separators in the usual 3-digit groups); other text unchanged.
std::string withoutThousandsSeparators(const std::string& text);

/// Opens one sheet (source.layer, default the first) as a text table whose feature ids are the
/// sheet rows (OgrSource::rowIdPrefix "row "). Throws IoError naming the file and the sheet.
OgrSource openSpreadsheet(const DataSource& source, const std::string& what);

}  // namespace clustershift::detail
