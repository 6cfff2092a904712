// SMAA-2 style robustness analysis (Lahdelma & Salminen 2001, "SMAA-2: Stochastic
// multicriteria acceptability analysis for group decision making", Operations Research
// 49(3):444-454): rank acceptability over weight vectors drawn around the chosen weights.
// Weight draws: Dirichlet(kappa * w) as normalised Gamma(kappa * w_j, 1) variates (Devroye
// 1986, Non-Uniform Random Variate Generation, ch. XI.4); kappa = 0: uniform on the simplex,
// Dirichlet(1, ..., 1) (Rubinstein 1982).
#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <random>

#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {
namespace {

struct Scored {
  double score;
};

// Scores of the feasible rows for one weight vector, by method. Matrices are row-major
// nf x m, prepared once in Prepared.
struct Prepared {
  std::string method;
  size_t rows = 0;
  size_t cols = 0;
  std::vector<double> value;   // wlc: v; wpm: ln v (-inf for 0); topsis: (v - max)^2
  std::vector<double> second;  // topsis: (v - min)^2
};

void scoreAll(const Prepared& p, const std::vector<double>& w, std::vector<Scored>& out) {
  const size_t m = p.cols;
  if (p.method == "wlc") {
    for (size_t i = 0; i < p.rows; ++i) {
      const double* row = &p.value[i * m];
      double s = 0;
      for (size_t j = 0; j < m; ++j) s += w[j] * row[j];
      out[i].score = s;
    }
  } else if (p.method == "wpm") {
    // ln S = sum w_j ln v_ij orders the alternatives like S; a zero weight leaves its
    // criterion out (0^0 = 1) as in weightedProduct().
    std::vector<size_t> active;
    for (size_t j = 0; j < m; ++j) {
      if (w[j] > 0) active.push_back(j);
    }
    for (size_t i = 0; i < p.rows; ++i) {
      const double* row = &p.value[i * m];
      double s = 0;
      for (size_t j : active) s += w[j] * row[j];
      out[i].score = s;
    }
  } else {
    // TOPSIS with weights w: the ideal is w_j max_i v_ij (w >= 0), so
    // D+^2 = sum w_j^2 (v_ij - max_j)^2 and D-^2 = sum w_j^2 (v_ij - min_j)^2.
    std::vector<double> w2(m);
    for (size_t j = 0; j < m; ++j) w2[j] = w[j] * w[j];
    for (size_t i = 0; i < p.rows; ++i) {
      const double* a = &p.value[i * m];
      const double* b = &p.second[i * m];
      double plus = 0, minus = 0;
      for (size_t j = 0; j < m; ++j) {
        plus += w2[j] * a[j];
        minus += w2[j] * b[j];
      }
      plus = std::sqrt(plus);
      minus = std::sqrt(minus);
      out[i].score = (plus + minus) > 0 ? minus / (plus + minus) : 1.0;
    }
  }
}

bool tied(double prev, double s) {
  if (prev == s) return true;
  const double tol = 1e-12 * std::max({1.0, std::fabs(s), std::fabs(prev)});
  return prev - s <= tol;
}

// Order of the alternatives by descending score, input order among equal scores: an LSD radix
// sort (3 passes of 11 bits) on order-preserving 32-bit keys of the scores rounded to float,
// then an insertion pass with the exact comparison, which only has to fix the few neighbours
// whose scores round to the same float. Several times faster than std::sort at 20,000.
class DescendingSorter {
 public:
  explicit DescendingSorter(size_t n) : m_keys(n), m_keys2(n), m_order(n), m_order2(n) {}

