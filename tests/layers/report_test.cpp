#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"

#include <gtest/gtest.h>

#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QFileInfo>

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
  const std::string text = commandOutput("pdftotext " + quoted(pdf) + " -");
  EXPECT_NE(text.find("测试情景：温州鞋业转移"), std::string::npos) << text;
  EXPECT_NE(text.find("第1经济开发区"), std::string::npos);  // rank 1 in the table
  EXPECT_NE(text.find("示意性数据"), std::string::npos);      // data caveat
  EXPECT_NE(text.find("2026-11-27"), std::string::npos);      // date of the run
  const std::string fonts = commandOutput("pdffonts " + quoted(pdf));
  EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no  "), std::string::npos) << "a font is not embedded:\n" << fonts;
}

TEST_F(Report, EnglishReportListsTheTopParksInRankOrder) {
  const QString pdf = dir + QStringLiteral("/en.pdf");
  exportReport(results, &project, QStringLiteral("en"), pdf);
  const std::string text = commandOutput("pdftotext -layout " + quoted(pdf) + " -");
  EXPECT_NE(text.find("Test scenario: Wenzhou footwear"), std::string::npos) << text;
  EXPECT_NE(text.find("Illustrative statistics"), std::string::npos);
  const size_t first = text.find("Park 1 Economic"), second = text.find("Park 6 Economic");
  ASSERT_NE(first, std::string::npos);
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);  // rank 1 (P1) before rank 2 (P6)
  EXPECT_EQ(text.find("Park 4 Economic"), std::string::npos);  // excluded parks are not in the table
}

TEST_F(Report, UnsupportedLanguageIsAnInputErrorAndWritesNothing) {
  const QString pdf = dir + QStringLiteral("/fr.pdf");
  EXPECT_THROW(exportReport(results, &project, QStringLiteral("fr"), pdf), InputError);
  EXPECT_FALSE(QFileInfo::exists(pdf));
}

}  // namespace
}  // namespace clustershift::layers
