#pragma once
// One number parser and one CSV record reader for every table the program reads: the scenario's
// data tables (core readers), `clustershift mcda` and `clustershift indices`. Extra cells,
// ragged rows, duplicate ids and text where a number belongs are reported the same way
// everywhere, with file, line (or fid), column and value.
#include <string>
#include <vector>

#include "clustershift/error.h"

namespace clustershift {

enum class NumberStatus { Ok, Empty, NotANumber, OutOfRange };

/// Parses a decimal number ("12.5", " -3e2 ", "+4"): C locale, surrounding spaces allowed,
/// no thousands separators ("12,345"), no "NaN"/"inf", no hex; the result is finite
/// (1e400 is OutOfRange). `value` is set only on Ok.
NumberStatus parseNumber(const std::string& text, double& value);

/// Why a cell is not a number, for messages: "is not a number ('12,345')",
/// "is out of range ('1e400')", "is empty".
std::string numberProblem(NumberStatus status, const std::string& text);

/// One CSV record: its first line number (1-based) and its cells (trimmed, quotes removed).
struct CsvRecord {
  int line = 0;
  std::vector<std::string> cells;
};

/// Splits CSV text into records. A UTF-8 BOM is skipped, blank lines are skipped, double quotes
/// group a cell ("" is a literal quote) and may span lines. Throws InputError naming `label`
/// when a quote is never closed.
std::vector<CsvRecord> splitCsv(const std::string& text, const std::string& label);

/// Every record (after the header, records[0]) whose cell count differs from the header's:
/// "t.csv line 7: has 5 cells, the header has 4 (extra cells would be ignored)". Fatal.
std::vector<Problem> raggedRows(const std::vector<CsvRecord>& records, const std::string& label);

/// Reads a file whole. Throws IoError naming it.
std::string readWholeFile(const std::string& path);

/// Duplicate and empty ids: "t.csv line 9: duplicate id 'A3' (first on line 4)". `where[i]`
/// locates ids[i] ("t.csv line 9", "parks.gpkg/parks fid=3"). Fatal.
std::vector<Problem> idProblems(const std::vector<std::string>& ids, const std::vector<std::string>& where,
                                const std::string& idColumn);

/// Throws ValidationError when `problems` holds a fatal one (all of them listed).
void throwIfFatal(const std::vector<Problem>& problems);

}  // namespace clustershift
