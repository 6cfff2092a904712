// Polygon candidates: scored at their centroid, carrying their geodesic area.
#include <gtest/gtest.h>

#include <cmath>

#include <ogr_api.h>

#include "pipeline/candidates.h"

namespace clustershift::detail {
namespace {

std::vector<std::uint8_t> wkbFromWkt(const std::string& wkt) {
  OGRGeometryH g = nullptr;
  char* text = const_cast<char*>(wkt.c_str());
  EXPECT_EQ(OGR_G_CreateFromWkt(&text, nullptr, &g), OGRERR_NONE);
  std::vector<std::uint8_t> wkb(static_cast<std::size_t>(OGR_G_WkbSize(g)));
  OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
  OGR_G_DestroyGeometry(g);
  return wkb;
}

// Area (m²) between the equator and latitude phi on the WGS84 ellipsoid per radian of
// longitude: a²/2 q(phi), q as in Snyder (1987), Map Projections: A Working Manual, eq. 3-12.
double zoneAreaPerRadian(double phiDeg) {
  const double a = 6378137.0, f = 1.0 / 298.257223563, e2 = f * (2 - f), e = std::sqrt(e2);
  const double s = std::sin(phiDeg * M_PI / 180.0);
  const double q = (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * std::log((1 - e * s) / (1 + e * s)));
  return a * a * q / 2.0;
}

TEST(PolygonCandidates, SquareScoredAtCentroidWithItsArea) {
  Inputs inputs;
  Park park;
  park.id = "parcel";
  park.lon = 113.0;  // what a loader's point-on-surface might have given
  park.lat = 30.0;
  park.wkb = wkbFromWkt("POLYGON ((113 30, 113.2 30, 113.2 30.1, 113 30.1, 113 30))");
  inputs.parks.push_back(park);
  placePolygonCandidates(inputs);
  EXPECT_NEAR(inputs.parks[0].lon, 113.1, 1e-9);
  EXPECT_NEAR(inputs.parks[0].lat, 30.05, 1e-9);
  // The quadrangle between parallels; the geodesic edges bow poleward on both the north and
  // the south side, so the polygon differs from it by far less than 1e-4.
  const double expectedHa = (zoneAreaPerRadian(30.1) - zoneAreaPerRadian(30.0)) * (0.2 * M_PI / 180.0) / 1e4;
  EXPECT_NEAR(inputs.parks[0].value("area_ha"), expectedHa, 1e-4 * expectedHa);
}

TEST(PolygonCandidates, GivenAreaAndPointsAreKept) {
  Inputs inputs;
  Park polygon;
  polygon.id = "parcel";
  polygon.wkb = wkbFromWkt("POLYGON ((113 30, 113.2 30, 113.2 30.1, 113 30.1, 113 30))");
  polygon.values["area_ha"] = 150.0;
  Park point;
  point.id = "park";
  point.lon = 114.0;
  point.lat = 31.0;
  point.wkb = wkbFromWkt("POINT (114 31)");
  inputs.parks = {polygon, point};
  placePolygonCandidates(inputs);
  EXPECT_DOUBLE_EQ(inputs.parks[0].value("area_ha"), 150.0);
  EXPECT_DOUBLE_EQ(inputs.parks[1].lon, 114.0);
  EXPECT_TRUE(std::isnan(inputs.parks[1].value("area_ha")));
}

TEST(PolygonCandidates, CentroidOutsideKeepsThePointOnSurface) {
  Inputs inputs;
  Park park;
  park.id = "u_shape";
  park.lon = 113.05;
  park.lat = 30.05;
  // A U: its centroid (113.15, ~30.07) falls in the notch.
  park.wkb = wkbFromWkt(
      "POLYGON ((113 30, 113.3 30, 113.3 30.2, 113.2 30.2, 113.2 30.05, 113.1 30.05, 113.1 30.2, 113 30.2, "
      "113 30))");
  inputs.parks.push_back(park);
  placePolygonCandidates(inputs);
  EXPECT_DOUBLE_EQ(inputs.parks[0].lon, 113.05);
  EXPECT_DOUBLE_EQ(inputs.parks[0].lat, 30.05);
  EXPECT_GT(inputs.parks[0].value("area_ha"), 0.0);
}

}  // namespace
}  // namespace clustershift::detail
