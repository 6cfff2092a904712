// Fast distance-decay sums (core/src/spatial/decay_sum.cpp) against PROJ's exact geodesic
// (Karney 2013): the error budget documented in docs/model.md (market access).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "clustershift/geo.h"
#include "spatial/decay_sum.h"

namespace clustershift::detail {
namespace {

ReducedPoints points(const std::vector<std::pair<double, double>>& lonLat) {
  std::vector<double> lon, lat;
  for (const auto& [x, y] : lonLat) {
    lon.push_back(x);
    lat.push_back(y);
  }
  return reducePoints(lon, lat);
}

TEST(AndoyerLambert, PublishedDistancesWithinTwoMetresPer100Km) {
  // Same references as geodesic_test.cpp: Beijing–Shanghai 1065.85 km on WGS84; GeographicLib's
  // Inverse example JFK–LHR 5551.76 km (Karney). Andoyer–Lambert errs by O(f²) ≈ 1e−5 relative.
  const ReducedPoints a = points({{116.4074, 39.9042}, {-73.8, 40.6}});
  const ReducedPoints b = points({{121.4737, 31.2304}, {-0.5, 51.6}});
  EXPECT_NEAR(andoyerLambertKm(a, 0, b, 0), 1065.85, 1065.85 * 2e-5);
  EXPECT_NEAR(andoyerLambertKm(a, 1, b, 1), 5551.76, 5551.76 * 2e-5);
  // Along the equator the formula is exact: a·Δλ.
  const ReducedPoints e = points({{0, 0}, {1, 0}});
  EXPECT_NEAR(andoyerLambertKm(e, 0, e, 1), 6378.137 * std::acos(-1.0) / 180.0, 1e-9);
  EXPECT_DOUBLE_EQ(andoyerLambertKm(e, 0, e, 0), 0.0);
}

TEST(AndoyerLambert, RandomPairsOverChinaWithin2e5OfExactGeodesic) {
  // 20,000 random pairs over 73–135°E, 18–54°N, from 0 to ~5,000 km apart.
  std::mt19937_64 rng(14);
  std::uniform_real_distribution<double> lon(73, 135), lat(18, 54), near(-0.05, 0.05);
  std::vector<std::pair<double, double>> p, q;
  for (int i = 0; i < 20000; ++i) {
    p.emplace_back(lon(rng), lat(rng));
    // every fourth pair within ~5 km, where the Y term's quotient is delicate
    q.emplace_back(i % 4 == 0 ? std::make_pair(p.back().first + near(rng), p.back().second + near(rng))
                              : std::make_pair(lon(rng), lat(rng)));
  }
  const ReducedPoints a = points(p), b = points(q);
  double worst = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double exact = geodesicKm(p[i].first, p[i].second, q[i].first, q[i].second);
    const double fast = andoyerLambertKm(a, i, b, i);
    worst = std::max(worst, std::abs(fast - exact) / exact);
  }
  EXPECT_LT(worst, 2e-5);
  EXPECT_GT(worst, 0.0);  // it is an approximation; the test would notice a silent switch
}

// Σ_j w_j exp(−d_ij/δ) with PROJ's exact geodesic: the reference.
std::vector<double> exactSums(const std::vector<std::pair<double, double>>& centres,
                              const std::vector<std::pair<double, double>>& sources,
                              const std::vector<double>& w, double deltaKm) {
  std::vector<double> out;
  for (const auto& c : centres) {
    double sum = 0;
    for (std::size_t j = 0; j < sources.size(); ++j) {
      if (std::isnan(w[j])) continue;
      sum += w[j] * std::exp(-geodesicKm(c.first, c.second, sources[j].first, sources[j].second) / deltaKm);
    }
    out.push_back(sum);
  }
  return out;
}

TEST(DecaySums, RandomNationalCaseWithinBudgetOfExactGeodesicSums) {
  // A distance error ε_d moves exp(−d/δ) by (d/δ)·ε_d: 1e−5 for δ ≥ 150 km, 1e−4 for a steep
  // δ = 30 km; the documented budget of market_access is 1e−3.
  std::mt19937_64 rng(2850);
  std::uniform_real_distribution<double> lon(73, 135), lat(18, 54), gdp(10, 20000);
  std::vector<std::pair<double, double>> centres, sources;
  std::vector<double> w;
  for (int i = 0; i < 250; ++i) centres.emplace_back(lon(rng), lat(rng));
  for (int j = 0; j < 400; ++j) {
    sources.emplace_back(lon(rng), lat(rng));
    w.push_back(j % 50 == 7 ? kNaN : gdp(rng));  // a few regions without GDP are skipped
  }
  centres.emplace_back(sources[3]);  // a centre on a source: d = 0 there
  for (const auto& [delta, bound] :
       {std::make_pair(30.0, 1e-4), std::make_pair(150.0, 1e-5), std::make_pair(600.0, 1e-5)}) {
    const std::vector<double> exact = exactSums(centres, sources, w, delta);
    const std::vector<double> fast = decaySums(points(centres), points(sources), w, delta, 2);
    ASSERT_EQ(fast.size(), exact.size());
    double worst = 0;
    for (std::size_t i = 0; i < exact.size(); ++i)
      worst = std::max(worst, std::abs(fast[i] - exact[i]) / exact[i]);
    EXPECT_LT(worst, bound) << "delta " << delta;
  }
}

TEST(DecaySums, PairsBeyondSixtyDegreesFallBackToExactGeodesic) {
  // Beijing and Buenos Aires: ~19,300 km, far outside the series' range; with δ = 5,000 km the
  // far term is not negligible, so a wrong distance would show.
  const std::vector<std::pair<double, double>> centres{{116.4, 39.9}}, sources{{116.5, 39.8}, {-58.4, -34.6}};
  const std::vector<double> w{1.0, 1000.0};
  const double exact = exactSums(centres, sources, w, 5000.0)[0];
  EXPECT_NEAR(decaySums(points(centres), points(sources), w, 5000.0, 1)[0], exact, exact * 1e-12);
}

TEST(DecaySums, MissingLocationsGiveNaNAndAreSkipped) {
  const std::vector<std::pair<double, double>> centres{{kNaN, 30}, {120, 30}}, sources{{120, 30}, {kNaN, 31}};
  const std::vector<double> result = decaySums(points(centres), points(sources), {5.0, 7.0}, 150.0, 1);
  EXPECT_TRUE(std::isnan(result[0]));
  EXPECT_DOUBLE_EQ(result[1], 5.0);
}

TEST(DecaySums, CancelledRunStopsEarly) {
  std::vector<std::pair<double, double>> many(5000, {120.0, 30.0});
  const std::vector<double> result = decaySums(
      points(many), points(many), std::vector<double>(many.size(), 1.0), 150.0, 2, [] { return true; });
  EXPECT_TRUE(std::all_of(result.begin(), result.end(), [](double v) { return std::isnan(v); }));
}

}  // namespace
}  // namespace clustershift::detail
