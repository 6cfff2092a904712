// The report's map item (layers/src/report_map.cpp): layers drawn ahead on another thread for a
// report exported at once, and the fall-back to QGIS's own drawing when the map changed since.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "report_detail.h"
#include "test_util.h"

#include <gtest/gtest.h>

#include <qgslayoutitemmap.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QThread>

#include <cmath>
#include <cstdlib>
#include <string>

namespace clustershift::layers {
namespace {

using namespace testing;  // fixtures.h, test_util.h

/// Page 1 of a PDF at `dpi` (pdftoppm).
QImage firstPage(const QString& pdf, int dpi) {
  const QString prefix = pdf + QStringLiteral(".page");
  commandOutput("pdftoppm -png -singlefile -f 1 -l 1 -r " + std::to_string(dpi) + " " + quoted(pdf) + " " +
                quoted(prefix));
  return QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
}

/// Pixels of a and b (same size) whose colours differ by more than `tolerance` in a channel.
long long differingPixels(const QImage& a, const QImage& b, int tolerance) {
  long long n = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
      n += std::abs(qRed(p) - qRed(q)) > tolerance || std::abs(qGreen(p) - qGreen(q)) > tolerance ||
           std::abs(qBlue(p) - qBlue(q)) > tolerance;
    }
  return n;
}

QgsLayoutItemMap* overviewMap(QgsPrintLayout* overview) {
  QList<QgsLayoutItemMap*> maps;
  overview->layoutItems(maps);
  return maps.value(0);
}

class ReportMapAhead : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Inputs in = sampleInputs();
    s_dir = new QString(scratchDir(QStringLiteral("report_map")));
    Feedback feedback;
    s_gpkg = new QString(
        writeOutputs(in, denseResults(in, 1200), *s_dir + QStringLiteral("/dense"), {}, feedback).geopackage);
  }
  static void TearDownTestSuite() {
    delete s_dir;
    delete s_gpkg;
  }

  /// The overview layout of the dense GeoPackage (1,200 parks, 8 regions), built for `use`, in
  /// `project`; `source` receives the layers it shows.
  static std::unique_ptr<QgsPrintLayout> overview(QgsProject& project, LayoutUse use,
                                                  ReportSource* source = nullptr) {
    const ReportSource opened = openReportSource(&project, *s_gpkg);
    if (source) *source = opened;
    ReportOptions o;
    o.language = QStringLiteral("en");
    o.topN = 1;
    auto layouts = buildReportLayouts(opened, o, use);
    return std::move(layouts.front());
  }

  /// The overview map of a layout kept, its parks and regions drawn ahead.
  static std::unique_ptr<QgsPrintLayout> drawnAhead(QgsProject& project,
                                                    const detail::SharedImage& share = {}) {
    ReportSource source;
    auto layout = overview(project, LayoutUse::Keep, &source);
    EXPECT_TRUE(
        detail::drawLayersAhead(overviewMap(layout.get()), {source.regions, source.candidates}, share));
    return layout;
  }

  /// A path for a shared image (SharedImage) in the test's folder, with no file there yet.
  static QString freshSharedPath(const QString& name) {
    const QString path = *s_dir + QStringLiteral("/shared/") + name + QStringLiteral(".image");
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);
    return path;
  }

  static QString exported(QgsPrintLayout* layout, const QString& name) {
    const QString pdf = *s_dir + QLatin1Char('/') + name + QStringLiteral(".pdf");
    Feedback feedback;
    EXPECT_EQ(exportReportPdf({layout}, pdf, feedback), 1);
    return pdf;
  }

  /// Both layouts exported (PDFs "<name>_kept", "<name>_other"): page 1 at 60 dpi, pixel for pixel.
  static void expectSamePage(QgsPrintLayout* kept, QgsPrintLayout* other, const QString& name) {
    const QImage a = firstPage(exported(kept, name + QStringLiteral("_kept")), 60);
    const QImage b = firstPage(exported(other, name + QStringLiteral("_other")), 60);
    ASSERT_FALSE(a.isNull());
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(differingPixels(a, b, 0), 0);
  }

  static QString* s_dir;
  static QString* s_gpkg;
};
QString* ReportMapAhead::s_dir = nullptr;
QString* ReportMapAhead::s_gpkg = nullptr;

