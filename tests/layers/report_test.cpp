// The multi-page report (layers/src/report*.cpp): layouts built from a results GeoPackage
// (writeOutputs without PDFs), one PDF over all of them with the candidate atlas expanded.
#include "report_detail.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"
#include "written_outputs.h"

#include <gtest/gtest.h>

#include <qgslayoutatlas.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemshape.h>
#include <qgslayoutpagecollection.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgsfeatureiterator.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>

#include <algorithm>
#include <cmath>
#include <regex>
#include <sstream>

namespace clustershift::layers {
namespace {

using namespace testing;  // fixtures.h, test_util.h, written_outputs.h

/// Layouts and PDF of one report, made from the fixture's GeoPackage in a fresh project.
struct Made {
  std::unique_ptr<QgsProject> project = std::make_unique<QgsProject>();
  std::vector<std::unique_ptr<QgsPrintLayout>> layouts;
  int pages = 0;
};

class Report : public testing::WrittenOutputsTest<Report> {
 public:
  static QString scratchName() { return QStringLiteral("report"); }
  static Results makeResults(const Inputs& in) { return sampleResults(in); }

 protected:
  static ReportOptions options(const QString& language, int topN, const QString& paper = QStringLiteral("A4")) {
    ReportOptions o;
    o.language = language;
    o.topN = topN;
    o.paper = paper;
    o.author = QStringLiteral("Planning Office Test");
    return o;
  }

