// The scenario's data tables: the region x industry output table and the input-output
// coefficients, read through the one OGR table reader (io/ogr_table.h) and the one number parser.
#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "clustershift/table.h"
#include "clustershift/util.h"
#include "io/ogr.h"
#include "io/ogr_table.h"
#include "io/readers.h"

namespace clustershift::detail {

namespace {

/// Reads a table source: key column + the other columns, as text. Rows keep file order.
struct TextTable {
  std::string label;
  std::vector<std::string> columns;  ///< value columns (not the key)
  std::vector<std::string> keys;
  std::vector<std::string>
      rows;  ///< where each row sits: "t.csv line 3", "book.xlsx/Sheet1 row 7", "t.gpkg/t fid=3"
  std::vector<std::vector<std::string>> cells;
};

TextTable readTextTable(const DataSource& source, const std::string& what, const std::string& keyColumn,
                        std::vector<Problem>& problems, bool& ok) {
  OgrSource src = openSource(source, what, /*plainCsv=*/true);
  TextTable table;
  table.label = src.tableLabel;
  ok = true;
  OgrTextTable all = readOgrTable(src, source.path, problems);
  std::string keyName = source.field(keyColumn);
  int keyIndex = src.fieldIndex(keyName);
  if (keyIndex < 0) {
    // A table whose first column is the key under another name still reads.
    if (!source.fields.count(keyColumn) && !all.columns.empty()) {
      keyIndex = 0;
    } else {
      std::string list;
      for (const std::string& n : all.columns) list += (list.empty() ? "" : ", ") + n;
      fileProblem(problems, Severity::Fatal, table.label,
                  "column '" + keyName + "' not found (columns: " + list + ")", {}, "table_column_not_found",
                  {{"column", keyName}, {"columns", list}});
      ok = false;
      return table;
    }
  }
  const auto key = static_cast<std::size_t>(keyIndex);
  for (std::size_t c = 0; c < all.columns.size(); ++c)
    if (c != key) table.columns.push_back(all.columns[c]);
  for (std::size_t r = 0; r < all.rows.size(); ++r) {
    table.keys.push_back(all.rows[r][key]);
    table.rows.push_back(all.where[r]);
    std::vector<std::string> row;
    for (std::size_t c = 0; c < all.columns.size(); ++c)
      if (c != key) row.push_back(std::move(all.rows[r][c]));
    table.cells.push_back(std::move(row));
  }
  if (table.keys.empty()) {
    fileProblem(problems, Severity::Fatal, table.label, "has no rows", {}, "table_no_rows");
    ok = false;
  }
  return table;
}

/// Parses a cell; adds a located problem and returns NaN when it is not a number.
double tableNumber(const TextTable& t, std::size_t row, std::size_t column, const std::string& keyLabel,
                   std::vector<Problem>& problems) {
  std::string where =
      t.rows[row] + " (" + keyLabel + " '" + t.keys[row] + "') column '" + t.columns[column] + "'";
  const std::string& text = t.cells[row][column];
  double value = kNaN;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fileProblem(problems, Severity::Warning, where, "is empty", {}, "empty");
    return kNaN;
  }
  const NumberStatus status = clustershift::parseNumber(text, value);
  if (status != NumberStatus::Ok) {
    fileProblem(problems, Severity::Fatal, where, numberProblem(status, text), {}, numberCode(status),
                {{"value", text}});
    return kNaN;
  }
  if (value < 0) {
    fileProblem(problems, Severity::Fatal, where, "is negative (" + util::formatNumber(value) + ")", {},
                "negative", {{"value", util::formatNumber(value)}});
  }
  return value;
}

}  // namespace

IndustryMatrix readIndustryMatrix(const DataSource& source, std::vector<Problem>& problems) {
  bool ok = false;
  TextTable t = readTextTable(source, "industry_output", "region_id", problems, ok);
  IndustryMatrix m;
  if (!ok) return m;
  m.industries = t.columns;
  std::set<std::string> seen;
  for (std::size_t r = 0; r < t.keys.size(); ++r) {
    if (t.keys[r].empty()) {
      fileProblem(problems, Severity::Fatal, t.rows[r], "empty region id", {}, "empty_id");
      continue;
    }
    if (!seen.insert(t.keys[r]).second) {
      fileProblem(problems, Severity::Fatal, t.rows[r], "duplicate region id '" + t.keys[r] + "'", t.keys[r],
                  "duplicate_row_id", {{"id", t.keys[r]}});
      continue;
    }
    std::vector<double> row;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      row.push_back(tableNumber(t, r, c, "region", problems));
    }
    m.regionIds.push_back(t.keys[r]);
    m.values.push_back(std::move(row));
  }
  return m;
}

