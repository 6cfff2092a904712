#pragma once
// Point-in-region lookup shared by joinParksToRegions and validate().
#include <vector>

#include "clustershift/data.h"

namespace clustershift::detail {

/// Region index for each park's (lon, lat); -1 when outside every region or without a
/// location. A point on a border shared by several regions goes to the region that comes
/// first in the regions table (lowest index): candidates are tested in index order with
/// "covers" semantics, so border points are never lost. Throws GeoError on bad geometry.
std::vector<int> locateParks(const std::vector<Region>& regions, const std::vector<Park>& parks);

/// locateParks() for bare points: lon[i], lat[i] in degrees (NaN: -1), same border rule.
std::vector<int> locatePoints(const std::vector<Region>& regions, const std::vector<double>& lon,
                              const std::vector<double>& lat);

}  // namespace clustershift::detail
