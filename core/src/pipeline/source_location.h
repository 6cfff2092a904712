#pragma once
#include "clustershift/data.h"
#include "clustershift/scenario.h"

namespace clustershift::detail {

/// The source region and cluster location of a run.
struct SourceLocation {
  int region = -1;  ///< index into Inputs::regions, -1 when absent
  double lon = kNaN;
  double lat = kNaN;
};

/// Cluster location: the scenario's source.lon/lat; else the source region's city seat
/// (numeric fields seat_lon/seat_lat, when present); else a point on the region's surface.
/// Never throws: lon/lat stay NaN when nothing is available.
SourceLocation locateSource(const Scenario& scenario, const Inputs& inputs);

}  // namespace clustershift::detail