// A report built for export draws its overview's dense layers ahead only with the regions, the
// bottom layer, among them: here the parks are dense, the 8 regions not, and the parks must not
// go under the regions' fill. The page is exactly the one QGIS draws.
TEST_F(ReportMapAhead, DenseParksOverFewRegionsAreNotDrawnAhead) {
  QgsProject keepProject, exportProject;
  auto kept = overview(keepProject, LayoutUse::Keep);
  auto forExport = overview(exportProject, LayoutUse::Export);
  expectSamePage(kept.get(), forExport.get(), QStringLiteral("few"));
}

// Parks and regions drawn ahead into one image under the flows give the page QGIS draws with
// the parks above the flows: the same but for the flow lines over parks outside the top 10 (the
// top 10 are drawn again above the flows), the region outlines (an image, not antialiased
// vectors) and the image's JPEG compression in the PDF.
TEST_F(ReportMapAhead, DrawsThePageQgisDraws) {
  // A layout dropped while its map is still drawing: the drawing is cancelled, nothing is left.
  {
    QgsProject dropped;
    drawnAhead(dropped).reset();
  }
  QgsProject keepProject, aheadProject;
  auto kept = overview(keepProject, LayoutUse::Keep);
  auto ahead = drawnAhead(aheadProject);
  const QString keptPdf = exported(kept.get(), QStringLiteral("kept"));
  const QString aheadPdf = exported(ahead.get(), QStringLiteral("ahead"));
  const QImage a = firstPage(keptPdf, 100), b = firstPage(aheadPdf, 100);
  ASSERT_FALSE(a.isNull());
  ASSERT_EQ(a.size(), b.size());
  QgsLayoutItemMap* map = overviewMap(ahead.get());
  ASSERT_NE(map, nullptr);
  const double mapPixels = map->rect().width() * map->rect().height() * (100 / 25.4) * (100 / 25.4);
  const long long differing = differingPixels(a, b, 48);
  EXPECT_LT(differing, 0.005 * mapPixels) << differing << " of the map's " << mapPixels << " pixels differ";
  // The map item keeps every layer and style (a saved layout is a plain QGIS map).
  EXPECT_EQ(map->layers().size(), 4);  // labels, parks, flows, regions
  EXPECT_TRUE(map->hasBackground());
  // One image on the page, the size of the map at the export's resolution, opaque (pdfimages
  // -list: "page num type width height ...").
  const std::string list = commandOutput("pdfimages -f 1 -l 1 -list " + quoted(aheadPdf));
  const std::string widthPx = std::to_string(std::lround(map->rect().width() * detail::kReportDpi / 25.4));
  EXPECT_NE(list.find(" image    " + widthPx + " "), std::string::npos) << list;
  EXPECT_EQ(list.find(" image ", list.find(" image ") + 1), std::string::npos) << list;
  EXPECT_EQ(list.find("smask"), std::string::npos) << "an opaque map drawn with an alpha mask: " << list;
}

// A map changed after its drawing started (here zoomed) is drawn by QGIS: the page is exactly
// the one of a layout that drew nothing ahead, changed the same way.
TEST_F(ReportMapAhead, AMapChangedSinceIsDrawnByQgis) {
  QgsProject keepProject, aheadProject;
  auto kept = overview(keepProject, LayoutUse::Keep);
  auto ahead = drawnAhead(aheadProject);
  for (QgsPrintLayout* layout : {kept.get(), ahead.get()}) {
    QgsLayoutItemMap* map = overviewMap(layout);
    ASSERT_NE(map, nullptr);
    map->setExtent(map->extent().buffered(-map->extent().width() / 4));
  }
  expectSamePage(kept.get(), ahead.get(), QStringLiteral("zoomed"));
}

// The plugin exports its report in a QgsTask, on a worker thread without an event loop: the
// drawing ahead is started and awaited there.
TEST_F(ReportMapAhead, DrawsAheadOnAWorkerThread) {
  QString pdf;
  std::unique_ptr<QThread> worker(QThread::create([&pdf] {
    QgsProject project;
    auto layout = drawnAhead(project);
    pdf = exported(layout.get(), QStringLiteral("worker"));
  }));
  worker->start();
  worker->wait();
  const std::string list = commandOutput("pdfimages -f 1 -l 1 -list " + quoted(pdf));
  EXPECT_NE(list.find(" image "), std::string::npos) << list;
  EXPECT_EQ(list.find("smask"), std::string::npos)
      << "the page was not drawn from the image drawn ahead: " << list;
}

