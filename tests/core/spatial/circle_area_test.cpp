// Exact disk ∩ polygon areas (core/src/spatial/circle_area.cpp).
#include <cmath>
#include <random>
#include <vector>

#include <geos_c.h>
#include <gtest/gtest.h>

#include "planar_fixture.h"
#include "spatial/planar_shape.h"

namespace {

using clustershift::detail::circleRingArea;
using clustershift::detail::circleShapeArea;
using clustershift::detail::PlanarShape;
using clustershift::test::kPi;
using clustershift::test::shapeOf;
using clustershift::test::square;

std::vector<double> reversed(const std::vector<double>& ring) {
  std::vector<double> out;
  for (std::size_t i = ring.size(); i >= 2; i -= 2) {
    out.push_back(ring[i - 2]);
    out.push_back(ring[i - 1]);
  }
  return out;
}

double ringArea(const std::vector<double>& ring, double cx, double cy, double r) {
  return circleRingArea(ring.data(), ring.size() / 2, cx, cy, r);
}

// Area of the circular segment cut off by a chord at distance d from the centre.
double segmentArea(double r, double d) { return r * r * std::acos(d / r) - d * std::sqrt(r * r - d * d); }

}  // namespace

TEST(CircleArea, CircleInsideSquareIsPiRSquared) {
  const auto sq = square(-100, -100, 200);
  EXPECT_NEAR(ringArea(sq, 3, -7, 50), kPi * 2500, 1e-8);
  EXPECT_NEAR(ringArea(reversed(sq), 3, -7, 50), kPi * 2500, 1e-8);
  // Centre off the origin of coordinates and far from it (metres in a projected plane).
  const auto far = square(1.2e6, -8.0e5, 2.0e5);
  EXPECT_NEAR(ringArea(far, 1.3e6, -7.0e5, 5.0e4), kPi * 2.5e9, 1e-3);
}

TEST(CircleArea, SquareInsideCircleIsItsArea) {
  const auto sq = square(-10, -10, 20);
  EXPECT_NEAR(ringArea(sq, 0, 0, 50), 400.0, 1e-10);
  EXPECT_NEAR(ringArea(reversed(sq), 1, 2, 50), 400.0, 1e-10);
}

TEST(CircleArea, CircleCentredOnCornerIsAQuarter) {
  const auto sq = square(0, 0, 100);
  EXPECT_NEAR(ringArea(sq, 0, 0, 30), kPi * 900 / 4, 1e-9);
  EXPECT_NEAR(ringArea(sq, 100, 100, 30), kPi * 900 / 4, 1e-9);
  EXPECT_NEAR(ringArea(reversed(sq), 100, 0, 30), kPi * 900 / 4, 1e-9);
}

TEST(CircleArea, HalfPlaneEdgeGivesCircularSegment) {
  // A large square whose left edge x = 0 cuts the circle; centre at x = -d (outside) and
  // x = +d (inside).
  const auto sq = square(0, -1000, 2000);
  const double r = 40;
  for (double d : {0.0, 5.0, 17.5, 39.0}) {
    EXPECT_NEAR(ringArea(sq, -d, 3, r), segmentArea(r, d), 1e-9) << "d=" << d;
    EXPECT_NEAR(ringArea(sq, d, 3, r), kPi * r * r - segmentArea(r, d), 1e-9) << "d=" << d;
  }
  EXPECT_NEAR(ringArea(sq, -40, 0, r), 0.0, 1e-12);  // tangent
  EXPECT_EQ(ringArea(sq, -41, 0, r), 0.0);
}

TEST(CircleArea, ChordAcrossAStripWithAllVerticesOutside) {
  // Horizontal strip |y| ≤ h, much longer than the circle: every vertex is outside.
  const double h = 10;
  const double r = 30;
  const std::vector<double> strip{-500, -h, 500, -h, 500, h, -500, h};
  const double expected = kPi * r * r - 2 * segmentArea(r, h);
  EXPECT_NEAR(ringArea(strip, 0, 0, r), expected, 1e-9);
  EXPECT_NEAR(ringArea(reversed(strip), 0, 0, r), expected, 1e-9);
}

