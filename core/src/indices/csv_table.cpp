// Labelled numeric CSV tables (yearbook extracts: region × industry, IO coefficients, sectors).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <unordered_map>

#include "clustershift/indices.h"

namespace clustershift {

namespace detail {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Splits one CSV record. Double quotes group a cell; "" inside quotes is a literal quote.
std::vector<std::string> splitRecord(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(trim(cell));
  return cells;
}

bool parseNumber(const std::string& text, double& value) {
  if (text.empty()) return false;
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  value = std::strtod(begin, &end);
  if (end == begin || *end != '\0' || errno == ERANGE) return false;
  return std::isfinite(value);
}

std::string baseName(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string formatNumber(double v) {
  if (std::isnan(v)) return "";
  std::ostringstream out;
  out << std::setprecision(10) << v;
  return out.str();
}

std::string quoteIfNeeded(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

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
  if (column >= 0 && column < static_cast<int>(columns.size()))
    out << ", column '" << columns[column] << "'";
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

CsvTable parseCsvTable(const std::string& text, const std::string& label,
                       const CsvReadOptions& options) {
  CsvTable table;
  table.path = label;
  const std::string name = label.empty() ? std::string("table") : detail::baseName(label);
  std::istringstream in(text);
  std::string line;
  int lineNo = 0;
  bool haveHeader = false;
  std::size_t headerCells = 0;
  std::size_t idCell = 0;
  std::vector<std::size_t> valueCells;  // cell index of each value column
  std::unordered_map<std::string, int> seenRows;
  while (std::getline(in, line)) {
    ++lineNo;
    if (lineNo == 1 && line.size() >= 3 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
    if (detail::trim(line).empty()) continue;
    auto cells = detail::splitRecord(line);
    if (!haveHeader) {
      const std::string where = name + " line " + std::to_string(lineNo);
      std::unordered_map<std::string, std::size_t> seen;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].empty() && c > 0)
          throw InputError(where + ": column " + std::to_string(c + 1) + " has an empty header");
        if (!seen.emplace(cells[c], c).second)
          throw InputError(where + ": duplicate column '" + cells[c] + "'");
      }
      auto columnList = [&cells] {
        std::string list;
        for (const auto& c : cells) list += (list.empty() ? "" : ", ") + c;
        return list;
      };
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
      headerCells = cells.size();
      haveHeader = true;
      continue;
    }
    const int row = static_cast<int>(table.rowIds.size());
    const std::string rowText =
        name + " row " + std::to_string(row + 1) + " (line " + std::to_string(lineNo) + ")";
    if (cells.size() != headerCells)
      throw InputError(rowText + ": has " + std::to_string(cells.size()) + " cells, header has " +
                       std::to_string(headerCells));
    const std::string& id = cells[idCell];
    if (id.empty()) throw InputError(rowText + ": empty label in column '" + table.idColumn + "'");
    if (!seenRows.emplace(id, row).second) throw InputError(rowText + ": duplicate id '" + id + "'");
    std::vector<double> values(table.columns.size(), kNaN);
    for (std::size_t c = 0; c < valueCells.size(); ++c) {
      const std::string& cell = cells[valueCells[c]];
      if (cell.empty()) continue;
      double v = 0;
      if (!detail::parseNumber(cell, v))
        throw InputError(rowText + " id '" + id + "', column '" + table.columns[c] + "': not a number ('" +
                         cell + "')");
      values[c] = v;
    }
    table.rowIds.push_back(id);
    table.values.push_back(std::move(values));
    table.lines.push_back(lineNo);
  }
  if (!haveHeader) throw InputError(name + ": empty file (no header row)");
  if (table.rowIds.empty()) throw InputError(name + ": no data rows");
  return table;
}

CsvTable readCsvTable(const std::string& path, const CsvReadOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open for reading");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(path + ": read error");
  return parseCsvTable(buffer.str(), path, options);
}

void writeCsvTable(const std::string& path, const CsvTable& table) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError(path + ": cannot open for writing");
    out << detail::quoteIfNeeded(table.idColumn);
    for (const auto& c : table.columns) out << ',' << detail::quoteIfNeeded(c);
    out << '\n';
    for (std::size_t r = 0; r < table.rowIds.size(); ++r) {
      out << detail::quoteIfNeeded(table.rowIds[r]);
      for (std::size_t c = 0; c < table.columns.size(); ++c)
        out << ',' << detail::formatNumber(table.values[r][c]);
      out << '\n';
    }
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw IoError(path + ": write error");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw IoError(path + ": cannot rename temporary file into place");
  }
}

CsvTable makeCsvTable(const std::string& idColumn, const std::vector<std::string>& rowIds,
                      const std::vector<std::string>& columns, const Eigen::MatrixXd& values) {
  if (values.rows() != static_cast<Eigen::Index>(rowIds.size()) ||
      values.cols() != static_cast<Eigen::Index>(columns.size()))
    throw InputError("table '" + idColumn + "': " + std::to_string(values.rows()) + "×" +
                     std::to_string(values.cols()) + " values for " +
                     std::to_string(rowIds.size()) + " rows and " +
                     std::to_string(columns.size()) + " columns");
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
  const auto nationalIt = std::find(table.columns.begin(), table.columns.end(), std::string("national_output"));
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
    throw InputError(name + ": " + what + " must be square, has " +
                     std::to_string(table.rowIds.size()) + " rows and " +
                     std::to_string(table.columns.size()) + " columns");
  for (std::size_t i = 0; i < table.columns.size(); ++i)
    if (table.rowIds[i] != table.columns[i])
      throw InputError(name + ": row " + std::to_string(i + 1) + " label '" + table.rowIds[i] +
                       "' differs from column " + std::to_string(i + 2) + " label '" +
                       table.columns[i] + "' (same sectors in the same order on both axes)");
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
      out(r, c) = (r < static_cast<Eigen::Index>(table.a.size()) &&
                   c < static_cast<Eigen::Index>(table.a[r].size()))
                      ? table.a[r][c]
                      : kNaN;
  return out;
}

}  // namespace clustershift
