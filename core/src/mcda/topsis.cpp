// TOPSIS (Hwang & Yoon 1981, Multiple Attribute Decision Making, Springer, §III.1.5;
// worked example: Papathanasiou & Ploskas 2018, Multiple Criteria Decision Aid, Springer,
// ch. 1 "TOPSIS"):
//   v_ij = w_j r_ij, A+ = max_i v_ij, A- = min_i v_ij (every column is "larger = better"
//   after the value function; a cost column under `vector` is 1 - r, which keeps distances),
//   D+_i = ||v_i - A+||, D-_i = ||v_i - A-||, C_i = D-_i / (D+_i + D-_i).
// Rows with a NaN are left out of A+/A- and get NaN. When every row is identical
// (D+ + D- = 0) each gets C = 1, like a zero-variance column under minmax.
#include <cmath>
#include <limits>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

bool hasNan(const std::vector<double>& row) {
  for (double v : row) {
    if (std::isnan(v)) return true;
  }
  return false;
}

}  // namespace

std::vector<double> topsisCloseness(const Matrix& normalised, const std::vector<double>& weights) {
  detail::checkShape(normalised, weights, "topsis");
  const size_t m = weights.size();
  constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> best(m, -std::numeric_limits<double>::infinity());
  std::vector<double> worst(m, std::numeric_limits<double>::infinity());
  for (const auto& row : normalised) {
    if (hasNan(row)) continue;
    for (size_t j = 0; j < m; ++j) {
      const double v = weights[j] * row[j];
      best[j] = std::max(best[j], v);
      worst[j] = std::min(worst[j], v);
    }
  }
  std::vector<double> closeness(normalised.size(), kNan);
  for (size_t i = 0; i < normalised.size(); ++i) {
    const auto& row = normalised[i];
    if (hasNan(row)) continue;
    double plus = 0, minus = 0;
    for (size_t j = 0; j < m; ++j) {
      const double v = weights[j] * row[j];
      plus += (v - best[j]) * (v - best[j]);
      minus += (v - worst[j]) * (v - worst[j]);
    }
    plus = std::sqrt(plus);
    minus = std::sqrt(minus);
    closeness[i] = (plus + minus) > 0 ? minus / (plus + minus) : 1.0;
  }
  return closeness;
}

std::vector<double> topsis(const Matrix& raw, const std::vector<double>& weights,
                           const std::vector<Direction>& directions) {
  if (directions.size() != weights.size()) {
    throw InputError("topsis: " + std::to_string(directions.size()) + " directions for " +
                     std::to_string(weights.size()) + " weights");
  }
  detail::checkShape(raw, weights, "topsis");
  Matrix normalisedMatrix(raw.size(), std::vector<double>(weights.size()));
  ValueFunction vector;
  vector.type = "vector";
  for (size_t j = 0; j < weights.size(); ++j) {
    std::vector<double> column(raw.size());
    for (size_t i = 0; i < raw.size(); ++i) column[i] = raw[i][j];
    const auto r = normalise(column, vector, directions[j]);
    for (size_t i = 0; i < raw.size(); ++i) normalisedMatrix[i][j] = r[i];
  }
  return topsisCloseness(normalisedMatrix, weights);
}

}  // namespace clustershift::mcda
