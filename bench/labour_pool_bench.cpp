// labour_pool at full size: 20,000 parks × 2,850 regions, 50 km catchments.
//
// Synthetic data: a jittered 57 × 50 grid of quadrilateral regions over south-east China
// (105–122°E, 20–32°N; cells ≈ 30 km × 27 km, like counties), in two variants:
//   simple — 4 vertices per region;
//   dense  — every edge densified to 50 points with a shared random wiggle, ≈ 200 vertices
//            per region, as real county boundaries carry.
// Parks: 20,000 uniform random points over the same extent.
//
// Benchmarks (real time, the machine's threads):
//   BM_LabourPoolCriterion/<variant>  the whole criterion through the registry: projection,
//                                     index, exact areas (what a run pays);
//   BM_AreaWeightedSums/<variant>     the per-park part alone (index prebuilt);
//   BM_GeosOverlay/<variant>          baseline: a plain GEOS overlay — one 8-segments-per-
//                                     quarter buffer per park and GEOSIntersection_r +
//                                     GEOSArea_r per park × candidate-region pair (STRtree),
//                                     on 2 threads with one GEOS context each, on a
//                                     subsample of parks and extrapolated to 20,000.
// After the runs the program prints the overlay / exact-criterion time ratio and the largest
// relative difference of the polygonal-buffer values from the exact ones.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <geos_c.h>

#include "bench_support.h"
#include "clustershift/criterion.h"
#include "spatial/catchment.h"