/// Pixels of a page that are magenta (255, 0, 255; JPEG in the PDF moves them a little): no
/// style of the report uses it.
long long magentaPixels(const QImage& page) {
  long long n = 0;
  for (int y = 0; y < page.height(); ++y)
    for (int x = 0; x < page.width(); ++x) {
      const QRgb p = page.pixel(x, y);
      n += qRed(p) > 215 && qGreen(p) < 40 && qBlue(p) > 215;
    }
  return n;
}

/// The image file at `path` with its pixels painted magenta, its header (and key) kept.
void paintSharedImageMagenta(const QString& path) {
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadWrite));
  for (int line = 0; line < 3; ++line) file.readLine();  // magic, key, size
  const qint64 start = file.pos();
  QByteArray pixels(static_cast<int>(file.size() - start), '\0');
  for (int i = 0; i + 3 < pixels.size(); i += 4) {  // 32-bit pixels, little-endian BGRA
    pixels[i] = char(255);
    pixels[i + 1] = 0;
    pixels[i + 2] = char(255);
    pixels[i + 3] = char(255);
  }
  ASSERT_TRUE(file.seek(start));
  ASSERT_EQ(file.write(pixels), pixels.size());
}

// A run's report processes draw the overview's dense layers once: the first leaves its image
// (SharedImage write), another process (here another project: other layer ids) takes it instead
// of drawing, when it was drawn for the same map. The image here is repainted magenta after it
// was left, so the page shows which one was used.
TEST_F(ReportMapAhead, AnotherReportTakesTheImageLeftForItsMap) {
  const QString path = freshSharedPath(QStringLiteral("overview"));
  QgsProject writerProject;
  auto writer = drawnAhead(writerProject, {path, true, 0});
  const QImage written = firstPage(exported(writer.get(), QStringLiteral("shared_writer")), 60);
  ASSERT_TRUE(QFileInfo::exists(path));
  EXPECT_EQ(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files).size(), 1) << "a temporary file left";
  EXPECT_EQ(magentaPixels(written), 0);

  // Unchanged, the image gives the reader the writer's page, pixel for pixel.
  QgsProject readerProject;
  auto reader = drawnAhead(readerProject, {path, false, 0});
  const QImage read = firstPage(exported(reader.get(), QStringLiteral("shared_reader")), 60);
  ASSERT_EQ(read.size(), written.size());
  EXPECT_EQ(differingPixels(read, written, 0), 0);

  paintSharedImageMagenta(path);
  QgsProject magentaProject;
  auto taken = drawnAhead(magentaProject, {path, false, 0});
  QgsLayoutItemMap* map = overviewMap(taken.get());
  ASSERT_NE(map, nullptr);
  const double mapPixels = map->rect().width() * map->rect().height() * (60 / 25.4) * (60 / 25.4);
  const long long magenta =
      magentaPixels(firstPage(exported(taken.get(), QStringLiteral("shared_taken")), 60));
  EXPECT_GT(magenta, 0.5 * mapPixels) << "the reader drew its map instead of taking the image left for it";

  // A map zoomed otherwise has another key: it draws its own image, no magenta.
  QgsProject zoomedProject;
  ReportSource source;
  auto zoomed = overview(zoomedProject, LayoutUse::Keep, &source);
  QgsLayoutItemMap* zoomedMap = overviewMap(zoomed.get());
  ASSERT_NE(zoomedMap, nullptr);
  zoomedMap->setExtent(zoomedMap->extent().buffered(-zoomedMap->extent().width() / 4));
  ASSERT_TRUE(detail::drawLayersAhead(zoomedMap, {source.regions, source.candidates}, {path, false, 0}));
  EXPECT_EQ(magentaPixels(firstPage(exported(zoomed.get(), QStringLiteral("shared_zoomed")), 60)), 0);
}

