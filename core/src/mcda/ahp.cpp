// Analytic Hierarchy Process weights (Saaty 1977, "A scaling method for priorities in
// hierarchical structures", J. Math. Psychology 15(3):234-281; Saaty 1980, The Analytic
// Hierarchy Process, McGraw-Hill; worked example: Saaty 1990, "How to make a decision: the
// analytic hierarchy process", EJOR 48(1):9-26, house-buying criteria):
//   w = principal right eigenvector of the pairwise matrix A (sum 1), A w = lambda_max w,
//   CI = (lambda_max - n)/(n - 1), CR = CI / RI(n), judged acceptable when CR < 0.10.
#include <algorithm>
#include <cmath>
#include <sstream>

#include <Eigen/Eigenvalues>

#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {
namespace {

// Saaty's random consistency index RI for n = 1..15 (Saaty 1980; the values for n = 11..15
// from Saaty & Tran 2007, Math. Comput. Modelling 46:962-975, as tabulated by Saaty 2012,
// Decision Making for Leaders, 3rd ed.).
constexpr double kRandomIndex[15] = {0.00, 0.00, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                     1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};

// Saaty's fundamental scale 1/9..9, the values a hint may suggest.
const std::vector<double>& saatyScale() {
  static const std::vector<double> scale = [] {
    std::vector<double> s;
    for (int k = 9; k >= 2; --k) s.push_back(1.0 / k);
    for (int k = 1; k <= 9; ++k) s.push_back(k);
    return s;
  }();
  return scale;
}

/// Saaty-scale text: 3 -> "3", 0.3333 -> "1/3", else the number.
std::string judgement(double x) {
  for (int k = 1; k <= 9; ++k) {
    if (std::fabs(x - k) < 1e-9) return std::to_string(k);
    if (std::fabs(x - 1.0 / k) < 1e-9) return "1/" + std::to_string(k);
  }
  return util::formatNumber(x, 4);
}

struct Eigenpair {
  double lambda = 0;
  std::vector<double> weights;
};

Eigenpair principal(const Eigen::MatrixXd& a) {
  Eigen::EigenSolver<Eigen::MatrixXd> solver(a, true);
  if (solver.info() != Eigen::Success) throw InputError("AHP: eigen decomposition failed");
  const auto& values = solver.eigenvalues();
  Eigen::Index best = 0;
  for (Eigen::Index k = 1; k < values.size(); ++k) {
    if (values[k].real() > values[best].real()) best = k;
  }
  // Perron-Frobenius: for a positive matrix the principal eigenvector has one sign.
  Eigen::VectorXd v = solver.eigenvectors().col(best).real();
  const double sum = v.sum();
  Eigenpair out;
  out.lambda = values[best].real();
  out.weights.resize(static_cast<size_t>(v.size()));
  for (Eigen::Index k = 0; k < v.size(); ++k) out.weights[k] = std::fabs(v[k] / sum);
  double total = 0;
  for (double w : out.weights) total += w;
  for (double& w : out.weights) w /= total;
  return out;
}

double consistencyRatio(double lambda, int n) {
  if (n <= 2) return 0.0;
  const double ci = std::max(0.0, (lambda - n) / (n - 1));
  return ci / saatyRandomIndex(n);
}

}  // namespace

double saatyRandomIndex(int n) {
  if (n < 1 || n > 15) {
    throw InputError("AHP: Saaty's random index is tabulated for 1 to 15 criteria (got " +
                     std::to_string(n) + ")");
  }
  return kRandomIndex[n - 1];
}

