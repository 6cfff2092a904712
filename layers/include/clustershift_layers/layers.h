#pragma once
// QGIS core adapter (no widgets): QgsVectorLayer <-> core tables, styled result layers,
// GeoPackage + .qml + .qgz output, PDF report. Used by plugin/ and cli/.
// clustershift headers first: they include the system nlohmann/json.hpp, whose include guard then
// keeps QGIS's older bundled json_fwd.hpp (pulled in by qgsgeometry.h) out. The other order fails.
#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

#include <QString>
#include <QStringList>

class QgsVectorLayer;
class QgsProject;

namespace clustershift::layers {

/// Fills core Inputs from QGIS layers (unsaved edits, memory and filtered layers included),
/// using the scenario's field maps; transforms to EPSG:4326. Tables (industry output,
/// IO table) still come from the scenario's files. Problems go to Inputs::problems.
Inputs inputsFromLayers(QgsVectorLayer* regions, QgsVectorLayer* parks, const Scenario& scenario,
                        Feedback& feedback);

/// In-memory result layers (EPSG:4326), styled. Caller owns them.
QgsVectorLayer* makeCandidateLayer(const Results& results);  ///< "candidate_scores"
QgsVectorLayer* makeFlowLayer(const Results& results);       ///< "transfer_flows" (curved)
QgsVectorLayer* makeRegionLayer(const Inputs& inputs, const Results& results);  ///< "regions"
/// Graduated score, rank labels for the top 10, excluded parks grey.
void styleCandidates(QgsVectorLayer* layer);
void styleFlows(QgsVectorLayer* layer);
void styleRegions(QgsVectorLayer* layer, const QString& sourceRegionId);

/// Transfer effects (Results::effects; empty tables / no changes when absent). Caller owns them.
/// "region_effects": every region with role (source | host | source+host | other), U and
/// <indicator>_before/_after/_change for effectIndicators() and share1..3_before/_after (sector
/// shares of GDP in %); NULL for other regions.
QgsVectorLayer* makeRegionEffectsLayer(const Inputs& inputs, const Results& results);
/// "effects_timeline" (no geometry): year, ramp, region_id, indicator, value.
QgsVectorLayer* makeEffectsTimelineLayer(const Results& results);
/// "coupling" (no geometry): source, host, u_source, u_host, c, t, d, class_index, class_zh, class_en.
QgsVectorLayer* makeCouplingLayer(const Results& results);
/// Diverging (ColorBrewer RdBu) graduated choropleth of isu_change, symmetric around 0, and
/// bar diagrams of the sector shares before/after on the source and host regions.
void styleRegionEffects(QgsVectorLayer* layer);

/// What writeOutputs produced.
struct OutputPaths {
  QString geopackage;    ///< <out>/<scenario>.gpkg (candidate_scores, transfer_flows, regions)
  QStringList styles;    ///< .qml files next to it
  QString project;       ///< <out>/<scenario>.qgz
  QStringList reports;   ///< <out>/<scenario>_report_<lang>.pdf
};

/// Writes GeoPackage (styles stored inside and as .qml), project and the report PDFs in
/// the given languages, each to a temporary name renamed on success. On failure or cancel
/// earlier outputs stay intact. Throws IoError.
OutputPaths writeOutputs(const Inputs& inputs, const Results& results, const QString& outDir,
                         const QStringList& languages, Feedback& feedback);

/// Builds the report print layout for `language` (zh_CN | en) over the project's layers
/// and exports it to pdfPath (atomically). Throws IoError.
void exportReport(const Results& results, QgsProject* project, const QString& language,
                  const QString& pdfPath);

}  // namespace clustershift::layers
