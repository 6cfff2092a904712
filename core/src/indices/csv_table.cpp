// Labelled numeric CSV tables (yearbook extracts: region × industry, IO coefficients, sectors).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <unordered_map>

#include "clustershift/indices.h"
#include "clustershift/table.h"
#include "clustershift/util.h"

namespace clustershift {

namespace detail {
namespace {

std::string baseName(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// A value cell: empty for a missing value (NaN), 10 significant digits otherwise.
std::string formatNumber(double v) { return std::isnan(v) ? "" : util::formatNumber(v, 10); }

}  // namespace
}  // namespace detail

int CsvTable::columnIndex(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i] == name) return static_cast<int>(i);
  return -1;
}

int CsvTable::rowIndex(const std::string& id) const {
  for (std::size_t i = 0; i < rowIds.size(); ++i)
    if (rowIds[i] == id) return static_cast<int>(i);
  return -1;
}

std::string CsvTable::where(int row, int column) const {
  std::ostringstream out;
  out << (path.empty() ? std::string("table") : detail::baseName(path));
  if (row >= 0 && row < static_cast<int>(rowIds.size())) {
    out << " row " << (row + 1);
    if (row < static_cast<int>(lines.size())) out << " (line " << lines[row] << ")";
    out << " id '" << rowIds[row] << "'";
  }
  if (column >= 0 && column < static_cast<int>(columns.size())) out << ", column '" << columns[column] << "'";
  return out.str();
}

Eigen::MatrixXd CsvTable::matrix() const {
  const Eigen::Index n = static_cast<Eigen::Index>(rowIds.size());
  const Eigen::Index m = static_cast<Eigen::Index>(columns.size());
  Eigen::MatrixXd out(n, m);
  for (Eigen::Index r = 0; r < n; ++r) {
    for (Eigen::Index c = 0; c < m; ++c) {
      const double v = values[r][c];
      if (std::isnan(v))
        throw InputError(where(static_cast<int>(r), static_cast<int>(c)) + ": value is empty");
      out(r, c) = v;
    }
  }
  return out;
}

CsvTable parseCsvTable(const std::string& text, const std::string& label, const CsvReadOptions& options) {
  CsvTable table;
  table.path = label;
  const std::string name = label.empty() ? std::string("table") : detail::baseName(label);
  // One record reader, one number parser, one ragged-row and duplicate-id report (table.h),
  // shared with the scenario's tables and `clustershift mcda`.
  const std::vector<CsvRecord> records = splitCsv(text, name);
  if (records.empty()) throw InputError(name + ": empty file (no header row)");
  const std::vector<std::string>& cells = records[0].cells;
  const std::string where = name + " line " + std::to_string(records[0].line);
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty() && c > 0)
      throw InputError(where + ": column " + std::to_string(c + 1) + " has an empty header");
    if (!seen.emplace(cells[c], c).second) throw InputError(where + ": duplicate column '" + cells[c] + "'");
  }
  auto columnList = [&cells] {
    std::string list;
    for (const auto& c : cells) list += (list.empty() ? "" : ", ") + c;
    return list;
  };
  std::size_t idCell = 0;
  std::vector<std::size_t> valueCells;  // cell index of each value column
  if (!options.idColumn.empty()) {
    const auto it = seen.find(options.idColumn);
    if (it == seen.end())
      throw InputError(name + ": no column '" + options.idColumn + "' (columns: " + columnList() + ")");
    idCell = it->second;
  }
  if (options.columns.empty()) {
    for (std::size_t c = 0; c < cells.size(); ++c)
      if (c != idCell) valueCells.push_back(c);
  } else {
    for (const auto& col : options.columns) {
      const auto it = seen.find(col);
      if (it == seen.end())
        throw InputError(name + ": no column '" + col + "' (columns: " + columnList() + ")");
      valueCells.push_back(it->second);
    }
  }
  if (valueCells.empty())
    throw InputError(where + ": header needs a label column and at least one value column");
  table.idColumn = cells[idCell].empty() ? std::string("id") : cells[idCell];
  for (std::size_t c : valueCells) table.columns.push_back(cells[c]);

  std::vector<Problem> problems = raggedRows(records, name);
  std::vector<std::string> ids, idWhere;
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].cells.size() != cells.size()) continue;  // reported by raggedRows
    ids.push_back(records[r].cells[idCell]);
    idWhere.push_back(name + " line " + std::to_string(records[r].line));
  }
  const std::vector<Problem> idIssues = idProblems(ids, idWhere, table.idColumn);
  problems.insert(problems.end(), idIssues.begin(), idIssues.end());
  std::unordered_map<std::string, bool> rowSeen;
  for (std::size_t r = 1; r < records.size(); ++r) {
    const CsvRecord& record = records[r];
    if (record.cells.size() != cells.size()) continue;
    const std::string& id = record.cells[idCell];
    if (id.empty() || !rowSeen.emplace(id, true).second) continue;  // reported by idProblems
    const int row = static_cast<int>(table.rowIds.size());
    const std::string rowText =
        name + " row " + std::to_string(row + 1) + " (line " + std::to_string(record.line) + ")";
    std::vector<double> values(table.columns.size(), kNaN);
    for (std::size_t c = 0; c < valueCells.size(); ++c) {
      const std::string& cell = record.cells[valueCells[c]];
      double v = 0;
      const NumberStatus status = parseNumber(cell, v);
      if (status == NumberStatus::Empty) continue;
      if (status != NumberStatus::Ok) {
        problems.push_back(Problem{Severity::Fatal,
                                   rowText + " id '" + id + "', column '" + table.columns[c] + "'",
                                   status == NumberStatus::NotANumber ? "not a number ('" + cell + "')"
                                                                      : numberProblem(status, cell),
                                   id});
        continue;
      }
      values[c] = v;
    }
    table.rowIds.push_back(id);
    table.values.push_back(std::move(values));
    table.lines.push_back(record.line);
  }
  // One problem reads as before ("t.csv row 2 (line 3) id 'B', column 'y2': not a number ('abc')");
  // several are listed together.
  std::size_t fatal = 0;
  for (const Problem& p : problems) fatal += p.severity == Severity::Fatal;
  if (fatal == 1)
    for (const Problem& p : problems)
      if (p.severity == Severity::Fatal) throw InputError(p.text());
  throwIfFatal(problems);
  if (table.rowIds.empty()) throw InputError(name + ": no data rows");
  return table;
}

