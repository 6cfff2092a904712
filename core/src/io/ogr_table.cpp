#include "io/ogr_table.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "clustershift/table.h"
#include "io/readers.h"

namespace clustershift::detail {
namespace {

bool isCsvFile(const OgrSource& source, const std::string& path) {
  if (source.driver != "CSV") return false;
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".csv";
}

}  // namespace

OgrTextTable readOgrTable(const OgrSource& source, const std::string& path, std::vector<Problem>& problems) {
  OgrTextTable table;
  std::vector<CsvRecord> records;
  if (isCsvFile(source, path)) {
    try {
      records = splitCsv(readWholeFile(path), source.fileName);
      const std::vector<Problem> ragged = raggedRows(records, source.fileName);
      problems.insert(problems.end(), ragged.begin(), ragged.end());
    } catch (const Error& e) {
      problems.push_back(errorProblem(e));
      records.clear();
    }
  }
  const NonNumericCells bad = nonNumericCells(source.dataset.get(), source.layer);
  OGRFeatureDefnH defn = source.definition();
  const int count = OGR_FD_GetFieldCount(defn);
  for (int k = 0; k < count; ++k)
    table.columns.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, k)));
  OGR_L_ResetReading(source.layer);
  while (OGRFeatureH raw = OGR_L_GetNextFeature(source.layer)) {
    FeaturePtr feature(raw);
    const long long fid = static_cast<long long>(OGR_F_GetFID(raw));
    const auto badRow = bad.find(fid);
    std::vector<std::string> row(static_cast<std::size_t>(count));
    for (int k = 0; k < count; ++k) {
      if (badRow != bad.end() && badRow->second.count(k))
        row[static_cast<std::size_t>(k)] = badRow->second.at(k);
      else
        row[static_cast<std::size_t>(k)] = source.text(raw, k);
    }
    const std::size_t index = table.rows.size();
    std::string where;
    if (!records.empty())
      where =
          source.fileName + " line " +
          std::to_string(index + 1 < records.size() ? records[index + 1].line : static_cast<int>(index) + 2);
    else if (!source.rowIdPrefix.empty())
      where = source.tableLabel + " " + source.rowIdPrefix + std::to_string(fid);
    else
      where = source.label + " fid=" + std::to_string(fid);
    table.where.push_back(std::move(where));
    table.fids.push_back(fid);
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace clustershift::detail