  static Made make(const ReportOptions& o, const QString& pdf) {
    Made m;
    m.project->setCrs(QgsCoordinateReferenceSystem(QStringLiteral("EPSG:4326")));
    const ReportSource source = openReportSource(m.project.get(), s_paths->geopackage);
    m.layouts = buildReportLayouts(source, o);
    const std::vector<QgsPrintLayout*> raw = detail::layoutPointers(m.layouts);
    Feedback feedback;
    m.pages = exportReportPdf(raw, pdf, feedback);
    return m;
  }
};

/// Pages of every layout: an atlas layout counts once per atlas feature.
int expectedPages(const Made& m) {
  int pages = 0;
  for (const auto& l : m.layouts) {
    QgsLayoutAtlas* atlas = l->atlas();
    pages += atlas && atlas->enabled() ? atlas->updateFeatures() * l->pageCollection()->pageCount()
                                       : l->pageCollection()->pageCount();
  }
  return pages;
}

TEST_F(Report, PageCountFollowsTopN) {
  const QString pdf3 = *s_dir + QStringLiteral("/top3.pdf"), pdf5 = *s_dir + QStringLiteral("/top5.pdf");
  const Made three = make(options(QStringLiteral("en"), 3), pdf3);
  const Made five = make(options(QStringLiteral("en"), 5), pdf5);
  EXPECT_EQ(pdfPages(pdf3), three.pages);
  EXPECT_EQ(pdfPages(pdf5), five.pages);
  EXPECT_EQ(five.pages - three.pages, 2);  // one candidate page per top-N park
  EXPECT_EQ(three.pages, expectedPages(three));
  EXPECT_EQ(five.pages, expectedPages(five));
  // Page numbers count through the whole document, atlas pages included.
  const std::string text = pdfText(pdf5);
  for (int page = 1; page <= five.pages; ++page)
    EXPECT_NE(text.find("Page " + std::to_string(page) + "\n"), std::string::npos) << page;
  // The fixture ranks six parks: topN beyond that gives six candidate pages, not more.
  const Made all = make(options(QStringLiteral("en"), 20), *s_dir + QStringLiteral("/top20.pdf"));
  EXPECT_EQ(all.pages - three.pages, 3);
}

TEST_F(Report, LayoutsAreNamedAndTheCandidatePagesAreAnAtlasOverTheTopN) {
  const Made m = make(options(QStringLiteral("zh_CN"), 4), *s_dir + QStringLiteral("/names.pdf"));
  ASSERT_GE(m.layouts.size(), 3u);
  for (const auto& l : m.layouts) {
    EXPECT_TRUE(l->name().startsWith(QStringLiteral("ClusterShift – 测试情景：温州鞋业转移 – "))) << l->name().toStdString();
    EXPECT_TRUE(l->name().endsWith(QStringLiteral("(zh_CN)"))) << l->name().toStdString();
  }
  EXPECT_FALSE(m.layouts[0]->atlas()->enabled());
  QgsLayoutAtlas* atlas = m.layouts[1]->atlas();
  ASSERT_TRUE(atlas->enabled());
  EXPECT_EQ(atlas->updateFeatures(), 4);
  ASSERT_TRUE(atlas->beginRender());
  ASSERT_TRUE(atlas->first());
  EXPECT_EQ(atlas->layout()->reportContext().feature().attribute(QStringLiteral("id")).toString(), QStringLiteral("P1"));
  ASSERT_TRUE(atlas->next());
  EXPECT_EQ(atlas->layout()->reportContext().feature().attribute(QStringLiteral("id")).toString(), QStringLiteral("P6"));
  atlas->endRender();
}

/// Widths (mm) of the contribution bars, top to bottom: shapes whose width is data-defined.
std::vector<double> barWidths(QgsLayout* layout) {
  std::vector<std::pair<double, double>> bars;
  QList<QgsLayoutItemShape*> shapes;
  layout->layoutItems(shapes);
  for (QgsLayoutItemShape* shape : shapes)
    if (shape->dataDefinedProperties().isActive(QgsLayoutObject::ItemWidth))
      bars.emplace_back(shape->pos().y(), shape->rect().width());
  std::sort(bars.begin(), bars.end());
  std::vector<double> widths;
  for (const auto& bar : bars) widths.push_back(bar.second);
  return widths;
}

TEST_F(Report, ContributionBarsAreVectorShapesFollowingTheAtlasPark) {
  const Made m = make(options(QStringLiteral("en"), 2), *s_dir + QStringLiteral("/bars.pdf"));
  QgsLayoutAtlas* atlas = m.layouts[1]->atlas();
  ASSERT_TRUE(atlas->beginRender());
  ASSERT_TRUE(atlas->first());
  const std::vector<double> first = barWidths(m.layouts[1].get());
  ASSERT_TRUE(atlas->next());
  const std::vector<double> second = barWidths(m.layouts[1].get());
  atlas->endRender();
  // Two criteria; labour_cost_contrib is 0.3 for every park of the fixture, land price has none.
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_GT(first[0], 20.0);
  EXPECT_NEAR(first[0], second[0], 1e-6);
  EXPECT_LT(first[1], 0.1);  // NULL contribution: a hairline, not a bar
  // No chart is a picture (QGIS 3.22 rasterises data-defined embedded SVG pictures).
  QList<QgsLayoutItemPicture*> pictures;
  m.layouts[1]->layoutItems(pictures);
  EXPECT_TRUE(pictures.isEmpty());
}

TEST_F(Report, CriterionValuesAreOneTableWhoseValueCellsFollowTheAtlasPark) {
  const Made m = make(options(QStringLiteral("en"), 2), *s_dir + QStringLiteral("/criteria_table.pdf"));
  QgsPrintLayout* candidates = m.layouts[1].get();
  QgsLayoutItemManualTable* table = nullptr;
  int tables = 0;
  for (QgsLayoutMultiFrame* frame : candidates->multiFrames())
    if (auto* t = qobject_cast<QgsLayoutItemManualTable*>(frame);
        t && !t->headers().isEmpty() && t->headers().at(0).heading() == QStringLiteral("Criterion")) {
      table = t;
      ++tables;
    }
  ASSERT_EQ(tables, 1);
  // Each row's raw value, normalised value and contribution are evaluated on the atlas park's
  // page (the fixture: labour_cost_raw = 1 + 0.1 x park index, norm 0.5, contribution 0.3; land
  // price 300 with no normalised value); label, unit and weight are text.
  auto cells = [&] {
    table->refreshAttributes();
    std::vector<std::vector<QString>> out;
    for (const QgsLayoutTableRow& row : table->contents()) {
      out.emplace_back();
      for (const QVariant& cell : row) out.back().push_back(cell.toString());
    }
    return out;
  };
  QgsLayoutAtlas* atlas = candidates->atlas();
  ASSERT_TRUE(atlas->beginRender());
  ASSERT_TRUE(atlas->first());
  const std::vector<std::vector<QString>> first = cells();  // rank 1: park index 0
  ASSERT_TRUE(atlas->next());
  const std::vector<std::vector<QString>> second = cells();  // rank 2: park index 5
  atlas->endRender();
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(first[0].size(), 6u);
  EXPECT_EQ(first[0][0], QStringLiteral("Labour cost (benefit)"));
  EXPECT_EQ(first[0][1], QStringLiteral("1.000"));
  EXPECT_EQ(first[0][2], QStringLiteral("ratio"));
  EXPECT_EQ(first[0][3], QStringLiteral("0.50"));
  EXPECT_EQ(first[0][4], QStringLiteral("0.60"));
  EXPECT_EQ(first[0][5], QStringLiteral("0.300"));
  EXPECT_EQ(first[1][1], QStringLiteral("300"));
  EXPECT_EQ(first[1][3], QStringLiteral("–"));
  EXPECT_EQ(first[1][5], QStringLiteral("–"));
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0][1], QStringLiteral("1.500"));
  EXPECT_EQ(second[0][0], first[0][0]);
}

