// CGCS2000 (EPSG:4490) and its Gauss–Krüger projections (EPSG:4491–4554) through PROJ and
// through the loader's OGR path (core/src/io/ogr.cpp LonLatTransform), checked against
// coordinates computed here independently of PROJ.
#include <cmath>
#include <string>

#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <proj.h>

#include "io/ogr.h"

namespace {

constexpr double kPi = 3.14159265358979323846;
// CGCS2000 ellipsoid (GB/T 2000): a = 6378137 m, 1/f = 298.257222101 (= GRS80).
constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257222101;

// Meridian arc length from the equator to latitude phi (degrees), by Simpson's rule on
// M(φ) = a(1 − e²)/(1 − e² sin²φ)^{3/2}: independent of PROJ's series.
double meridianArc(double phiDeg) {
  const double e2 = kF * (2 - kF);
  const double phi = phiDeg * kPi / 180.0;
  const int n = 20000;  // even
  const double h = phi / n;
  auto m = [&](double p) {
    const double s = std::sin(p);
    return kA * (1 - e2) / std::pow(1 - e2 * s * s, 1.5);
  };
  double sum = m(0) + m(phi);
  for (int i = 1; i < n; ++i) sum += (i % 2 == 1 ? 4 : 2) * m(i * h);
  return sum * h / 3;
}

// Transverse Mercator by Krüger's n-series to third order (Krüger 1912; Karney 2011,
// J. Geodesy 85:475, eqs. 6–7 and 35), k0 = 1 as in the Chinese Gauss–Krüger grids.
// Error well below a millimetre within a 3° zone.
void kruger(double lonDeg, double latDeg, double lon0Deg, double falseEasting, double& e, double& n) {
  const double nn = kF / (2 - kF);
  const double bigA = kA / (1 + nn) * (1 + nn * nn / 4 + nn * nn * nn * nn / 64);
  const double alpha[3] = {nn / 2 - 2 * nn * nn / 3 + 5 * nn * nn * nn / 16,
                           13 * nn * nn / 48 - 3 * nn * nn * nn / 5, 61 * nn * nn * nn / 240};
  const double phi = latDeg * kPi / 180, dl = (lonDeg - lon0Deg) * kPi / 180;
  const double c = 2 * std::sqrt(nn) / (1 + nn);
  const double t = std::sinh(std::atanh(std::sin(phi)) - c * std::atanh(c * std::sin(phi)));
  const double xi = std::atan(t / std::cos(dl));
  const double eta = std::atanh(std::sin(dl) / std::sqrt(1 + t * t));
  double x = eta, y = xi;
  for (int j = 1; j <= 3; ++j) {
    x += alpha[j - 1] * std::cos(2 * j * xi) * std::sinh(2 * j * eta);
    y += alpha[j - 1] * std::sin(2 * j * xi) * std::cosh(2 * j * eta);
  }
  e = falseEasting + bigA * x;
  n = bigA * y;
}

// PROJ transform from EPSG:4490 to `target`, in lon/lat, easting/northing order.
void projForward(const char* target, double lon, double lat, double& e, double& n) {
  PJ_CONTEXT* ctx = proj_context_create();
  PJ* raw = proj_create_crs_to_crs(ctx, "EPSG:4490", target, nullptr);
  ASSERT_NE(raw, nullptr) << target;
  PJ* pj = proj_normalize_for_visualization(ctx, raw);
  ASSERT_NE(pj, nullptr);
  PJ_COORD c = proj_coord(lon, lat, 0, 0);
  PJ_COORD out = proj_trans(pj, PJ_FWD, c);
  e = out.xy.x;
  n = out.xy.y;
  proj_destroy(pj);
  proj_destroy(raw);
  proj_context_destroy(ctx);
}

struct SrsHandle {
  OGRSpatialReferenceH h = OSRNewSpatialReference(nullptr);
  ~SrsHandle() { OSRDestroySpatialReference(h); }
};

}  // namespace

TEST(Crs, MeridianArcMatchesPublishedValue) {
  // Self-check of the independent computation: GRS80 meridian arc to 30° is 3,320,113.398 m
  // (equal to WGS84's to the millimetre; e.g. NGA TR8350.2 / common TM tables).
  EXPECT_NEAR(meridianArc(30.0), 3320113.398, 2e-3);
}

