#include <gtest/gtest.h>

#include <cmath>

#include "clustershift/geo.h"

namespace clustershift {
namespace {

TEST(GeodesicKm, BeijingToShanghai) {
  // Tian'anmen (116.4074 E, 39.9042 N) to People's Square (121.4737 E, 31.2304 N).
  // The often-quoted 1067-1068 km is the great-circle distance on a sphere of mean radius
  // R = 6371.0088 km (haversine: 1067.31 km); on the WGS84 ellipsoid it is 1065.85 km —
  // the ellipsoid is flatter towards the poles, so this mostly north-south line is shorter.
  double d = geodesicKm(116.4074, 39.9042, 121.4737, 31.2304);
  EXPECT_NEAR(d, 1065.85, 0.01);
  const double kDeg = std::acos(-1.0) / 180.0;
  double p1 = 39.9042 * kDeg, p2 = 31.2304 * kDeg, dl = (121.4737 - 116.4074) * kDeg;
  double h = std::pow(std::sin((p2 - p1) / 2), 2) +
             std::cos(p1) * std::cos(p2) * std::pow(std::sin(dl / 2), 2);
  double spherical = 2 * 6371.0088 * std::asin(std::sqrt(h));
  EXPECT_NEAR(spherical, 1067.31, 0.01);
  EXPECT_NEAR(d / spherical, 1.0, 0.002);  // ellipsoid vs sphere: within 0.2 %
  EXPECT_NEAR(geodesicKm(121.4737, 31.2304, 116.4074, 39.9042), d, 1e-9);  // symmetric
}

TEST(GeodesicKm, GeographicLibJfkToLhr) {
  // GeographicLib documentation (Karney), Geodesic::Inverse example: JFK (40.6 N, 73.8 W)
  // to LHR (51.6 N, 0.5 W) is 5551.76 km on WGS84.
  EXPECT_NEAR(geodesicKm(-73.8, 40.6, -0.5, 51.6), 5551.76, 0.01);
}

TEST(GeodesicKm, ZeroAndMissing) {
  EXPECT_DOUBLE_EQ(geodesicKm(120, 30, 120, 30), 0.0);
  EXPECT_TRUE(std::isnan(geodesicKm(kNaN, 30, 120, 30)));
  // One degree of longitude on the equator: a·π/180 = 111.3195 km.
  EXPECT_NEAR(geodesicKm(0, 0, 1, 0), 6378.137 * std::acos(-1.0) / 180.0, 1e-6);
}

}  // namespace
}  // namespace clustershift
