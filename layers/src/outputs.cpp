// writeOutputs: GeoPackage + .qml + .qgz + PDFs, built in a temporary folder inside the output
// folder and moved into place only when everything succeeded.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgscoordinatereferencesystem.h>
#include <qgslayertree.h>
#include <qgslayertreelayer.h>
#include <qgslayoutmanager.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsprojectviewsettings.h>
#include <qgsreferencedgeometry.h>
#include <qgsrasterlayer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cpl_error.h>
#include <gdal.h>

#include <cmath>
#include <cstdio>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clustershift/error.h"
#include "clustershift/gdal_options.h"
#include "clustershift/output_guard.h"
#include "clustershift/pipeline.h"
#include "layers_detail.h"
#include "publish.h"
#include "report_detail.h"
#include "run_info.h"

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

/// The project's CRS: fitted to the candidate parks (see layers::studyAreaCrs).
QgsCoordinateReferenceSystem studyAreaCrs(const Results& results) {
  QgsRectangle lonLat;
  lonLat.setMinimal();
  for (const ParkResult& p : results.parks)
    if (std::isfinite(p.lon) && std::isfinite(p.lat)) lonLat.combineExtentWith(p.lon, p.lat);
  return layers::studyAreaCrs(lonLat);
}

/// Labour catchments: dashed outline, no fill, so the parks and regions below stay readable.
void styleCatchments(QgsVectorLayer* layer) {
  auto* line = new QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt::NoBrush, QColor(QStringLiteral("#2b6f9e")), Qt::DashLine, 0.35);
  layer->setRenderer(new QgsSingleSymbolRenderer(new QgsFillSymbol(QgsSymbolLayerList() << line)));
}

/// Sensitive zones: green hatch with a solid outline (ecological red lines, water sources).
void styleSensitiveZones(QgsVectorLayer* layer) {
  auto* base = new QgsSimpleFillSymbolLayer(QColor(120, 190, 120, 70), Qt::SolidPattern, QColor(QStringLiteral("#2f7d32")),
                                            Qt::SolidLine, 0.3);
  auto* hatch = new QgsLinePatternFillSymbolLayer();
  hatch->setLineAngle(45);
  hatch->setDistance(1.5);
  hatch->setLineWidth(0.15);
  hatch->setColor(QColor(QStringLiteral("#2f7d32")));
  layer->setRenderer(new QgsSingleSymbolRenderer(new QgsFillSymbol(QgsSymbolLayerList() << base << hatch)));
}

/// Parks with a catchment circle in the GeoPackage (the report's candidate pages show up to this many).
constexpr int kCatchmentParks = 10;

const char* const kResultLayerNames[] = {"regions", "catchments", "transfer_flows", "candidate_scores",
                                         "sensitive_zones", "region_effects"};

/// An existing <name>.gpkg in the output folder must be an earlier result (it has run_info), so
/// a scenario named like a data file never replaces that data.
void checkEarlierGeoPackage(const QString& path) {
  if (!QFileInfo::exists(path)) return;
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetH ds = GDALOpenEx(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  const bool ours = ds && GDALDatasetGetLayerByName(ds, "run_info") != nullptr;
  if (ds) GDALClose(ds);
  CPLPopErrorHandler();
  if (!ours)
    throw InputError(path.toStdString() +
                     ": exists and is not a ClusterShift results GeoPackage (no run_info table); not overwritten "
                     "(choose another output folder or rename the scenario)");
}

}  // namespace

QStringList plannedOutputs(const Scenario& scenario, const QString& outDir, const QStringList& languages) {
  const QString name = safeName(scenario.name);
  const QDir out(outDir);
  QStringList files{out.absoluteFilePath(name + QStringLiteral(".gpkg")), out.absoluteFilePath(name + QStringLiteral(".qgz")),
                    out.absoluteFilePath(detail::manifestName(name))};
  for (const char* layer : kResultLayerNames)
    files << out.absoluteFilePath(detail::styleFileName(name, QLatin1String(layer)));
  for (const QString& language : languages) files << out.absoluteFilePath(QStringLiteral("%1_report_%2.pdf").arg(name, language));
  if (scenario.candidates.gridKm > 0 && scenario.candidates.raster)
    files << out.absoluteFilePath(name + QStringLiteral("_scores.tif"));
  return files;
}