  const std::vector<uint32_t>& sort(const std::vector<Scored>& scored) {
    const size_t n = scored.size();
    for (size_t i = 0; i < n; ++i) {
      const float f = static_cast<float>(scored[i].score);
      uint32_t u;
      std::memcpy(&u, &f, sizeof u);
      u = (u >> 31) ? ~u : (u | (uint32_t{1} << 31));  // ascending as unsigned
      m_keys[i] = ~u;                                  // descending
      m_order[i] = static_cast<uint32_t>(i);
    }
    constexpr int kBits = 11;
    constexpr uint32_t kMask = (uint32_t{1} << kBits) - 1;
    for (int shift = 0; shift < 32; shift += kBits) {
      std::fill(m_count.begin(), m_count.end(), 0u);
      for (size_t i = 0; i < n; ++i) ++m_count[(m_keys[i] >> shift) & kMask];
      if (n > 0 && m_count[(m_keys[0] >> shift) & kMask] == n) continue;  // one digit: no-op
      uint32_t total = 0;
      for (auto& c : m_count) {
        const uint32_t here = c;
        c = total;
        total += here;
      }
      for (size_t i = 0; i < n; ++i) {
        const uint32_t slot = m_count[(m_keys[i] >> shift) & kMask]++;
        m_keys2[slot] = m_keys[i];
        m_order2[slot] = m_order[i];
      }
      m_keys.swap(m_keys2);
      m_order.swap(m_order2);
    }
    // Exact order: score descending, index ascending (the radix pass is stable, so only
    // neighbours with equal float keys can be out of order).
    auto before = [&](uint32_t a, uint32_t b) {
      return scored[a].score > scored[b].score || (scored[a].score == scored[b].score && a < b);
    };
    for (size_t k = 1; k < n; ++k) {
      const uint32_t x = m_order[k];
      size_t p = k;
      while (p > 0 && before(x, m_order[p - 1])) {
        m_order[p] = m_order[p - 1];
        --p;
      }
      m_order[p] = x;
    }
    return m_order;
  }

 private:
  std::vector<uint32_t> m_keys, m_keys2;
  std::vector<uint32_t> m_order, m_order2;
  std::array<uint32_t, 2048> m_count{};
};

// Ranks are stored per draw ([draw][alternative], written sequentially) and transposed in
// cache-sized blocks for the per-alternative statistics. The draws are shared out to `threads`
// workers in blocks of kDrawBlock; each draw's ranks depend only on that draw's weights, so the
// result is the same for any number of threads.
constexpr size_t kDrawBlock = 16;

template <typename RankT>
void run(const Prepared& prepared, const Matrix& draws, RankT* ranks, unsigned threads, Feedback* feedback) {
  const size_t nf = prepared.rows;
  const size_t count = draws.size();
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  util::runOnThreads(threads, [&](unsigned t) {
    std::vector<Scored> scored(nf);
    DescendingSorter sorter(nf);
    while (!stop.load()) {
      const size_t first = next.fetch_add(kDrawBlock);
      if (first >= count) break;
      // Progress belongs to the caller's stages; only cancellation is checked here, on the
      // calling thread (t = 0), which tells the others to stop.
      if (feedback && t == 0 && feedback->isCanceled()) {
        stop.store(true);
        feedback->checkCanceled();
      }
      for (size_t d = first; d < std::min(count, first + kDrawBlock); ++d) {
        scoreAll(prepared, draws[d], scored);
        const std::vector<uint32_t>& order = sorter.sort(scored);
        RankT* rankOf = ranks + d * nf;  // first written here: this thread takes its pages
        RankT rank = 1;
        for (size_t k = 0; k < nf; ++k) {
          if (k > 0 && !tied(scored[order[k - 1]].score, scored[order[k]].score)) {
            rank = static_cast<RankT>(k + 1);
          }
          rankOf[order[k]] = rank;
        }
      }
    }
  });
  if (feedback) feedback->checkCanceled();
}

// Per alternative, independently: the threads take blocks of kBlock alternatives in turn.
template <typename RankT>
void summarise(const RankT* ranks, size_t nf, size_t count, int k, const std::vector<size_t>& rowOf,
               unsigned threads, Robustness& out) {
  const size_t i05 = util::nearestRankIndex(0.05, count);
  const size_t i95 = util::nearestRankIndex(0.95, count);
  constexpr size_t kBlock = 64;
  util::runOnThreads(threads, [&](unsigned t) {
    std::vector<RankT> column(kBlock * count);
    std::vector<uint32_t> histogram;
    for (size_t first = t * kBlock; first < nf; first += threads * kBlock) {
      const size_t width = std::min(kBlock, nf - first);
      for (size_t d = 0; d < count; ++d) {
        const RankT* row = &ranks[d * nf + first];
        for (size_t b = 0; b < width; ++b) column[b * count + d] = row[b];
      }
      for (size_t b = 0; b < width; ++b) {
        RankT* r = &column[b * count];
        size_t top1 = 0, topk = 0;
        double sum = 0;
        for (size_t d = 0; d < count; ++d) {
          top1 += r[d] == 1;
          topk += static_cast<long>(r[d]) <= static_cast<long>(k);
          sum += r[d];
        }
        const size_t row = rowOf[first + b];
        out.pTop1[row] = static_cast<double>(top1) / static_cast<double>(count);
        out.pTopK[row] = static_cast<double>(topk) / static_cast<double>(count);
        out.rankMean[row] = sum / static_cast<double>(count);
        // Percentiles by counting when the ranks span little more than the draws, else by
        // selection; both give the nearest-rank order statistics.
        RankT lo = r[0], hi = r[0];
        for (size_t d = 1; d < count; ++d) {
          lo = std::min(lo, r[d]);
          hi = std::max(hi, r[d]);
        }
        const size_t span = static_cast<size_t>(hi - lo) + 1;
        if (span <= 4 * count) {
          histogram.assign(span, 0u);
          for (size_t d = 0; d < count; ++d) ++histogram[static_cast<size_t>(r[d] - lo)];
          size_t seen = 0, v = 0;
          for (; v < span; ++v) {
            seen += histogram[v];
            if (seen > i05) break;
          }
          out.rankP05[row] = static_cast<double>(lo) + static_cast<double>(v);
          for (++v; seen <= i95 && v < span; ++v) seen += histogram[v];
          out.rankP95[row] = static_cast<double>(lo) + static_cast<double>(seen > i95 ? v - 1 : v);
        } else {
          std::nth_element(r, r + i05, r + count);
          out.rankP05[row] = r[i05];
          std::nth_element(r + i05, r + i95, r + count);
          out.rankP95[row] = r[i95];
        }
      }
    }
  });
}

}  // namespace

