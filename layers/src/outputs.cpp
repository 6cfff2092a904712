// writeOutputs: GeoPackage + .qml + .qgz + PDFs, built in a temporary folder inside the output
// folder and moved into place only when everything succeeded.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgscoordinatereferencesystem.h>
#include <qgslayertree.h>
#include <qgslayertreelayer.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsvectorfilewriter.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include "clustershift/error.h"
#include "layers_detail.h"
#include "report_detail.h"

namespace clustershift::layers {
namespace {

using detail::toQ;

QString safeName(const std::string& name) {
  QString s = toQ(name);
  for (QChar& c : s)
    if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('-') && c != QLatin1Char('.')) c = QLatin1Char('_');
  if (s.isEmpty() || s.startsWith(QLatin1Char('.'))) s.prepend(QStringLiteral("clustershift"));
  return s;
}

void writeLayer(QgsVectorLayer* layer, const QString& path, bool first) {
  QgsVectorFileWriter::SaveVectorOptions options;
  options.driverName = QStringLiteral("GPKG");
  options.layerName = layer->name();
  options.fileEncoding = QStringLiteral("UTF-8");
  options.actionOnExistingFile =
      first ? QgsVectorFileWriter::CreateOrOverwriteFile : QgsVectorFileWriter::CreateOrOverwriteLayer;
  QString error;
  const auto result = QgsVectorFileWriter::writeAsVectorFormatV3(layer, path, QgsProject::instance()->transformContext(),
                                                                 options, &error);
  if (result != QgsVectorFileWriter::NoError)
    throw IoError(path.toStdString() + "/" + layer->name().toStdString() + ": cannot write layer (" + error.toStdString() + ")");
}

/// Albers equal-area conic fitted to the study area: standard parallels at 1/6 and 5/6 of the
/// latitude range (Deetz & Adams 1934 rule, as in Snyder 1987, "Map Projections: A Working Manual", p. 99).
QgsCoordinateReferenceSystem studyAreaCrs(const Inputs& inputs, const Results& results) {
  double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
  for (const ParkResult& p : results.parks) {
    if (std::isnan(p.lon) || std::isnan(p.lat)) continue;
    minLat = std::min(minLat, p.lat), maxLat = std::max(maxLat, p.lat);
    minLon = std::min(minLon, p.lon), maxLon = std::max(maxLon, p.lon);
  }
  (void)inputs;
  const QgsCoordinateReferenceSystem wgs84(QStringLiteral("EPSG:4326"));
  if (minLat > maxLat || maxLat - minLat > 60 || maxLon - minLon > 90) return wgs84;
  const double range = std::max(maxLat - minLat, 2.0);
  const double mid = (minLat + maxLat) / 2;
  auto half = [](double v) { return std::round(v * 2) / 2; };
  const QString proj = QStringLiteral("+proj=aea +lat_0=%1 +lon_0=%2 +lat_1=%3 +lat_2=%4 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs")
                           .arg(half(mid))
                           .arg(half((minLon + maxLon) / 2))
                           .arg(half(mid - range / 3))
                           .arg(half(mid + range / 3));
  QgsCoordinateReferenceSystem crs = QgsCoordinateReferenceSystem::fromProj(proj);
  return crs.isValid() ? crs : wgs84;
}

void moveInto(const QString& from, const QString& to) {
  if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
    throw IoError(to.toStdString() + ": cannot move the finished file into place");
}

}  // namespace