OutputPaths writeOutputs(const Inputs& inputs, const Results& results, const QString& outDir,
                         const QStringList& languages, Feedback& feedback, const ReportProcess* reportProcess,
                         const QString& fingerprint, ReportProcessesAhead* ahead) {
  const QString name = safeName(results.scenario.name);
  QDir out(outDir);
  // Inputs are sacred: no output may land on a file the scenario reads.
  std::vector<std::string> planned;
  for (const QString& p : plannedOutputs(results.scenario, out.absolutePath(), languages)) planned.push_back(p.toStdString());
  checkOutputsAgainstInputs(planned, scenarioInputs(results.scenario));
  checkEarlierGeoPackage(out.absoluteFilePath(name + QStringLiteral(".gpkg")));
  if (QFileInfo(outDir).exists() && !QFileInfo(outDir).isDir())
    throw InputError(outDir.toStdString() + ": is a file, not a folder (the output folder)");
  if (!QDir().mkpath(outDir) || !out.exists()) throw IoError(outDir.toStdString() + ": cannot create the output folder");
  const detail::FolderLock lock(out.absolutePath());
  detail::removeStaleTemporaries(out);
  QTemporaryDir tmp(out.absoluteFilePath(QStringLiteral(".%1.tmp-XXXXXX").arg(name)));
  if (!tmp.isValid()) {
    detail::addWriteDiagnostic(QStringLiteral("QTemporaryDir: ") + tmp.errorString());
    detail::failWrite(out.absolutePath(), detail::diagnoseFolder(out.absolutePath()));
  }
  const QDir work(tmp.path());
  // SQLite's integrity check of the finished GeoPackage, on a second thread (declared after the
  // temporary folder: a failed run waits for it before the folder goes).
  std::future<std::string> integrity;

  const QString gpkgName = name + QStringLiteral(".gpkg");
  const QString gpkg = work.absoluteFilePath(gpkgName);
  const QString shownGpkg = out.absoluteFilePath(gpkgName);
  QStringList files;  // names, relative to the work folder, in the order they are moved
  // The report processes of the second and further languages: the caller's, started ahead, or
  // started now when they can wait for their report (ReportProcess::waitingArguments): their QGIS
  // starts while this process writes the GeoPackage (one core is free then), not on the way to the
  // reports.
  const bool concurrent = reportProcess && !reportProcess->program.isEmpty() && reportProcess->arguments;
  std::optional<ReportProcessesAhead> ownAhead;
  if (concurrent && !ahead) ahead = &ownAhead.emplace(*reportProcess, static_cast<int>(languages.size()) - 1);
  feedback.setProgress(0.0, "writing layers");
  const nlohmann::json runInfo = detail::runInfoJson(inputs, results, fingerprint);
  // SQLite syncs each transaction to disk by default: ~250 syncs while the tables and styles are
  // written (0.1–0.3 s of a national run's wall time on a 2-core VM, bench/national). The
  // GeoPackage is a file in the work folder until every output is written, and publishSet syncs
  // it once before it is moved into place; a crash before that leaves only the work folder.
  auto unsynced =
      std::unique_ptr<ThreadConfigOptions>(new ThreadConfigOptions{{"OGR_SQLITE_SYNCHRONOUS", "OFF"}});
  bool hasZones = false;
  {
    // Written only: the layers opened from the GeoPackage below get the styles. The candidates
    // (the largest table) need no memory layer.
    detail::GeoPackageWriter writer(gpkg, shownGpkg);
    writer.addCandidates(results);
    std::unique_ptr<QgsVectorLayer> flows(makeFlowLayer(results, LayerStyle::Plain));
    writer.addLayer(flows.get());
    writer.addRegions(inputs, results);
    std::unique_ptr<QgsVectorLayer> catchments(
        detail::makeCatchmentLayer(results, runInfo.value("catchment_km", 50.0), kCatchmentParks));
    writer.addLayer(catchments.get());
    if (std::unique_ptr<QgsVectorLayer> zones(detail::makeSensitiveZonesLayer(inputs)); zones) {
      writer.addLayer(zones.get());
      hasZones = true;
    }
    if (results.effects) {
      std::unique_ptr<QgsVectorLayer> timeline(makeEffectsTimelineLayer(results));
      std::unique_ptr<QgsVectorLayer> coupling(makeCouplingLayer(results));
      writer.addRegionEffects(inputs, results);
      writer.addLayer(timeline.get());
      writer.addLayer(coupling.get());
    }
    std::unique_ptr<QgsVectorLayer> info(detail::makeRunInfoLayer(runInfo));
    writer.addLayer(info.get());
    writer.close();
  }
  files << gpkgName;
  // A candidate grid: every cell's score as a GeoTIFF beside the best cells' layer.
  const QString rasterName = name + QStringLiteral("_scores.tif");
  const bool writeRaster = results.scoreGrid && results.scenario.candidates.raster;
  if (writeRaster) {
    feedback.setProgress(0.1, "writing score raster");
    writeScoreGrid(*results.scoreGrid, work.absoluteFilePath(rasterName).toStdString());
    files << rasterName;
  }
  feedback.checkCanceled();
  feedback.setProgress(0.2, "writing styles");

  OutputPaths paths;
  // The report languages after the first, exported by child processes (children[i - 1]:
  // languages[i]) while this process exports the first and then writes the project.
  struct ChildReport {
    std::unique_ptr<detail::ReportChild> process;
    QString pdfName;
    int pages = -1;  // of its layouts
  };
  std::vector<ChildReport> children;
  {
    QgsProject project;
    project.setTitle(detail::scenarioTitle(results.scenario, QStringLiteral("en")));
    project.setCrs(studyAreaCrs(results));
    project.setFileName(work.absoluteFilePath(name + QStringLiteral(".qgz")));
    // Added bottom to top: the project's layer tree puts each new layer above the previous one.
    // region_effects (when the effects were projected) sits above the plain regions, hidden
    // at first so the ranking map reads as before; tick it to see the ISU-change choropleth.
    // Catchments are hidden too (they belong to the candidate pages of the report).
    // A grid run's score surface: just above the regions (their opaque fill hid it when the
    // project opened) and below every other layer; a white-to-green ramp over the scored cells'
    // range. Where no cell was scored the regions show through.
    auto addScoreRaster = [&] {
      auto* raster = new QgsRasterLayer(work.absoluteFilePath(rasterName), QStringLiteral("grid_scores"),
                                        QStringLiteral("gdal"));
      if (!raster->isValid()) {
        delete raster;
        detail::failWrite(out.absoluteFilePath(rasterName), detail::diagnoseFolder(work.absolutePath()));
      }
      styleScoreRaster(raster);
      project.addMapLayer(raster);
      paths.scoreRaster = out.absoluteFilePath(rasterName);
    };
    QgsVectorLayer* regionsLayer = nullptr;
    std::vector<const char*> layerNames{"regions", "catchments", "transfer_flows", "candidate_scores"};
    if (hasZones) layerNames.insert(layerNames.begin() + 1, "sensitive_zones");
    if (results.effects) layerNames.insert(layerNames.begin() + 1, "region_effects");
    for (const char* layerName : layerNames) {
      const QString ln = QLatin1String(layerName);
      // Styled just below: no default style to look for in a GeoPackage that has none yet.
      QgsVectorLayer::LayerOptions options;
      options.loadDefaultStyle = false;
      auto* layer =
          new QgsVectorLayer(gpkg + QStringLiteral("|layername=") + ln, ln, QStringLiteral("ogr"), options);
      if (!layer->isValid()) {
        delete layer;
        detail::failWrite(shownGpkg, detail::diagnoseFolder(work.absolutePath()) + " (layer " + layerName + " unreadable)");
      }
      // The plugin names result layers in its UI language and finds them by this role (the
      // table name), not by the layer name.
      layer->setCustomProperty(QStringLiteral("clustershift/role"), ln);
      if (ln == QLatin1String("candidate_scores")) styleCandidates(layer);
      else if (ln == QLatin1String("transfer_flows")) styleFlows(layer);
      else if (ln == QLatin1String("region_effects")) styleRegionEffects(layer);
      else if (ln == QLatin1String("catchments")) styleCatchments(layer);
      else if (ln == QLatin1String("sensitive_zones")) styleSensitiveZones(layer);
      else {
        styleRegions(layer, toQ(results.sourceRegionId));
        regionsLayer = layer;
      }
      QString error;
      layer->saveStyleToDatabase(ln, QStringLiteral("ClusterShift default style"), true, QString(), error);
      if (!error.isEmpty()) {
        delete layer;
        detail::addWriteDiagnostic(QStringLiteral("saveStyleToDatabase: ") + error);
        detail::failWrite(shownGpkg, detail::diagnoseFolder(work.absolutePath()) + " (style of " + layerName + ")");
      }
      const QString qmlName = detail::styleFileName(name, ln);
      bool ok = false;
      const QString message = layer->saveNamedStyle(work.absoluteFilePath(qmlName), ok);
      if (!ok) {
        delete layer;
        detail::addWriteDiagnostic(QStringLiteral("saveNamedStyle: ") + message);
        detail::failWrite(out.absoluteFilePath(qmlName), detail::diagnoseFolder(work.absolutePath()));
      }
      files << qmlName;
      paths.styles << out.absoluteFilePath(qmlName);
      project.addMapLayer(layer);
      if (ln == QLatin1String("regions") && writeRaster) addScoreRaster();
      if (ln == QLatin1String("region_effects") || ln == QLatin1String("catchments"))
        if (QgsLayerTreeLayer* node = project.layerTreeRoot()->findLayer(layer->id())) node->setItemVisibilityChecked(false);
    }
    unsynced.reset();  // the GeoPackage's writers are done: the reports only read it
    feedback.checkCanceled();
    // The GeoPackage is complete (tables and styles; the reports and the project only read it):
    // it is checked while they are made, not after (0.07 s at national size, bench/national).
    // Then it is flushed to disk there too (written without SQLite's syncs, above), so that
    // publishSet's sync of it finds little left to write (36 MB at national size). That sync is
    // the one that counts: a failure here is left to it, which names the file and the reason.
    integrity = std::async(std::launch::async, [gpkg, shownGpkg] {
      std::string verdict = detail::sqliteVerdict(gpkg, "integrity_check");
      try {
        detail::syncFile(gpkg, shownGpkg);
      } catch (const std::exception&) {
      }
      return verdict;
    });

    feedback.setProgress(0.3, "writing reports");
    if (!languages.isEmpty()) {
      auto optionsFor = [&](const QString& language) {
        ReportOptions options;
        options.language = language;
        options.author = toQ(results.scenario.report.author);
        options.topN = results.scenario.report.topN;  // the scenario's report.top_n candidate pages
        return options;
      };
      auto pdfNameOf = [&](const QString& language) {
        return QStringLiteral("%1_report_%2.pdf").arg(name, language);
      };
      // Where a child writes its layouts, for this project (ReportOptions::layoutsXml).
      auto layoutsXmlOf = [&](const QString& language) {
        return work.absoluteFilePath(QStringLiteral(".report_%1.layouts.xml").arg(language));
      };
      // The overview's dense layers, drawn by this process for the first language and taken by
      // the children (ReportOptions::overviewImageOut/In).
      const QString overviewImage = work.absoluteFilePath(QStringLiteral(".report_overview.image"));
      // The languages after the first go to child processes first (the GeoPackage and its styles
      // are complete), so they export while this process exports the first one.
      if (concurrent) {
        children.reserve(static_cast<std::size_t>(languages.size()));
        for (int i = 1; i < languages.size(); ++i) {
          const QString& language = languages[i];
          ChildReport& child = children.emplace_back();
          child.pdfName = pdfNameOf(language);
          const QString pdf = work.absoluteFilePath(child.pdfName);
          ReportOptions options = optionsFor(language);
          options.layoutsXml = layoutsXmlOf(language);
          options.overviewImageIn = overviewImage;
          if (auto started = ahead ? ahead->take() : nullptr)
            child.process =
                std::make_unique<detail::ReportChild>(std::move(started), *reportProcess, gpkg, pdf, options);
          else
            child.process = std::make_unique<detail::ReportChild>(
                *reportProcess, gpkg, pdf, options,
                work.absoluteFilePath(QStringLiteral(".report_%1.log").arg(language)));
        }
      }
      // The report is made from the GeoPackage as written, like `clustershift report` does:
      // the layers above, the other tables loaded without a layer-tree node.
      const ReportSource source = openReportSource(&project, gpkg);
      const int n = static_cast<int>(languages.size());
      // Keeps the layouts in the project too, so they can be edited and re-exported in QGIS.
      auto keep = [&](std::vector<std::unique_ptr<QgsPrintLayout>>& layouts) {
        for (auto& l : layouts) project.layoutManager()->addLayout(l.release());
      };
      for (int i = 0; i < n; ++i) {
        const QString pdfName = pdfNameOf(languages[i]);
        files << pdfName;
        paths.reports << out.absoluteFilePath(pdfName);
        detail::ScaledFeedback part(feedback, 0.3 + 0.6 * i / n, 0.3 + 0.6 * (i + 1) / n);
        if (i > 0 && concurrent) {
          // A child writes its layouts before it exports them: the project takes them, and is
          // written, while the child may still export. A child that wrote none (another program,
          // or one that failed: then its error) or whose file does not serve has its layouts
          // built here.
          ChildReport& child = children[static_cast<std::size_t>(i - 1)];
          const QString xml = layoutsXmlOf(languages[i]);
          if (child.process->waitForFile(xml, part))
            child.pages = detail::addReportLayoutsXml(source, xml);
          else
            child.process->finish(part);  // it has ended: its error, if it failed
          if (child.pages < 0) {
            std::vector<std::unique_ptr<QgsPrintLayout>> layouts =
                buildReportLayouts(source, optionsFor(languages[i]), LayoutUse::Keep);
            child.pages = detail::reportPageCount(detail::layoutPointers(layouts));
            keep(layouts);
          }
        } else {
          ReportOptions options = optionsFor(languages[i]);
          if (concurrent && n > 1) options.overviewImageOut = overviewImage;
          std::vector<std::unique_ptr<QgsPrintLayout>> layouts =
              buildReportLayouts(source, options, LayoutUse::Export);
          exportReportPdf(detail::layoutPointers(layouts), work.absoluteFilePath(pdfName), part);
          keep(layouts);
        }
        feedback.checkCanceled();
      }
    }

    // A project written here has no map canvas: without a default view QGIS opens it at 1:1 on
    // an empty map. The study area (the regions, a margin of 3 %) is the first view.
    if (regionsLayer) {
      const QgsCoordinateTransform toProject(regionsLayer->crs(), project.crs(), project.transformContext());
      QgsRectangle view = toProject.transformBoundingBox(regionsLayer->extent());
      view.scale(1.03);
      project.viewSettings()->setDefaultViewExtent(QgsReferencedRectangle(view, project.crs()));
    }
    const QString qgzName = name + QStringLiteral(".qgz");
    feedback.setProgress(0.9, "writing project");
    if (!project.write(work.absoluteFilePath(qgzName))) {
      detail::addWriteDiagnostic(QStringLiteral("QgsProject: ") + project.error());
      detail::failWrite(out.absoluteFilePath(qgzName), detail::diagnoseFolder(work.absolutePath()));
    }
    files << qgzName;
  }  // project closed: this process no longer holds the GeoPackage open (a child may still read it)

  feedback.checkCanceled();
  // The children's reports, exported while the project was written: each PDF must have the pages
  // of its layouts.
  if (!children.empty()) feedback.setProgress(0.95, "finishing reports");
  for (std::size_t c = 0; c < children.size(); ++c) {
    const double n = static_cast<double>(children.size());
    detail::ScaledFeedback part(feedback, 0.95 + 0.03 * c / n, 0.95 + 0.03 * (c + 1) / n);
    children[c].process->finish(part);
    detail::verifyPdf(work.absoluteFilePath(children[c].pdfName), children[c].pages,
                      out.absoluteFilePath(children[c].pdfName));
    feedback.checkCanceled();
  }
  // Every file is complete: check the GeoPackage, then publish the set (manifest last).
  feedback.setProgress(0.98, "publishing");
  detail::requireIntact(integrity.get(), gpkg, shownGpkg);
  detail::publishSet(work, out, files, name, detail::newRunId());
  paths.geopackage = out.absoluteFilePath(gpkgName);
  paths.project = out.absoluteFilePath(name + QStringLiteral(".qgz"));
  feedback.setProgress(1.0, "done");
  return paths;
}

}  // namespace clustershift::layers
