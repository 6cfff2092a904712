// The one OGR table reader (core/src/io/ogr_table.cpp) under the scenario's tables and `mcda`.
#include "io/ogr_table.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "clustershift/mcda.h"
#include "io/readers.h"
#include "ogr_fixtures.h"
#include "../problem_matchers.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;
using namespace clustershift::testing;

/// industry_output.gpkg: a table (no geometry) with REAL columns, then text put into two cells
/// as another program or a hand edit in a SQLite tool can.
fs::path industryGpkgWithTextInReal(const std::string& name) {
  fs::path dir = tempDir(name);
  const std::string path = (dir / "industry_output.gpkg").string();
  writeLayer(path, "GPKG", "industry_output", 0, wkbNone,
             {{"region_id", OFTString}, {"C18", OFTReal}, {"C19", OFTReal}},
             {{"", {"330300", "10.5", "200"}}, {"", {"341300", "3", "12"}}, {"", {"350100", "1", "2"}}});
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
  if (!ds) throw std::runtime_error("cannot reopen " + path);
  for (const char* sql : {"UPDATE industry_output SET C18 = 'abc' WHERE fid = 2",
                          "UPDATE industry_output SET C19 = '12,345' WHERE fid = 3"}) {
    OGRLayerH result = GDALDatasetExecuteSQL(ds, sql, nullptr, nullptr);
    if (result) GDALDatasetReleaseResultSet(ds, result);
  }
  GDALClose(ds);
  return dir / "industry_output.gpkg";
}

// A GeoPackage table read as the scenario's industry_output went through OGR's text of each cell:
// 'abc' in a REAL column came back as "0" and '12,345' as "12", numbers without a word.
TEST(ReadOgrTable, TextInARealColumnOfAGeoPackageTableIsReportedNotReadAsZero) {
  const fs::path gpkg = industryGpkgWithTextInReal("ogr_table_gpkg_text");
  DataSource source;
  source.path = gpkg.string();
  std::vector<Problem> problems;
  const IndustryMatrix m = detail::readIndustryMatrix(source, problems);
  EXPECT_PROBLEM(
      problems, Severity::Fatal,
      "industry_output.gpkg/industry_output fid=2 (region '341300') column 'C18': is not a number ('abc')");
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "industry_output.gpkg/industry_output fid=3 (region '350100') column 'C19': is not a number "
                 "('12,345')");
  ASSERT_EQ(m.values.size(), 3u);
  EXPECT_TRUE(std::isnan(m.values[1][0]));  // not 0
  EXPECT_TRUE(std::isnan(m.values[2][1]));  // not 12
  EXPECT_DOUBLE_EQ(m.values[0][0], 10.5);
}

// `clustershift mcda` reads the same cells through the same reader.
TEST(ReadOgrTable, McdaSeesTheSameCellsAndRowNames) {
  const fs::path gpkg = industryGpkgWithTextInReal("ogr_table_gpkg_mcda");
  const mcda::Table t = mcda::readTable(gpkg.string());
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[1][1], "abc");
  EXPECT_EQ(t.rows[2][2], "12,345");
  EXPECT_EQ(t.where[1], "industry_output.gpkg/industry_output fid=2");
  EXPECT_THROW(mcda::parseNumber(t.rows[1][1], t.where[1]), InputError);
}

// CSV rows are named by their real line (a blank line and a quoted cell over two lines count), and
// a row with an extra cell is reported, by both callers.
TEST(ReadOgrTable, CsvRowsByTheirRealLineAndRaggedRowsReported) {
  fs::path dir = tempDir("ogr_table_csv_lines");
  writeText(dir / "industry_output.csv",
            "region_id,C18,C19\n\n330300,\"1\n0\",2\n341300,x,1\n350100,1,2,9\n");
  DataSource source;
  source.path = (dir / "industry_output.csv").string();
  std::vector<Problem> problems;
  detail::readIndustryMatrix(source, problems);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "industry_output.csv line 5 (region '341300') column 'C18': is not a number ('x')");
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "industry_output.csv line 6: has 4 cells, the header has 3 (extra cells would be ignored)");
  EXPECT_THROW(mcda::readTable(source.path), ValidationError);
}

}  // namespace
}  // namespace clustershift