TEST(CircleArea, HoleIsSubtracted) {
  const PlanarShape s = shapeOf({square(-100, -100, 200), square(-10, -10, 20)});
  EXPECT_NEAR(s.area, 40000.0 - 400.0, 1e-9);
  EXPECT_NEAR(circleShapeArea(s, 0, 0, 50), kPi * 2500 - 400.0, 1e-8);
}

TEST(CircleArea, CircleInsideAHoleIsZero) {
  const PlanarShape s = shapeOf({square(-100, -100, 200), square(-50, -50, 100)});
  EXPECT_NEAR(circleShapeArea(s, 0, 0, 30), 0.0, 1e-9);
}

TEST(CircleArea, VerticesExactlyOnTheCircle) {
  // A square inscribed in the circle: every vertex on it.
  const double h = 30.0 / std::sqrt(2.0);
  const std::vector<double> inscribed{-h, -h, h, -h, h, h, -h, h};
  EXPECT_NEAR(ringArea(inscribed, 0, 0, 30), 4 * h * h, 1e-9);
  // A diamond with a vertex on atan2's branch cut (−60, 0); its edges stay 60/√2 ≈ 42.4 from
  // the centre, so the whole circle is inside.
  const std::vector<double> diamond{60, 0, 0, 60, -60, 0, 0, -60};
  EXPECT_NEAR(ringArea(diamond, 0, 0, 30), kPi * 900, 1e-9);
}

TEST(CircleArea, MatchesFinelySegmentedGeosOverlayOnIrregularPolygons) {
  // Star-shaped polygons with 200 jittered vertices, against a 4096-segments-per-quarter
  // GEOS buffer ∩ polygon (relative area deficit of the inscribed polygon ≈ 4e-8).
  GEOSContextHandle_t h = GEOS_init_r();
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> jitter(0.5, 1.5);
  std::uniform_real_distribution<double> offset(-60.0, 60.0);
  for (int trial = 0; trial < 40; ++trial) {
    std::vector<double> ring;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 201, 2);
    for (unsigned i = 0; i < 200; ++i) {
      const double a = 2 * kPi * i / 200;
      const double rad = 50 * jitter(rng);
      ring.push_back(rad * std::cos(a));
      ring.push_back(rad * std::sin(a));
      GEOSCoordSeq_setXY_r(h, seq, i, ring[2 * i], ring[2 * i + 1]);
    }
    GEOSCoordSeq_setXY_r(h, seq, 200, ring[0], ring[1]);
    GEOSGeometry* poly = GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), nullptr, 0);
    const double cx = offset(rng), cy = offset(rng), r = 45;
    GEOSGeometry* centre = GEOSGeom_createPointFromXY_r(h, cx, cy);
    GEOSGeometry* disk = GEOSBuffer_r(h, centre, r, 4096);
    GEOSGeometry* inter = GEOSIntersection_r(h, disk, poly);
    double expected = 0;
    GEOSArea_r(h, inter, &expected);
    EXPECT_NEAR(ringArea(ring, cx, cy, r), expected, 1e-6 * kPi * r * r) << "trial " << trial;
    // The chunked path (whole runs of edges settled from their bbox) agrees.
    const PlanarShape shape = shapeOf({ring});
    EXPECT_NEAR(circleShapeArea(shape, cx, cy, r), expected, 1e-6 * kPi * r * r) << "trial " << trial;
    EXPECT_NEAR(circleShapeArea(shape, cx, cy, 0.3 * r), ringArea(ring, cx, cy, 0.3 * r), 1e-9 * r * r);
    EXPECT_NEAR(circleShapeArea(shape, cx, cy, 3 * r), ringArea(ring, cx, cy, 3 * r), 1e-9 * r * r);
    GEOSGeom_destroy_r(h, inter);
    GEOSGeom_destroy_r(h, disk);
    GEOSGeom_destroy_r(h, centre);
    GEOSGeom_destroy_r(h, poly);
  }
  GEOS_finish_r(h);
}