TEST(Crs, ThreeDegreeZoneWithZoneNumberOnCentralMeridian) {
  // EPSG:4527 CGCS2000 / 3-degree Gauss-Kruger zone 39: central meridian 117°E, false easting
  // 39,500,000 m (zone number prefix), k0 = 1. On the central meridian: E = 39,500,000 exactly,
  // N = meridian arc length.
  double e = 0, n = 0;
  projForward("EPSG:4527", 117.0, 30.0, e, n);
  EXPECT_NEAR(e, 39500000.0, 1e-6);
  EXPECT_NEAR(n, meridianArc(30.0), 1e-3);
}

TEST(Crs, ThreeDegreeZoneOffTheCentralMeridianMatchesKrugerSeries) {
  double e = 0, n = 0, ke = 0, kn = 0;
  projForward("EPSG:4527", 118.4, 31.3, e, n);
  kruger(118.4, 31.3, 117.0, 39500000.0, ke, kn);
  EXPECT_NEAR(e, ke, 5e-3);
  EXPECT_NEAR(n, kn, 5e-3);
  // The 3-degree CRS without zone prefix (EPSG:4549, CM 120°E) gives E around 500 km.
  projForward("EPSG:4549", 121.0, 31.0, e, n);
  kruger(121.0, 31.0, 120.0, 500000.0, ke, kn);
  EXPECT_NEAR(e, ke, 5e-3);
  EXPECT_NEAR(n, kn, 5e-3);
}

TEST(Crs, SixDegreeZoneWithZoneNumber) {
  // EPSG:4497 CGCS2000 / Gauss-Kruger zone 19: CM 111°E (19·6 − 3), false easting 19,500,000.
  double e = 0, n = 0, ke = 0, kn = 0;
  projForward("EPSG:4497", 111.0, 25.0, e, n);
  EXPECT_NEAR(e, 19500000.0, 1e-6);
  EXPECT_NEAR(n, meridianArc(25.0), 1e-3);
  projForward("EPSG:4497", 113.2, 23.1, e, n);
  kruger(113.2, 23.1, 111.0, 19500000.0, ke, kn);
  EXPECT_NEAR(e, ke, 5e-3);
  EXPECT_NEAR(n, kn, 5e-3);
}

TEST(Crs, GaussKrugerAxisOrderIsNorthingFirstInTheEpsgDefinition) {
  // Chinese surveying convention: X = northing, Y = easting. Data from such CRSs must be
  // read with the traditional GIS order (as the loader does) or coordinates come swapped.
  SrsHandle srs;
  ASSERT_EQ(OSRImportFromEPSG(srs.h, 4527), OGRERR_NONE);
  EXPECT_EQ(OSREPSGTreatsAsNorthingEasting(srs.h), 1);
}

TEST(Crs, LoaderTransformTakesGaussKrugerToLonLat) {
  // The loader's path: a layer in EPSG:4527 transformed to EPSG:4326 lon/lat.
  clustershift::detail::ensureGdal();
  SrsHandle srs;
  ASSERT_EQ(OSRImportFromEPSG(srs.h, 4527), OGRERR_NONE);
  clustershift::detail::LonLatTransform transform(srs.h, "test.gpkg/parks");
  double ke = 0, kn = 0;
  kruger(118.4, 31.3, 117.0, 39500000.0, ke, kn);
  OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
  OGR_G_SetPoint_2D(point, 0, ke, kn);  // traditional GIS order: easting, northing
  std::string error;
  ASSERT_TRUE(transform.apply(point, error)) << error;
  // CGCS2000 and WGS84 agree to a few centimetres; 1e-6° ≈ 0.1 m.
  EXPECT_NEAR(OGR_G_GetX(point, 0), 118.4, 1e-6);
  EXPECT_NEAR(OGR_G_GetY(point, 0), 31.3, 1e-6);
  OGR_G_DestroyGeometry(point);
}

TEST(Crs, LoaderTransformTakesCgcs2000GeographicToLonLat) {
  clustershift::detail::ensureGdal();
  SrsHandle srs;
  ASSERT_EQ(OSRImportFromEPSG(srs.h, 4490), OGRERR_NONE);
  clustershift::detail::LonLatTransform transform(srs.h, "test.gpkg/regions");
  OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
  OGR_G_SetPoint_2D(point, 0, 113.2644, 23.1291);  // lon, lat (traditional order)
  std::string error;
  ASSERT_TRUE(transform.apply(point, error)) << error;
  EXPECT_NEAR(OGR_G_GetX(point, 0), 113.2644, 1e-7);
  EXPECT_NEAR(OGR_G_GetY(point, 0), 23.1291, 1e-7);
  OGR_G_DestroyGeometry(point);
}
