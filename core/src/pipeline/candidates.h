#pragma once
// Candidate sites other than park points (pipeline.h run(), docs/model.md "Candidate sites").
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "clustershift/criterion.h"

#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

namespace clustershift::detail {

/// validate() for inputs whose parks joinParksToRegions() has joined: the same problems, without
/// the copy of the inputs and the second join validate() makes.
std::vector<Problem> validateJoined(const Scenario& scenario, const Inputs& joined);

/// joinParksToRegions(inputs), then validateJoined: what the pipeline checks before it computes.
/// A join that fails (a broken region geometry) leaves the inputs as they were and is reported,
/// with every other problem, by validate().
std::vector<Problem> joinAndValidate(const Scenario& scenario, Inputs& inputs);

/// run() without the candidate handling: join, criteria, constraints, decision, flows,
/// effects. With presetRaw ([criterion][park], enabled criteria in scenario order) the raw
/// values are taken from there instead of being computed.
Results scoreCandidates(const Scenario& scenario, Inputs inputs, Feedback& feedback,
                        const std::vector<std::vector<double>>* presetRaw);

/// Polygon parks: lon/lat become the polygon's centroid when the centroid lies inside it
/// (else the loader's point-on-surface stays), and a NULL area_ha becomes the geodesic area
/// of the polygon (WGS84, hectares). Point parks are left alone. Never throws on bad
/// geometry (the loader reported it).
void placePolygonCandidates(Inputs& inputs);

/// The regular grid of scenario.candidates.gridKm cells over the regions as candidates:
/// every cell scored exactly like a park at its centre, the best candidates.keep cells scored
/// again as parks into Results (so every output and the report see them as parks) with the
/// grid's value-function ranges pinned, and every cell's score in Results::scoreGrid.
Results runCandidateGrid(const Scenario& scenario, Inputs inputs, Feedback& feedback);

/// Every cell of the scenario's grid with every enabled criterion's raw value.
struct GridScreening {
  GridCells cells;
  std::vector<const CriterionSpec*> specs;  ///< enabled criteria, scenario order
  std::vector<std::unique_ptr<Criterion>> criteria;
  std::vector<nlohmann::json> params;    ///< resolved
  std::vector<std::vector<double>> raw;  ///< [criterion][cell]
  int sourceRegion = -1;
};

/// Validates the scenario for a grid, joins `inputs`' parks to their regions, lays the grid
/// and scores every cell with every criterion. fastPaths: each criterion's grid path
/// (computeGrid) or one value per region (perRegion) where it has one; false: every criterion
/// through compute() with the cells as parks (the reference the tests hold the fast paths to).
GridScreening screenGrid(const Scenario& scenario, Inputs& inputs, Feedback& feedback, bool fastPaths);

}  // namespace clustershift::detail
