// Yearbook spreadsheets (.xlsx, .ods) as industry-output and IO tables. The sheets are written
// with GDAL's own XLSX/ODS writers: fields named Field1…FieldN get no header row, so every row
// below is a sheet row exactly as a yearbook has it (merged cells read as one filled cell).
#include "io/spreadsheet.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "clustershift/error.h"
#include "io/readers.h"
#include "ogr_fixtures.h"
#include "../problem_matchers.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;
using namespace clustershift::testing;
using detail::findLayout;
using detail::SheetRow;

/// Writes rows as a header-less sheet; "" = empty cell.
void writeSheet(const fs::path& path, const std::string& driver, const std::string& sheet,
                const std::vector<std::vector<std::string>>& rows) {
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.size());
  std::vector<FieldSpec> fields;
  for (std::size_t i = 0; i < width; ++i) fields.push_back({"Field" + std::to_string(i + 1), OFTString});
  std::vector<FeatureSpec> features;
  for (const auto& r : rows) {
    FeatureSpec f;
    for (std::size_t i = 0; i < width; ++i) f.values.push_back(i < r.size() && !r[i].empty() ? r[i] : kNull);
    features.push_back(f);
  }
  writeLayer(path.string(), driver, sheet, 0, wkbNone, fields, features);
}

/// A provincial yearbook table: title, blank, two header rows (地区 merged over both, 制造业
/// merged across), units, data with a thousands separator, a footnote. Every cell is text.
const std::vector<std::vector<std::string>> kYearbook = {
    {"表3-2 各市规模以上工业总产值（2022年）"},
    {},
    {"地区", "制造业", "", ""},
    {"", "C18", "C19", "C39"},
    {"", "亿元", "亿元", "亿元"},
    {"330300", "812.4", "1,204.5", "95"},
    {"341300", "120", "88.25", "12.5"},
    {"注：数据为示意。"},
};

DataSource sheetSource(const fs::path& path, const std::string& sheet) {
  DataSource s;
  s.path = path.string();
  s.layer = sheet;
  return s;
}

class YearbookSheet : public ::testing::TestWithParam<std::string> {};

TEST_P(YearbookSheet, TitleMergedHeaderUnitsAndFootnoteReadAsATable) {
  const std::string driver = GetParam();
  const fs::path path =
      tempDir("spreadsheet_" + driver) / (driver == "XLSX" ? "yearbook.xlsx" : "yearbook.ods");
  writeSheet(path, driver, "表3-2", kYearbook);
  std::vector<Problem> problems;
  const IndustryMatrix m = detail::readIndustryMatrix(sheetSource(path, "表3-2"), problems);
  EXPECT_TRUE(problems.empty()) << allText(problems);
  EXPECT_EQ(m.industries, (std::vector<std::string>{"C18", "C19", "C39"}));
  EXPECT_EQ(m.regionIds, (std::vector<std::string>{"330300", "341300"}));
  ASSERT_EQ(m.values.size(), 2u);
  EXPECT_EQ(m.values[0], (std::vector<double>{812.4, 1204.5, 95}));
  EXPECT_EQ(m.values[1], (std::vector<double>{120, 88.25, 12.5}));
}

TEST_P(YearbookSheet, BadCellIsNamedBySheetRowAndColumn) {
  const std::string driver = GetParam();
  const fs::path path =
      tempDir("spreadsheet_bad_" + driver) / (driver == "XLSX" ? "yearbook.xlsx" : "yearbook.ods");
  auto rows = kYearbook;
  rows[6][2] = "n/a";
  writeSheet(path, driver, "表3-2", rows);
  std::vector<Problem> problems;
  detail::readIndustryMatrix(sheetSource(path, "表3-2"), problems);
  EXPECT_PROBLEM(
      problems, Severity::Fatal,
      path.filename().string() + "/表3-2 row 7 (region '341300') column 'C19': is not a number ('n/a')");
}

INSTANTIATE_TEST_SUITE_P(Drivers, YearbookSheet, ::testing::Values("XLSX", "ODS"));

TEST(Spreadsheet, IoTableFromTheNamedSheetOfAnOds) {
  const fs::path path = tempDir("spreadsheet_io") / "io.ods";
  writeSheet(path, "ODS", "说明",
             {{"直接消耗系数表"}, {"sector", "C18"}, {"C18", "0.1"}});  // a decoy sheet first
  writeSheet(
      path, "ODS", "A",
      {{"直接消耗系数（示意）"}, {"sector", "C18", "C19"}, {"C18", "0.1", "0.05"}, {"C19", "0.2", "0.3"}});
  std::vector<Problem> problems;
  const IoTable io = detail::readIoTable(sheetSource(path, "A"), problems);
  EXPECT_TRUE(problems.empty()) << allText(problems);
  EXPECT_EQ(io.sectors, (std::vector<std::string>{"C18", "C19"}));
  EXPECT_EQ(io.a, (std::vector<std::vector<double>>{{0.1, 0.05}, {0.2, 0.3}}));
}