Matrix sampleWeights(const std::vector<double>& weights, int count, double concentration, unsigned seed) {
  if (count < 0) throw InputError("uncertainty.draws must be >= 0 (got " + std::to_string(count) + ")");
  if (!(concentration >= 0) || !std::isfinite(concentration)) {
    throw InputError("uncertainty.concentration must be >= 0 (got " + util::formatNumber(concentration) +
                     ")");
  }
  if (weights.empty()) throw InputError("robustness: no criteria");
  double sum = 0;
  for (double w : weights) {
    if (!(w >= 0) || !std::isfinite(w)) throw InputError("robustness: weights must be >= 0");
    sum += w;
  }
  if (!(sum > 0)) throw InputError("robustness: all weights are zero");
  const size_t m = weights.size();
  std::vector<double> alpha(m);
  for (size_t j = 0; j < m; ++j) alpha[j] = concentration > 0 ? concentration * weights[j] / sum : 1.0;
  std::mt19937_64 engine(seed);
  std::vector<std::gamma_distribution<double>> gamma;
  gamma.reserve(m);
  for (size_t j = 0; j < m; ++j) gamma.emplace_back(alpha[j] > 0 ? alpha[j] : 1.0, 1.0);
  Matrix out(static_cast<size_t>(count), std::vector<double>(m));
  for (auto& w : out) {
    double total = 0;
    // A draw whose gammas all underflow to 0 (tiny alphas) is redrawn.
    while (!(total > 0)) {
      total = 0;
      for (size_t j = 0; j < m; ++j) {
        w[j] = alpha[j] > 0 ? gamma[j](engine) : 0.0;
        total += w[j];
      }
    }
    for (double& x : w) x /= total;
  }
  return out;
}

