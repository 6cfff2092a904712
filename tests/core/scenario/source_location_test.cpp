// Data block locations: files, sheets and PostgreSQL tables; never a password.
#include "scenario/source_location.h"

#include <gtest/gtest.h>

#include "../problem_matchers.h"

namespace clustershift {
namespace {

using nlohmann::json;

struct Parsed {
  DataSource source;
  std::vector<Problem> problems;
};

Parsed parse(const char* text) {
  Parsed out;
  detail::JsonReader reader(out.problems);
  detail::parseSourceLocation(reader, json::parse(text), "data.parks", "/data/scenarios", out.source);
  return out;
}

TEST(SourceLocation, ServiceSchemaAndTableBecomeAPgPathAndLayer) {
  const Parsed p = parse(R"({"service": "planning", "schema": "base", "table": "parks"})");
  EXPECT_TRUE(p.problems.empty()) << testing::allText(p.problems);
  EXPECT_EQ(p.source.path, "PG:service=planning");
  EXPECT_EQ(p.source.layer, "base.parks");
}

TEST(SourceLocation, TableWithoutSchemaIsInPublic) {
  const Parsed p = parse(R"({"path": "PG:service=planning dbname=gis", "table": "parks"})");
  EXPECT_TRUE(p.problems.empty()) << testing::allText(p.problems);
  EXPECT_EQ(p.source.path, "PG:service=planning dbname=gis");  // not joined to the scenario folder
  EXPECT_EQ(p.source.layer, "public.parks");
}

TEST(SourceLocation, PasswordInTheConnectionStringSaysWhereToPutIt) {
  const Parsed p =
      parse(R"({"path": "PG:host=db dbname=gis user=planner password=s3cret", "table": "parks"})");
  ASSERT_EQ(p.problems.size(), 1u) << testing::allText(p.problems);
  EXPECT_EQ(p.problems[0].where, "data.parks.path");
  EXPECT_NE(p.problems[0].message.find("contains a password"), std::string::npos);
  EXPECT_NE(p.problems[0].message.find("~/.pgpass"), std::string::npos);
  EXPECT_NE(p.problems[0].message.find("pg_service.conf"), std::string::npos);
  EXPECT_NE(p.problems[0].message.find("PGPASSWORD"), std::string::npos);
  EXPECT_EQ(p.problems[0].text().find("s3cret"), std::string::npos)
      << "the message must not repeat the password";
  EXPECT_TRUE(p.source.path.empty());
}

TEST(SourceLocation, PasswordKeyAndUriPasswordAreErrors) {
  const Parsed key = parse(R"({"service": "planning", "table": "parks", "password": "s3cret"})");
  ASSERT_EQ(key.problems.size(), 1u) << testing::allText(key.problems);
  EXPECT_EQ(key.problems[0].where, "data.parks.password");
  EXPECT_NE(key.problems[0].message.find("~/.pgpass"), std::string::npos);
  const Parsed uri = parse(R"({"path": "PG:postgresql://planner:s3cret@db/gis", "table": "parks"})");
  ASSERT_EQ(uri.problems.size(), 1u) << testing::allText(uri.problems);
  EXPECT_EQ(uri.problems[0].where, "data.parks.path");
}

TEST(SourceLocation, DatabaseSourceNeedsATable) {
  const Parsed p = parse(R"({"service": "planning", "schema": "base"})");
  EXPECT_PROBLEM(p.problems, Severity::Fatal,
                 "data.parks.table: missing required key (the table in schema 'base')");
  const Parsed q = parse(R"({"service": "planning"})");
  EXPECT_PROBLEM(
      q.problems, Severity::Fatal,
      "data.parks.table: missing required key (a PostgreSQL source names \"schema\" and \"table\")");
}

TEST(SourceLocation, PathAndServiceTogetherOrNeither) {
  const Parsed both = parse(R"({"path": "parks.gpkg", "service": "planning", "table": "parks"})");
  EXPECT_PROBLEM(both.problems, Severity::Fatal,
                 "data.parks.service: give either \"path\" or \"service\", not both");
  const Parsed neither = parse(R"({"layer": "parks"})");
  EXPECT_PROBLEM(
      neither.problems, Severity::Fatal,
      "data.parks.path: missing required key (a file, a \"PG:\" connection string, or \"service\")");
}

TEST(SourceLocation, TableNamedTwiceOrASheetOfADatabase) {
  const Parsed twice = parse(R"({"service": "planning", "layer": "base.parks", "table": "parks"})");
  EXPECT_PROBLEM(twice.problems, Severity::Fatal,
                 "data.parks.layer: give either \"layer\" or \"schema\" and \"table\", not both");
  const Parsed sheet = parse(R"({"service": "planning", "table": "parks", "sheet": "A"})");
  EXPECT_PROBLEM(sheet.problems, Severity::Fatal,
                 "data.parks.sheet: a database table has no sheets (use \"schema\" and \"table\")");
  const Parsed empty = parse(R"({"service": ""})");
  EXPECT_PROBLEM(empty.problems, Severity::Fatal, "data.parks.service: must not be empty");
}

TEST(SourceLocation, SchemaOnAFileIsAnError) {
  const Parsed p = parse(R"({"path": "parks.gpkg", "schema": "base", "table": "parks"})");
  EXPECT_PROBLEM(
      p.problems, Severity::Fatal,
      "data.parks.schema: only for a PostgreSQL source (\"service\" or a \"PG:\" path); a file names its "
      "layer with \"layer\"");
}

TEST(SourceLocation, SheetAndHeaderRowOfASpreadsheet) {
  const Parsed p = parse(R"({"path": "../yearbook.xlsx", "sheet": "表3-2", "header_row": 4})");
  EXPECT_TRUE(p.problems.empty()) << testing::allText(p.problems);
  EXPECT_EQ(p.source.path, "/data/yearbook.xlsx");
  EXPECT_EQ(p.source.layer, "表3-2");
  EXPECT_EQ(p.source.headerRow, 4);
  json back;
  detail::sourceLocationJson(p.source, back);
  EXPECT_EQ(back, json::parse(R"({"path": "/data/yearbook.xlsx", "layer": "表3-2", "header_row": 4})"));
}

TEST(SourceLocation, HeaderRowOnlyForSpreadsheetsAndPositive) {
  const Parsed csv = parse(R"({"path": "output.csv", "header_row": 2})");
  EXPECT_PROBLEM(csv.problems, Severity::Fatal, "data.parks.header_row: only for .xlsx and .ods tables");
  const Parsed zero = parse(R"({"path": "output.ods", "header_row": 0})");
  EXPECT_PROBLEM(zero.problems, Severity::Fatal, "data.parks.header_row: must be a row number (1 or more)");
  const Parsed both = parse(R"({"path": "output.ods", "sheet": "a", "layer": "b"})");
  EXPECT_PROBLEM(both.problems, Severity::Fatal,
                 "data.parks.sheet: give either \"layer\" or \"sheet\", not both");
}

}  // namespace
}  // namespace clustershift
