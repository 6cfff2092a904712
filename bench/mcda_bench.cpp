// Decision engine speed: 20,000 candidates x 12 criteria (issue 3). Target: robustness with
// 2,000 weight draws <= 2 s on one core. Run: build/bench/mcda_bench
#include <random>

#include <benchmark/benchmark.h>

#include "clustershift/mcda.h"

namespace {

using clustershift::Direction;
using clustershift::Uncertainty;
using clustershift::mcda::Matrix;

constexpr size_t kCandidates = 20000;
constexpr size_t kCriteria = 12;

const Matrix& rawMatrix() {
  static const Matrix m = [] {
    std::mt19937_64 engine(2026);
    std::lognormal_distribution<double> value(3.0, 0.8);
    Matrix out(kCandidates, std::vector<double>(kCriteria));
    for (auto& row : out) {
      for (double& x : row) x = value(engine);
    }
    return out;
  }();
  return m;
}

std::vector<double> weights() {
  std::vector<double> w(kCriteria);
  for (size_t j = 0; j < kCriteria; ++j) w[j] = 1.0 + static_cast<double>(j % 4);
  double sum = 0;
  for (double x : w) sum += x;
  for (double& x : w) x /= sum;
  return w;
}

std::vector<Direction> directions() {
  std::vector<Direction> d(kCriteria, Direction::Benefit);
  for (size_t j = 0; j < kCriteria; j += 3) d[j] = Direction::Cost;
  return d;
}

Matrix normalisedMatrix(const std::string& type) {
  const Matrix& raw = rawMatrix();
  const auto dirs = directions();
  clustershift::ValueFunction f;
  f.type = type;
  Matrix out(kCandidates, std::vector<double>(kCriteria));
  for (size_t j = 0; j < kCriteria; ++j) {
    std::vector<double> column(kCandidates);
    for (size_t i = 0; i < kCandidates; ++i) column[i] = raw[i][j];
    const auto v = clustershift::mcda::normalise(column, f, dirs[j]);
    for (size_t i = 0; i < kCandidates; ++i) out[i][j] = v[i];
  }
  return out;
}

void BM_TopsisClassical(benchmark::State& state) {
  const auto w = weights();
  const auto d = directions();
  for (auto _ : state) {
    benchmark::DoNotOptimize(clustershift::mcda::topsis(rawMatrix(), w, d));
  }
}
BENCHMARK(BM_TopsisClassical)->Unit(benchmark::kMillisecond);

void BM_TopsisCloseness(benchmark::State& state) {
  const Matrix v = normalisedMatrix("vector");
  const auto w = weights();
  for (auto _ : state) {
    benchmark::DoNotOptimize(clustershift::mcda::aggregate("topsis", v, w));
  }
}
BENCHMARK(BM_TopsisCloseness)->Unit(benchmark::kMillisecond);

void BM_Robustness(benchmark::State& state, const std::string& method) {
  const Matrix v = normalisedMatrix(method == "topsis" ? "vector" : "minmax");
  const auto w = weights();
  Uncertainty u;
  u.draws = static_cast<int>(state.range(0));
  u.concentration = 50;
  u.seed = 42;
  u.k = 5;
  for (auto _ : state) {
    benchmark::DoNotOptimize(clustershift::mcda::robustness(v, w, method, u));
  }
}
BENCHMARK_CAPTURE(BM_Robustness, wlc, std::string("wlc"))
    ->Arg(2000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_Robustness, wpm, std::string("wpm"))
    ->Arg(2000)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK_CAPTURE(BM_Robustness, topsis, std::string("topsis"))
    ->Arg(2000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_DecideWithRobustness(benchmark::State& state) {
  std::vector<clustershift::mcda::CriterionSetup> setups(kCriteria);
  const auto w = weights();
  const auto d = directions();
  for (size_t j = 0; j < kCriteria; ++j) {
    setups[j].id = "c" + std::to_string(j + 1);
    setups[j].weight = w[j];
    setups[j].direction = d[j];
  }
  clustershift::Weighting weighting;
  Uncertainty u;
  u.draws = 2000;
  for (auto _ : state) {
    clustershift::Feedback feedback;
    benchmark::DoNotOptimize(
        clustershift::mcda::decide(rawMatrix(), setups, weighting, "wlc", u, feedback));
  }
}
BENCHMARK(BM_DecideWithRobustness)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
