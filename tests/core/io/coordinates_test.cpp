// GCJ-02 / BD-09 conversions (core/src/io/coordinates.cpp).
#include "clustershift/coordinates.h"

#include <cmath>

#include <gtest/gtest.h>

namespace {

// Local equirectangular distance (metres): accurate to far better than 1 % at these offsets.
double metres(double lon1, double lat1, double lon2, double lat2) {
  constexpr double kR = 6371008.8;
  constexpr double kDeg = 3.14159265358979323846 / 180.0;
  const double x = (lon2 - lon1) * kDeg * std::cos(0.5 * (lat1 + lat2) * kDeg);
  const double y = (lat2 - lat1) * kDeg;
  return kR * std::sqrt(x * x + y * y);
}

}  // namespace

// The widely used reference pair (Tiananmen), reproduced by eviltransform's and
// coordtransform's test suites: WGS84 (116.404, 39.915) -> GCJ-02 (116.41024449916938,
// 39.91640428150164).
TEST(Coordinates, Wgs84ToGcj02MatchesReferencePair) {
  double lon = 0;
  double lat = 0;
  clustershift::wgs84ToGcj02(116.404, 39.915, lon, lat);
  EXPECT_NEAR(lon, 116.41024449916938, 1e-10);
  EXPECT_NEAR(lat, 39.91640428150164, 1e-10);
}

TEST(Coordinates, Gcj02ToWgs84InvertsReferencePairBelowHalfMetre) {
  double lon = 0;
  double lat = 0;
  clustershift::gcj02ToWgs84(116.41024449916938, 39.91640428150164, lon, lat);
  EXPECT_LT(metres(lon, lat, 116.404, 39.915), 0.5);
  // The iteration is in fact far tighter than the contract.
  EXPECT_LT(metres(lon, lat, 116.404, 39.915), 0.01);
}

TEST(Coordinates, ShiftIsHundredsOfMetresInsideChina) {
  double lon = 0;
  double lat = 0;
  clustershift::wgs84ToGcj02(120.65, 28.0, lon, lat);  // Wenzhou
  const double d = metres(120.65, 28.0, lon, lat);
  EXPECT_GT(d, 100.0);
  EXPECT_LT(d, 1000.0);
}

class CoordinatesRoundTrip : public ::testing::TestWithParam<std::pair<double, double>> {};

TEST_P(CoordinatesRoundTrip, Gcj02AndBd09InvertBelowHalfMetre) {
  const auto [lon0, lat0] = GetParam();
  double gLon = 0, gLat = 0, bLon = 0, bLat = 0, wLon = 0, wLat = 0;
  clustershift::wgs84ToGcj02(lon0, lat0, gLon, gLat);
  clustershift::gcj02ToWgs84(gLon, gLat, wLon, wLat);
  EXPECT_LT(metres(wLon, wLat, lon0, lat0), 0.5) << "GCJ-02 at " << lon0 << "," << lat0;

  clustershift::gcj02ToBd09(gLon, gLat, bLon, bLat);
  // BD-09 adds roughly (0.0065°, 0.006°) to GCJ-02.
  EXPECT_GT(metres(gLon, gLat, bLon, bLat), 300.0);
  clustershift::bd09ToWgs84(bLon, bLat, wLon, wLat);
  EXPECT_LT(metres(wLon, wLat, lon0, lat0), 0.5) << "BD-09 at " << lon0 << "," << lat0;
}

INSTANTIATE_TEST_SUITE_P(ChineseCities, CoordinatesRoundTrip,
                         ::testing::Values(std::make_pair(116.404, 39.915),      // Beijing
                                           std::make_pair(120.65, 28.0),         // Wenzhou
                                           std::make_pair(113.2644, 23.1291),    // Guangzhou
                                           std::make_pair(120.5853, 31.2990),    // Suzhou
                                           std::make_pair(87.6168, 43.8256),     // Urumqi
                                           std::make_pair(126.6424, 45.7567),    // Harbin
                                           std::make_pair(109.5119, 18.2528)));  // Sanya

TEST(Coordinates, PointsOutsideChinaAreUnchanged) {
  const double pts[][2] = {{2.3522, 48.8566}, {-74.006, 40.7128}, {151.2093, -33.8688}};
  for (const auto& p : pts) {
    EXPECT_FALSE(clustershift::insideChina(p[0], p[1]));
    double lon = 0, lat = 0;
    clustershift::wgs84ToGcj02(p[0], p[1], lon, lat);
    EXPECT_EQ(lon, p[0]);
    EXPECT_EQ(lat, p[1]);
    clustershift::gcj02ToWgs84(p[0], p[1], lon, lat);
    EXPECT_EQ(lon, p[0]);
    EXPECT_EQ(lat, p[1]);
    clustershift::gcj02ToBd09(p[0], p[1], lon, lat);
    EXPECT_EQ(lon, p[0]);
    clustershift::bd09ToWgs84(p[0], p[1], lon, lat);
    EXPECT_EQ(lat, p[1]);
  }
  EXPECT_TRUE(clustershift::insideChina(116.404, 39.915));
}
