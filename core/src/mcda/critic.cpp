// CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995, "Determining objective weights
// in multiple criteria problems: the CRITIC method", Computers & Operations Research
// 22(7):763-770; worked example: Tuş & Aytaç Adalı 2019, Opsearch 56(2):528-538):
//   on the normalised matrix (minmax, direction applied),
//   C_j = sigma_j * sum_k (1 - r_jk),  w_j = C_j / sum_k C_k,
// sigma_j the (population) standard deviation, r_jk Pearson's correlation.
// A constant column has sigma 0 (so C_j = 0) and is taken as uncorrelated with the others.
#include <cmath>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {

std::vector<double> criticWeights(const Matrix& normalised) {
  if (normalised.empty()) throw InputError("critic weights: no candidates");
  const size_t n = normalised.front().size();
  if (n == 0) throw InputError("critic weights: no criteria");
  detail::checkShape(normalised, std::vector<double>(n), "critic");
  const std::vector<const std::vector<double>*> rows = detail::completeRows(normalised);
  const size_t m = rows.size();
  const std::vector<double> equal(n, 1.0 / static_cast<double>(n));
  if (m < 2) return equal;
  std::vector<double> mean(n, 0.0), sd(n, 0.0);
  for (size_t j = 0; j < n; ++j) {
    for (const auto* row : rows) mean[j] += (*row)[j];
    mean[j] /= static_cast<double>(m);
    double ss = 0;
    for (const auto* row : rows) ss += ((*row)[j] - mean[j]) * ((*row)[j] - mean[j]);
    sd[j] = std::sqrt(ss / static_cast<double>(m));
  }
  std::vector<double> information(n, 0.0);
  double total = 0;
  for (size_t j = 0; j < n; ++j) {
    if (!(sd[j] > 0)) continue;
    double conflict = 0;
    for (size_t k = 0; k < n; ++k) {
      if (k == j) continue;  // 1 - r_jj = 0
      double r = 0;
      if (sd[k] > 0) {
        double cov = 0;
        for (const auto* row : rows) cov += ((*row)[j] - mean[j]) * ((*row)[k] - mean[k]);
        r = cov / static_cast<double>(m) / (sd[j] * sd[k]);
      }
      conflict += 1.0 - r;
    }
    information[j] = sd[j] * conflict;
    total += information[j];
  }
  if (!(total > 0)) return equal;
  for (double& c : information) c /= total;
  return information;
}

}  // namespace clustershift::mcda
