// A report language's layouts handed over as XML (layers/src/report_layouts_xml.cpp): what a run's
// report process writes, added to another project, reopens in QGIS as the layouts that project
// would have built itself.
#include "report_detail.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"
#include "written_outputs.h"

#include <gtest/gtest.h>

#include <qgslayoutatlas.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutmanager.h>
#include <qgsarchive.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace clustershift::layers {
namespace {

using namespace testing;  // fixtures.h, test_util.h, written_outputs.h

class ReportLayoutsXml : public testing::WrittenOutputsTest<ReportLayoutsXml> {
 public:
  static QString scratchName() { return QStringLiteral("report_layouts_xml"); }
  static Results makeResults(const Inputs& in) { return sampleResultsWithEffects(in, {0.0, 0.5, 1.0}); }
};

/// The layouts' names and, per layout, its map items' layer names and its atlas coverage layer.
struct LayoutShape {
  QString name;
  int items = 0;
  QStringList mapLayers;
  QString coverage;
  bool operator==(const LayoutShape& o) const {
    return name == o.name && items == o.items && mapLayers == o.mapLayers && coverage == o.coverage;
  }
};

std::vector<LayoutShape> shapes(const QList<QgsPrintLayout*>& layouts) {
  std::vector<LayoutShape> out;
  for (QgsPrintLayout* l : layouts) {
    LayoutShape s;
    s.name = l->name();
    QList<QgsLayoutItem*> items;
    l->layoutItems(items);
    s.items = items.size();
    QList<QgsLayoutItemMap*> maps;
    l->layoutItems(maps);
    for (QgsLayoutItemMap* m : maps)
      for (QgsMapLayer* layer : m->layers())
        s.mapLayers << (layer && layer->isValid() ? layer->name() : QStringLiteral("INVALID"));
    if (l->atlas()->enabled())
      s.coverage =
          l->atlas()->coverageLayer() ? l->atlas()->coverageLayer()->name() : QStringLiteral("MISSING");
    out.push_back(s);
  }
  return out;
}

/// What a run's report process does: its own project on `gpkg`, the en layouts, then the XML.
struct Written {
  int pages = 0;
  std::vector<LayoutShape> layouts;
  QStringList tableIds;  ///< the process's layer ids of the tables
  int companions = 0;    ///< layers the report added to its project beside the tables
};
Written writeEnLayouts(const QString& gpkg, const QString& xml) {
  Written w;
  QgsProject child;
  const ReportSource source = openReportSource(&child, gpkg);
  ReportOptions en;
  en.language = QStringLiteral("en");
  std::vector<std::unique_ptr<QgsPrintLayout>> layouts = buildReportLayouts(source, en, LayoutUse::Export);
  const std::vector<QgsPrintLayout*> raw = detail::layoutPointers(layouts);
  QList<QgsPrintLayout*> list(raw.begin(), raw.end());
  w.pages = detail::reportPageCount(raw);
  w.layouts = shapes(list);
  for (const auto& [name, member] : detail::reportSourceTables())
    if (source.*member) w.tableIds << (source.*member)->id();
  w.companions = child.count() - w.tableIds.size();
  detail::writeReportLayoutsXml(source, raw, w.pages, xml);
  return w;
}

TEST_F(ReportLayoutsXml, AnotherProjectReopensWithTheLayoutsAndCompanionsTheWriterBuilt) {
  // The run's folder: the GeoPackage, and later the project beside it.
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = QDir(dir.path()).absoluteFilePath(QStringLiteral("test_scenario.gpkg"));
  ASSERT_TRUE(QFile::copy(s_paths->geopackage, gpkg));
  const QString xml = QDir(dir.path()).absoluteFilePath(QStringLiteral(".report_en.layouts.xml"));
  // The report process: its own project, the language's layouts, then the XML.
  const Written child = writeEnLayouts(gpkg, xml);
  const std::vector<LayoutShape>& written = child.layouts;
  const int pages = child.pages;
  const QStringList& childTableIds = child.tableIds;
  ASSERT_GT(child.companions, 0) << "the report adds companion layers to the tables (the atlas catchments)";
  ASSERT_GE(written.size(), 4u);

  // The run: its own project and layer ids; the XML's layouts and companions added, written.
  const QString qgz = QDir(dir.path()).absoluteFilePath(QStringLiteral("test_scenario.qgz"));
  QStringList ownIds;
  {
    QgsProject run;
    run.setFileName(qgz);
    const ReportSource source = openReportSource(&run, gpkg);
    for (QgsMapLayer* layer : run.mapLayers()) ownIds << layer->id();
    EXPECT_EQ(detail::addReportLayoutsXml(source, xml), pages);
    EXPECT_EQ(run.layoutManager()->printLayouts().size(), static_cast<int>(written.size()));
    EXPECT_GT(run.count(), ownIds.size());  // the companions
    ASSERT_TRUE(run.write(qgz));
  }

  // The saved project names the tables by the run's ids only (QGIS would otherwise find them by
  // name and source when it reads the project, but the companions' keys would point nowhere).
  {
    QgsProjectArchive archive;
    ASSERT_TRUE(archive.unzip(qgz));
    QFile qgs(archive.projectFile());
    ASSERT_TRUE(qgs.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(qgs.readAll());
    for (const QString& id : childTableIds) EXPECT_FALSE(text.contains(id)) << id.toStdString();
  }
  QgsProject reopened;
  ASSERT_TRUE(reopened.read(qgz));
  // The companions' keys ("<table layer id>/<language>") name the reopened project's layers.
  int companions = 0;
  for (QgsMapLayer* layer : reopened.mapLayers())
    for (const QString& key : layer->customPropertyKeys())
      if (key.startsWith(QLatin1String("clustershift/report_"))) {
        ++companions;
        const QString owner = layer->customProperty(key).toString().section(QLatin1Char('/'), 0, 0);
        EXPECT_TRUE(ownIds.contains(owner)) << key.toStdString() << " = " << owner.toStdString();
      }
  EXPECT_GT(companions, 0);
  // Every layer loads: the run's tables under the run's own ids, and the companions.
  for (QgsMapLayer* layer : reopened.mapLayers())
    EXPECT_TRUE(layer->isValid()) << layer->name().toStdString();
  for (const QString& id : ownIds) EXPECT_NE(reopened.mapLayer(id), nullptr) << id.toStdString();
  const std::vector<LayoutShape> read = shapes(reopened.layoutManager()->printLayouts());
  ASSERT_EQ(read.size(), written.size());
  for (std::size_t i = 0; i < read.size(); ++i) {
    SCOPED_TRACE(written[i].name.toStdString());
    EXPECT_TRUE(read[i] == written[i])
        << read[i].name.toStdString() << " " << read[i].items << " items, maps "
        << read[i].mapLayers.join(QLatin1Char(',')).toStdString() << ", atlas "
        << read[i].coverage.toStdString();
  }
  // The candidate pages' atlas runs over the reopened project's own candidate layer.
  bool atlas = false;
  for (QgsPrintLayout* l : reopened.layoutManager()->printLayouts())
    if (l->atlas()->enabled()) {
      atlas = true;
      EXPECT_TRUE(ownIds.contains(l->atlas()->coverageLayer()->id()));
      EXPECT_GT(l->atlas()->updateFeatures(), 0);
    }
  EXPECT_TRUE(atlas);
}

TEST_F(ReportLayoutsXml, AFileThatDoesNotServeIsMinusOneAndLeavesTheProjectAsItWas) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString gpkg = QDir(dir.path()).absoluteFilePath(QStringLiteral("test_scenario.gpkg"));
  ASSERT_TRUE(QFile::copy(s_paths->geopackage, gpkg));
  const QString xml = QDir(dir.path()).absoluteFilePath(QStringLiteral("layouts.xml"));
  writeEnLayouts(gpkg, xml);
  QgsProject project;
  project.setFileName(QDir(dir.path()).absoluteFilePath(QStringLiteral("test_scenario.qgz")));
  const ReportSource source = openReportSource(&project, gpkg);
  const int layers = project.count();
  auto unchanged = [&] {
    EXPECT_EQ(project.count(), layers);
    EXPECT_EQ(project.layoutManager()->printLayouts().size(), 0);
  };
  // No file.
  EXPECT_EQ(detail::addReportLayoutsXml(source, xml + QStringLiteral(".missing")), -1);
  unchanged();
  // A project elsewhere than beside the GeoPackage: the relative paths would not resolve.
  project.setFileName(QDir(dir.path()).absoluteFilePath(QStringLiteral("elsewhere/test_scenario.qgz")));
  EXPECT_EQ(detail::addReportLayoutsXml(source, xml), -1);
  unchanged();
  project.setFileName(QDir(dir.path()).absoluteFilePath(QStringLiteral("test_scenario.qgz")));
  // Once added, the same file again: its layout names and layers are taken.
  EXPECT_GT(detail::addReportLayoutsXml(source, xml), 0);
  const int added = project.count();
  const int layoutCount = project.layoutManager()->printLayouts().size();
  EXPECT_GT(layoutCount, 0);
  EXPECT_EQ(detail::addReportLayoutsXml(source, xml), -1);
  EXPECT_EQ(project.count(), added);
  EXPECT_EQ(project.layoutManager()->printLayouts().size(), layoutCount);
  // A cut-off file.
  QFile f(xml);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("<clustershift-report-layouts pages=\"3\"><tables><table name=\"candidate_scores\"");
  f.close();
  EXPECT_EQ(detail::addReportLayoutsXml(source, xml), -1);
  EXPECT_EQ(project.count(), added);
}

}  // namespace
}  // namespace clustershift::layers
