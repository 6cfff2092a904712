// CSV cells, SQL literals and identifiers, trimming (core/src/util/quote.cpp).
#include <gtest/gtest.h>

#include "clustershift/util.h"

namespace clustershift::util {
namespace {

TEST(CsvQuote, PlainCellsStayAsTheyAre) {
  EXPECT_EQ(csvQuote("Wenzhou 温州"), "Wenzhou 温州");
  EXPECT_EQ(csvQuote(""), "");
  EXPECT_EQ(csvQuote("a;b"), "a;b");  // not the separator
}

TEST(CsvQuote, SeparatorQuoteAndLineBreaksAreQuoted) {
  EXPECT_EQ(csvQuote("B,C"), "\"B,C\"");
  EXPECT_EQ(csvQuote("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csvQuote("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csvQuote("cr\ronly"), "\"cr\ronly\"");  // two of the three old copies left \r bare
  EXPECT_EQ(csvQuote("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(csvQuote("a,b", ';'), "a,b");
}

TEST(SqlQuote, LiteralsAndIdentifiersDoubleTheirQuote) {
  EXPECT_EQ(sqlLiteral("planning"), "'planning'");
  EXPECT_EQ(sqlLiteral("O'Brien"), "'O''Brien'");
  EXPECT_EQ(sqlIdentifier("regions"), "\"regions\"");
  // One copy of the identifier quoting left inner quotes bare ("a"b"): now doubled.
  EXPECT_EQ(sqlIdentifier("a\"b"), "\"a\"\"b\"");
}

TEST(Trim, BlanksAtBothEndsOnly) {
  EXPECT_EQ(trim(" \t 12.5\r\n"), "12.5");
  EXPECT_EQ(trim("a b"), "a b");
  EXPECT_EQ(trim(" \n"), "");
}

}  // namespace
}  // namespace clustershift::util
