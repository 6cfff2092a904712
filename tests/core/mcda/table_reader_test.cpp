// Tables and AHP matrix files for `clustershift mcda` (core/src/mcda/table_reader.cpp).
#include <fstream>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

std::string writeFile(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(ReadTable, CsvCellsAsTextWithEmptyForNull) {
  const std::string path =
      writeFile("mcda_parks.csv", "id,wage,land\nP1,52000,120.5\nP2,,80\n\"P,3\",48000,1/2\n");
  const Table t = readTable(path);
  EXPECT_EQ(t.fields, (std::vector<std::string>{"id", "wage", "land"}));
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.rows[0][2], "120.5");
  EXPECT_EQ(t.rows[1][1], "");
  EXPECT_EQ(t.rows[2][0], "P,3");
  EXPECT_EQ(t.fieldIndex("land"), 2u);
  try {
    t.fieldIndex("gdp");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no field 'gdp' (fields: id, wage, land)"),
              std::string::npos);
  }
}

TEST(ReadTable, UnreadableFileIsAnIoError) {
  EXPECT_THROW(readTable(::testing::TempDir() + "/does_not_exist.csv"), IoError);
}

TEST(ParseNumber, PlainAndFractions) {
  EXPECT_DOUBLE_EQ(parseNumber("2.5", "x"), 2.5);
  EXPECT_DOUBLE_EQ(parseNumber(" 1/4 ", "x"), 0.25);
  EXPECT_DOUBLE_EQ(parseNumber("-3e2", "x"), -300);
  try {
    parseNumber("high", "parks.csv row 3 field 'land'");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "parks.csv row 3 field 'land': 'high' is not a number");
  }
  EXPECT_THROW(parseNumber("1/0", "x"), InputError);
  EXPECT_THROW(parseNumber("", "x"), InputError);
}

TEST(ReadAhpMatrix, ReordersToTheCriteriaAndAcceptsFractions) {
  const std::string path = writeFile("mcda_ahp.csv",
                                     "criterion,land,wage\nwage,3,1\nland,1,1/3\n");
  const Matrix a = readAhpMatrix(path, {"wage", "land"});
  EXPECT_DOUBLE_EQ(a[0][0], 1.0);
  EXPECT_DOUBLE_EQ(a[0][1], 3.0);
  EXPECT_DOUBLE_EQ(a[1][0], 1.0 / 3);
  EXPECT_NEAR(ahpWeights(a, {"wage", "land"}).weights[0], 0.75, 1e-12);
  try {
    readAhpMatrix(path, {"wage", "distance"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no column 'distance'"), std::string::npos);
  }
}

}  // namespace
}  // namespace clustershift::mcda
