// SMAA-2 style robustness (core/src/mcda/robustness.cpp; Lahdelma & Salminen 2001,
// Operations Research 49(3):444-454) and Dirichlet weight sampling (Devroye 1986, ch. XI.4).
#include <cmath>
#include <algorithm>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

Uncertainty options(int draws, double concentration, unsigned seed = 42, int k = 2) {
  Uncertainty u;
  u.draws = draws;
  u.concentration = concentration;
  u.seed = seed;
  u.k = k;
  return u;
}

const Matrix kFour = {{0.9, 0.2, 0.6}, {0.4, 0.9, 0.5}, {0.6, 0.6, 0.1}, {0.1, 0.1, 0.1}};
const std::vector<double> kWeights = {0.5, 0.3, 0.2};

TEST(SampleWeights, DirichletDrawsAreOnTheSimplexAndCentredOnTheWeights) {
  const Matrix draws = sampleWeights({0.5, 0.3, 0.2, 0.0}, 4000, 50, 7);
  ASSERT_EQ(draws.size(), 4000u);
  double mean[4] = {0, 0, 0, 0};
  for (const auto& w : draws) {
    double sum = 0;
    for (size_t j = 0; j < 4; ++j) {
      EXPECT_GE(w[j], 0.0);
      sum += w[j];
      mean[j] += w[j] / 4000;
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
    EXPECT_EQ(w[3], 0.0);  // a zero weight stays zero
  }
  EXPECT_NEAR(mean[0], 0.5, 0.01);
  EXPECT_NEAR(mean[1], 0.3, 0.01);
  EXPECT_NEAR(mean[2], 0.2, 0.01);
}

TEST(SampleWeights, ConcentrationControlsTheSpread) {
  auto spread = [](double kappa) {
    const Matrix draws = sampleWeights({0.5, 0.5}, 2000, kappa, 3);
    double ss = 0;
    for (const auto& w : draws) ss += (w[0] - 0.5) * (w[0] - 0.5);
    return std::sqrt(ss / 2000);
  };
  // Var w_j = w_j (1 - w_j) / (kappa + 1): sd 0.0704 at kappa 50, 0.0157 at 1000.
  EXPECT_NEAR(spread(50), 0.0700, 0.006);
  EXPECT_NEAR(spread(1000), 0.0158, 0.0015);
}

TEST(SampleWeights, ZeroConcentrationIsUniformOnTheSimplex) {
  const Matrix draws = sampleWeights({0.9, 0.1, 0.0}, 6000, 0, 11);
  double mean[3] = {0, 0, 0};
  double below = 0;
  for (const auto& w : draws) {
    for (size_t j = 0; j < 3; ++j) mean[j] += w[j] / 6000;
    below += w[0] < 0.5 ? 1.0 / 6000 : 0;
  }
  for (double x : mean) EXPECT_NEAR(x, 1.0 / 3, 0.015);
  // Uniform on the 2-simplex: P(w_0 < 0.5) = 1 - 0.5^2 = 0.75.
  EXPECT_NEAR(below, 0.75, 0.02);
}

TEST(SampleWeights, InvalidArgumentsAreErrors) {
  EXPECT_THROW(sampleWeights({0.5, 0.5}, -1, 50, 1), InputError);
  EXPECT_THROW(sampleWeights({0.5, 0.5}, 10, -1, 1), InputError);
  EXPECT_THROW(sampleWeights({0, 0}, 10, 50, 1), InputError);
}

TEST(Robustness, ReproducibleForASeed) {
  const auto a = robustness(kFour, kWeights, "wlc", options(500, 5, 99));
  const auto b = robustness(kFour, kWeights, "wlc", options(500, 5, 99));
  EXPECT_EQ(a.pTop1, b.pTop1);
  EXPECT_EQ(a.rankMean, b.rankMean);
  EXPECT_EQ(a.rankP95, b.rankP95);
  const auto c = robustness(kFour, kWeights, "wlc", options(500, 5, 100));
  EXPECT_NE(a.rankMean, c.rankMean);
}

TEST(Robustness, DominatedAndDominatingAlternatives) {
  for (const std::string method : {"wlc", "wpm", "topsis"}) {
    const Matrix m = {{1.0, 1.0, 1.0}, {0.5, 0.6, 0.4}, {0.6, 0.5, 0.5}, {0.1, 0.2, 0.1}};
    const auto r = robustness(m, kWeights, method, options(300, 0));
    EXPECT_DOUBLE_EQ(r.pTop1[0], 1.0) << method;
    EXPECT_DOUBLE_EQ(r.rankP05[0], 1.0) << method;
    EXPECT_DOUBLE_EQ(r.rankP95[0], 1.0) << method;
    EXPECT_DOUBLE_EQ(r.rankMean[3], 4.0) << method;
    EXPECT_DOUBLE_EQ(r.pTopK[3], 0.0) << method;
    // Two middle ones swap places with the weights.
    EXPECT_GT(r.pTopK[1] + r.pTopK[2], 0.99) << method;
    EXPECT_NEAR(r.rankMean[1] + r.rankMean[2], 5.0, 1e-12) << method;
  }
}

TEST(Robustness, HighConcentrationReproducesTheDeterministicRanking) {
  for (const std::string method : {"wlc", "wpm", "topsis"}) {
    const auto ranks = rankDescending(aggregate(method, kFour, kWeights));
    const auto r = robustness(kFour, kWeights, method, options(200, 1e7));
    for (size_t i = 0; i < 4; ++i) {
      EXPECT_DOUBLE_EQ(r.rankMean[i], ranks[i]) << method << " row " << i;
      EXPECT_DOUBLE_EQ(r.rankP05[i], ranks[i]);
      EXPECT_DOUBLE_EQ(r.rankP95[i], ranks[i]);
    }
  }
}

TEST(Robustness, AcceptabilitiesAreConsistent) {
  const auto r = robustness(kFour, kWeights, "topsis", options(1000, 0, 5, 2));
  double sumTop1 = 0, sumTopK = 0;
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_LE(r.pTop1[i], r.pTopK[i]);
    EXPECT_LE(r.rankP05[i], r.rankP95[i]);
    EXPECT_GE(r.rankMean[i], 1.0);
    EXPECT_LE(r.rankMean[i], 4.0);
    sumTop1 += r.pTop1[i];
    sumTopK += r.pTopK[i];
  }
  EXPECT_NEAR(sumTop1, 1.0, 1e-12);  // no ties here: one alternative is first per draw
  EXPECT_NEAR(sumTopK, 2.0, 1e-12);
}