TEST(Spreadsheet, NumericCellsWithAFirstRowHeaderRead) {
  const fs::path path = tempDir("spreadsheet_numeric") / "output.xlsx";
  writeLayer(path.string(), "XLSX", "Sheet1", 0, wkbNone, {{"region_id", OFTString}, {"C18", OFTReal}},
             {{"", {"330300", "812.4"}}, {"", {"341300", "120"}}});
  std::vector<Problem> problems;
  const IndustryMatrix m = detail::readIndustryMatrix(sheetSource(path, ""), problems);  // first sheet
  EXPECT_TRUE(problems.empty()) << allText(problems);
  EXPECT_EQ(m.industries, (std::vector<std::string>{"C18"}));
  EXPECT_EQ(m.values, (std::vector<std::vector<double>>{{812.4}, {120}}));
}

TEST(Spreadsheet, MissingSheetListsTheSheets) {
  const fs::path path = tempDir("spreadsheet_missing") / "output.xlsx";
  writeSheet(path, "XLSX", "2021", {{"region_id", "C18"}, {"330300", "1"}});
  writeSheet(path, "XLSX", "2022", {{"region_id", "C18"}, {"330300", "2"}});
  std::vector<Problem> problems;
  try {
    detail::readIndustryMatrix(sheetSource(path, "2023"), problems);
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              "industry_output: " + path.string() + ": no sheet '2023' (sheets: 2021, 2022)");
  }
}

std::vector<SheetRow> rows(const std::vector<std::vector<std::string>>& cells) {
  std::vector<SheetRow> out;
  for (std::size_t i = 0; i < cells.size(); ++i) out.push_back({static_cast<long long>(i + 1), cells[i]});
  return out;
}

TEST(SheetLayout, FindsTheYearbookHeaderUnitsAndData) {
  const auto layout = findLayout(rows(kYearbook), 0, "t");
  EXPECT_EQ(layout.headerRow, 4);
  EXPECT_EQ(layout.columns, (std::vector<std::string>{"地区", "C18", "C19", "C39"}));
  EXPECT_EQ(layout.unitRows, (std::vector<long long>{5}));
  EXPECT_EQ(layout.dataRows, (std::vector<long long>{6, 7}));
}

TEST(SheetLayout, NumericColumnNamesUnderATitle) {
  // GB/T 4754 codes as numbers: the header looks like data, and nothing above it names columns.
  const auto layout = findLayout(rows({{"表1"}, {"地区", "13", "14"}, {"330300", "1", "2"}}), 0, "t");
  EXPECT_EQ(layout.headerRow, 2);
  EXPECT_EQ(layout.columns, (std::vector<std::string>{"地区", "13", "14"}));
  EXPECT_EQ(layout.dataRows, (std::vector<long long>{3}));
}

TEST(SheetLayout, RepeatedNamesUnderMergedGroupsTakeTheGroup) {
  const auto layout = findLayout(rows({{"表2 工业产值与增速"},
                                       {"地区", "2021年", "", "2022年", ""},
                                       {"", "产值", "增速", "产值", "增速"},
                                       {"", "亿元", "%", "亿元", "%"},
                                       {"330300", "1", "2.5", "3", "4.5"}}),
                                 0, "t");
  EXPECT_EQ(layout.headerRow, 3);
  EXPECT_EQ(layout.columns,
            (std::vector<std::string>{"地区", "2021年 产值", "2021年 增速", "2022年 产值", "2022年 增速"}));
  EXPECT_EQ(layout.unitRows, (std::vector<long long>{4}));
}

TEST(SheetLayout, HeaderRowGivenIsTaken) {
  const auto layout = findLayout(rows({{"a", "b"}, {"region_id", "2021"}, {"330300", "5"}}), 2, "t");
  EXPECT_EQ(layout.headerRow, 2);
  EXPECT_EQ(layout.columns, (std::vector<std::string>{"region_id", "2021"}));
  EXPECT_EQ(layout.dataRows, (std::vector<long long>{3}));
}

TEST(SheetLayout, ProblemsAreReportedWithWhatToDo) {
  try {
    findLayout(rows({{"表1"}, {"地区", "产值"}, {"温州", "很多"}}), 0, "industry_output: y.xlsx/S");
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              "industry_output: y.xlsx/S: no data rows found (a row with a key in column A and numbers in "
              "the other "
              "columns); set \"header_row\" to the row that names the columns");
  }
  try {
    findLayout(rows({{"地区", "C18", "C18"}, {"330300", "1", "2"}}), 0, "x");
    FAIL() << "expected IoError";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              "x: header row 1: column C repeats the name 'C18' (set \"header_row\" to the row that names "
              "the columns)");
  }
  EXPECT_THROW(findLayout(rows({{"地区", "C18"}, {"330300", "1"}}), 9, "x"), IoError);
}

TEST(SheetLayout, ThousandsSeparatorsOnlyInThreeDigitGroups) {
  EXPECT_EQ(detail::withoutThousandsSeparators("1,204.5"), "1204.5");
  EXPECT_EQ(detail::withoutThousandsSeparators("-12,345,678"), "-12345678");
  EXPECT_EQ(detail::withoutThousandsSeparators("1,2"), "1,2");  // a decimal comma is not guessed
  EXPECT_EQ(detail::withoutThousandsSeparators("12,34.5"), "12,34.5");
}

}  // namespace
}  // namespace clustershift
