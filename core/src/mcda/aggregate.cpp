// Dispatch of the aggregation methods (one file each: wlc.cpp, wpm.cpp, topsis.cpp).
#include <algorithm>
#include <cmath>

#include "clustershift/methods.h"
#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {

namespace detail {

void checkShape(const Matrix& matrix, const std::vector<double>& weights, const char* method) {
  for (size_t i = 0; i < matrix.size(); ++i) {
    if (matrix[i].size() != weights.size()) {
      throw InputError(std::string(method) + ": row " + std::to_string(i) + " has " +
                       std::to_string(matrix[i].size()) + " values for " +
                       std::to_string(weights.size()) + " weights");
    }
  }
}

std::vector<const std::vector<double>*> completeRows(const Matrix& matrix) {
  std::vector<const std::vector<double>*> rows;
  for (const auto& row : matrix)
    if (std::none_of(row.begin(), row.end(), [](double v) { return std::isnan(v); })) rows.push_back(&row);
  return rows;
}

}  // namespace detail

std::vector<double> aggregate(const std::string& method, const Matrix& normalised,
                              const std::vector<double>& weights) {
  switch (aggregationFromName(method)) {
    case Aggregation::Wlc:
      return weightedLinearCombination(normalised, weights);
    case Aggregation::Wpm:
      return weightedProduct(normalised, weights);
    case Aggregation::Topsis:
      return topsisCloseness(normalised, weights);
  }
  return {};
}

}  // namespace clustershift::mcda
