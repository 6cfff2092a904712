// market_access at full size: 20,000 parks × 2,850 region seats over China (73–135°E,
// 18–54°N, uniform random, fixed seed), GDP 10–20,000 亿元, δ = 150 km.
//
// Benchmarks (process CPU time is the robust number on a shared machine; real time too):
//   BM_MarketAccessCriterion   the criterion through the registry (Andoyer–Lambert on
//                              reduced-latitude unit vectors, vectorised, all threads);
//   BM_DecaySumsOneThread      the same sums on one thread;
//   BM_ExactGeodesicSums       baseline: PROJ's exact geodesic (Karney 2013, geod_inverse) for
//                              every pair, as market_access did before, one thread, on a
//                              subsample of parks and extrapolated to 20,000.
// After the runs the program prints the exact / fast CPU-time ratio and the largest relative
// difference of the criterion's values from the exact sums on the subsample.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <benchmark/benchmark.h>

#include "bench_support.h"
#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "spatial/decay_sum.h"

namespace {

using namespace clustershift;

constexpr int kParks = 20000;
constexpr int kRegions = 2850;
constexpr int kExactSample = 200;
constexpr double kDeltaKm = 150.0;

const Inputs& inputs() {
  static const Inputs in = [] {
    Inputs i;
    std::mt19937_64 rng(14);
    std::uniform_real_distribution<double> lon(73, 135), lat(18, 54), gdp(10, 20000);
    for (int r = 0; r < kRegions; ++r) {
      Region region;
      region.id = std::to_string(100000 + r);
      region.fid = region.id;
      region.extra = {{"seat_lon", lon(rng)}, {"seat_lat", lat(rng)}};
      region.values["gdp"] = gdp(rng);
      i.regions.push_back(std::move(region));
    }
    for (int p = 0; p < kParks; ++p) {
      const double parkLon = lon(rng);
      Park park = bench::parkAt(p, parkLon, lat(rng));
      park.region = 0;
      i.parks.push_back(std::move(park));
    }
    return i;
  }();
  return in;
}

std::vector<double> g_criterionValues;
std::map<std::string, double> g_cpuSeconds;  // per 20,000 parks

void BM_MarketAccessCriterion(benchmark::State& state) {
  Scenario scenario;
  auto criterion = CriterionRegistry::instance().create("market_access");
  for (auto _ : state) {
    Feedback feedback;
    CriterionContext context{scenario, inputs(), -1, kNaN, kNaN, feedback};
    g_criterionValues = criterion->compute(context, {{"delta_km", kDeltaKm}});
    benchmark::DoNotOptimize(g_criterionValues.data());
  }
  state.counters["pairs"] = static_cast<double>(kParks) * kRegions;
}
BENCHMARK(BM_MarketAccessCriterion)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

struct Prepared {
  detail::ReducedPoints parks, seats;
  std::vector<double> gdp;
};
const Prepared& prepared() {
  static const Prepared p = [] {
    Prepared q;
    std::vector<double> plon, plat, slon, slat;
    for (const Park& park : inputs().parks) {
      plon.push_back(park.lon);
      plat.push_back(park.lat);
    }
    for (const Region& r : inputs().regions) {
      slon.push_back(r.extra.at("seat_lon"));
      slat.push_back(r.extra.at("seat_lat"));
      q.gdp.push_back(r.value("gdp"));
    }
    q.parks = detail::reducePoints(plon, plat);
    q.seats = detail::reducePoints(slon, slat);
    return q;
  }();
  return p;
}

void BM_DecaySumsOneThread(benchmark::State& state) {
  const Prepared& p = prepared();
  for (auto _ : state) {
    auto v = detail::decaySums(p.parks, p.seats, p.gdp, kDeltaKm, 1);
    benchmark::DoNotOptimize(v.data());
  }
  state.counters["ns_per_pair"] =
      benchmark::Counter(static_cast<double>(kParks) * kRegions,
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_DecaySumsOneThread)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->MinTime(2.0);

std::vector<double> exactSample() {
  const Inputs& in = inputs();
  std::vector<double> out;
  for (int p = 0; p < kExactSample; ++p) {
    const Park& park = in.parks[static_cast<std::size_t>(p)];
    double sum = 0;
    for (const Region& r : in.regions)
      sum += r.value("gdp") *
             std::exp(-geodesicKm(park.lon, park.lat, r.extra.at("seat_lon"), r.extra.at("seat_lat")) /
                      kDeltaKm);
    out.push_back(sum);
  }
  return out;
}

std::vector<double> g_exact;

void BM_ExactGeodesicSums(benchmark::State& state) {
  for (auto _ : state) {
    g_exact = exactSample();
    benchmark::DoNotOptimize(g_exact.data());
  }
  state.counters["sample_parks"] = kExactSample;
}
BENCHMARK(BM_ExactGeodesicSums)
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Iterations(3);

// Records each run's CPU time per iteration (scaled to 20,000 parks) for the summary.
class Recorder : public benchmark::ConsoleReporter {
 public:
  Recorder() : ConsoleReporter(isatty(1) ? OO_ColorTabular : OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      const double perIteration = run.cpu_accumulated_time / static_cast<double>(run.iterations);
      const std::string name = run.benchmark_name();
      g_cpuSeconds[name] =
          name.find("Exact") != std::string::npos ? perIteration / kExactSample * kParks : perIteration;
    }
    ConsoleReporter::ReportRuns(runs);
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Recorder reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  auto byPrefix = [](const std::string& prefix) {
    return std::find_if(g_cpuSeconds.begin(), g_cpuSeconds.end(),
                        [&](const auto& kv) { return kv.first.rfind(prefix, 0) == 0; });
  };
  const auto fast = byPrefix("BM_MarketAccessCriterion");
  const auto exact = byPrefix("BM_ExactGeodesicSums");
  if (fast != g_cpuSeconds.end() && exact != g_cpuSeconds.end()) {
    std::printf(
        "market_access %d parks x %d regions: criterion %.3f s CPU; exact geodesics %.1f s CPU "
        "(extrapolated from %d parks); ratio exact / criterion %.0f x\n",
        kParks, kRegions, fast->second, exact->second, kExactSample, exact->second / fast->second);
  }
  if (!g_exact.empty() && g_criterionValues.size() >= g_exact.size()) {
    double worst = 0;
    for (std::size_t i = 0; i < g_exact.size(); ++i)
      worst = std::max(worst, std::abs(g_criterionValues[i] - g_exact[i]) / g_exact[i]);
    std::printf("  largest relative difference from the exact sums (%zu parks): %.2e (budget 1e-3)\n",
                g_exact.size(), worst);
  }
  return 0;
}
