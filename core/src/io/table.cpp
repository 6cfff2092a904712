#include "clustershift/table.h"
#include "clustershift/util.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace clustershift {
using util::trim;

NumberStatus parseNumber(const std::string& text, double& value) {
  std::string t = trim(text);
  if (t.empty()) return NumberStatus::Empty;
  std::size_t start = 0;
  if (t[0] == '+') start = 1;
  if (start >= t.size() || (start == 1 && (t[1] == '-' || t[1] == '+'))) return NumberStatus::NotANumber;
  // from_chars: C locale whatever the process locale (Qt sets it from the environment).
  for (std::size_t i = start; i < t.size(); ++i) {
    const char c = t[i];
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+'))
      return NumberStatus::NotANumber;  // letters (nan, inf, 0x), commas, units
  }
  double v = 0;
  const char* first = t.data() + start;
  const char* last = t.data() + t.size();
  const auto [end, error] = std::from_chars(first, last, v, std::chars_format::general);
  if (error == std::errc::result_out_of_range) return NumberStatus::OutOfRange;
  if (error != std::errc() || end != last) return NumberStatus::NotANumber;
  if (!std::isfinite(v)) return NumberStatus::OutOfRange;
  value = v;
  return NumberStatus::Ok;
}

std::string numberProblem(NumberStatus status, const std::string& text) {
  switch (status) {
    case NumberStatus::Ok:
      return "is a number";
    case NumberStatus::Empty:
      return "is empty";
    case NumberStatus::OutOfRange:
      return "is out of range ('" + text + "')";
    case NumberStatus::NotANumber:
      break;
  }
  return "is not a number ('" + text + "')";
}

std::vector<CsvRecord> splitCsv(const std::string& text, const std::string& label) {
  std::vector<CsvRecord> records;
  std::size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  int line = 1;
  CsvRecord record;
  record.line = line;
  std::string cell;
  bool quoted = false, any = false;
  int quoteLine = 0;
  auto endCell = [&] {
    record.cells.push_back(trim(cell));
    cell.clear();
  };
  auto endRecord = [&] {
    endCell();
    const bool blank = !any && record.cells.size() == 1 && record.cells[0].empty();
    if (!blank) records.push_back(std::move(record));
    record = CsvRecord{};
    any = false;
  };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
      quoteLine = line;
    } else if (c == ',') {
      endCell();
      any = true;
    } else if (c == '\n') {
      endRecord();
      record.line = ++line;
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (quoted)
    throw InputError(
        label + " line " + std::to_string(quoteLine) + ": a quote (\") is opened and never closed",
        "unclosed_quote", {{"where", label + " line " + std::to_string(quoteLine)}});
  if (any || !trim(cell).empty()) endRecord();
  return records;
}

std::vector<Problem> raggedRows(const std::vector<CsvRecord>& records, const std::string& label) {
  std::vector<Problem> problems;
  if (records.empty()) return problems;
  const std::size_t header = records[0].cells.size();
  for (std::size_t r = 1; r < records.size(); ++r) {
    const std::size_t n = records[r].cells.size();
    if (n == header) continue;
    problems.push_back(codedProblem(Severity::Fatal, label + " line " + std::to_string(records[r].line),
                                    "has " + std::to_string(n) + " cells, the header has " +
                                        std::to_string(header) +
                                        (n > header ? " (extra cells would be ignored)" : " (missing cells)"),
                                    {}, n > header ? "row_extra_cells" : "row_missing_cells",
                                    {{"count", std::to_string(n)}, {"header", std::to_string(header)}}));
  }
  return problems;
}

std::string readWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open for reading", "cannot_open", {{"file", path}});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(path + ": read error");
  return buffer.str();
}

std::vector<Problem> idProblems(const std::vector<std::string>& ids, const std::vector<std::string>& where,
                                const std::string& idColumn) {
  std::vector<Problem> problems;
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string at = i < where.size() ? where[i] : "row " + std::to_string(i + 1);
    if (trim(ids[i]).empty()) {
      problems.push_back(codedProblem(Severity::Fatal, at, "empty id in column '" + idColumn + "'", {},
                                      "empty_id_in_column", {{"column", idColumn}}));
      continue;
    }
    const auto [it, fresh] = first.emplace(ids[i], i);
    if (!fresh) {
      const std::string firstAt =
          it->second < where.size() ? where[it->second] : "row " + std::to_string(it->second + 1);
      problems.push_back(codedProblem(
          Severity::Fatal, at,
          "duplicate id '" + ids[i] + "' in column '" + idColumn + "' (first at " + firstAt + ")", ids[i],
          "duplicate_id_in_column", {{"id", ids[i]}, {"column", idColumn}, {"first", firstAt}}));
    }
  }
  return problems;
}

void throwIfFatal(const std::vector<Problem>& problems) {
  for (const Problem& p : problems)
    if (p.severity == Severity::Fatal) throw ValidationError(problems);
}

}  // namespace clustershift