OutputPaths writeOutputs(const Inputs& inputs, const Results& results, const QString& outDir, const QStringList& languages,
                         Feedback& feedback) {
  const QString name = safeName(results.scenario.name);
  QDir out(outDir);
  if (!QDir().mkpath(outDir) || !out.exists()) throw IoError(outDir.toStdString() + ": cannot create the output folder");
  QTemporaryDir tmp(out.absoluteFilePath(QStringLiteral(".%1.tmp-XXXXXX").arg(name)));
  if (!tmp.isValid()) throw IoError(outDir.toStdString() + ": cannot create a temporary folder (" + tmp.errorString().toStdString() + ")");
  const QDir work(tmp.path());

  const QString gpkgName = name + QStringLiteral(".gpkg");
  const QString gpkg = work.absoluteFilePath(gpkgName);
  QStringList files;  // names, relative to the work folder, in the order they are moved
  feedback.setProgress(0.0, "writing layers");
  {
    std::unique_ptr<QgsVectorLayer> candidates(makeCandidateLayer(results));
    std::unique_ptr<QgsVectorLayer> flows(makeFlowLayer(results));
    std::unique_ptr<QgsVectorLayer> regions(makeRegionLayer(inputs, results));
    writeLayer(candidates.get(), gpkg, true);
    writeLayer(flows.get(), gpkg, false);
    writeLayer(regions.get(), gpkg, false);
    if (results.effects) {
      std::unique_ptr<QgsVectorLayer> regionEffects(makeRegionEffectsLayer(inputs, results));
      std::unique_ptr<QgsVectorLayer> timeline(makeEffectsTimelineLayer(results));
      std::unique_ptr<QgsVectorLayer> coupling(makeCouplingLayer(results));
      writeLayer(regionEffects.get(), gpkg, false);
      writeLayer(timeline.get(), gpkg, false);
      writeLayer(coupling.get(), gpkg, false);
    }
  }
  files << gpkgName;
  feedback.checkCanceled();
  feedback.setProgress(0.25, "writing styles");

  OutputPaths paths;
  {
    QgsProject project;
    project.setTitle(detail::scenarioTitle(results.scenario, QStringLiteral("en")));
    project.setCrs(studyAreaCrs(inputs, results));
    project.setFileName(work.absoluteFilePath(name + QStringLiteral(".qgz")));
    // Added bottom to top: the project's layer tree puts each new layer above the previous one.
    // region_effects (when the effects were projected) sits above the plain regions, hidden
    // at first so the ranking map reads as before; tick it to see the ISU-change choropleth.
    std::vector<const char*> layerNames{"regions", "transfer_flows", "candidate_scores"};
    if (results.effects) layerNames.insert(layerNames.begin() + 1, "region_effects");
    for (const char* layerName : layerNames) {
      const QString ln = QLatin1String(layerName);
      auto* layer = new QgsVectorLayer(gpkg + QStringLiteral("|layername=") + ln, ln, QStringLiteral("ogr"));
      if (!layer->isValid()) {
        delete layer;
        throw IoError(gpkg.toStdString() + "/" + layerName + ": cannot reopen the written layer");
      }
      if (ln == QLatin1String("candidate_scores")) styleCandidates(layer);
      else if (ln == QLatin1String("transfer_flows")) styleFlows(layer);
      else if (ln == QLatin1String("region_effects")) styleRegionEffects(layer);
      else styleRegions(layer, toQ(results.sourceRegionId));
      QString error;
      layer->saveStyleToDatabase(ln, QStringLiteral("ClusterShift default style"), true, QString(), error);
      if (!error.isEmpty()) {
        delete layer;
        throw IoError(gpkg.toStdString() + "/" + layerName + ": cannot store the style (" + error.toStdString() + ")");
      }
      const QString qmlName = QStringLiteral("%1_%2.qml").arg(name, ln);
      bool ok = false;
      const QString message = layer->saveNamedStyle(work.absoluteFilePath(qmlName), ok);
      if (!ok) {
        delete layer;
        throw IoError(qmlName.toStdString() + ": cannot write the style (" + message.toStdString() + ")");
      }
      files << qmlName;
      paths.styles << out.absoluteFilePath(qmlName);
      project.addMapLayer(layer);
      if (ln == QLatin1String("region_effects"))
        if (QgsLayerTreeLayer* node = project.layerTreeRoot()->findLayer(layer->id())) node->setItemVisibilityChecked(false);
    }
    feedback.checkCanceled();

    feedback.setProgress(0.4, "writing reports");
    int done = 0;
    for (const QString& language : languages) {
      const QString pdfName = QStringLiteral("%1_report_%2.pdf").arg(name, language);
      exportReport(results, &project, language, work.absoluteFilePath(pdfName));
      files << pdfName;
      paths.reports << out.absoluteFilePath(pdfName);
      // Keep the layout in the project too, so it can be edited and re-exported in QGIS.
      project.layoutManager()->addLayout(detail::buildReportLayout(results, &project, language).release());
      feedback.checkCanceled();
      feedback.setProgress(0.4 + 0.5 * (++done) / std::max<int>(1, languages.size()), "writing reports");
    }

    const QString qgzName = name + QStringLiteral(".qgz");
    if (!project.write(work.absoluteFilePath(qgzName)))
      throw IoError(qgzName.toStdString() + ": cannot write the project (" + project.error().toStdString() + ")");
    files << qgzName;
  }  // project closed: the GeoPackage is no longer open

  feedback.checkCanceled();
  // Every file is complete: move them over the earlier outputs (rename within one folder).
  for (const QString& f : files) moveInto(work.absoluteFilePath(f), out.absoluteFilePath(f));
  paths.geopackage = out.absoluteFilePath(gpkgName);
  paths.project = out.absoluteFilePath(name + QStringLiteral(".qgz"));
  feedback.setProgress(1.0, "done");
  return paths;
}

}  // namespace clustershift::layers
