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
/// Value functions (ValueFunction::type, params in the raw value's unit):
///  - minmax: (x-min)/(max-min), cost (max-x)/(max-min);
///  - vector: r = x/sqrt(sum x^2), cost 1-r; an all-zero column gives 1;
///  - none: x unchanged, cost min+max-x (order reversed, scale kept);
///  - linear {lo, hi}: clamp((x-lo)/(hi-lo), 0, 1), cost 1 minus that; lo == hi is an error;
///  - sigmoid {mid, steepness > 0}: 1/(1+exp(-steepness (x-mid))), cost 1 minus that;
///  - gaussian {target, width > 0}: exp(-(x-target)^2/(2 width^2)), cost 1 minus that.
/// Throws InputError for an unknown type, a missing/invalid parameter or an infinite value.
std::vector<double> normalise(const std::vector<double>& raw, const ValueFunction& function,
                              Direction direction);

/// Direct weights normalised to sum 1. Throws InputError naming the criterion on a negative
/// or non-finite weight, on all-zero weights (listing the criteria), and on a size mismatch.
std::vector<double> directWeights(const std::vector<double>& weights,
                                  const std::vector<std::string>& names);

/// Aggregates a normalised matrix (rows without NaN) into one score per row.
/// method: wlc | wpm | topsis. Rows containing NaN get NaN.
std::vector<double> aggregate(const std::string& method, const Matrix& normalised,
                              const std::vector<double>& weights);

/// Ranks scores descending, 1 = best; NaN gets 0. Ties share the better rank (1,2,2,4).
std::vector<int> rankDescending(const std::vector<double>& scores);

// ---- Aggregation methods (aggregate() dispatches to these) -----------------------------
// All take a normalised matrix [alternative][criterion] whose columns are "larger = better"
// (the output of normalise()) and weights summing to 1, one per column. A row containing
// NaN gets NaN and takes no part. Throw InputError when a row's length differs from the
// number of weights.

/// Weighted linear combination S_i = sum_j w_j v_ij (wlc.cpp; Malczewski 1999).
std::vector<double> weightedLinearCombination(const Matrix& normalised,
                                              const std::vector<double>& weights);

/// Weighted product S_i = prod_j v_ij^w_j (wpm.cpp; Triantaphyllou 2000). A criterion with
/// weight 0 is left out. Throws InputError on a negative normalised value.
std::vector<double> weightedProduct(const Matrix& normalised, const std::vector<double>& weights);

/// TOPSIS closeness C_i = D-_i / (D+_i + D-_i) in [0,1] on the weighted matrix, ideal and
/// anti-ideal being the column maxima and minima (topsis.cpp; Hwang & Yoon 1981). For the
/// classical method, normalise with the `vector` value function first (or call topsis()).
/// All rows identical: every row gets 1.
std::vector<double> topsisCloseness(const Matrix& normalised, const std::vector<double>& weights);

/// Classical TOPSIS on a raw matrix: vector normalisation x/sqrt(sum x^2) per column, then
/// topsisCloseness with ideal/anti-ideal by direction (Papathanasiou & Ploskas 2018).
/// Throws InputError when the sizes disagree.
std::vector<double> topsis(const Matrix& raw, const std::vector<double>& weights,
                           const std::vector<Direction>& directions);

namespace detail {
/// Throws InputError "<method>: row i has k values for m weights" on a shape mismatch.
void checkShape(const Matrix& matrix, const std::vector<double>& weights, const char* method);
}  // namespace detail

}  // namespace clustershift::mcda