// Brute force: the same draws, scored by aggregate() and ranked by rankDescending().
void expectMatchesBruteForce(size_t alternatives, int draws, double kappa, const std::string& method,
                             int threads = 1) {
  std::mt19937_64 engine(alternatives);
  std::uniform_real_distribution<double> uniform(0.01, 1.0);
  Matrix m(alternatives, std::vector<double>(3));
  for (auto& row : m) {
    for (double& x : row) x = uniform(engine);
  }
  m[1] = m[0];  // a tie
  const Uncertainty u = options(draws, kappa, 17, 3);
  const Robustness r = robustness(m, kWeights, method, u, nullptr, threads);
  const Matrix w = sampleWeights(kWeights, draws, kappa, 17);
  std::vector<std::vector<int>> ranks(alternatives);
  for (const auto& wd : w) {
    const auto rk = rankDescending(aggregate(method, m, wd));
    for (size_t i = 0; i < alternatives; ++i) ranks[i].push_back(rk[i]);
  }
  const auto n = static_cast<size_t>(draws);
  for (size_t i = 0; i < alternatives; ++i) {
    auto sorted = ranks[i];
    std::sort(sorted.begin(), sorted.end());
    double mean = 0, top1 = 0, topk = 0;
    for (int x : sorted) {
      mean += x / static_cast<double>(draws);
      top1 += x == 1 ? 1.0 / draws : 0;
      topk += x <= 3 ? 1.0 / draws : 0;
    }
    const size_t i05 = static_cast<size_t>(std::ceil(0.05 * static_cast<double>(n))) - 1;
    const size_t i95 = static_cast<size_t>(std::ceil(0.95 * static_cast<double>(n))) - 1;
    EXPECT_NEAR(r.rankMean[i], mean, 1e-9) << method << " alternative " << i;
    EXPECT_NEAR(r.pTop1[i], top1, 1e-9) << method << " alternative " << i;
    EXPECT_NEAR(r.pTopK[i], topk, 1e-9) << method << " alternative " << i;
    EXPECT_EQ(r.rankP05[i], sorted[i05]) << method << " alternative " << i;
    EXPECT_EQ(r.rankP95[i], sorted[i95]) << method << " alternative " << i;
  }
}

