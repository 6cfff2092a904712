#include "clustershift/table.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../problem_matchers.h"

namespace clustershift {
namespace {

TEST(ParseNumber, AcceptsPlainDecimalsOnly) {
  double v = 0;
  EXPECT_EQ(parseNumber(" 12.5 ", v), NumberStatus::Ok);
  EXPECT_DOUBLE_EQ(v, 12.5);
  EXPECT_EQ(parseNumber("-3e2", v), NumberStatus::Ok);
  EXPECT_DOUBLE_EQ(v, -300);
  EXPECT_EQ(parseNumber("+4", v), NumberStatus::Ok);
  EXPECT_DOUBLE_EQ(v, 4);
  EXPECT_EQ(parseNumber(".5", v), NumberStatus::Ok);
  EXPECT_DOUBLE_EQ(v, 0.5);
  // What SQLite and GDAL read as 0 or 12 without a word.
  for (const char* text : {"abc", "12,345", "n/a", "NaN", "nan", "inf", "-Infinity", "0x10", "12abc", "1 2",
                           "+", "-", "1e", "--1", "+-1", "１２"})
    EXPECT_EQ(parseNumber(text, v), NumberStatus::NotANumber) << text;
  EXPECT_EQ(parseNumber("", v), NumberStatus::Empty);
  EXPECT_EQ(parseNumber("  \t", v), NumberStatus::Empty);
  EXPECT_EQ(parseNumber("1e400", v), NumberStatus::OutOfRange);
  EXPECT_EQ(parseNumber("-1e400", v), NumberStatus::OutOfRange);
  EXPECT_EQ(numberProblem(NumberStatus::NotANumber, "12,345"), "is not a number ('12,345')");
  EXPECT_EQ(numberProblem(NumberStatus::OutOfRange, "1e400"), "is out of range ('1e400')");
}

TEST(SplitCsv, QuotesBomBlankLinesAndLineNumbers) {
  const auto records =
      splitCsv("\xEF\xBB\xBFid,name\n\n1,\"a, \"\"b\"\"\"\n2,\"two\nlines\"\n3,c\n", "t.csv");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].cells, (std::vector<std::string>{"id", "name"}));
  EXPECT_EQ(records[1].line, 3);
  EXPECT_EQ(records[1].cells[1], "a, \"b\"");
  EXPECT_EQ(records[2].cells[1], "two\nlines");
  EXPECT_EQ(records[3].line, 6);  // the quoted line break counts
  try {
    splitCsv("id,name\n1,\"open\n2,x\n", "t.csv");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "t.csv line 2: a quote (\") is opened and never closed");
  }
}

TEST(RaggedRows, ExtraAndMissingCellsAreFatalWithTheLine) {
  const auto problems = raggedRows(splitCsv("id,a,b\nx,1,2\ny,1,2,3\nz,1\n", "t.csv"), "t.csv");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "t.csv line 3: has 4 cells, the header has 3 (extra cells would be ignored)");
  EXPECT_PROBLEM(problems, Severity::Fatal, "t.csv line 4: has 2 cells, the header has 3 (missing cells)");
}

TEST(IdProblems, DuplicateAndEmptyIdsNameBothPlaces) {
  const auto problems =
      idProblems({"A", "B", "A", ""}, {"t.csv line 2", "t.csv line 3", "t.csv line 4", "t.csv line 5"}, "id");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "t.csv line 4: duplicate id 'A' in column 'id' (first at t.csv line 2)");
  EXPECT_PROBLEM(problems, Severity::Fatal, "t.csv line 5: empty id in column 'id'");
  EXPECT_THROW(throwIfFatal(problems), ValidationError);
  EXPECT_NO_THROW(throwIfFatal({}));
}

}  // namespace
}  // namespace clustershift
