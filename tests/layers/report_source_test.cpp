// The report made from a results GeoPackage alone (layers/src/report_source.cpp): writeOutputs
// without PDFs, then openReportSource / exportReportFromGeoPackage in a fresh project.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"
#include "written_outputs.h"

#include <gtest/gtest.h>

#include <qgscoordinatetransform.h>
#include <qgslayertree.h>
#include <qgslayoutitemmap.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <utility>

#include "clustershift/effects.h"
#include "clustershift_layers/labels.h"

namespace clustershift::layers {
namespace {

using namespace testing;  // fixtures.h, test_util.h, written_outputs.h

class ReportFromGeoPackage : public testing::WrittenOutputsTest<ReportFromGeoPackage> {
 public:
  static QString scratchName() { return QStringLiteral("report_source"); }
  /// The fixture's results with hand-made effects (source region 0, host region 5), a yearly
  /// path of U and D, and a mode comparison with one row per mode.
  static Results makeResults(const Inputs& in) {
    Results res = sampleResultsWithEffects(in, {0.0, 0.3, 0.8, 1.0});
    EffectsResult& e = *res.effects;
    const RegionEffect& source = e.regions[0];
    const RegionEffect& host = e.regions[1];
    for (int year = 0; year <= 3; ++year) {
      const double r = e.ramp[static_cast<size_t>(year)];
      e.timeline.push_back(TimelineRow{year, r, source.regionId, "u", r * source.upgrading});
      e.timeline.push_back(TimelineRow{year, r, host.regionId, "u", r * host.upgrading});
      e.timeline.push_back(TimelineRow{year, r, host.regionId, "coupling_d", r * e.coupling[0].d});
    }
    ModeComparison comparison;
    for (TransferMode mode : {TransferMode::Complete, TransferMode::Partial, TransferMode::Replication}) {
      EffectsResult m = e;
      m.mode = mode;
      comparison.modes.push_back(m);
    }
    res.modeComparison = comparison;
    res.warnings.push_back(
        Problem{Severity::Warning, "parks.gpkg/parks fid=3 field 'available_ha'", "is missing (NULL)", "P3"});
    // Explanations as core writes them: rank 2 (P6) behind rank 1 (P1); rank 3 (P3) names a park
    // outside a top 3 (P8, rank 4), so its name is read from the layer.
    res.parks[5].explanation = "behind P1 mainly on labour_cost (-0.120)";
    res.parks[2].explanation = "behind P8 mainly on labour_cost (-0.010)";
    return res;
  }