// No image comes within the wait (a writer that failed, or one that took another path): the
// reader draws it itself and its page is the one drawn ahead in one process. A damaged file
// (cut short) is not taken either.
TEST_F(ReportMapAhead, NoImageOrADamagedOneIsDrawnByTheReader) {
  QgsProject aheadProject;
  auto ahead = drawnAhead(aheadProject);
  const QImage own = firstPage(exported(ahead.get(), QStringLiteral("unshared")), 60);

  const QString missing = *s_dir + QStringLiteral("/shared/never_written.image");
  QgsProject readerProject;
  auto reader = drawnAhead(readerProject, {missing, false, 100});
  const QImage drawn = firstPage(exported(reader.get(), QStringLiteral("shared_missing")), 60);
  ASSERT_EQ(drawn.size(), own.size());
  EXPECT_EQ(differingPixels(drawn, own, 0), 0);

  const QString path = freshSharedPath(QStringLiteral("damaged"));
  QgsProject writerProject;
  auto writer = drawnAhead(writerProject, {path, true, 0});
  exported(writer.get(), QStringLiteral("shared_damaged_writer"));
  paintSharedImageMagenta(path);
  QFile file(path);
  ASSERT_TRUE(file.resize(file.size() - 1000));
  QgsProject damagedProject;
  auto damaged = drawnAhead(damagedProject, {path, false, 0});
  EXPECT_EQ(magentaPixels(firstPage(exported(damaged.get(), QStringLiteral("shared_damaged")), 60)), 0);
}

// A writer whose map changed after its drawing started (here zoomed) has no image to give: it
// says so, and the reader draws its own at once instead of waiting out its bound.
TEST_F(ReportMapAhead, AWriterWithNoImageToGiveTellsTheReaderAtOnce) {
  const QString path = freshSharedPath(QStringLiteral("none"));
  QgsProject writerProject;
  auto writer = drawnAhead(writerProject, {path, true, 0});
  QgsLayoutItemMap* map = overviewMap(writer.get());
  ASSERT_NE(map, nullptr);
  map->setExtent(map->extent().buffered(-map->extent().width() / 4));
  exported(writer.get(), QStringLiteral("shared_none_writer"));
  ASSERT_TRUE(QFileInfo::exists(path));

  QgsProject aheadProject;
  auto ahead = drawnAhead(aheadProject);
  const QImage own = firstPage(exported(ahead.get(), QStringLiteral("shared_none_own")), 60);
  QgsProject readerProject;
  auto reader = drawnAhead(readerProject, {path, false, 20000});
  QElapsedTimer timer;
  timer.start();
  const QString pdf = exported(reader.get(), QStringLiteral("shared_none_reader"));
  EXPECT_LT(timer.elapsed(), 10000) << "the reader waited out its bound";
  const QImage drawn = firstPage(pdf, 60);
  ASSERT_EQ(drawn.size(), own.size());
  EXPECT_EQ(differingPixels(drawn, own, 0), 0);
}

// The shared image's key reads a style as XML: the order QGIS wrote the attributes in (a hash
// seeded per process) does not count, also inside an attribute that holds XML; a value does.
TEST(ReportMap, StyleDigestIgnoresTheAttributeOrderOnly) {
  const QString a = QStringLiteral(
      "<qgis a=\"1\" b=\"2\"><rule key=\"k\" filter=\"x &gt; 1\"/>"
      "<Option name=\"lineSymbol\" value=\"&lt;symbol type=&quot;line&quot; "
      "alpha=&quot;1&quot;/&gt;\"/>text</qgis>");
  const QString b = QStringLiteral(
      "<qgis b=\"2\" a=\"1\"><rule filter=\"x &gt; 1\" key=\"k\"/>"
      "<Option value=\"&lt;symbol alpha=&quot;1&quot; type=&quot;line&quot;/&gt;\" "
      "name=\"lineSymbol\"/>text</qgis>");
  const QString otherValue =
      QString(b).replace(QStringLiteral("alpha=&quot;1&quot;"), QStringLiteral("alpha=&quot;0.5&quot;"));
  const QString otherText = QString(b).replace(QStringLiteral(">text<"), QStringLiteral(">other<"));
  const QByteArray digest = detail::canonicalXmlDigest(a);
  EXPECT_EQ(digest.size(), 64);
  EXPECT_EQ(detail::canonicalXmlDigest(b), digest);
  EXPECT_NE(detail::canonicalXmlDigest(otherValue), digest);
  EXPECT_NE(detail::canonicalXmlDigest(otherText), digest);
  EXPECT_TRUE(detail::canonicalXmlDigest(QStringLiteral("<qgis")).isEmpty());
}

TEST(ReportMap, DrawsAheadOnlyOnAReportMapWithLayers) {
  QgsProject project;
  QgsPrintLayout layout(&project);
  QgsLayoutItemMap plain(&layout);
  EXPECT_FALSE(detail::drawLayersAhead(&plain, {}));
  std::unique_ptr<QgsLayoutItemMap> report(detail::newReportMap(&layout));
  EXPECT_FALSE(detail::drawLayersAhead(report.get(), {}));
}

}  // namespace
}  // namespace clustershift::layers