TEST_F(Report, ChineseReportHasTheHeadingsEveryTopParkAndEmbeddedCjkFonts) {
  const QString pdf = *s_dir + QStringLiteral("/zh.pdf");
  make(options(QStringLiteral("zh_CN"), 5), pdf);
  const std::string text = pdfText(pdf);
  for (const char* heading : {"总览：候选承接园区", "前10名候选园区", "候选园区 第1名", "各指标对综合得分的贡献", "各指标取值",
                              "评价说明", "示意性数据", "编制：Planning Office Test"})
    EXPECT_NE(text.find(nfkc(heading)), std::string::npos) << heading << "\n" << text;
  // Units in the report's language: the fixture's labour_cost is a "ratio" (倍).
  EXPECT_EQ(text.find("ratio"), std::string::npos) << text;
  EXPECT_NE(text.find(nfkc("倍")), std::string::npos) << text;
  // Ranks 1..5 of the fixture: P1, P6, P3, P8, P2.
  for (int park : {1, 6, 3, 8, 2}) {
    const std::string name = nfkc(("第" + std::to_string(park) + "经济开发区").c_str());
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
  const std::string fonts = commandOutput("pdffonts " + quoted(pdf));
  EXPECT_NE(fonts.find("NotoSansCJK"), std::string::npos) << fonts;
  const std::regex row(R"((yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$)");
  std::istringstream lines(fonts);
  int fontRows = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (!std::regex_search(line, match, row)) continue;
    ++fontRows;
    EXPECT_EQ(match[1].str(), "yes") << "not embedded: " << line;
  }
  EXPECT_GT(fontRows, 0) << fonts;
}

TEST_F(Report, EnglishCandidatePagesFollowTheRankOrder) {
  const QString pdf = *s_dir + QStringLiteral("/en.pdf");
  make(options(QStringLiteral("en"), 3), pdf);
  const std::string text = pdfText(pdf);
  EXPECT_NE(text.find("Overview: candidate host parks"), std::string::npos) << text;
  EXPECT_NE(text.find("Illustrative statistics"), std::string::npos);
  const size_t first = text.find("Candidate 1: Park 1 Economic Development Zone");
  const size_t second = text.find("Candidate 2: Park 6 Economic Development Zone");
  const size_t third = text.find("Candidate 3: Park 3 Economic Development Zone");
  ASSERT_NE(first, std::string::npos) << text;
  ASSERT_NE(second, std::string::npos) << text;
  ASSERT_NE(third, std::string::npos) << text;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_EQ(text.find("Candidate 4:"), std::string::npos);
  EXPECT_NE(text.find("Best-ranked park of this run."), std::string::npos);
  // The criterion rows carry the raw value of the atlas park: labour_cost_raw of P1 is 1.000.
  EXPECT_NE(text.find("Labour cost"), std::string::npos);
  EXPECT_NE(text.find("1.000"), std::string::npos);
}

