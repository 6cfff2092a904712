// Geodesic distances on the WGS84 ellipsoid with PROJ's geodesic routines
// (Karney 2013, "Algorithms for geodesics", J. Geodesy 87:43–55).
#include <geodesic.h>

#include "clustershift/geo.h"

namespace clustershift {

double geodesicKm(double lon1, double lat1, double lon2, double lat2) {
  if (isMissing(lon1) || isMissing(lat1) || isMissing(lon2) || isMissing(lat2)) return kNaN;
  // WGS84: a = 6378137 m, f = 1/298.257223563. geod_inverse only reads the struct, so one
  // initialised instance is safe to share between threads.
  static const geod_geodesic kWgs84 = [] {
    geod_geodesic g;
    geod_init(&g, 6378137.0, 1.0 / 298.257223563);
    return g;
  }();
  double s12 = 0;
  geod_inverse(&kWgs84, lat1, lon1, lat2, lon2, &s12, nullptr, nullptr);
  return s12 / 1000.0;
}

}  // namespace clustershift
