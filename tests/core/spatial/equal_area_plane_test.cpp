// The local Lambert azimuthal equal-area plane (core/src/spatial/equal_area_plane.cpp).
#include "spatial/equal_area_plane.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <geodesic.h>
#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "io/geos_context.h"

#include "planar_fixture.h"

TEST(EqualAreaPlane, EqualAreaPlanePreservesEllipsoidalArea) {
  // A 1° × 1° cell in Guangdong; its ellipsoidal area from GeographicLib's algorithm in
  // PROJ (geod_polygonarea, Karney 2013) must equal the planar area after projection.
  clustershift::detail::EqualAreaPlane plane(113.0, 25.0);
  const double lons[] = {114.0, 115.0, 115.0, 114.0};
  const double lats[] = {23.0, 23.0, 24.0, 24.0};
  // Densify the edges so the planar polygon follows the projected (curved) parallels.
  std::vector<double> ring;
  std::vector<double> glon, glat;
  for (int e = 0; e < 4; ++e) {
    for (int k = 0; k < 100; ++k) {
      const double t = k / 100.0;
      const double lon = lons[e] + t * (lons[(e + 1) % 4] - lons[e]);
      const double lat = lats[e] + t * (lats[(e + 1) % 4] - lats[e]);
      ring.push_back(lon);
      ring.push_back(lat);
      glon.push_back(lon);
      glat.push_back(lat);
    }
  }
  plane.forward(ring);
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  double geodArea = 0;
  geod_polygonarea(&g, glat.data(), glon.data(), static_cast<int>(glat.size()), &geodArea, nullptr);
  const clustershift::detail::PlanarShape s = clustershift::test::shapeOf({ring});
  EXPECT_NEAR(s.area / std::fabs(geodArea), 1.0, 1e-6);
}

TEST(EqualAreaPlane, UnreadableWkbNamesTheGeometry) {
  const std::vector<std::uint8_t> garbage{1, 2, 3};
  try {
    clustershift::detail::planarShapeFromWkb(garbage, "region 7");
    FAIL() << "expected a GeoError";
  } catch (const clustershift::GeoError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("region 7: unreadable geometry: ", 0), 0u) << e.what();
  }
}

TEST(EqualAreaPlane, StudyAreaCentreSkipsEmptyAndUnreadableGeometries) {
  const std::vector<std::uint8_t> a =
      clustershift::detail::wktToWkb("POLYGON((110 20, 112 20, 112 24, 110 24, 110 20))");
  const std::vector<std::uint8_t> b = clustershift::detail::wktToWkb("POINT(116 30)");
  const std::vector<std::uint8_t> garbage{1, 2, 3}, empty;
  double lon = 0, lat = 0;
  clustershift::detail::studyAreaCentre({&a, &garbage, &b, &empty, nullptr}, lon, lat);
  EXPECT_DOUBLE_EQ(lon, 113.0);  // bbox 110..116 °E
  EXPECT_DOUBLE_EQ(lat, 25.0);   // bbox 20..30 °N
  clustershift::detail::studyAreaCentre({&garbage}, lon, lat);
  EXPECT_EQ(lon, 0.0);
  EXPECT_EQ(lat, 0.0);
}