AhpResult ahpWeights(const Matrix& pairwise, const std::vector<std::string>& names) {
  const size_t n = names.size();
  if (n == 0) throw InputError("AHP: no criteria");
  if (n > 15) {
    throw InputError("AHP: at most 15 criteria can be compared pairwise (got " +
                     std::to_string(n) + ")");
  }
  if (pairwise.size() != n) {
    throw InputError("AHP matrix: " + std::to_string(pairwise.size()) + " rows for " +
                     std::to_string(n) + " criteria");
  }
  auto cell = [&](size_t i, size_t j) { return "cell (" + names[i] + ", " + names[j] + ")"; };
  for (size_t i = 0; i < n; ++i) {
    if (pairwise[i].size() != n) {
      throw InputError("AHP matrix: row '" + names[i] + "' has " +
                       std::to_string(pairwise[i].size()) + " values for " +
                       std::to_string(n) + " criteria");
    }
    for (size_t j = 0; j < n; ++j) {
      const double a = pairwise[i][j];
      if (!std::isfinite(a) || !(a > 0)) {
        throw InputError("AHP matrix: " + cell(i, j) + " = " + util::formatNumber(a, 4) +
                         " must be a positive number");
      }
    }
    if (std::fabs(pairwise[i][i] - 1.0) > 1e-9) {
      throw InputError("AHP matrix: " + cell(i, i) + " = " + util::formatNumber(pairwise[i][i], 4) +
                       " must be 1");
    }
  }
  // Reciprocal check a_ji = 1/a_ij; 1 % slack lets "0.333" stand for 1/3. The upper triangle
  // is then taken as given and the lower triangle as its exact reciprocal.
  Eigen::MatrixXd a(n, n);
  for (size_t i = 0; i < n; ++i) {
    a(i, i) = 1.0;
    for (size_t j = i + 1; j < n; ++j) {
      const double product = pairwise[i][j] * pairwise[j][i];
      if (std::fabs(product - 1.0) > 0.01) {
        throw InputError("AHP matrix: " + cell(j, i) + " = " + util::formatNumber(pairwise[j][i], 4) +
                         " is not the reciprocal of " + cell(i, j) + " = " +
                         util::formatNumber(pairwise[i][j], 4) + " (expected " +
                         judgement(1.0 / pairwise[i][j]) + ")");
      }
      a(i, j) = pairwise[i][j];
      a(j, i) = 1.0 / pairwise[i][j];
    }
  }
  const int size = static_cast<int>(n);
  const Eigenpair p = principal(a);
  AhpResult result;
  result.weights = p.weights;
  result.lambdaMax = p.lambda;
  result.ri = saatyRandomIndex(size);
  result.ci = size > 1 ? std::max(0.0, (p.lambda - size) / (size - 1)) : 0.0;
  result.cr = consistencyRatio(p.lambda, size);
  result.consistent = result.cr < kAhpConsistencyThreshold;

  // Hint: the single judgement (upper-triangle cell, set to a value on Saaty's 1/9..9 scale,
  // its reciprocal following) whose change lowers CR the most.
  if (size >= 3 && result.cr > 0) {
    double bestCr = result.cr;
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = i + 1; j < n; ++j) {
        Eigen::MatrixXd trial = a;
        for (double value : saatyScale()) {
          if (std::fabs(value - a(i, j)) < 1e-9) continue;
          trial(i, j) = value;
          trial(j, i) = 1.0 / value;
          const double cr = consistencyRatio(principal(trial).lambda, size);
          if (cr < bestCr - 1e-12) {
            bestCr = cr;
            result.hint.row = static_cast<int>(i);
            result.hint.column = static_cast<int>(j);
            result.hint.current = a(i, j);
            result.hint.suggested = value;
            result.hint.crAfter = cr;
          }
        }
      }
    }
    if (result.hint.row >= 0) {
      const auto i = static_cast<size_t>(result.hint.row);
      const auto j = static_cast<size_t>(result.hint.column);
      result.hint.text = "changing " + cell(i, j) + " from " + judgement(result.hint.current) + " to " +
                         judgement(result.hint.suggested) + " would lower CR from " +
                         util::formatNumber(result.cr, 4) + " to " +
                         util::formatNumber(result.hint.crAfter, 4);
      result.hint.values = {{"row", names[i]},
                            {"column", names[j]},
                            {"from", judgement(result.hint.current)},
                            {"to", judgement(result.hint.suggested)},
                            {"cr", util::formatNumber(result.cr, 4)},
                            {"cr_after", util::formatNumber(result.hint.crAfter, 4)}};
    }
  }
  return result;
}

}  // namespace clustershift::mcda
