#pragma once
// Multi-criteria decision analysis: value functions, weights, aggregation, ranking.
// Matrices are [alternative][criterion]. Each method lives in its own file in core/src/mcda/.
#include <map>
#include <string>
#include <vector>

#include "clustershift/scenario.h"

namespace clustershift::mcda {

using Matrix = std::vector<std::vector<double>>;

/// Normalises one criterion column to [0,1] (1 = best) by the value function and direction.
/// NaN entries stay NaN and are ignored when fitting (min, max, norms).
/// A zero-variance column under minmax gives 1 for every non-missing entry (documented).
std::vector<double> normalise(const std::vector<double>& raw, const ValueFunction& function,
                              Direction direction);

/// Direct weights normalised to sum 1. Throws InputError on negative or all-zero weights.
std::vector<double> directWeights(const std::vector<double>& weights,
                                  const std::vector<std::string>& names);

/// Aggregates a normalised matrix (rows without NaN) into one score per row.
/// method: wlc | wpm | topsis. Rows containing NaN get NaN.
std::vector<double> aggregate(const std::string& method, const Matrix& normalised,
                              const std::vector<double>& weights);

/// Ranks scores descending, 1 = best; NaN gets 0. Ties share the better rank (1,2,2,4).
std::vector<int> rankDescending(const std::vector<double>& scores);

}  // namespace clustershift::mcda
