#include "io/spreadsheet.h"

#include <cpl_conv.h>
#include <cpl_string.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

#include "clustershift/error.h"
#include "clustershift/gdal_options.h"
#include "clustershift/util.h"
#include "io/readers.h"

namespace clustershift::detail {

namespace fs = std::filesystem;

bool isSpreadsheetPath(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx" || ext == ".ods";
}

std::string withoutThousandsSeparators(const std::string& text) {
  static const std::regex grouped(R"(^([+-]?)(\d{1,3}(,\d{3})+)(\.\d+)?$)");
  if (!std::regex_match(text, grouped)) return text;
  std::string out;
  std::copy_if(text.begin(), text.end(), std::back_inserter(out), [](char c) { return c != ','; });
  return out;
}

namespace {

std::string trim(const std::string& text) {
  std::string t = util::trim(text);
  // Full-width spaces (U+3000) pad many yearbook cells.
  const std::string ideographicSpace = "\xE3\x80\x80";
  while (t.rfind(ideographicSpace, 0) == 0) t.erase(0, ideographicSpace.size());
  while (t.size() >= ideographicSpace.size() &&
         t.compare(t.size() - ideographicSpace.size(), ideographicSpace.size(), ideographicSpace) == 0)
    t.erase(t.size() - ideographicSpace.size());
  return t;
}

bool isNumberCell(const std::string& text) {
  double value = 0;
  return parseNumber(withoutThousandsSeparators(text), value);
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// A cell that names a unit: "亿元", "(万人)", "%", "单位：亿元", "Unit: 100 million yuan".
bool isUnitText(const std::string& cell) {
  std::string t = lower(cell);
  for (const char* bracket : {"(", ")", "（", "）", "[", "]", " "}) {
    for (std::size_t at = t.find(bracket); at != std::string::npos; at = t.find(bracket))
      t.erase(at, std::string(bracket).size());
  }
  if (t.rfind("单位", 0) == 0 || t.rfind("unit", 0) == 0) return true;
  static const std::set<std::string> units = {
      "亿元",      "万元",       "千元",         "元",      "万人",    "人",
      "万户",      "户",         "个",           "家",      "%",       "％",
      "‰",         "吨",         "万吨",         "公顷",    "亩",      "平方米",
      "平方公里",  "km",         "km2",          "km²",     "ha",      "m2",
      "m²",        "元/平方米",  "元/人",        "元/年",   "yuan",    "100millionyuan",
      "10000yuan", "10kpersons", "10000persons", "persons", "yuan/m2", "yuan/m²",
      "yuan/year", "hectares",   "tons",         "percent"};
  return units.count(t) > 0;
}

bool isEmptyRow(const SheetRow& row) {
  return std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return c.empty(); });
}

std::size_t filledCount(const SheetRow& row) {
  return static_cast<std::size_t>(
      std::count_if(row.cells.begin(), row.cells.end(), [](const std::string& c) { return !c.empty(); }));
}

bool isUnitRow(const SheetRow& row) {
  bool any = false;
  for (const std::string& cell : row.cells) {
    if (cell.empty()) continue;
    if (!isUnitText(cell)) return false;
    any = true;
  }
  return any;
}

/// A key in the first column and numbers in at least half of the other filled cells.
bool isDataRow(const SheetRow& row) {
  if (row.cells.empty() || row.cells[0].empty()) return false;
  std::size_t filled = 0, numbers = 0;
  for (std::size_t c = 1; c < row.cells.size(); ++c) {
    if (row.cells[c].empty()) continue;
    ++filled;
    if (isNumberCell(row.cells[c])) ++numbers;
  }
  return numbers > 0 && 2 * numbers >= filled;
}

/// Footnotes under a yearbook table: only the first cell filled, starting with a note marker.
bool isFootnote(const SheetRow& row) {
  if (row.cells.empty() || row.cells[0].empty() || filledCount(row) != 1) return false;
  const std::string first = lower(row.cells[0]);
  for (const char* marker : {"注", "说明", "资料来源", "数据来源", "note", "source", "*"}) {
    if (first.rfind(marker, 0) == 0) return true;
  }
  return false;
}

std::string columnLetter(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

}  // namespace

SheetLayout findLayout(const std::vector<SheetRow>& rows, long long headerRow, const std::string& label) {
  SheetLayout layout;
  std::size_t header = rows.size();
  if (headerRow > 0) {
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].number == headerRow) header = i;
    if (header == rows.size() || isEmptyRow(rows[header]))
      throw IoError(label + ": header_row " + std::to_string(headerRow) + " is empty or beyond the last row");
  } else {
    std::size_t firstData = rows.size();
    for (std::size_t i = 0; i < rows.size() && firstData == rows.size(); ++i)
      if (isDataRow(rows[i])) firstData = i;
    if (firstData == rows.size()) {
      throw IoError(label +
                    ": no data rows found (a row with a key in column A and numbers in the other columns); "
                    "set \"header_row\" to the row that names the columns");
    }
    for (std::size_t i = firstData; i-- > 0;) {
      if (isEmptyRow(rows[i]) || isUnitRow(rows[i])) continue;
      if (filledCount(rows[i]) >= 2) header = i;
      break;  // a row with one filled cell is a title: nothing names the columns above the data
    }
    // Column names that are numbers (industry codes "13", "14", years) make the header look
    // like data: with no header above it, the first such row names the columns.
    if (header == rows.size()) header = firstData;
  }
  layout.headerRow = rows[header].number;

  // The header block: the header and the rows directly above it with two or more filled cells
  // (a title row has one). Vertically merged cells leave the lower cells empty.
  std::size_t blockTop = header;
  while (blockTop > 0 && filledCount(rows[blockTop - 1]) >= 2 && !isUnitRow(rows[blockTop - 1])) --blockTop;

  // Data rows and the width of the table.
  std::size_t width = rows[header].cells.size();
  for (std::size_t i = header + 1; i < rows.size(); ++i) {
    const SheetRow& row = rows[i];
    if (isEmptyRow(row) || isFootnote(row)) continue;
    if (layout.dataRows.empty() && isUnitRow(row)) {
      layout.unitRows.push_back(row.number);
      continue;
    }
    layout.dataRows.push_back(row.number);
    for (std::size_t c = row.cells.size(); c > width; --c)
      if (!row.cells[c - 1].empty()) {
        width = c;
        break;
      }
  }
  if (layout.dataRows.empty())
    throw IoError(label + ": no data rows below the header row " + std::to_string(layout.headerRow));

  // Column names: the header cell, or the nearest text above it in the header block.
  std::vector<std::string> found(width);
  std::map<std::string, int> uses;
  for (std::size_t c = 0; c < width; ++c) {
    for (std::size_t r = header + 1; r-- > blockTop && found[c].empty();)
      if (c < rows[r].cells.size()) found[c] = rows[r].cells[c];
    if (!found[c].empty()) ++uses[found[c]];
  }
  // A name repeated under groups merged across the row above ("2021年" over 产值, 增速; "2022年"
  // over 产值, 增速) takes its group: "2021年 产值".
  if (header > blockTop) {
    const std::vector<std::string>& above = rows[header - 1].cells;
    std::string group;
    std::vector<std::string> composed = found;
    for (std::size_t c = 0; c < width; ++c) {
      if (c < above.size() && !above[c].empty()) group = above[c];
      if (!found[c].empty() && uses[found[c]] > 1 && !group.empty() && group != found[c])
        composed[c] = group + " " + found[c];
    }
    found = composed;
  }

  std::set<std::string> names;
  std::string problems;
  for (std::size_t c = 0; c < width; ++c) {
    const std::string& name = found[c];
    if (name.empty()) {
      bool hasData = false;
      for (std::size_t i = header + 1; i < rows.size(); ++i)
        if (c < rows[i].cells.size() && !rows[i].cells[c].empty() && !isFootnote(rows[i])) hasData = true;
      if (!hasData) continue;  // an empty spacer column
      problems +=
          std::string(problems.empty() ? "" : "; ") + "column " + columnLetter(c) + " has data but no name";
      continue;
    }
    if (!names.insert(name).second) {
      problems += std::string(problems.empty() ? "" : "; ") + "column " + columnLetter(c) +
                  " repeats the name '" + name + "'";
      continue;
    }
    layout.columns.push_back(name);
    layout.columnIndex.push_back(c);
  }
  if (!problems.empty()) {
    throw IoError(label + ": header row " + std::to_string(layout.headerRow) + ": " + problems +
                  " (set \"header_row\" to the row that names the columns)");
  }
  return layout;
}

