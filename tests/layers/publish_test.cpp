// Write, check, then publish (layers/src/publish.cpp): the folder lock, stale temporaries, the
// checks of written GeoPackages and PDFs, and the result set moved as a unit with its manifest.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "publish.h"
#include "test_util.h"

#include <gtest/gtest.h>

#include <qgsfeatureiterator.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <map>

#include "clustershift/error.h"

namespace clustershift::layers {
namespace {

using testing::scratchDir;

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
  f.write(bytes);
}

QByteArray readFile(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

/// Every visible file of a folder with its bytes.
std::map<QString, QByteArray> contents(const QString& dir) {
  std::map<QString, QByteArray> out;
  for (const QString& f : QDir(dir).entryList(QDir::Files)) out[f] = readFile(QDir(dir).absoluteFilePath(f));
  return out;
}

void writePdf(const QString& path, int pages) {
  QPdfWriter writer(path);
  QPainter painter(&writer);
  for (int p = 0; p < pages; ++p) {
    if (p > 0) writer.newPage();
    painter.drawText(100, 100, QStringLiteral("page %1").arg(p + 1));
  }
}

std::string ioMessage(const std::function<void()>& body) {
  try {
    body();
  } catch (const IoError& e) {
    return e.what();
  }
  return "no IoError";
}

TEST(FolderLock, ASecondLockOnTheSameFolderFailsClearly) {
  const QString dir = scratchDir(QStringLiteral("lock"));
  {
    const detail::FolderLock first(dir);
    const std::string message = ioMessage([&] { detail::FolderLock second(dir); });
    EXPECT_EQ(message,
              dir.toStdString() +
                  ": another ClusterShift run is writing into this folder; wait for it to finish or choose "
                  "another output folder");
  }
  EXPECT_NO_THROW(detail::FolderLock again(dir));  // released with the first
}

TEST(StaleTemporaries, FoldersOfKilledRunsAreRemovedOthersKept) {
  const QString dir = scratchDir(QStringLiteral("stale"));
  QDir(dir).mkpath(QStringLiteral(".wenzhou.tmp-AbC123/sub"));
  writeFile(dir + QStringLiteral("/.wenzhou.tmp-AbC123/sub/x.gpkg"), "x");
  QDir(dir).mkpath(QStringLiteral("keep"));
  writeFile(dir + QStringLiteral("/.hidden_data.csv"), "a,b");
  EXPECT_EQ(detail::removeStaleTemporaries(QDir(dir)), 1);
  EXPECT_FALSE(QFileInfo::exists(dir + QStringLiteral("/.wenzhou.tmp-AbC123")));
  EXPECT_TRUE(QFileInfo::exists(dir + QStringLiteral("/keep")));
  EXPECT_TRUE(QFileInfo::exists(dir + QStringLiteral("/.hidden_data.csv")));
}

TEST(VerifyPdf, ParsesAndCountsPagesAndRejectsATruncatedFile) {
  const QString dir = scratchDir(QStringLiteral("verify_pdf"));
  const QString pdf = dir + QStringLiteral("/r.pdf");
  writePdf(pdf, 3);
  ASSERT_EQ(testing::pdfPages(pdf), 3);  // poppler's own count
  EXPECT_NO_THROW(detail::verifyPdf(pdf, 3));
  EXPECT_NE(ioMessage([&] { detail::verifyPdf(pdf, 9); }).find("the written PDF has 3 pages, 9 expected"),
            std::string::npos);
  const QByteArray bytes = readFile(pdf);
  writeFile(dir + QStringLiteral("/cut.pdf"), bytes.left(bytes.size() / 2));
  const std::string cut = ioMessage(
      [&] { detail::verifyPdf(dir + QStringLiteral("/cut.pdf"), 3, QStringLiteral("/out/r.pdf")); });
  const std::string suffix = " while writing /out/r.pdf; earlier outputs kept";
  ASSERT_GE(cut.size(), suffix.size()) << cut;
  EXPECT_EQ(cut.substr(cut.size() - suffix.size()), suffix);  // the final name, not the temporary one
  writeFile(dir + QStringLiteral("/empty.pdf"), "");
  EXPECT_NE(ioMessage([&] { detail::verifyPdf(dir + QStringLiteral("/empty.pdf"), 1); }), "no IoError");
}

TEST(VerifyGeoPackage, IntegrityCheckCatchesADamagedFile) {
  const QString dir = scratchDir(QStringLiteral("verify_gpkg"));
  const QString gpkg = dir + QStringLiteral("/ok.gpkg");
  ASSERT_EQ(std::system(("ogr2ogr -f GPKG " + testing::quoted(gpkg) +
                         " " CLUSTERSHIFT_SOURCE_DIR "/sample_data/regions.gpkg regions >/dev/null 2>&1")
                            .c_str()),
            0);
  EXPECT_NO_THROW(detail::verifyGeoPackage(gpkg));
  EXPECT_EQ(detail::sqliteVerdict(gpkg, "quick_check"), "ok");
  const QByteArray bytes = readFile(gpkg);
  writeFile(dir + QStringLiteral("/cut.gpkg"), bytes.left(bytes.size() / 3));
  EXPECT_NE(detail::sqliteVerdict(dir + QStringLiteral("/cut.gpkg"), "quick_check"), "ok");
  EXPECT_NE(ioMessage([&] { detail::verifyGeoPackage(dir + QStringLiteral("/cut.gpkg")); }), "no IoError");
}

TEST(WriteFailureReason, PlainWords) {
  EXPECT_EQ(detail::writeFailureReason(ENOSPC), "disk full");
  EXPECT_EQ(detail::writeFailureReason(EROFS), "read-only file system");
  EXPECT_EQ(detail::writeFailureReason(EDQUOT), "disk quota exceeded");
}

/// An earlier set (3 files + manifest) in `out`, a new one (same names, other bytes) in `work`.
void prepareSets(const QString& out, const QString& work) {
  QDir().mkpath(work);
  for (const char* f : {"s.gpkg", "s.qgz", "s_regions.qml"}) {
    writeFile(out + QLatin1Char('/') + QLatin1String(f), QByteArray("old ") + f);
  }
  writeFile(out + QStringLiteral("/s.manifest.json"), "{\"run_id\": \"old\"}");
  for (const char* f : {"s.gpkg", "s.qgz", "s_regions.qml"})
    writeFile(work + QLatin1Char('/') + QLatin1String(f), QByteArray("new ") + f);
}

// A failure injected at each rename (kill-like interruption) leaves the earlier set, never a mix.
TEST(PublishSet, AFailureAtEachRenameLeavesTheEarlierSet) {
  const QStringList files{QStringLiteral("s.gpkg"), QStringLiteral("s.qgz"), QStringLiteral("s_regions.qml")};
  for (int k = 1; k <= files.size() + 1; ++k) {  // + 1: the manifest, moved last
    const QString out = scratchDir(QStringLiteral("publish_fail_%1").arg(k));
    const QString work = out + QStringLiteral("/.s.tmp-test");
    prepareSets(out, work);
    const auto before = contents(out);
    qputenv("CLUSTERSHIFT_TEST_FAIL_RENAME", QByteArray::number(k));
    const std::string message =
        ioMessage([&] { detail::publishSet(QDir(work), QDir(out), files, QStringLiteral("s"), "new"); });
    qunsetenv("CLUSTERSHIFT_TEST_FAIL_RENAME");
    EXPECT_NE(message.find("earlier outputs kept"), std::string::npos) << message;
    EXPECT_EQ(contents(out), before) << "rename " << k << " left a mixed folder";
  }
}

TEST(PublishSet, ASuccessfulPublishReplacesTheWholeSetAndTheManifestListsIt) {
  const QStringList files{QStringLiteral("s.gpkg"), QStringLiteral("s.qgz"), QStringLiteral("s_regions.qml")};
  const QString out = scratchDir(QStringLiteral("publish_ok"));
  const QString work = out + QStringLiteral("/.s.tmp-test");
  prepareSets(out, work);
  detail::publishSet(QDir(work), QDir(out), files, QStringLiteral("s"), "run-2");
  for (const QString& f : files)
    EXPECT_TRUE(readFile(out + QLatin1Char('/') + f).startsWith("new ")) << f.toStdString();
  const nlohmann::json manifest =
      nlohmann::json::parse(readFile(out + QStringLiteral("/s.manifest.json")).toStdString());
  EXPECT_EQ(manifest.at("run_id"), "run-2");
  ASSERT_EQ(manifest.at("files").size(), 3u);
  EXPECT_EQ(manifest["files"][0]["sha256"].get<std::string>(),
            QCryptographicHash::hash("new s.gpkg", QCryptographicHash::Sha256).toHex().toStdString());
  EXPECT_NO_THROW(detail::checkResultSet(out + QStringLiteral("/s.gpkg")));
  // A GeoPackage that is not the one the manifest lists (a kill between two renames).
  writeFile(out + QStringLiteral("/s.gpkg"), "old s.gpkg");
  try {
    detail::checkResultSet(out + QStringLiteral("/s.gpkg"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("is not the GeoPackage of run run-2 listed in"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace clustershift::layers

namespace clustershift::layers {
namespace {

// QGIS, reading a GeoPackage through a filtered layer, switches it to WAL mode and counts a change
// in the SQLite header: the file's bytes change, no table does. A report after the planner looked
// at the results in QGIS must still accept them; a changed table must still be refused.
TEST(PublishSet, AGeoPackageReadInQgisIsStillTheOneTheManifestListsAChangedOneIsNot) {
  const QString out = scratchDir(QStringLiteral("publish_gpkg"));
  const QString work = out + QStringLiteral("/.s.tmp-test");
  ASSERT_TRUE(QDir().mkpath(work));
  ASSERT_TRUE(QFile::copy(QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data/parks.gpkg"),
                          work + QStringLiteral("/s.gpkg")));
  detail::publishSet(QDir(work), QDir(out), {QStringLiteral("s.gpkg")}, QStringLiteral("s"), "run-q");
  const QString gpkg = out + QStringLiteral("/s.gpkg");
  const QByteArray published = readFile(gpkg);
  {
    QgsVectorLayer layer(gpkg, QStringLiteral("parks"), QStringLiteral("ogr"));
    ASSERT_TRUE(layer.isValid());
    ASSERT_TRUE(layer.setSubsetString(QStringLiteral("\"fid\" < 10")));
    QgsFeature f;
    QgsFeatureIterator it = layer.getFeatures();
    int read = 0;
    while (it.nextFeature(f)) ++read;
    EXPECT_GT(read, 0);
  }
  ASSERT_NE(readFile(gpkg), published) << "QGIS left the file as it was: this test shows nothing";
  EXPECT_NO_THROW(detail::checkResultSet(gpkg));
  {
    QgsVectorLayer layer(gpkg, QStringLiteral("parks"), QStringLiteral("ogr"));
    ASSERT_TRUE(layer.isValid());
    ASSERT_TRUE(layer.dataProvider()->deleteFeatures(QgsFeatureIds{1}));
  }
  EXPECT_THROW(detail::checkResultSet(gpkg), InputError);
}

}  // namespace
}  // namespace clustershift::layers
