// FLQ regionalisation of national technical coefficients
// (Flegg, Webber & Elliott 1995, Regional Studies 29(6):547–561; Flegg & Webber 1997,
// Regional Studies 31(8):795–805).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/indices.h"
#include "clustershift/util.h"

namespace clustershift {

namespace {

void checkSizes(const Eigen::VectorXd& v, const char* what) {
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (std::isnan(v(i)) || v(i) < 0)
      throw InputError(
          std::string("FLQ: ") + what + " size of sector " + std::to_string(i + 1) + " is " +
          (std::isnan(v(i)) ? std::string("missing") : "negative (" + util::formatNumber(v(i)) + ")"));
}

}  // namespace

double flqLambda(double regionalTotal, double nationalTotal, double delta) {
  if (!(regionalTotal > 0) || !(nationalTotal > 0) || regionalTotal > nationalTotal)
    throw InputError("FLQ: need 0 < regional total (" + util::formatNumber(regionalTotal) +
                     ") <= national total (" + util::formatNumber(nationalTotal) + ")");
  if (!(delta >= 0 && delta < 1))
    throw InputError("FLQ: delta must be in [0, 1), is " + util::formatNumber(delta));
  // λ* = [log2(1 + TRE/TNE)]^δ
  return std::pow(std::log2(1.0 + regionalTotal / nationalTotal), delta);
}

Eigen::MatrixXd flqQuotients(const Eigen::VectorXd& regional, const Eigen::VectorXd& national,
                             double delta) {
  if (regional.size() != national.size())
    throw InputError("FLQ: " + std::to_string(regional.size()) + " regional sizes for " +
                     std::to_string(national.size()) + " national sizes");
  checkSizes(regional, "regional");
  checkSizes(national, "national");
  const double tre = regional.sum(), tne = national.sum();
  const double lambda = flqLambda(tre, tne, delta);
  const Eigen::Index n = regional.size();
  // SLQ_i = (RE_i / TRE) / (NE_i / TNE); a sector absent nationally has SLQ 0.
  Eigen::VectorXd slq = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i)
    if (national(i) > 0) slq(i) = (regional(i) / tre) / (national(i) / tne);
  Eigen::MatrixXd flq = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    if (!(slq(j) > 0)) continue;  // no regional production in j: no regional purchases
    for (Eigen::Index i = 0; i < n; ++i) {
      // FLQ_ij = CILQ_ij · λ*, CILQ_ij = SLQ_i / SLQ_j; on the diagonal SLQ_i · λ*.
      flq(i, j) = (i == j ? slq(i) : slq(i) / slq(j)) * lambda;
    }
  }
  return flq;
}

Eigen::MatrixXd flqRegionalise(const Eigen::MatrixXd& nationalA, const Eigen::VectorXd& regional,
                               const Eigen::VectorXd& national, double delta) {
  if (nationalA.rows() != nationalA.cols() || nationalA.rows() != regional.size())
    throw InputError("FLQ: coefficient matrix is " + std::to_string(nationalA.rows()) + "×" +
                     std::to_string(nationalA.cols()) + " for " + std::to_string(regional.size()) +
                     " sectors");
  const Eigen::MatrixXd flq = flqQuotients(regional, national, delta);
  // r_ij = a_ij · min(FLQ_ij, 1): coefficients are only ever scaled down (imports).
  return (nationalA.array() * flq.array().min(1.0)).matrix();
}

}  // namespace clustershift
