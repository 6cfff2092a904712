#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"

#include <gtest/gtest.h>

#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QFileInfo>

#include <regex>
#include <sstream>

namespace clustershift::layers {
namespace {

using testing::commandOutput;
using testing::quoted;
using testing::sampleInputs;
using testing::sampleResults;
using testing::scratchDir;

class Report : public ::testing::Test {
 protected:
  void SetUp() override {
    const Inputs in = sampleInputs();
    results = sampleResults(in);
    project.addMapLayer(makeRegionLayer(in, results));
    project.addMapLayer(makeFlowLayer(results));
    project.addMapLayer(makeCandidateLayer(results));
    project.setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")));
    dir = scratchDir(QStringLiteral("report_") + QString::fromUtf8(::testing::UnitTest::GetInstance()->current_test_info()->name()));
  }
  Results results;
  QgsProject project;
  QString dir;
};

TEST_F(Report, ChineseReportEmbedsTheCjkFontAndShowsTheTitleAndTable) {
  const QString pdf = dir + QStringLiteral("/zh.pdf");
  exportReport(results, &project, QStringLiteral("zh_CN"), pdf);
  ASSERT_TRUE(QFileInfo::exists(pdf));
  EXPECT_NE(commandOutput("pdfinfo " + quoted(pdf)).find("Pages:           1"), std::string::npos);
  const std::string text = testing::pdfText(pdf);
  EXPECT_NE(text.find(testing::nfkc("测试情景：温州鞋业转移")), std::string::npos) << text;
  EXPECT_NE(text.find(testing::nfkc("经济开发区")), std::string::npos);  // rank 1 in the table
  EXPECT_NE(text.find("示意性数据"), std::string::npos);      // data caveat
  EXPECT_NE(text.find("2026-11-27"), std::string::npos);      // date of the run
  const std::string fonts = commandOutput("pdffonts " + quoted(pdf));
  EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
  // pdffonts columns: ... emb sub uni object-id generation; every font must be embedded.
  const std::regex row(R"((yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
  std::istringstream lines(fonts);
  int fontRows = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    ++fontRows;
    EXPECT_EQ(m[1].str(), "yes") << "not embedded: " << line;
  }
  EXPECT_GT(fontRows, 0) << fonts;
}

TEST_F(Report, EnglishReportListsTheTopParksInRankOrder) {
  const QString pdf = dir + QStringLiteral("/en.pdf");
  exportReport(results, &project, QStringLiteral("en"), pdf);
  const std::string text = testing::pdfText(pdf, true);
  EXPECT_NE(text.find("Test scenario: Wenzhou footwear"), std::string::npos) << text;
  EXPECT_NE(text.find("Illustrative statistics"), std::string::npos);
  const size_t first = text.find("0.910"), second = text.find("0.770"), last = text.find("0.120");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  ASSERT_NE(last, std::string::npos);
  EXPECT_LT(first, second);  // rank 1 (P1) before rank 2 (P6)
  EXPECT_LT(second, last);
  // Six feasible parks in the table; the two excluded ones are not listed.
  size_t rows = 0;
  for (size_t at = text.find("Development"); at != std::string::npos; at = text.find("Development", at + 1)) ++rows;
  EXPECT_EQ(rows, 6u);
}

TEST_F(Report, UnsupportedLanguageIsAnInputErrorAndWritesNothing) {
  const QString pdf = dir + QStringLiteral("/fr.pdf");
  EXPECT_THROW(exportReport(results, &project, QStringLiteral("fr"), pdf), InputError);
  EXPECT_FALSE(QFileInfo::exists(pdf));
}

}  // namespace
}  // namespace clustershift::layers