namespace {

/// The drivers' header and type detection off for one read (restored after it).
ThreadConfigOptions sheetReadOptions() {
  return ThreadConfigOptions{{"OGR_XLSX_HEADERS", "DISABLE"},
                             {"OGR_ODS_HEADERS", "DISABLE"},
                             {"OGR_XLSX_FIELD_TYPES", "STRING"},
                             {"OGR_ODS_FIELD_TYPES", "STRING"}};
}

}  // namespace

OgrSource openSpreadsheet(const DataSource& source, const std::string& what) {
  ensureGdal();
  const std::string fileName = fs::path(source.path).filename().string();
  std::error_code ec;
  if (!fs::exists(source.path, ec)) throw IoError(what + ": " + source.path + ": file not found");

  std::vector<SheetRow> rows;
  std::string sheet;
  {
    // The drivers parse a sheet when it is first read: the options stay set until then.
    const ThreadConfigOptions options = sheetReadOptions();
    GdalErrorCapture capture;
    DatasetPtr file(
        GDALOpenEx(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!file) {
      const std::string message = capture.lastMessage();
      throw IoError(what + ": " + source.path + ": cannot open as a spreadsheet" +
                    (message.empty() ? "" : " (" + message + ")"));
    }
    GDALDatasetH ds = static_cast<GDALDatasetH>(file.get());
    const int count = GDALDatasetGetLayerCount(ds);
    if (count == 0) throw IoError(what + ": " + source.path + ": has no sheets");
    OGRLayerH layer = source.layer.empty() ? GDALDatasetGetLayer(ds, 0)
                                           : GDALDatasetGetLayerByName(ds, source.layer.c_str());
    if (!layer) {
      std::string names;
      for (int i = 0; i < count; ++i)
        names += (i ? ", " : "") + std::string(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
      throw IoError(what + ": " + source.path + ": no sheet '" + source.layer + "' (sheets: " + names + ")");
    }
    sheet = OGR_L_GetName(layer);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH raw = OGR_L_GetNextFeature(layer)) {
      FeaturePtr feature(raw);
      SheetRow row;
      row.number = static_cast<long long>(OGR_F_GetFID(raw));
      for (int i = 0; i < OGR_F_GetFieldCount(raw); ++i)
        row.cells.push_back(OGR_F_IsFieldSetAndNotNull(raw, i) ? trim(OGR_F_GetFieldAsString(raw, i))
                                                               : std::string());
      rows.push_back(std::move(row));
    }
  }
  const std::string label = fileName + "/" + sheet;
  const SheetLayout layout = findLayout(rows, source.headerRow, what + ": " + label);

  // The table as a memory layer: text columns named from the header, feature id = sheet row.
  OgrSource out;
  GDALDriverH memory = GDALGetDriverByName("Memory");
  out.dataset.reset(GDALCreate(memory, "", 0, 0, 0, GDT_Unknown, nullptr));
  if (!out.dataset) throw IoError(what + ": " + label + ": cannot create the in-memory table");
  GDALDatasetH ds = static_cast<GDALDatasetH>(out.dataset.get());
  out.layer = GDALDatasetCreateLayer(ds, sheet.c_str(), nullptr, wkbNone, nullptr);
  for (const std::string& name : layout.columns) {
    OGRFieldDefnH field = OGR_Fld_Create(name.c_str(), OFTString);
    OGR_L_CreateField(out.layer, field, TRUE);
    OGR_Fld_Destroy(field);
  }
  std::size_t next = 0;
  for (long long number : layout.dataRows) {
    while (rows[next].number != number) ++next;
    FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(out.layer)));
    auto f = static_cast<OGRFeatureH>(feature.get());
    OGR_F_SetFID(f, static_cast<GIntBig>(number));
    for (std::size_t k = 0; k < layout.columnIndex.size(); ++k) {
      const std::size_t c = layout.columnIndex[k];
      if (c < rows[next].cells.size() && !rows[next].cells[c].empty())
        OGR_F_SetFieldString(f, static_cast<int>(k), withoutThousandsSeparators(rows[next].cells[c]).c_str());
    }
    if (OGR_L_CreateFeature(out.layer, f) != OGRERR_NONE)
      throw IoError(what + ": " + label + ": cannot copy row " + std::to_string(number));
  }
  out.driver = lower(fs::path(source.path).extension().string()) == ".ods" ? "ODS" : "XLSX";
  out.fileName = fileName;
  out.layerName = sheet;
  out.label = label;
  out.tableLabel = label;
  out.rowIdPrefix = "row ";
  OGR_L_ResetReading(out.layer);
  return out;
}

}  // namespace clustershift::detail
