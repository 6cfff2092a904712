// Dispatch of the aggregation methods (one file each: wlc.cpp, wpm.cpp, topsis.cpp).
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

}  // namespace detail

std::vector<double> aggregate(const std::string& method, const Matrix& normalised,
                              const std::vector<double>& weights) {
  if (method == "wlc") return weightedLinearCombination(normalised, weights);
  if (method == "wpm") return weightedProduct(normalised, weights);
  if (method == "topsis") return topsisCloseness(normalised, weights);
  throw InputError("unknown aggregation method '" + method + "' (known: wlc, wpm, topsis)");
}

}  // namespace clustershift::mcda
