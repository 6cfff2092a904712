#pragma once
// One run: the same entry point serves plugin, processing algorithms and CLI.
#include <string>

#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

namespace clustershift {

/// Registers GDAL's drivers, once per process (the readers do it themselves on first use). A
/// program that starts another GDAL user on another thread while loadInputs() runs (the CLI
/// starts QGIS) calls this first, so the two never register drivers at the same time.
void registerDataDrivers();

/// Reads the scenario's data sources with OGR (any format), applies the field map,
/// transforms to lon/lat, repairs invalid geometry (warning), and collects every data
/// problem into Inputs::problems. Throws IoError when a source cannot be opened.
Inputs loadInputs(const Scenario& scenario, Feedback& feedback);

/// Checks inputs against what the scenario needs (fields for enabled criteria, source
/// region present, duplicate ids, parks outside regions, ...). Returns every problem.
std::vector<Problem> validate(const Scenario& scenario, const Inputs& inputs);

/// Joins, computes criteria, weights, aggregates, ranks, applies constraints.
/// Polygon parks are scored at their centroid (point-on-surface when the centroid lies
/// outside) and get their geodesic area as area_ha when that field is NULL. With
/// scenario.candidates.gridKm > 0 the candidates are the cells of a regular grid over the
/// regions: every cell is scored, Results::scoreGrid holds all scores and Results::parks the
/// best candidates.keep cells (docs/model.md, "Candidate sites").
/// Throws ValidationError when validate() finds fatal problems; Cancelled on cancel.
Results run(const Scenario& scenario, Inputs inputs, Feedback& feedback);

/// Writes a candidate grid's scores as a single-band Float32 GeoTIFF (NaN = no data, deflate),
/// to a temporary name renamed on success. Throws IoError naming the path.
void writeScoreGrid(const ScoreGrid& grid, const std::string& path);
/// Library version string ("0.1.0").
const char* version();

}  // namespace clustershift
