// Relatedness: RCA, presence, proximity and density
// (Hidalgo, Klinger, Barabási & Hausmann 2007, Science 317:482–487).
#include <algorithm>
#include <cmath>

#include "clustershift/indices.h"

namespace clustershift {

Eigen::MatrixXd revealedComparativeAdvantage(const Eigen::MatrixXd& output) {
  for (Eigen::Index r = 0; r < output.rows(); ++r) {
    for (Eigen::Index p = 0; p < output.cols(); ++p) {
      const double v = output(r, p);
      if (std::isnan(v))
        throw InputError("RCA: output of row " + std::to_string(r + 1) + ", column " +
                         std::to_string(p + 1) + " is missing");
      if (v < 0)
        throw InputError("RCA: output of row " + std::to_string(r + 1) + ", column " +
                         std::to_string(p + 1) + " is negative (" + std::to_string(v) + ")");
    }
  }
  const double total = output.sum();
  if (!(total > 0)) throw InputError("RCA: the output table sums to zero");
  const Eigen::VectorXd rowSum = output.rowwise().sum();
  const Eigen::RowVectorXd colSum = output.colwise().sum();
  // Balassa (1965): RCA_rp = (x_rp / x_r.) / (x_.p / x_..)
  Eigen::MatrixXd rca = Eigen::MatrixXd::Zero(output.rows(), output.cols());
  for (Eigen::Index r = 0; r < output.rows(); ++r) {
    if (!(rowSum(r) > 0)) continue;
    for (Eigen::Index p = 0; p < output.cols(); ++p) {
      if (!(colSum(p) > 0)) continue;
      rca(r, p) = (output(r, p) / rowSum(r)) / (colSum(p) / total);
    }
  }
  return rca;
}

Eigen::MatrixXd presenceMatrix(const Eigen::MatrixXd& rca, double threshold) {
  return (rca.array() >= threshold).cast<double>().matrix();
}

Eigen::MatrixXd proximityMatrix(const Eigen::MatrixXd& presence) {
  // φ_pq = min(P(M_p|M_q), P(M_q|M_p)) = co-occurrence / max(ubiquity_p, ubiquity_q)
  const Eigen::MatrixXd co = presence.transpose() * presence;  // co(p,q) = Σ_r M_rp M_rq
  const Eigen::Index n = presence.cols();
  Eigen::MatrixXd phi = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index p = 0; p < n; ++p) {
    for (Eigen::Index q = 0; q < n; ++q) {
      const double denom = std::max(co(p, p), co(q, q));
      if (denom > 0) phi(p, q) = co(p, q) / denom;
    }
  }
  return phi;
}

Eigen::MatrixXd relatednessDensity(const Eigen::MatrixXd& presence,
                                   const Eigen::MatrixXd& proximity) {
  if (proximity.rows() != presence.cols() || proximity.cols() != presence.cols())
    throw InputError("relatedness density: proximity is " + std::to_string(proximity.rows()) +
                     "×" + std::to_string(proximity.cols()) + " but presence has " +
                     std::to_string(presence.cols()) + " industries");
  // Leave p out of both sums: ω_rp = Σ_{q≠p} M_rq φ_qp / Σ_{q≠p} φ_qp.
  Eigen::MatrixXd offDiagonal = proximity;
  offDiagonal.diagonal().setZero();
  const Eigen::RowVectorXd denom = offDiagonal.colwise().sum();
  Eigen::MatrixXd density = presence * offDiagonal;  // (r,p) = Σ_q M_rq φ_qp
  for (Eigen::Index p = 0; p < density.cols(); ++p) {
    if (denom(p) > 0)
      density.col(p) /= denom(p);
    else
      density.col(p).setZero();
  }
  return density;
}

Relatedness computeRelatedness(const Eigen::MatrixXd& output, double rcaThreshold) {
  Relatedness r;
  r.rca = revealedComparativeAdvantage(output);
  r.presence = presenceMatrix(r.rca, rcaThreshold);
  r.proximity = proximityMatrix(r.presence);
  r.density = relatednessDensity(r.presence, r.proximity);
  return r;
}

}  // namespace clustershift
