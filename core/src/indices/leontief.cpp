// Input–output quantity model: technical coefficients, Leontief inverse, output multipliers
// (Miller & Blair 2009, Input-Output Analysis, 2nd ed., ch. 2 and §6.2).
#include <algorithm>
#include <cmath>
#include <sstream>

#include <Eigen/Eigenvalues>

#include "clustershift/indices.h"
#include "clustershift/util.h"

namespace clustershift {

namespace {

std::string sectorName(const std::vector<std::string>& labels, Eigen::Index i) {
  if (i >= 0 && i < static_cast<Eigen::Index>(labels.size())) return "'" + labels[i] + "'";
  return std::to_string(i + 1);
}

void checkLabels(const std::vector<std::string>& labels, Eigen::Index n, const char* what) {
  if (!labels.empty() && static_cast<Eigen::Index>(labels.size()) != n)
    throw InputError(std::string(what) + ": " + std::to_string(labels.size()) + " labels for " +
                     std::to_string(n) + " sectors");
}

}  // namespace

Eigen::MatrixXd technicalCoefficients(const Eigen::MatrixXd& z, const Eigen::VectorXd& x,
                                      const std::vector<std::string>& labels) {
  if (z.rows() != z.cols())
    throw InputError("input-output: transactions matrix must be square, is " +
                     std::to_string(z.rows()) + "×" + std::to_string(z.cols()));
  if (x.size() != z.cols())
    throw InputError("input-output: " + std::to_string(x.size()) + " total outputs for " +
                     std::to_string(z.cols()) + " sectors");
  checkLabels(labels, z.rows(), "input-output");
  Eigen::MatrixXd a(z.rows(), z.cols());
  for (Eigen::Index j = 0; j < z.cols(); ++j) {
    if (std::isnan(x(j)) || x(j) < 0)
      throw InputError(
          "input-output: total output of sector " + sectorName(labels, j) + " is " +
          (std::isnan(x(j)) ? std::string("missing") : "negative (" + util::formatNumber(x(j)) + ")"));
    for (Eigen::Index i = 0; i < z.rows(); ++i) {
      const double v = z(i, j);
      if (std::isnan(v) || v < 0)
        throw InputError(
            "input-output: transaction from sector " + sectorName(labels, i) + " to sector " +
            sectorName(labels, j) + " is " +
            (std::isnan(v) ? std::string("missing") : "negative (" + util::formatNumber(v) + ")"));
    }
    if (x(j) == 0) {
      if (z.col(j).sum() > 0)
        throw InputError("input-output: sector " + sectorName(labels, j) +
                         " has total output 0 but buys inputs (" + util::formatNumber(z.col(j).sum()) + ")");
      a.col(j).setZero();
      continue;
    }
    // a_ij = z_ij / x_j (Miller & Blair 2009, eq. 2.4)
    a.col(j) = z.col(j) / x(j);
  }
  return a;
}

double spectralRadius(const Eigen::MatrixXd& a) {
  if (a.size() == 0) return 0;
  Eigen::EigenSolver<Eigen::MatrixXd> solver(a, false);
  if (solver.info() != Eigen::Success)
    throw InputError("input-output: eigenvalues of the coefficient matrix did not converge");
  return solver.eigenvalues().cwiseAbs().maxCoeff();
}

Eigen::MatrixXd leontiefInverse(const Eigen::MatrixXd& a, const std::vector<std::string>& labels) {
  if (a.rows() != a.cols())
    throw InputError("Leontief inverse: coefficient matrix must be square, is " +
                     std::to_string(a.rows()) + "×" + std::to_string(a.cols()));
  checkLabels(labels, a.rows(), "Leontief inverse");
  for (Eigen::Index j = 0; j < a.cols(); ++j) {
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
      const double v = a(i, j);
      if (std::isnan(v) || v < 0)
        throw InputError(
            "Leontief inverse: coefficient a(" + sectorName(labels, i) + ", " + sectorName(labels, j) +
            ") is " + (std::isnan(v) ? std::string("missing") : "negative (" + util::formatNumber(v) + ")"));
    }
  }
  // A non-negative A is productive iff its spectral radius is < 1; then (I − A)^-1 =
  // Σ A^k ≥ 0 (Hawkins–Simon; Miller & Blair 2009, app. 2.1). Every induced norm bounds the
  // spectral radius (Horn & Johnson 2013, Matrix Analysis, 2nd ed., thm 5.6.9): a largest column
  // sum (‖A‖₁) or row sum (‖A‖∞) below 1 settles it without the eigenvalues. That is every real
  // table (each sector has value added); the effects' Monte Carlo inverts one per draw and host.
  const double normBound =
      a.size() == 0 ? 0.0 : std::min(a.colwise().sum().maxCoeff(), a.rowwise().sum().maxCoeff());
  const double rho = normBound < 1.0 ? normBound : spectralRadius(a);
  if (rho >= 1.0) {
    Eigen::Index worst = 0;
    const double worstSum = a.colwise().sum().maxCoeff(&worst);
    throw InputError("Leontief inverse: the coefficient table is not productive (spectral radius " +
                     util::formatNumber(rho) + " >= 1); largest column sum is sector " +
                     sectorName(labels, worst) + " (" + util::formatNumber(worstSum) + ")");
  }
  const Eigen::Index n = a.rows();
  const Eigen::MatrixXd iMinusA = Eigen::MatrixXd::Identity(n, n) - a;
  Eigen::FullPivLU<Eigen::MatrixXd> lu(iMinusA);
  if (!lu.isInvertible())
    throw InputError("Leontief inverse: I - A is singular (rank " + std::to_string(lu.rank()) +
                     " of " + std::to_string(n) + ")");
  Eigen::MatrixXd l = lu.inverse();
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!std::isfinite(l(i, j)))
        throw InputError("Leontief inverse: entry (" + sectorName(labels, i) + ", " +
                         sectorName(labels, j) + ") is not finite (I - A is near-singular)");
      if (l(i, j) < -1e-12)
        throw InputError("Leontief inverse: entry (" + sectorName(labels, i) + ", " + sectorName(labels, j) +
                         ") is negative (" + util::formatNumber(l(i, j)) + "): the table is not productive");
      if (l(i, j) < 0) l(i, j) = 0;  // round-off
    }
  }
  return l;
}

Eigen::VectorXd outputMultipliers(const Eigen::MatrixXd& leontief) {
  // m_j = Σ_i l_ij (Miller & Blair 2009, eq. 6.1)
  return leontief.colwise().sum().transpose();
}

}  // namespace clustershift
