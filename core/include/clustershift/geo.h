#pragma once
// Geodesy and the spatial join, over GEOS/PROJ wrapped in core/src/io.
#include <cstdint>
#include <vector>

#include "clustershift/data.h"

namespace clustershift {

/// Geodesic distance on WGS84 (PROJ geod_inverse), kilometres. Inputs in degrees.
double geodesicKm(double lon1, double lat1, double lon2, double lat2);

/// Joins every park to the region containing its point (STRtree + prepared geometry);
/// sets Park::region. Parks outside every region keep -1. Returns the number joined.
int joinParksToRegions(Inputs& inputs);

/// A point guaranteed inside the region's polygon (GEOS point-on-surface), degrees.
void pointOnSurface(const Region& region, double& lon, double& lat);

}  // namespace clustershift
