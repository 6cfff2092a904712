// travel_time_source at national size: a road lattice over China (73–135°E, 18–54°N; seats
// every 0.5° jittered by a fixed seed, each joined to its east and north neighbours by a road
// with a vertex every ≤ 3 km: ~14,000 roads, ~280,000 vertices, the size of the national
// bench's road layer), 20,000 parks uniform over the same box.
//
// Benchmarks (process CPU time and real time, milliseconds):
//   BM_RoadNetworkBuild        the graph: lines read, vertices snapped into nodes, edges weighted;
//   BM_MinutesFromSource       one Dijkstra from the source's node to every node;
//   BM_TravelTimeCriterion     the criterion through the registry (build, snap 20,000 parks,
//                              one Dijkstra), as a run computes it.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "clustershift/criterion.h"
#include "spatial/road_network.h"

namespace {

using namespace clustershift;

constexpr int kParks = 20000;
constexpr double kStepDeg = 0.5;
constexpr double kVertexKm = 3.0;
constexpr double kSourceLon = 120.65, kSourceLat = 28.0;  // Wenzhou

/// Little-endian WKB of a line string.
std::vector<std::uint8_t> lineWkb(const std::vector<double>& xy) {
  std::vector<std::uint8_t> wkb(9 + 8 * xy.size());
  wkb[0] = 1;
  const std::uint32_t type = 2, n = static_cast<std::uint32_t>(xy.size() / 2);
  std::memcpy(&wkb[1], &type, 4);
  std::memcpy(&wkb[5], &n, 4);
  std::memcpy(&wkb[9], xy.data(), 8 * xy.size());
  return wkb;
}

const Inputs& inputs() {
  static const Inputs in = [] {
    Inputs i;
    std::mt19937_64 rng(14);
    std::uniform_real_distribution<double> jitter(-0.15, 0.15);
    const int cols = static_cast<int>((135 - 73) / kStepDeg) + 1,
              rows = static_cast<int>((54 - 18) / kStepDeg) + 1;
    std::vector<double> seatLon, seatLat;
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        seatLon.push_back(73 + c * kStepDeg + jitter(rng));
        seatLat.push_back(18 + r * kStepDeg + jitter(rng));
      }
    const char* classes[] = {"motorway", "trunk", "primary", "secondary"};
    auto road = [&](int a, int b) {
      const double dLon = seatLon[b] - seatLon[a], dLat = seatLat[b] - seatLat[a];
      const double km = 111.2 * std::hypot(dLat, dLon * std::cos(seatLat[a] * M_PI / 180));
      const int segments = std::max(1, static_cast<int>(std::ceil(km / kVertexKm)));
      std::vector<double> xy;
      for (int s = 0; s <= segments; ++s) {
        xy.push_back(seatLon[a] + dLon * s / segments);
        xy.push_back(seatLat[a] + dLat * s / segments);
      }
      Road rd;
      rd.fid = std::to_string(i.roads.size() + 1);
      rd.roadClass = classes[i.roads.size() % 4];
      rd.wkb = lineWkb(xy);
      i.roads.push_back(std::move(rd));
    };
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        if (c + 1 < cols) road(r * cols + c, r * cols + c + 1);
        if (r + 1 < rows) road(r * cols + c, (r + 1) * cols + c);
      }
    std::uniform_real_distribution<double> lon(73, 135), lat(18, 54);
    for (int p = 0; p < kParks; ++p) {
      const double parkLon = lon(rng);
      i.parks.push_back(bench::parkAt(p, parkLon, lat(rng)));
    }
    return i;
  }();
  return in;
}

detail::RoadNetworkOptions options() {
  detail::RoadNetworkOptions o;
  o.snapToleranceM = 1.0;
  return o;
}

void BM_RoadNetworkBuild(benchmark::State& state) {
  const Inputs& in = inputs();
  std::size_t nodes = 0, edges = 0;
  for (auto _ : state) {
    const detail::RoadNetwork network(in.roads, options(), "roads");
    nodes = network.nodeCount();
    edges = network.edgeCount();
    benchmark::DoNotOptimize(nodes);
  }
  state.counters["roads"] = static_cast<double>(in.roads.size());
  state.counters["nodes"] = static_cast<double>(nodes);
  state.counters["edges"] = static_cast<double>(edges);
}
BENCHMARK(BM_RoadNetworkBuild)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

void BM_MinutesFromSource(benchmark::State& state) {
  const detail::RoadNetwork network(inputs().roads, options(), "roads");
  double snapKm = 0;
  const int source = network.nearestNode(kSourceLon, kSourceLat, snapKm);
  for (auto _ : state) {
    std::vector<double> minutes = network.minutesFrom(source);
    benchmark::DoNotOptimize(minutes.data());
  }
}
BENCHMARK(BM_MinutesFromSource)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

void BM_TravelTimeCriterion(benchmark::State& state) {
  Scenario scenario;
  auto criterion = CriterionRegistry::instance().create("travel_time_source");
  const Inputs& in = inputs();
  std::size_t valued = 0;
  for (auto _ : state) {
    Feedback feedback;
    CriterionContext context{scenario, in, -1, kSourceLon, kSourceLat, feedback};
    const std::vector<double> values = criterion->compute(context, {{"max_snap_km", 60}});
    valued = 0;
    for (double v : values) valued += std::isfinite(v) ? 1 : 0;
    benchmark::DoNotOptimize(valued);
  }
  state.counters["parks_valued"] = static_cast<double>(valued);
}
BENCHMARK(BM_TravelTimeCriterion)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