namespace {

using namespace clustershift;

constexpr int kNx = 57;
constexpr int kNy = 50;  // 57 × 50 = 2,850 regions
constexpr double kLon0 = 105.0, kLon1 = 122.0, kLat0 = 20.0, kLat1 = 32.0;
constexpr int kParks = 20000;
constexpr double kRadiusKm = 50.0;
constexpr int kPointsPerEdge = 50;  // dense variant: 4 × 50 = 200 vertices per region
constexpr int kOverlaySample = 400;

// ---- synthetic generator ---------------------------------------------------------------

// Little-endian WKB of a polygon with one ring (MultiPolygon of one part, closed by the writer).
std::vector<std::uint8_t> polygonWkb(const std::vector<double>& ring) {
  detail::PlanarShape shape;
  shape.polygons.emplace_back();
  shape.polygons.back().rings.push_back(ring);
  return detail::planarShapeToWkb(shape);
}

struct Grid {
  std::vector<double> lon, lat;  // (kNx+1) × (kNy+1) jittered corners
  double x(int i, int j) const { return lon[static_cast<std::size_t>(j * (kNx + 1) + i)]; }
  double y(int i, int j) const { return lat[static_cast<std::size_t>(j * (kNx + 1) + i)]; }
};

Grid makeGrid(std::mt19937_64& rng) {
  Grid g;
  const double dx = (kLon1 - kLon0) / kNx, dy = (kLat1 - kLat0) / kNy;
  std::uniform_real_distribution<double> jitter(-0.3, 0.3);
  for (int j = 0; j <= kNy; ++j) {
    for (int i = 0; i <= kNx; ++i) {
      const bool border = i == 0 || j == 0 || i == kNx || j == kNy;
      g.lon.push_back(kLon0 + dx * (i + (border ? 0.0 : jitter(rng))));
      g.lat.push_back(kLat0 + dy * (j + (border ? 0.0 : jitter(rng))));
    }
  }
  return g;
}

// Interior points of the edge a→b (kPointsPerEdge − 1 of them), wiggled perpendicular to
// the edge by a tapered random offset; seeded by the edge so both neighbours share it.
std::vector<double> edgePoints(double ax, double ay, double bx, double by, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const double len = std::hypot(bx - ax, by - ay);
  const double nx = -(by - ay) / len, ny = (bx - ax) / len;
  std::vector<double> pts;
  for (int k = 1; k < kPointsPerEdge; ++k) {
    const double t = static_cast<double>(k) / kPointsPerEdge;
    const double off = 0.04 * len * std::sin(3.14159265358979 * t) * u(rng);
    pts.push_back(ax + t * (bx - ax) + off * nx);
    pts.push_back(ay + t * (by - ay) + off * ny);
  }
  return pts;
}

// Appends corner a, then the interior points of edge a→b (reversed if stored b→a).
void appendEdge(std::vector<double>& ring, const Grid& g, int ai, int aj, int bi, int bj, bool dense) {
  ring.push_back(g.x(ai, aj));
  ring.push_back(g.y(ai, aj));
  if (!dense) return;
  const bool forward = aj < bj || (aj == bj && ai < bi);
  const int si = forward ? ai : bi, sj = forward ? aj : bj, ei = forward ? bi : ai, ej = forward ? bj : aj;
  const std::uint64_t seed = (static_cast<std::uint64_t>(sj * (kNx + 1) + si) << 20) ^
                             static_cast<std::uint64_t>(ej * (kNx + 1) + ei) ^ 0x9E3779B97F4A7C15ull;
  std::vector<double> pts = edgePoints(g.x(si, sj), g.y(si, sj), g.x(ei, ej), g.y(ei, ej), seed);
  if (!forward) {
    for (std::size_t k = pts.size(); k >= 2; k -= 2) {
      ring.push_back(pts[k - 2]);
      ring.push_back(pts[k - 1]);
    }
  } else {
    ring.insert(ring.end(), pts.begin(), pts.end());
  }
}

Inputs makeInputs(bool dense) {
  std::mt19937_64 rng(20261127);
  const Grid g = makeGrid(rng);
  Inputs inputs;
  std::uniform_real_distribution<double> pop(20.0, 120.0);  // working age, 10k persons
  for (int j = 0; j < kNy; ++j) {
    for (int i = 0; i < kNx; ++i) {
      std::vector<double> ring;
      appendEdge(ring, g, i, j, i + 1, j, dense);
      appendEdge(ring, g, i + 1, j, i + 1, j + 1, dense);
      appendEdge(ring, g, i + 1, j + 1, i, j + 1, dense);
      appendEdge(ring, g, i, j + 1, i, j, dense);
      Region r;
      r.id = std::to_string(100000 + j * kNx + i);
      r.fid = r.id;
      r.wkb = polygonWkb(ring);
      r.values["working_age"] = pop(rng);
      inputs.regions.push_back(std::move(r));
    }
  }
  std::uniform_real_distribution<double> lon(kLon0, kLon1), lat(kLat0, kLat1);
  for (int p = 0; p < kParks; ++p) {
    const double parkLon = lon(rng);
    inputs.parks.push_back(bench::parkAt(p, parkLon, lat(rng)));
  }
  return inputs;
}

const Inputs& inputsFor(bool dense) {
  static std::map<bool, Inputs> cache;
  auto it = cache.find(dense);
  if (it == cache.end()) it = cache.emplace(dense, makeInputs(dense)).first;
  return it->second;
}

// Projected shapes, park coordinates and values, as the criterion builds them.
struct Planar {
  std::unique_ptr<detail::EqualAreaPlane> plane;
  std::unique_ptr<detail::CatchmentIndex> index;
  std::vector<double> xs, ys, values;
};

const Planar& planarFor(bool dense) {
  static std::map<bool, Planar> cache;
  auto it = cache.find(dense);
  if (it != cache.end()) return it->second;
  const Inputs& in = inputsFor(dense);
  Planar p;
  p.plane = std::make_unique<detail::EqualAreaPlane>(0.5 * (kLon0 + kLon1), 0.5 * (kLat0 + kLat1));
  std::vector<detail::PlanarShape> shapes;
  for (const Region& r : in.regions) {
    shapes.push_back(detail::projectShape(r.wkb, *p.plane, r.id));
    p.values.push_back(r.value("working_age"));
  }
  p.index = std::make_unique<detail::CatchmentIndex>(std::move(shapes));
  for (const Park& park : in.parks) {
    double x = 0, y = 0;
    p.plane->forward(park.lon, park.lat, x, y);
    p.xs.push_back(x);
    p.ys.push_back(y);
  }
  return cache.emplace(dense, std::move(p)).first->second;
}

double averageVertices(const Planar& p) {
  double n = 0;
  for (const auto& s : p.index->shapes()) n += static_cast<double>(s.polygons[0].rings[0].size() / 2);
  return n / static_cast<double>(p.index->shapes().size());
}

std::map<bool, double> g_criterionSeconds;
std::map<bool, double> g_overlaySecondsPer20k;
std::map<bool, double> g_overlayMaxRelDiff;

// ---- the criterion -----------------------------------------------------------------------

void BM_LabourPoolCriterion(benchmark::State& state) {
  const bool dense = state.range(0) != 0;
  const Inputs& inputs = inputsFor(dense);
  Scenario scenario;
  auto criterion = CriterionRegistry::instance().create("labour_pool");
  const nlohmann::json params = {{"radius_km", kRadiusKm}};
  double best = 1e300;
  for (auto _ : state) {
    Feedback feedback;
    CriterionContext context{scenario, inputs, -1, kNaN, kNaN, feedback};
    const auto t0 = std::chrono::steady_clock::now();
    auto values = criterion->compute(context, params);
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    benchmark::DoNotOptimize(values.data());
  }
  g_criterionSeconds[dense] = best;
  state.counters["parks"] = kParks;
  state.counters["regions"] = static_cast<double>(inputs.regions.size());
  state.counters["vertices_per_region"] = averageVertices(planarFor(dense));
}
BENCHMARK(BM_LabourPoolCriterion)->Apply(bench::coarseAndDense)->MinTime(2.0);

void BM_AreaWeightedSums(benchmark::State& state) {
  const bool dense = state.range(0) != 0;
  const Planar& p = planarFor(dense);
  for (auto _ : state) {
    auto values = detail::areaWeightedSums(*p.index, p.values, p.xs, p.ys, kRadiusKm * 1000.0, 0);
    benchmark::DoNotOptimize(values.data());
  }
  state.counters["parks_per_s"] = benchmark::Counter(kParks, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_AreaWeightedSums)->Apply(bench::coarseAndDense)->MinTime(2.0);

// ---- baseline: plain GEOS overlay --------------------------------------------------------

struct GeosThread {
  GEOSContextHandle_t h = GEOS_init_r();
  std::vector<GEOSGeometry*> regions;
  GEOSSTRtree* tree = nullptr;
  std::vector<int> ids;
  ~GeosThread() {
    if (tree != nullptr) GEOSSTRtree_destroy_r(h, tree);
    for (auto* g : regions) GEOSGeom_destroy_r(h, g);
    GEOS_finish_r(h);
  }
};

GEOSGeometry* toGeos(GEOSContextHandle_t h, const detail::PlanarShape& s) {
  const auto& ring = s.polygons[0].rings[0];
  const unsigned n = static_cast<unsigned>(ring.size() / 2);
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n + 1, 2);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_setXY_r(h, seq, i, ring[2 * i], ring[2 * i + 1]);
  GEOSCoordSeq_setXY_r(h, seq, n, ring[0], ring[1]);
  return GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, seq), nullptr, 0);
}