TEST_F(Report, NoPageIsBlank) {
  const QString pdf = *s_dir + QStringLiteral("/pixels.pdf");
  const Made m = make(options(QStringLiteral("zh_CN"), 3), pdf);
  const QString prefix = *s_dir + QStringLiteral("/page");
  commandOutput("pdftoppm -png -r 30 " + quoted(pdf) + " " + quoted(prefix));
  const QStringList images = QDir(*s_dir).entryList({QStringLiteral("page*.png")}, QDir::Files, QDir::Name);
  ASSERT_EQ(images.size(), m.pages);
  for (const QString& name : images) {
    const QImage image(*s_dir + QLatin1Char('/') + name);
    ASSERT_FALSE(image.isNull()) << name.toStdString();
    double sum = 0, sum2 = 0;
    const double n = static_cast<double>(image.width()) * image.height();
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) {
        const double v = qGray(image.pixel(x, y));
        sum += v;
        sum2 += v * v;
      }
    const double variance = sum2 / n - (sum / n) * (sum / n);
    EXPECT_GT(variance, 100.0) << name.toStdString() << " looks blank (grey variance " << variance << ")";
  }
}

TEST_F(Report, A3PagesAreA3Landscape) {
  const QString pdf = *s_dir + QStringLiteral("/a3.pdf");
  make(options(QStringLiteral("zh_CN"), 3, QStringLiteral("A3")), pdf);
  const std::string info = commandOutput("pdfinfo -l 99 " + quoted(pdf));
  // 420 x 297 mm = 1190.55 x 841.89 pt (pdfinfo rounds), on every page.
  std::istringstream lines(info);
  int pages = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("Page", 0) != 0 || line.find("size:") == std::string::npos) continue;
    ++pages;
    EXPECT_NE(line.find("1191 x 842 pts (A3)"), std::string::npos) << line;
  }
  EXPECT_EQ(pages, pdfPages(pdf));
}

TEST_F(Report, BuildingTwiceReusesTheCatchmentLayerOfTheInsetMap) {
  QgsProject project;
  const ReportSource source = openReportSource(&project, s_paths->geopackage);
  ASSERT_NE(source.catchments, nullptr);
  const int before = project.count();
  auto first = buildReportLayouts(source, options(QStringLiteral("en"), 3));
  const int after = project.count();
  auto second = buildReportLayouts(source, options(QStringLiteral("en"), 3));
  EXPECT_EQ(after, before + 1);  // the inset's catchment layer, filtered on the atlas park
  EXPECT_EQ(project.count(), after);
}

TEST_F(Report, UnsupportedLanguageOrPaperIsAnInputError) {
  QgsProject project;
  const ReportSource source = openReportSource(&project, s_paths->geopackage);
  EXPECT_THROW(buildReportLayouts(source, options(QStringLiteral("fr"), 3)), InputError);
  EXPECT_THROW(buildReportLayouts(source, options(QStringLiteral("en"), 3, QStringLiteral("Letter"))), InputError);
  EXPECT_THROW(buildReportLayouts(source, options(QStringLiteral("en"), 0)), InputError);
}

TEST_F(Report, CancelledExportLeavesNoFile) {
  QgsProject project;
  const ReportSource source = openReportSource(&project, s_paths->geopackage);
  auto layouts = buildReportLayouts(source, options(QStringLiteral("en"), 3));
  const std::vector<QgsPrintLayout*> raw = detail::layoutPointers(layouts);
  const QString pdf = *s_dir + QStringLiteral("/cancelled.pdf");
  Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(exportReportPdf(raw, pdf, feedback), Cancelled);
  EXPECT_FALSE(QFileInfo::exists(pdf));
  EXPECT_TRUE(QDir(*s_dir).entryList({QStringLiteral(".cancelled*")}, QDir::Hidden | QDir::Files).isEmpty());
}

}  // namespace
}  // namespace clustershift::layers

