#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "clustershift/indices.h"

namespace cs = clustershift;

TEST(CsvTable, ParsesLabelsQuotesBomAndEmptyCells) {
  const auto t = cs::parseCsvTable("\xEF\xBB\xBFregion_id,C19,\"C 39\"\r\n330300,1.5,2\r\n\"441,00\",,3e2\r\n\r\n",
                                   "dir/io.csv");
  EXPECT_EQ(t.idColumn, "region_id");
  ASSERT_EQ(t.columns.size(), 2u);
  EXPECT_EQ(t.columns[1], "C 39");
  ASSERT_EQ(t.rowIds.size(), 2u);
  EXPECT_EQ(t.rowIds[1], "441,00");
  EXPECT_EQ(t.values[0][0], 1.5);
  EXPECT_TRUE(std::isnan(t.values[1][0]));
  EXPECT_EQ(t.values[1][1], 300.0);
  EXPECT_EQ(t.columnIndex("C19"), 0);
  EXPECT_EQ(t.rowIndex("330300"), 0);
  try {
    (void)t.matrix();
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_STREQ(e.what(), "io.csv row 2 (line 3) id '441,00', column 'C19': value is empty");
  }
}

TEST(CsvTable, NonNumericCellNamesFileRowColumnAndValue) {
  try {
    cs::parseCsvTable("id,y1,y2\nA,1,2\nB,3,abc\n", "data/table.csv");
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_STREQ(e.what(), "table.csv row 2 (line 3) id 'B', column 'y2': not a number ('abc')");
  }
}

TEST(CsvTable, RaggedRowAndDuplicatesAreErrors) {
  EXPECT_THROW(cs::parseCsvTable("id,a,b\nx,1\n", "t.csv"), cs::InputError);
  EXPECT_THROW(cs::parseCsvTable("id,a,a\nx,1,2\n", "t.csv"), cs::InputError);
  EXPECT_THROW(cs::parseCsvTable("id,a\nx,1\nx,2\n", "t.csv"), cs::InputError);
  EXPECT_THROW(cs::parseCsvTable("", "t.csv"), cs::InputError);
  EXPECT_THROW(cs::readCsvTable("no/such/file.csv"), cs::IoError);
}

TEST(CsvTable, IoTableMustBeSquareWithMatchingLabels) {
  const auto ok = cs::ioTableFromCsv(cs::parseCsvTable("sector,A,B\nA,0.1,0.2\nB,0.3,0.4\n", "a.csv"));
  EXPECT_EQ(ok.sectors.size(), 2u);
  EXPECT_EQ(ok.a[1][0], 0.3);
  try {
    cs::ioTableFromCsv(cs::parseCsvTable("sector,A,B\nA,0.1,0.2\nC,0.3,0.4\n", "a.csv"));
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("row 2 label 'C' differs from column 3 label 'B'"),
              std::string::npos)
        << e.what();
  }
}

TEST(CsvTable, WriteThenReadRoundTrips) {
  const std::filesystem::path dir = std::filesystem::path(CLUSTERSHIFT_TEST_TMP) / "csv_table";
  std::filesystem::create_directories(dir);
  Eigen::MatrixXd m(2, 2);
  m << 1.25, 0.3300330033, -2, 1e-7;
  const auto path = (dir / "out.csv").string();
  cs::writeCsvTable(path, cs::makeCsvTable("sector", {"A", "B,C"}, {"x", "y"}, m));
  const auto t = cs::readCsvTable(path);
  EXPECT_EQ(t.idColumn, "sector");
  EXPECT_EQ(t.rowIds[1], "B,C");
  EXPECT_TRUE(t.matrix().isApprox(m, 1e-9));
  for (const auto& entry : std::filesystem::directory_iterator(dir))  // no temporary left behind
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
}

TEST(CsvTable, OptionsPickLabelAndValueColumnsAndSkipText) {
  cs::CsvReadOptions options;
  options.idColumn = "code";
  options.columns = {"y2", "y1"};
  const auto t = cs::parseCsvTable("name,y1,code,y2\nWenzhou,1,330300,2\n", "t.csv", options);
  EXPECT_EQ(t.idColumn, "code");
  ASSERT_EQ(t.columns.size(), 2u);
  EXPECT_EQ(t.columns[0], "y2");
  EXPECT_EQ(t.rowIds[0], "330300");
  EXPECT_EQ(t.values[0][0], 2.0);
  EXPECT_EQ(t.values[0][1], 1.0);
  options.columns = {"y3"};
  try {
    cs::parseCsvTable("name,y1,code,y2\nWenzhou,1,330300,2\n", "t.csv", options);
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_STREQ(e.what(), "t.csv: no column 'y3' (columns: name, y1, code, y2)");
  }
}