IoTable readIoTable(const DataSource& source, std::vector<Problem>& problems) {
  bool ok = false;
  TextTable t = readTextTable(source, "io_table", "sector", problems, ok);
  IoTable io;
  if (!ok) return io;
  // Optional national totals (gross output by sector) for the FLQ, beside the coefficients.
  const auto national = std::find(t.columns.begin(), t.columns.end(), std::string("national_output"));
  std::optional<std::size_t> nationalColumn;
  if (national != t.columns.end()) nationalColumn = static_cast<std::size_t>(national - t.columns.begin());
  std::set<std::string> rows(t.keys.begin(), t.keys.end());
  std::set<std::string> columns(t.columns.begin(), t.columns.end());
  columns.erase("national_output");
  if (rows.size() != t.keys.size() || rows != columns) {
    std::string missingColumns, missingRows;
    for (const std::string& r : rows) {
      if (!columns.count(r)) missingColumns += (missingColumns.empty() ? "" : ", ") + r;
    }
    for (const std::string& c : columns) {
      if (!rows.count(c)) missingRows += (missingRows.empty() ? "" : ", ") + c;
    }
    const bool duplicates = rows.size() != t.keys.size();
    fileProblem(problems, Severity::Fatal, t.label,
                "not a square table with the same sectors on both axes" +
                    (missingColumns.empty() ? "" : "; no column for: " + missingColumns) +
                    (missingRows.empty() ? "" : "; no row for: " + missingRows) +
                    (duplicates ? "; duplicate row labels" : ""),
                {}, "io_not_square",
                {{"missing_columns", missingColumns},
                 {"missing_rows", missingRows},
                 {"duplicate_rows", duplicates ? "yes" : ""}});
    return io;
  }
  // Columns reordered to the row order, so a[i][j] is input of sector i per unit of j.
  std::vector<std::size_t> columnOf(t.keys.size());
  for (std::size_t i = 0; i < t.keys.size(); ++i) {
    columnOf[i] = static_cast<std::size_t>(std::find(t.columns.begin(), t.columns.end(), t.keys[i]) -
                                           t.columns.begin());
  }
  io.sectors = t.keys;
  io.a.assign(t.keys.size(), std::vector<double>(t.keys.size(), kNaN));
  for (std::size_t i = 0; i < t.keys.size(); ++i) {
    for (std::size_t j = 0; j < t.keys.size(); ++j) {
      io.a[i][j] = tableNumber(t, i, columnOf[j], "sector", problems);
    }
  }
  if (nationalColumn) {
    io.nationalOutput.assign(t.keys.size(), kNaN);
    for (std::size_t i = 0; i < t.keys.size(); ++i) {
      io.nationalOutput[i] = tableNumber(t, i, *nationalColumn, "sector", problems);
      if (io.nationalOutput[i] < 0)
        fileProblem(problems, Severity::Fatal, t.label + " row '" + t.keys[i] + "'",
                    "column 'national_output' is negative (" + util::formatNumber(io.nationalOutput[i]) + ")",
                    {}, "column_negative",
                    {{"column", "national_output"}, {"value", util::formatNumber(io.nationalOutput[i])}});
    }
  }
  // A productive economy needs every column sum of A below 1 (Hawkins–Simon).
  for (std::size_t j = 0; j < t.keys.size(); ++j) {
    double sum = 0;
    for (std::size_t i = 0; i < t.keys.size(); ++i) {
      if (!std::isnan(io.a[i][j])) sum += io.a[i][j];
    }
    if (sum >= 1.0) {
      fileProblem(problems, Severity::Fatal, t.label + " column '" + t.keys[j] + "'",
                  "coefficients sum to " + util::formatNumber(sum) + " (must be < 1)", {}, "coefficients_sum",
                  {{"sum", util::formatNumber(sum)}});
    }
  }
  return io;
}

}  // namespace clustershift::detail
