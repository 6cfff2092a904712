// Decay sums on a grid (core/src/spatial/decay_grid.cpp) against the same sums at every cell
// (decaySums, decay_sum.h): the interpolated far field stays inside its documented bound
// (6.5e−5 relative, decay_grid.h and docs/model.md "Candidate sites"), on random cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include "spatial/decay_grid.h"

namespace clustershift::detail {
namespace {

constexpr double kBound = 6.5e-5;

// A grid in a Lambert azimuthal equal-area plane centred on (lon0, lat0), `cells` pixels of
// it (all of them when empty), cell centres to lon/lat.
struct TestGrid {
  GridLattice lattice;
  std::vector<std::uint32_t> pixel;
  std::vector<double> lon, lat;
};

TestGrid makeGrid(double lon0, double lat0, int width, int height, double cellM,
                  std::vector<std::uint32_t> pixels) {
  TestGrid g;
  char proj[160];
  std::snprintf(proj, sizeof proj, "+proj=laea +lat_0=%.6f +lon_0=%.6f +datum=WGS84 +units=m +no_defs", lat0,
                lon0);
  OGRSpatialReferenceH plane = OSRNewSpatialReference(nullptr), geo = OSRNewSpatialReference(nullptr);
  OSRImportFromProj4(plane, proj);
  OSRImportFromEPSG(geo, 4326);
  OSRSetAxisMappingStrategy(geo, OAMS_TRADITIONAL_GIS_ORDER);
  char* wkt = nullptr;
  OSRExportToWkt(plane, &wkt);
  g.lattice.planeWkt = wkt;
  CPLFree(wkt);
  g.lattice.width = width;
  g.lattice.height = height;
  g.lattice.cellM = cellM;
  g.lattice.originX = -0.5 * width * cellM;
  g.lattice.originY = 0.5 * height * cellM;
  if (pixels.empty())
    for (std::uint32_t p = 0; p < static_cast<std::uint32_t>(width * height); ++p) pixels.push_back(p);
  g.pixel = std::move(pixels);
  for (std::uint32_t p : g.pixel) {
    g.lon.push_back(g.lattice.originX + (p % static_cast<std::uint32_t>(width) + 0.5) * cellM);
    g.lat.push_back(g.lattice.originY - (p / static_cast<std::uint32_t>(width) + 0.5) * cellM);
  }
  OGRCoordinateTransformationH t = OCTNewCoordinateTransformation(plane, geo);
  OCTTransform(t, static_cast<int>(g.lon.size()), g.lon.data(), g.lat.data(), nullptr);
  OCTDestroyCoordinateTransformation(t);
  OSRDestroySpatialReference(plane);
  OSRDestroySpatialReference(geo);
  g.lattice.pixel = &g.pixel;
  g.lattice.lon = &g.lon;
  g.lattice.lat = &g.lat;
  return g;
}

// Largest |fast − exact| / exact over the cells.
double worstRelative(const TestGrid& g, const ReducedPoints& sources, const std::vector<double>& w,
                     double deltaKm, DecayGridStats& stats) {
  const std::vector<double> fast = decaySumsOnGrid(g.lattice, sources, w, deltaKm, 2, {}, &stats);
  const std::vector<double> exact = decaySums(reducePoints(g.lon, g.lat), sources, w, deltaKm, 2);
  EXPECT_EQ(fast.size(), exact.size());
  double worst = 0;
  for (std::size_t i = 0; i < exact.size(); ++i) {
    EXPECT_GT(exact[i], 0.0);
    worst = std::max(worst, std::abs(fast[i] - exact[i]) / exact[i]);
  }
  return worst;
}

TEST(DecayGrid, RandomSourcesAroundAOneKmGridWithinTheBound) {
  // 240 × 200 km of 1 km cells, δ = 150 km (lattice of 9 km), 400 sources in and around it,
  // some within a cell of a centre, weights over four orders of magnitude.
  for (unsigned seed : {1u, 2u, 3u}) {
    const TestGrid g = makeGrid(113.0, 30.0, 240, 200, 1000.0, {});
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> lon(110.0, 116.0), lat(28.0, 32.0), logW(0.0, 4.0);
    std::uniform_int_distribution<std::size_t> cell(0, g.lon.size() - 1);
    std::vector<double> sl, sa, w;
    for (int j = 0; j < 400; ++j) {
      if (j % 10 == 0) {
        const std::size_t c = cell(rng);
        sl.push_back(g.lon[c] + 1e-4 * (j % 3));
        sa.push_back(g.lat[c]);
      } else {
        sl.push_back(lon(rng));
        sa.push_back(lat(rng));
      }
      w.push_back(std::pow(10.0, logW(rng)));
    }
    w[5] = std::nan("");  // a region without GDP: skipped by both
    DecayGridStats stats;
    const double worst = worstRelative(g, reducePoints(sl, sa), w, 150.0, stats);
    EXPECT_EQ(stats.cellsPerNode, 9);
    EXPECT_GT(stats.nodes, 0);
    // The fast path did a small part of the pairs exactly.
    EXPECT_LT(stats.nearPairs, static_cast<long long>(g.lon.size()) * 400 / 4);
    EXPECT_LT(worst, kBound) << "seed " << seed;
    std::printf("decay grid, seed %u: largest relative difference %.2e, %lld nodes, %lld near pairs\n", seed,
                worst, stats.nodes, stats.nearPairs);
  }
}

TEST(DecayGrid, ScatteredCellsOverANationalExtentWithinTheBound) {
  // 5,000 × 3,600 km of 1 km cells over China (the plane's scale varies by a few % at its
  // edges), 6,000 scattered cells, δ = 150 km and a steep 40 km (lattice of 2 km); 600 sources.
  const int width = 5000, height = 3600;
  std::mt19937_64 rng(2850);
  std::uniform_int_distribution<std::uint32_t> pixel(0, static_cast<std::uint32_t>(width * height - 1));
  std::vector<std::uint32_t> pixels;
  for (int i = 0; i < 6000; ++i) pixels.push_back(pixel(rng));
  std::sort(pixels.begin(), pixels.end());
  pixels.erase(std::unique(pixels.begin(), pixels.end()), pixels.end());
  const TestGrid g = makeGrid(104.0, 36.0, width, height, 1000.0, pixels);
  std::uniform_real_distribution<double> lon(75.0, 133.0), lat(19.0, 52.0), gdp(1.0, 5000.0);
  std::vector<double> sl, sa, w;
  for (int j = 0; j < 600; ++j) {
    sl.push_back(lon(rng));
    sa.push_back(lat(rng));
    w.push_back(gdp(rng));
  }
  const ReducedPoints sources = reducePoints(sl, sa);
  for (double delta : {150.0, 40.0}) {
    DecayGridStats stats;
    const double worst = worstRelative(g, sources, w, delta, stats);
    EXPECT_EQ(stats.cellsPerNode, delta == 150.0 ? 9 : 2);
    EXPECT_LT(worst, kBound) << "delta " << delta;
    std::printf("decay grid, national, delta %.0f km: largest relative difference %.2e\n", delta, worst);
  }
}

TEST(DecayGrid, GridsTooCoarseForALatticeAreSummedExactly) {
  // δ/16 = 1.9 km < two 2 km cells: no lattice, the same sums as decaySums.
  const TestGrid g = makeGrid(120.0, 29.0, 60, 50, 2000.0, {});
  const ReducedPoints sources = reducePoints({119.5, 120.2, 121.0}, {28.8, 29.1, 29.5});
  const std::vector<double> w = {10.0, 20.0, 30.0};
  DecayGridStats stats;
  const std::vector<double> fast = decaySumsOnGrid(g.lattice, sources, w, 30.0, 1, {}, &stats);
  const std::vector<double> exact = decaySums(reducePoints(g.lon, g.lat), sources, w, 30.0, 1);
  EXPECT_EQ(stats.cellsPerNode, 1);
  EXPECT_EQ(fast, exact);
}

}  // namespace
}  // namespace clustershift::detail