namespace clustershift::layers {
namespace {

/// The overview map's layer style overrides that force a layer to be drawn as an image.
QStringList rasterisedOnOverview(const std::vector<std::unique_ptr<QgsPrintLayout>>& layouts,
                                 int layoutIndex) {
  QStringList ids;
  QList<QgsLayoutItemMap*> maps;
  layouts[static_cast<std::size_t>(layoutIndex)]->layoutItems(maps);
  for (QgsLayoutItemMap* map : maps) {
    const QMap<QString, QString> overrides = map->layerStyleOverrides();
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
      if (it.value().contains(QStringLiteral("forceraster=\"1\""))) ids << it.key();
  }
  return ids;
}

// At national size the overview's thousands of park markers are drawn as an image (as PDF paths
// they were 6.8 of 7.7 MB and most of the export time); a small run and the candidate pages stay
// vector, and the project's own layer style is not touched.
TEST(ReportOverview, LayersOfMoreThanAThousandFeaturesAreImagesOnTheOverviewMapOnly) {
  const Inputs in = sampleInputs();
  const Results dense = denseResults(in, 1200);
  const QString dir = scratchDir(QStringLiteral("report_dense"));
  Feedback feedback;
  const QString denseGpkg = writeOutputs(in, dense, dir + QStringLiteral("/dense"), {}, feedback).geopackage;
  const QString smallGpkg =
      writeOutputs(in, sampleResults(in), dir + QStringLiteral("/small"), {}, feedback).geopackage;
  ReportOptions o;
  o.language = QStringLiteral("en");
  o.topN = 3;

  QgsProject denseProject;
  const ReportSource denseSource = openReportSource(&denseProject, denseGpkg);
  const auto denseLayouts = buildReportLayouts(denseSource, o);
  EXPECT_EQ(rasterisedOnOverview(denseLayouts, 0), QStringList{denseSource.candidates->id()});
  EXPECT_TRUE(rasterisedOnOverview(denseLayouts, 1).isEmpty()) << "candidate pages must stay vector";
  EXPECT_FALSE(denseSource.candidates->renderer()->forceRasterRender()) << "the layer's own style changed";
  // The rank labels come from a clone that reads only the labelled parks (ranks 1-10), drawn
  // over the image; the image itself has no labels, and the layer keeps its own.
  QList<QgsLayoutItemMap*> overviewMaps;
  denseLayouts[0]->layoutItems(overviewMaps);
  ASSERT_EQ(overviewMaps.size(), 1);
  auto* labels = qobject_cast<QgsVectorLayer*>(overviewMaps[0]->layers().value(0));
  ASSERT_NE(labels, nullptr);
  EXPECT_FALSE(labels->customProperty(QStringLiteral("clustershift/report_labels")).toString().isEmpty());
  EXPECT_TRUE(labels->labelsEnabled());
  EXPECT_FALSE(labels->renderer()->forceRasterRender());
  EXPECT_EQ(denseProject.mapLayer(labels->id()), labels)
      << "registered in the project, so a saved layout keeps it";
  int labelled = 0, read = 0;
  for (const ParkResult& p : dense.parks) labelled += p.rank >= 1 && p.rank <= 10;
  QgsFeature f;
  QgsFeatureIterator it = labels->getFeatures();
  while (it.nextFeature(f)) ++read;
  EXPECT_GT(labelled, 0);
  EXPECT_EQ(read, labelled);
  EXPECT_TRUE(overviewMaps[0]
                  ->layerStyleOverrides()
                  .value(denseSource.candidates->id())
                  .contains(QStringLiteral("labelsEnabled=\"0\"")));
  EXPECT_TRUE(denseSource.candidates->labelsEnabled());
  // QGIS 3.22 switches the GeoPackage to WAL mode when it filters the label layer (the command
  // line keeps it out: OGR_SQLITE_JOURNAL), and then cannot read the stored styles: the next
  // project opening the results still gets them (from the result set's style files).
  {
    QgsProject next;
    const ReportSource again = openReportSource(&next, denseGpkg);
    EXPECT_EQ(again.candidates->renderer()->type(), denseSource.candidates->renderer()->type());
    EXPECT_EQ(again.regions->renderer()->type(), denseSource.regions->renderer()->type());
  }
  const std::vector<QgsPrintLayout*> raw = detail::layoutPointers(denseLayouts);
  const QString pdf = dir + QStringLiteral("/dense.pdf");
  exportReportPdf(raw, pdf, feedback);
  // pdfimages -list: page 1 holds the image of the park markers.
  EXPECT_NE(commandOutput("pdfimages -f 1 -l 1 -list " + quoted(pdf)).find(" image "), std::string::npos);

  QgsProject smallProject;
  const ReportSource smallSource = openReportSource(&smallProject, smallGpkg);
  EXPECT_TRUE(rasterisedOnOverview(buildReportLayouts(smallSource, o), 0).isEmpty());
}

}  // namespace
}  // namespace clustershift::layers