 protected:
  static int exportReport(const QString& pdf, const QString& language, int topN, const QString& paper = QStringLiteral("A4")) {
    ReportOptions options;
    options.language = language;
    options.topN = topN;
    options.paper = paper;
    Feedback feedback;
    return exportReportFromGeoPackage(s_paths->geopackage, pdf, options, feedback);
  }
};

TEST_F(ReportFromGeoPackage, SwitchesReadYesOrNoAndTheRegionsAreNamedByTheData) {
  const QString en = *s_dir + QStringLiteral("/words_en.pdf"), zh = *s_dir + QStringLiteral("/words_zh.pdf");
  exportReport(en, QStringLiteral("en"), 1);
  exportReport(zh, QStringLiteral("zh_CN"), 1);
  const std::string enText = pdfText(en, true), zhText = pdfText(zh, true);
  // Methods appendix, effect parameters: the "enabled" row's value in words, not JSON.
  EXPECT_TRUE(std::regex_search(enText, std::regex(R"(effects computed +yes( |\n))"))) << enText;
  EXPECT_TRUE(std::regex_search(zhText, std::regex(nfkc("是否计算转移效应 +是( |\n)")))) << zhText;
  for (const std::string* text : {&enText, &zhText}) {
    EXPECT_FALSE(std::regex_search(*text, std::regex(R"(effects computed +(true|false))"))) << *text;
    EXPECT_FALSE(std::regex_search(*text, std::regex(nfkc("是否计算转移效应 +(true|false)")))) << *text;
  }
  // Legend and data sources: the inputs may be prefectures or counties; the words say regions.
  EXPECT_NE(enText.find("Regions"), std::string::npos) << enText;
  EXPECT_EQ(enText.find("refecture"), std::string::npos) << enText;
  EXPECT_EQ(zhText.find(nfkc("地级")), std::string::npos) << zhText;
  EXPECT_NE(zhText.find(nfkc("行政区")), std::string::npos) << zhText;
}

TEST_F(ReportFromGeoPackage, ExplanationsNameTheParkInTheReportLanguage) {
  const QString en = *s_dir + QStringLiteral("/behind_en.pdf"),
                zh = *s_dir + QStringLiteral("/behind_zh.pdf");
  exportReport(en, QStringLiteral("en"), 3);
  exportReport(zh, QStringLiteral("zh_CN"), 3);
  const std::string enText = pdfText(en), zhText = pdfText(zh);
  EXPECT_NE(enText.find("Behind Park 1 Economic Development Zone (the next better park)"), std::string::npos)
      << enText;
  EXPECT_NE(enText.find("Behind Park 8 Economic Development Zone (the next better park)"), std::string::npos)
      << enText;
  EXPECT_NE(zhText.find(nfkc("次于上一名园区 第1经济开发区")), std::string::npos) << zhText;
  EXPECT_NE(zhText.find(nfkc("次于上一名园区 第8经济开发区")), std::string::npos) << zhText;
  EXPECT_EQ(enText.find("behind P1"), std::string::npos) << enText;
}

TEST_F(ReportFromGeoPackage, NoPdfWasWrittenByTheRun) {
  EXPECT_FALSE(QFileInfo::exists(*s_dir + QStringLiteral("/test_scenario_report_en.pdf")));
  EXPECT_TRUE(QFileInfo(s_paths->geopackage).isFile());
}

TEST_F(ReportFromGeoPackage, SourceFindsEveryTableAndTheRunInfo) {
  QgsProject project;
  const ReportSource source = openReportSource(&project, s_paths->geopackage);
  EXPECT_NE(source.candidates, nullptr);
  EXPECT_NE(source.flows, nullptr);
  EXPECT_NE(source.regions, nullptr);
  EXPECT_NE(source.catchments, nullptr);
  EXPECT_EQ(source.sensitiveZones, nullptr);  // the fixture has no zones
  EXPECT_NE(source.regionEffects, nullptr);
  EXPECT_NE(source.timeline, nullptr);
  EXPECT_NE(source.coupling, nullptr);
  EXPECT_EQ(source.runInfo["source"]["id"], "330300");
  EXPECT_EQ(source.runInfo["effects"]["coupling"][0]["class_en"], "barely coordinated");
  // Loaded without layer-tree nodes; the catchments of the six ranked parks.
  EXPECT_TRUE(project.layerTreeRoot()->findLayers().isEmpty());
  EXPECT_EQ(source.catchments->featureCount(), 6);
}

TEST_F(ReportFromGeoPackage, ReusesTheLayersOfAProjectThatHasThem) {
  QgsProject project;
  ASSERT_TRUE(project.read(*s_dir + QStringLiteral("/test_scenario.qgz")));
  QgsMapLayer* inTree = project.mapLayersByName(QStringLiteral("candidate_scores")).value(0);
  ASSERT_NE(inTree, nullptr);
  const int before = project.count();
  const ReportSource source = openReportSource(&project, s_paths->geopackage);
  EXPECT_EQ(source.candidates, inTree);
  // Only the tables the project lacked were added: effects_timeline and coupling.
  EXPECT_EQ(project.count(), before + 2);
}

// A QGIS session that filtered a layer of the results (the report's label layer in a saved
// project does) leaves the GeoPackage in WAL mode, and QGIS 3.22 then cannot read the styles
// stored in it (qgis/QGIS#48467): the report takes the style files of the same result set.
TEST_F(ReportFromGeoPackage, StylesComeFromTheResultSetsStyleFilesWhenQgisCannotReadTheStoredOnes) {
  QgsProject reference;
  const ReportSource stored = openReportSource(&reference, s_paths->geopackage);
  const QString dir = scratchDir(QStringLiteral("report_source_wal"));
  const QFileInfo original(s_paths->geopackage);
  for (const QFileInfo& f :
       original.absoluteDir().entryInfoList({original.completeBaseName() + QLatin1Char('*')}, QDir::Files))
    ASSERT_TRUE(QFile::copy(f.absoluteFilePath(), dir + QLatin1Char('/') + f.fileName()));
  const QString gpkg = dir + QLatin1Char('/') + original.fileName();
  // What QGIS desktop does with a filtered layer of the file next to other layers of it.
  QgsVectorLayer regions(gpkg + QStringLiteral("|layername=regions"), QStringLiteral("a"),
                         QStringLiteral("ogr"));
  QgsVectorLayer again(gpkg + QStringLiteral("|layername=regions"), QStringLiteral("b"),
                       QStringLiteral("ogr"));
  QgsVectorLayer filtered(gpkg + QStringLiteral("|layername=candidate_scores"), QStringLiteral("c"),
                          QStringLiteral("ogr"));
  ASSERT_TRUE(filtered.setSubsetString(QStringLiteral("\"rank\" <= 3")));
  QFile file(gpkg);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  ASSERT_EQ(file.read(20).at(18), 2) << "QGIS left the file out of WAL mode: this test shows nothing";
  QgsProject project;
  const ReportSource source = openReportSource(&project, gpkg);
  for (auto [layer, expected] :
       {std::pair{source.candidates, stored.candidates}, std::pair{source.regions, stored.regions},
        std::pair{source.flows, stored.flows}}) {
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(layer->renderer()->type().toStdString(), expected->renderer()->type().toStdString())
        << layer->name().toStdString();
    EXPECT_EQ(layer->renderer()->legendSymbolItems().size(), expected->renderer()->legendSymbolItems().size())
        << layer->name().toStdString();
  }
}

TEST_F(ReportFromGeoPackage, EnglishReportHasEverySectionAndTheCouplingClass) {
  const QString pdf = *s_dir + QStringLiteral("/report_en.pdf");
  const int pages = exportReport(pdf, QStringLiteral("en"), 3);
  EXPECT_EQ(pdfPages(pdf), pages);
  // overview + 3 candidate pages + effects + mode comparison + at least one methods page
  EXPECT_GE(pages, 7);
  const std::string text = pdfText(pdf);
  for (const char* expected : {"Transfer effects", "Coupling coordination D", "barely coordinated", "Mode comparison",
                               "Methods appendix", "Criteria, directions, value functions and weights", "labour_cost",
                               "Effect parameters and their sources", "Flegg & Webber 1997", "is missing (NULL)",
                               "Park 1 Economic Development Zone", "Park 6 Economic Development Zone"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  // The comparison page names its rows as the plugin's comparison table does (labels.h), not
  // with words of its own ("Indirect jobs at the host (persons)" before).
  EXPECT_NE(text.find(comparisonColumnLabel("indirect_jobs", false).toStdString()), std::string::npos);
}

TEST_F(ReportFromGeoPackage, TwoMoreCandidatePagesForTopFive) {
  const int three = exportReport(*s_dir + QStringLiteral("/top3.pdf"), QStringLiteral("en"), 3);
  const int five = exportReport(*s_dir + QStringLiteral("/top5.pdf"), QStringLiteral("en"), 5);
  EXPECT_EQ(five - three, 2);
}

TEST_F(ReportFromGeoPackage, ChineseReportEmbedsACjkFontAndTranslatesTheHeadings) {
  const QString pdf = *s_dir + QStringLiteral("/report_zh.pdf");
  exportReport(pdf, QStringLiteral("zh_CN"), 3, QStringLiteral("A3"));
  const std::string text = pdfText(pdf);
  for (const char* expected : {"转移效应", "耦合协调度", "勉强协调", "转移方式比较", "方法附录", "效应模型参数及来源", "本次运行的校验警告"})
    EXPECT_NE(text.find(nfkc(expected)), std::string::npos) << expected;
  EXPECT_NE(text.find(nfkc("转出地三二产比TS变化")), std::string::npos);  // comparisonColumnLabel()
  const std::string fonts = commandOutput("pdffonts " + quoted(pdf));
  EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
  EXPECT_NE(commandOutput("pdfinfo " + quoted(pdf)).find("1191 x 842 pts (A3)"), std::string::npos);  // A3 landscape
}

/// The InputError message of `body`, or "no InputError".
std::string inputMessage(const std::function<void()>& body) {
  try {
    body();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no InputError";
}

TEST_F(ReportFromGeoPackage, AFileChangedAfterItWasCheckedIsCheckedAgain) {
  // readRunInfo passes a file it checked before without reading it again, as long as it is
  // unchanged: damaged in place (same size, same inode), it is named as damaged.
  const QString copy = *s_dir + QStringLiteral("/checked_copy.gpkg");
  QFile::remove(copy);
  ASSERT_TRUE(QFile::copy(s_paths->geopackage, copy));
  EXPECT_TRUE(readRunInfo(copy).is_object());
  EXPECT_TRUE(readRunInfo(copy).is_object());  // the second time from what was checked
  {
    QFile f(copy);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    ASSERT_GT(size, 3 * 4096);
    ASSERT_TRUE(f.seek(size / 2));
    ASSERT_EQ(f.write(QByteArray(4096, '\xff')), 4096);
  }
  EXPECT_NE(inputMessage([&] { readRunInfo(copy); }).find("damaged or truncated"), std::string::npos);
}

TEST_F(ReportFromGeoPackage, ATrustedFilePassesUnreadUntilItChanges) {
  // A run's report process trusts the run's own GeoPackage: it passes the checks unread, so
  // damage it does not read is not seen; once the file changes, it is checked again.
  const QString copy = *s_dir + QStringLiteral("/trusted_copy.gpkg");
  QFile::remove(copy);
  ASSERT_TRUE(QFile::copy(s_paths->geopackage, copy));
  {
    QFile f(copy);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    ASSERT_TRUE(f.seek(f.size() / 2));
    ASSERT_EQ(f.write(QByteArray(4096, '\xff')), 4096);
  }
  trustResultsGeoPackage(copy);
  EXPECT_NO_THROW(checkResultsGeoPackage(copy));
  {
    QFile f(copy);
    ASSERT_TRUE(f.open(QIODevice::Append));
    ASSERT_EQ(f.write(QByteArray(4096, '\0')), 4096);
  }
  // Changed afterwards: checked again.
  EXPECT_NE(inputMessage([&] { checkResultsGeoPackage(copy); }).find("damaged or truncated"),
            std::string::npos);
}

// The effects maps are drawn in an equal-area CRS centred on them, so their extent survives
// QGIS's check before it filters a geographic layer by the map's extent (the extent taken to
// the layer's CRS and back must stay within 20 %; a study-area CRS far from its central
// meridian failed that, and QGIS then read and drew every region for each map).
TEST_F(ReportFromGeoPackage, EffectsMapsAreCentredSoQgisReadsOnlyTheRegionsInView) {
  QgsProject project;
  const ReportSource source = openReportSource(&project, s_paths->geopackage);
  ReportOptions options;
  options.language = QStringLiteral("en");
  options.topN = 1;
  const auto layouts = buildReportLayouts(source, options);
  const QgsCoordinateReferenceSystem lonLat(QStringLiteral("EPSG:4326"));
  int maps = 0;
  for (const auto& l : layouts) {
    if (!l->name().contains(QStringLiteral("Effects"))) continue;
    QList<QgsLayoutItemMap*> items;
    l->layoutItems(items);
    for (QgsLayoutItemMap* map : items) {
      ++maps;
      EXPECT_TRUE(map->crs().toProj().contains(QStringLiteral("+proj=laea")))
          << map->crs().toProj().toStdString();
      const QgsCoordinateTransform ct(map->crs(), lonLat, project.transformContext());
      const QgsRectangle extent = map->extent();
      const QgsRectangle back =
          ct.transformBoundingBox(ct.transformBoundingBox(extent), Qgis::TransformDirection::Reverse);
      EXPECT_NEAR(back.width(), extent.width(), 0.2 * extent.width());
      EXPECT_NEAR(back.height(), extent.height(), 0.2 * extent.height());
      // Centred: the CRS's origin is the middle of the map.
      EXPECT_NEAR(extent.center().x(), 0, 0.05 * extent.width());
      EXPECT_NEAR(extent.center().y(), 0, 0.05 * extent.height());
    }
  }
  EXPECT_EQ(maps, 2) << "source and host";
}

TEST(ReportSourceErrors, AGeoPackageWithoutResultLayersIsNamed) {
  const QString dir = scratchDir(QStringLiteral("report_source_errors"));
  QgsProject project;
  try {
    openReportSource(&project, dir + QStringLiteral("/absent.gpkg"));
    FAIL() << "a missing file was accepted";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("absent.gpkg: no such file"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace clustershift::layers
