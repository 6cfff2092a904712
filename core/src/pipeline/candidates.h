#pragma once
// Candidate sites other than park points (pipeline.h run(), docs/model.md "Candidate sites").
#include <vector>

#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

namespace clustershift::detail {

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

}  // namespace clustershift::detail