struct OverlayQuery {
  GeosThread* t;
  const GEOSGeometry* disk;
  double sum;
  const std::vector<double>* values;
  const std::vector<detail::PlanarShape>* shapes;
};

void overlayVisit(void* item, void* userdata) {
  auto* q = static_cast<OverlayQuery*>(userdata);
  const int k = *static_cast<int*>(item);
  GEOSGeometry* inter = GEOSIntersection_r(q->t->h, q->disk, q->t->regions[static_cast<std::size_t>(k)]);
  double area = 0;
  if (inter != nullptr) {
    GEOSArea_r(q->t->h, inter, &area);
    GEOSGeom_destroy_r(q->t->h, inter);
  }
  const auto& s = (*q->shapes)[static_cast<std::size_t>(k)];
  q->sum += (*q->values)[static_cast<std::size_t>(k)] * area / s.area;
}

void BM_GeosOverlay(benchmark::State& state) {
  const bool dense = state.range(0) != 0;
  const Planar& p = planarFor(dense);
  const auto& shapes = p.index->shapes();
  const int threads = 2;
  // Per-thread contexts, each with its own copy of the region geometries and STRtree.
  std::vector<std::unique_ptr<GeosThread>> ctx;
  for (int t = 0; t < threads; ++t) {
    auto g = std::make_unique<GeosThread>();
    g->tree = GEOSSTRtree_create_r(g->h, 10);
    g->ids.resize(shapes.size());
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      g->ids[i] = static_cast<int>(i);
      g->regions.push_back(toGeos(g->h, shapes[i]));
      GEOSSTRtree_insert_r(g->h, g->tree, g->regions.back(), &g->ids[i]);
    }
    ctx.push_back(std::move(g));
  }
  const double r = kRadiusKm * 1000.0;
  std::vector<double> result(kOverlaySample, 0.0);
  double best = 1e300;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back([&, t]() {
        GeosThread* g = ctx[static_cast<std::size_t>(t)].get();
        for (int i = t; i < kOverlaySample; i += threads) {
          GEOSGeometry* centre = GEOSGeom_createPointFromXY_r(g->h, p.xs[static_cast<std::size_t>(i)],
                                                              p.ys[static_cast<std::size_t>(i)]);
          GEOSGeometry* disk = GEOSBuffer_r(g->h, centre, r, 8);
          OverlayQuery q{g, disk, 0.0, &p.values, &shapes};
          GEOSSTRtree_query_r(g->h, g->tree, disk, overlayVisit, &q);
          result[static_cast<std::size_t>(i)] = q.sum;
          GEOSGeom_destroy_r(g->h, disk);
          GEOSGeom_destroy_r(g->h, centre);
        }
      });
    }
    for (auto& th : pool) th.join();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  // Accuracy of the polygonal buffer against the exact areas, same parks.
  std::vector<double> xs(p.xs.begin(), p.xs.begin() + kOverlaySample);
  std::vector<double> ys(p.ys.begin(), p.ys.begin() + kOverlaySample);
  const auto exact = detail::areaWeightedSums(*p.index, p.values, xs, ys, r, 1);
  double maxRel = 0;
  for (int i = 0; i < kOverlaySample; ++i) {
    const double e = exact[static_cast<std::size_t>(i)];
    if (e > 0) maxRel = std::max(maxRel, std::fabs(result[static_cast<std::size_t>(i)] - e) / e);
  }
  g_overlaySecondsPer20k[dense] = best / kOverlaySample * kParks;
  g_overlayMaxRelDiff[dense] = maxRel;
  state.counters["sample_parks"] = kOverlaySample;
  state.counters["extrapolated_20k_s"] = best / kOverlaySample * kParks;
  state.counters["max_rel_diff_vs_exact"] = maxRel;
}
BENCHMARK(BM_GeosOverlay)->Apply(bench::coarseAndDense)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  for (bool dense : {false, true}) {
    const char* name = dense ? "dense (~200 vertices/region)" : "simple (4 vertices/region)";
    if (g_criterionSeconds.count(dense) != 0) {
      std::printf("labour_pool %s: exact criterion %.3f s for %d parks x %d regions at %.0f km\n", name,
                  g_criterionSeconds[dense], kParks, kNx * kNy, kRadiusKm);
    }
    if (g_overlaySecondsPer20k.count(dense) != 0) {
      std::printf(
          "  GEOS overlay baseline (buffer 8 seg/quarter + GEOSIntersection_r, 2 threads): %.2f s "
          "extrapolated from %d parks; max relative difference from exact %.2f %%\n",
          g_overlaySecondsPer20k[dense], kOverlaySample, 100.0 * g_overlayMaxRelDiff[dense]);
    }
    if (g_criterionSeconds.count(dense) != 0 && g_overlaySecondsPer20k.count(dense) != 0) {
      std::printf("  ratio overlay / exact criterion: %.1f x\n",
                  g_overlaySecondsPer20k[dense] / g_criterionSeconds[dense]);
    }
  }
  return 0;
}
