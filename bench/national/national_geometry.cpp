// bench/national: the GEOS side of generate_national (see national_geometry.h).
#include "national_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

namespace national {

GEOSContextHandle_t g_ctx = nullptr;

namespace {

constexpr int kPointsPerEdge = 34;  // ≈ 6 edges × 34 ≈ 200 vertices per region
constexpr double kEarthKm = 6371.0088;

// Schematic outline of mainland China (lon, lat), a few dozen points: a benchmark extent only.
const std::vector<std::pair<double, double>> kOutline = {
    {73.5, 39.5},  {75.0, 37.0},  {78.5, 34.5},  {79.0, 32.5},  {81.0, 30.0},  {85.0, 28.2},  {88.5, 27.8},
    {92.0, 27.8},  {97.5, 28.2},  {98.5, 24.5},  {100.0, 21.5}, {102.0, 22.4}, {106.0, 22.0}, {108.0, 21.5},
    {110.5, 20.3}, {113.0, 22.2}, {116.5, 22.9}, {119.5, 25.5}, {121.8, 28.5}, {121.5, 31.0}, {120.5, 33.5},
    {119.3, 35.0}, {122.5, 37.2}, {121.0, 40.0}, {124.0, 40.0}, {126.5, 41.8}, {130.0, 42.5}, {131.0, 44.8},
    {134.7, 48.2}, {127.5, 50.0}, {125.5, 53.3}, {121.0, 53.3}, {119.5, 50.0}, {116.5, 49.8}, {117.5, 46.5},
    {112.0, 45.0}, {107.0, 42.5}, {97.0, 42.8},  {96.0, 44.5},  {91.0, 45.2},  {90.5, 47.8},  {87.5, 49.1},
    {85.0, 47.0},  {82.5, 45.3},  {80.5, 42.8},  {76.0, 40.5}};

std::vector<double> ringCoords(const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(g_ctx, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(g_ctx, seq, &n);
  std::vector<double> xy;
  for (unsigned i = 0; i + 1 < n; ++i) {  // drop the closing vertex
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(g_ctx, seq, i, &x, &y);
    xy.push_back(x);
    xy.push_back(y);
  }
  return xy;
}

// Interior points of edge a→b, wiggled perpendicular to it; generated in a canonical direction
// from a seed of the endpoints, so the two cells sharing the edge get the same points.
void appendWiggledEdge(std::vector<double>& out, double ax, double ay, double bx, double by) {
  const bool forward = std::make_pair(ax, ay) < std::make_pair(bx, by);
  const double sx = forward ? ax : bx, sy = forward ? ay : by, ex = forward ? bx : ax, ey = forward ? by : ay;
  std::uint64_t seed = 0x9E3779B97F4A7C15ull;
  for (double v : {sx, sy, ex, ey})
    seed = seed * 1000003u ^ static_cast<std::uint64_t>(std::llround(v * 1e7));
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const double len = std::hypot(ex - sx, ey - sy);
  if (len <= 0) return;
  const double nx = -(ey - sy) / len, ny = (ex - sx) / len;
  std::vector<double> pts;
  for (int k = 1; k < kPointsPerEdge; ++k) {
    const double t = static_cast<double>(k) / kPointsPerEdge;
    const double off = 0.03 * len * std::sin(kPi * t) * u(rng);
    pts.push_back(sx + t * (ex - sx) + off * nx);
    pts.push_back(sy + t * (ey - sy) + off * ny);
  }
  if (forward) {
    out.insert(out.end(), pts.begin(), pts.end());
  } else {
    for (std::size_t k = pts.size(); k >= 2; k -= 2) {
      out.push_back(pts[k - 2]);
      out.push_back(pts[k - 1]);
    }
  }
}

}  // namespace

void geosMessage(const char* message, void*) { std::fprintf(stderr, "GEOS: %s\n", message); }

GEOSGeometry* ringPolygon(const std::vector<double>& xy) {
  const unsigned n = static_cast<unsigned>(xy.size() / 2);
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(g_ctx, n + 1, 2);
  for (unsigned i = 0; i <= n; ++i) {
    GEOSCoordSeq_setX_r(g_ctx, seq, i, xy[2 * (i % n)]);
    GEOSCoordSeq_setY_r(g_ctx, seq, i, xy[2 * (i % n) + 1]);
  }
  return GEOSGeom_createPolygon_r(g_ctx, GEOSGeom_createLinearRing_r(g_ctx, seq), nullptr, 0);
}

GEOSGeometry* point(double x, double y) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(g_ctx, 1, 2);
  GEOSCoordSeq_setXY_r(g_ctx, seq, 0, x, y);
  return GEOSGeom_createPoint_r(g_ctx, seq);
}

double km(double lon1, double lat1, double lon2, double lat2) {  // spherical, for sizes only
  const double p1 = lat1 * kPi / 180, p2 = lat2 * kPi / 180, dl = (lon2 - lon1) * kPi / 180;
  const double h =
      std::pow(std::sin((p2 - p1) / 2), 2) + std::cos(p1) * std::cos(p2) * std::pow(std::sin(dl / 2), 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

Geom outlinePolygon() {
  std::vector<double> outlineXy;
  for (const auto& [x, y] : kOutline) {
    outlineXy.push_back(x);
    outlineXy.push_back(y);
  }
  return Geom(ringPolygon(outlineXy));
}

Seats placeSeats(const GEOSPreparedGeometry* outlinePrepared) {
  std::mt19937_64 seatRng(2850);
  std::uniform_real_distribution<double> lonU(73.5, 134.7), latU(20.3, 53.3), unit(0, 1);
  Seats seats;
  while (static_cast<int>(seats.lon.size()) < kRegions) {
    const double x = lonU(seatRng), y = latU(seatRng);
    const double keep = x < 100 ? 0.12 : x < 110 ? 0.12 + 0.088 * (x - 100) : 1.0;
    if (unit(seatRng) > keep) continue;
    Geom p(point(x, y));
    if (!GEOSPreparedContains_r(g_ctx, outlinePrepared, p.g)) continue;
    seats.lon.push_back(x);
    seats.lat.push_back(y);
  }
  return seats;
}

std::vector<Geom> makeRegionShapes(const Geom& seatsMulti, const Geom& outline) {
  Geom envelope(ringPolygon({70, 15, 140, 15, 140, 58, 70, 58}));
  Geom cells(GEOSVoronoiDiagram_r(g_ctx, seatsMulti.g, envelope.g, 0.0, 0));
  std::vector<Geom> shapes(kRegions);
  GEOSSTRtree* tree = GEOSSTRtree_create_r(g_ctx, 10);
  for (int i = 0; i < kRegions; ++i)
    GEOSSTRtree_insert_r(g_ctx, tree, GEOSGetGeometryN_r(g_ctx, seatsMulti.g, i),
                         reinterpret_cast<void*>(static_cast<std::intptr_t>(i)));
  const int nCells = GEOSGetNumGeometries_r(g_ctx, cells.g);
  for (int c = 0; c < nCells; ++c) {
    const GEOSGeometry* cell = GEOSGetGeometryN_r(g_ctx, cells.g, c);
    // The seat the cell contains (candidates by envelope from the tree).
    int owner = -1;
    std::vector<int> candidates;
    GEOSSTRtree_query_r(
        g_ctx, tree, cell,
        [](void* item, void* data) {
          static_cast<std::vector<int>*>(data)->push_back(
              static_cast<int>(reinterpret_cast<std::intptr_t>(item)));
        },
        &candidates);
    for (int i : candidates) {
      if (GEOSContains_r(g_ctx, cell, GEOSGetGeometryN_r(g_ctx, seatsMulti.g, i)) == 1) {
        owner = i;
        break;
      }
    }
    if (owner < 0) continue;
    const std::vector<double> ring = ringCoords(GEOSGetExteriorRing_r(g_ctx, cell));
    std::vector<double> wiggled;
    const std::size_t n = ring.size() / 2;
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t m = (k + 1) % n;
      wiggled.push_back(ring[2 * k]);
      wiggled.push_back(ring[2 * k + 1]);
      appendWiggledEdge(wiggled, ring[2 * k], ring[2 * k + 1], ring[2 * m], ring[2 * m + 1]);
    }
    Geom shape(ringPolygon(wiggled));
    if (GEOSisValid_r(g_ctx, shape.g) != 1) shape = Geom(GEOSMakeValid_r(g_ctx, shape.g));
    shapes[static_cast<std::size_t>(owner)] = Geom(GEOSIntersection_r(g_ctx, shape.g, outline.g));
  }
  GEOSSTRtree_destroy_r(g_ctx, tree);
  return shapes;
}

}  // namespace national