CsvTable readCsvTable(const std::string& path, const CsvReadOptions& options) {
  return parseCsvTable(readWholeFile(path), path, options);
}

void writeCsvTable(const std::string& path, const CsvTable& table) {
  util::writeFileAtomically(path, [&](std::ostream& out) {
    out << util::csvQuote(table.idColumn);
    for (const auto& c : table.columns) out << ',' << util::csvQuote(c);
    out << '\n';
    for (std::size_t r = 0; r < table.rowIds.size(); ++r) {
      out << util::csvQuote(table.rowIds[r]);
      for (std::size_t c = 0; c < table.columns.size(); ++c)
        out << ',' << detail::formatNumber(table.values[r][c]);
      out << '\n';
    }
  });
}

CsvTable makeCsvTable(const std::string& idColumn, const std::vector<std::string>& rowIds,
                      const std::vector<std::string>& columns, const Eigen::MatrixXd& values) {
  if (values.rows() != static_cast<Eigen::Index>(rowIds.size()) ||
      values.cols() != static_cast<Eigen::Index>(columns.size()))
    throw InputError("table '" + idColumn + "': " + std::to_string(values.rows()) + "×" +
                     std::to_string(values.cols()) + " values for " + std::to_string(rowIds.size()) +
                     " rows and " + std::to_string(columns.size()) + " columns");
  CsvTable t;
  t.idColumn = idColumn;
  t.rowIds = rowIds;
  t.columns = columns;
  t.values.assign(rowIds.size(), std::vector<double>(columns.size(), kNaN));
  for (Eigen::Index r = 0; r < values.rows(); ++r)
    for (Eigen::Index c = 0; c < values.cols(); ++c) t.values[r][c] = values(r, c);
  return t;
}

IndustryMatrix industryMatrixFromCsv(const CsvTable& table) {
  IndustryMatrix m;
  m.regionIds = table.rowIds;
  m.industries = table.columns;
  m.values = table.values;
  return m;
}

IoTable ioTableFromCsv(const CsvTable& input, const std::string& what) {
  // An optional `national_output` column (national gross output per sector, for the FLQ)
  // stands beside the coefficients.
  CsvTable table = input;
  std::vector<double> national;
  const auto nationalIt =
      std::find(table.columns.begin(), table.columns.end(), std::string("national_output"));
  if (nationalIt != table.columns.end()) {
    const auto column = static_cast<std::size_t>(nationalIt - table.columns.begin());
    for (auto& row : table.values) {
      national.push_back(row[column]);
      row.erase(row.begin() + static_cast<std::ptrdiff_t>(column));
    }
    table.columns.erase(nationalIt);
  }
  const std::string name = table.path.empty() ? std::string("table") : detail::baseName(table.path);
  if (table.rowIds.size() != table.columns.size())
    throw InputError(name + ": " + what + " must be square, has " + std::to_string(table.rowIds.size()) +
                     " rows and " + std::to_string(table.columns.size()) + " columns");
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    if (table.rowIds[i] != table.columns[i])
      throw InputError(name + ": row " + std::to_string(i + 1) + " label '" + table.rowIds[i] +
                       "' differs from column " + std::to_string(i + 2) + " label '" + table.columns[i] +
                       "' (same sectors in the same order on both axes)");
  IoTable io;
  io.sectors = table.columns;
  io.a.resize(table.rowIds.size());
  for (std::size_t r = 0; r < table.rowIds.size(); ++r) {
    for (std::size_t c = 0; c < table.columns.size(); ++c)
      if (std::isnan(table.values[r][c]))
        throw InputError(table.where(static_cast<int>(r), static_cast<int>(c)) + ": value is empty");
    io.a[r] = table.values[r];
  }
  io.nationalOutput = national;
  return io;
}

Eigen::MatrixXd toMatrix(const IndustryMatrix& matrix) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(matrix.regionIds.size()),
                      static_cast<Eigen::Index>(matrix.industries.size()));
  for (Eigen::Index r = 0; r < out.rows(); ++r)
    for (Eigen::Index c = 0; c < out.cols(); ++c)
      out(r, c) = (r < static_cast<Eigen::Index>(matrix.values.size()) &&
                   c < static_cast<Eigen::Index>(matrix.values[r].size()))
                      ? matrix.values[r][c]
                      : kNaN;
  return out;
}

Eigen::MatrixXd toMatrix(const IoTable& table) {
  const auto n = static_cast<Eigen::Index>(table.sectors.size());
  Eigen::MatrixXd out(n, n);
  for (Eigen::Index r = 0; r < n; ++r)
    for (Eigen::Index c = 0; c < n; ++c)
      out(r, c) =
          (r < static_cast<Eigen::Index>(table.a.size()) && c < static_cast<Eigen::Index>(table.a[r].size()))
              ? table.a[r][c]
              : kNaN;
  return out;
}

}  // namespace clustershift