Robustness robustness(const Matrix& normalised, const std::vector<double>& weights, const std::string& method,
                      const Uncertainty& uncertainty, Feedback* feedback, int threads) {
  if (method != "wlc" && method != "wpm" && method != "topsis") {
    throw InputError("unknown aggregation method '" + method + "' (known: wlc, wpm, topsis)");
  }
  if (uncertainty.k < 1) {
    throw InputError("uncertainty.k must be >= 1 (got " + std::to_string(uncertainty.k) + ")");
  }
  detail::checkShape(normalised, weights, "robustness");
  Robustness out;
  out.draws = uncertainty.draws;
  out.k = uncertainty.k;
  if (uncertainty.draws < 0) {
    throw InputError("uncertainty.draws must be >= 0 (got " + std::to_string(uncertainty.draws) + ")");
  }
  if (uncertainty.draws == 0) return out;
  const Matrix draws = sampleWeights(weights, uncertainty.draws, uncertainty.concentration, uncertainty.seed);

  const size_t n = normalised.size();
  const size_t m = weights.size();
  for (auto* v : {&out.pTop1, &out.pTopK, &out.rankMean, &out.rankP05, &out.rankP95}) {
    v->assign(n, kNaN);
  }
  std::vector<size_t> rowOf;
  for (size_t i = 0; i < n; ++i) {
    bool complete = true;
    for (double v : normalised[i]) complete = complete && !std::isnan(v);
    if (complete) rowOf.push_back(i);
  }
  const size_t nf = rowOf.size();
  if (nf == 0) return out;

  Prepared prepared;
  prepared.method = method;
  prepared.rows = nf;
  prepared.cols = m;
  prepared.value.resize(nf * m);
  if (method == "topsis") {
    prepared.second.resize(nf * m);
    std::vector<double> hi(m, -std::numeric_limits<double>::infinity());
    std::vector<double> lo(m, std::numeric_limits<double>::infinity());
    for (size_t i : rowOf) {
      for (size_t j = 0; j < m; ++j) {
        hi[j] = std::max(hi[j], normalised[i][j]);
        lo[j] = std::min(lo[j], normalised[i][j]);
      }
    }
    for (size_t r = 0; r < nf; ++r) {
      for (size_t j = 0; j < m; ++j) {
        const double v = normalised[rowOf[r]][j];
        prepared.value[r * m + j] = (v - hi[j]) * (v - hi[j]);
        prepared.second[r * m + j] = (v - lo[j]) * (v - lo[j]);
      }
    }
  } else {
    for (size_t r = 0; r < nf; ++r) {
      for (size_t j = 0; j < m; ++j) {
        const double v = normalised[rowOf[r]][j];
        if (method == "wpm") {
          if (v < 0) throw InputError("wpm: negative normalised value in row " + std::to_string(rowOf[r]));
          prepared.value[r * m + j] = v > 0 ? std::log(v) : -std::numeric_limits<double>::infinity();
        } else {
          prepared.value[r * m + j] = v;
        }
      }
    }
  }
  const size_t count = draws.size();
  // Ranks per draw and alternative; 16-bit while they fit (80 MB at 20,000 x 2,000). Not zeroed
  // first: every element is written by run(), and the workers then take the fresh pages in
  // parallel (a page's first touch cost 11 µs on the 2-core VM of bench/national: 0.2 s for
  // 80 MB on one thread).
  // By default threads only where there is enough work to share (a thread start is ~50 µs).
  const unsigned nThreads = threads > 0           ? static_cast<unsigned>(threads)
                            : nf * count < 200000 ? 1u
                                                  : util::threadCount();
  auto rank = [&](auto bits) {
    using RankT = decltype(bits);
    const std::unique_ptr<RankT[]> ranks(new RankT[nf * count]);
    run(prepared, draws, ranks.get(), nThreads, feedback);
    summarise(ranks.get(), nf, count, uncertainty.k, rowOf, nThreads, out);
  };
  if (nf <= 65535)
    rank(uint16_t{});
  else
    rank(uint32_t{});
  return out;
}

}  // namespace clustershift::mcda