TEST(Robustness, MatchesBruteForceRanking) {
  for (const std::string method : {"wlc", "wpm", "topsis"}) {
    expectMatchesBruteForce(40, 400, 5, method);      // percentiles by counting
    expectMatchesBruteForce(300, 20, 0, method);      // percentiles by selection
    expectMatchesBruteForce(130, 203, 5, method, 3);  // 3 threads, uneven blocks
  }
}

// The draws are shared out to threads in blocks; every statistic is the same to the bit for
// any thread count (the weights come from one seeded stream before the threads start).
TEST(Robustness, SameResultForAnyThreadCount) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::mt19937_64 engine(5);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  Matrix m(517, std::vector<double>(3));
  for (auto& row : m) {
    for (double& x : row) x = std::round(uniform(engine) * 20) / 20;  // many ties
  }
  m[7] = {nan, 0.5, 0.5};
  for (const std::string method : {"wlc", "wpm", "topsis"}) {
    const Robustness one = robustness(m, kWeights, method, options(333, 20, 9, 4), nullptr, 1);
    for (int threads : {2, 3, 8}) {
      const Robustness r = robustness(m, kWeights, method, options(333, 20, 9, 4), nullptr, threads);
      for (size_t i = 0; i < m.size(); ++i) {
        if (i == 7) {
          EXPECT_TRUE(std::isnan(r.rankMean[i]));
          continue;
        }
        EXPECT_EQ(r.pTop1[i], one.pTop1[i]) << method << " " << threads << " threads, row " << i;
        EXPECT_EQ(r.pTopK[i], one.pTopK[i]) << method << " " << threads << " threads, row " << i;
        EXPECT_EQ(r.rankMean[i], one.rankMean[i]) << method << " " << threads << " threads, row " << i;
        EXPECT_EQ(r.rankP05[i], one.rankP05[i]) << method << " " << threads << " threads, row " << i;
        EXPECT_EQ(r.rankP95[i], one.rankP95[i]) << method << " " << threads << " threads, row " << i;
      }
    }
  }
}

TEST(Robustness, TiedAlternativesShareRankOne) {
  const auto r = robustness({{0.5, 0.5}, {0.5, 0.5}, {0.1, 0.1}}, {0.5, 0.5}, "wlc", options(50, 10));
  EXPECT_DOUBLE_EQ(r.pTop1[0], 1.0);
  EXPECT_DOUBLE_EQ(r.pTop1[1], 1.0);
  EXPECT_DOUBLE_EQ(r.rankMean[2], 3.0);
}

TEST(Robustness, ExcludedRowsGetNanAndDoNotTakeRanks) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto r = robustness({{0.2, 0.2}, {nan, nan}, {0.9, 0.9}}, {0.5, 0.5}, "wlc", options(20, 50));
  EXPECT_TRUE(std::isnan(r.pTop1[1]));
  EXPECT_TRUE(std::isnan(r.rankMean[1]));
  EXPECT_DOUBLE_EQ(r.rankMean[0], 2.0);
  EXPECT_DOUBLE_EQ(r.rankMean[2], 1.0);
}

TEST(Robustness, NoDrawsNoResultsAndBadOptionsAreErrors) {
  const auto r = robustness(kFour, kWeights, "wlc", options(0, 50));
  EXPECT_TRUE(r.pTop1.empty());
  EXPECT_THROW(robustness(kFour, kWeights, "electre", options(10, 50)), InputError);
  EXPECT_THROW(robustness(kFour, kWeights, "wlc", options(10, 50, 1, 0)), InputError);
  EXPECT_THROW(robustness(kFour, {0.5, 0.5}, "wlc", options(10, 50)), InputError);
}

TEST(Robustness, CancellationStopsTheRun) {
  Feedback feedback;
  feedback.cancel();
  EXPECT_THROW(robustness(kFour, kWeights, "wlc", options(100, 50), &feedback), Cancelled);
  EXPECT_THROW(robustness(kFour, kWeights, "wlc", options(100, 50), &feedback, 3), Cancelled);
}

}  // namespace
}  // namespace clustershift::mcda
