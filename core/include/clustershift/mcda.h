#pragma once
// Multi-criteria decision analysis: value functions, weights, aggregation, ranking.
// Matrices are [alternative][criterion]. Each method lives in its own file in core/src/mcda/.
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clustershift/feedback.h"
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

// ---- Weights (one file each; every function returns weights summing to 1) ---------------

/// Shannon entropy weights (entropy.cpp; Hwang & Yoon 1981; Xu 2004 EJOR 156:530-532):
/// p_ij = x_ij / sum_i x_ij, e_j = -(1/ln m) sum_i p_ij ln p_ij, w_j = (1-e_j) / sum (1-e_k).
/// values: the value-function output (with `none`, the raw values), [alternative][criterion],
/// non-negative; rows containing NaN are skipped. Fewer than two complete rows, or no
/// criterion with any diversity: equal weights. An all-zero column gets weight 0.
/// Throws InputError on a negative value (naming the criterion from names, if given), on no
/// rows/criteria and on ragged rows.
std::vector<double> entropyWeights(const Matrix& values,
                                   const std::vector<std::string>& names = {});

/// CRITIC weights (critic.cpp; Diakoulaki, Mavrotas & Papayannakis 1995):
/// C_j = sigma_j sum_k (1 - r_jk), w_j = C_j / sum C_k, on the normalised matrix (minmax with
/// direction, as in the paper). Rows with NaN are skipped; a constant column gets weight 0 and
/// counts as uncorrelated with the others; fewer than two rows or all columns constant: equal
/// weights. Throws InputError on no rows/criteria and ragged rows.
std::vector<double> criticWeights(const Matrix& normalised);

/// Linear blend alpha * subjective + (1 - alpha) * objective, renormalised (blend.cpp).
/// Throws InputError when alpha is outside [0,1] or the sizes differ.
std::vector<double> blendWeights(const std::vector<double>& subjective,
                                 const std::vector<double>& objective, double alpha);

/// CR at or above this is reported as inconsistent (Saaty 1980).
constexpr double kAhpConsistencyThreshold = 0.10;

/// The single pairwise judgement whose change (to a value of Saaty's 1/9..9 scale) lowers
/// the consistency ratio the most. row < 0 when no change lowers it (or n < 3).
struct AhpHint {
  int row = -1;       ///< criterion index i of cell (i, j), i < j (the upper triangle)
  int column = -1;    ///< criterion index j
  double current = std::numeric_limits<double>::quiet_NaN();    ///< a_ij now
  double suggested = std::numeric_limits<double>::quiet_NaN();  ///< a_ij proposed (1/9..9)
  double crAfter = std::numeric_limits<double>::quiet_NaN();    ///< CR with the change
  std::string text;   ///< "changing cell (a, b) from 7 to 3 would lower CR from 0.169 to 0.08"
  /// The hint's figures for a UI's own wording: row, column (criterion ids), from, to (Saaty
  /// judgements "7", "1/3"), cr, cr_after.
  std::map<std::string, std::string> values;
};

struct AhpResult {
  std::vector<double> weights;  ///< principal eigenvector, sum 1
  double lambdaMax = 0;         ///< principal eigenvalue
  double ci = 0;                ///< (lambdaMax - n) / (n - 1); 0 for n = 1
  double ri = 0;                ///< Saaty's random index for n
  double cr = 0;                ///< CI / RI; 0 for n <= 2
  bool consistent = true;       ///< cr < kAhpConsistencyThreshold
  AhpHint hint;
};

/// Values of the "ahp_inconsistent" problem: the hint's values with cr as the message writes it.
inline std::map<std::string, std::string> ahpWarningValues(const AhpResult& ahp, const std::string& cr) {
  std::map<std::string, std::string> values = ahp.hint.values;
  values["cr"] = cr;
  return values;
}

/// AHP weights from a pairwise comparison matrix (ahp.cpp; Saaty 1977/1980; principal
/// eigenvector with Eigen). pairwise[i][j] = importance of criterion i over j (Saaty scale
/// 1/9..9, any positive number accepted). The lower triangle must be the reciprocal of the
/// upper within 1 % (so 0.333 stands for 1/3); the upper triangle is then used exactly.
/// Throws InputError naming the offending cell by criterion names, e.g.
/// "AHP matrix: cell (land, labour_cost) = 0.5 is not the reciprocal of cell (labour_cost,
/// land) = 3 (expected 1/3)", on a non-positive value, a diagonal not 1, a size mismatch,
/// and for more than 15 criteria. Does not warn: callers report !consistent with hint.text.
AhpResult ahpWeights(const Matrix& pairwise, const std::vector<std::string>& names);

/// Saaty's random consistency index RI(n), n = 1..15: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32,
/// 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59. Throws InputError outside 1..15.
double saatyRandomIndex(int n);

// ---- Robustness (SMAA-2 style) -----------------------------------------------------------

/// Per-alternative rank acceptability over sampled weight vectors. Vectors are NaN for rows
/// that take no part (a NaN in the normalised row).
struct Robustness {
  int draws = 0;
  int k = 0;
  std::vector<double> pTop1;     ///< share of draws ranked 1 (ties share rank 1), [0,1]
  std::vector<double> pTopK;     ///< share of draws ranked <= k, [0,1]
  std::vector<double> rankMean;  ///< mean rank
  std::vector<double> rankP05;   ///< 5th percentile of the rank (nearest-rank method)
  std::vector<double> rankP95;   ///< 95th percentile of the rank (nearest-rank method)
};

/// Draws `count` weight vectors from Dirichlet(concentration * weights) (mean = weights;
/// a zero weight stays 0), or from the uniform distribution on the simplex (Dirichlet(1..1))
/// when concentration == 0, using std::mt19937_64(seed) and std::gamma_distribution
/// (Dirichlet as normalised gammas: Devroye 1986, Non-Uniform Random Variate Generation,
/// ch. XI.4). Reproducible for a seed with a given standard library.
/// Throws InputError on count < 0, negative concentration or invalid weights.
Matrix sampleWeights(const std::vector<double>& weights, int count, double concentration,
                     unsigned seed);

/// SMAA-2 style robustness (robustness.cpp; Lahdelma & Salminen 2001, Operations Research
/// 49(3):444-454): scores each alternative of `normalised` by `method` (wlc | wpm | topsis)
/// under uncertainty.draws weight vectors from sampleWeights(weights, draws, concentration,
/// seed), ranks them (ties share the better rank) and reports rank-1 acceptability, P(rank
/// <= k), mean rank and the 5-95 % rank interval. draws == 0 gives empty vectors. feedback
/// (optional) gets progress and is checked for cancellation (throws Cancelled).
/// `threads` workers score and rank the draws (0: one per core, util::threadCount); the
/// weight draws come from the one seeded stream before that, so the result is identical for
/// any number of threads.
/// Throws InputError on an unknown method, shape mismatch, k < 1, draws < 0.
Robustness robustness(const Matrix& normalised, const std::vector<double>& weights, const std::string& method,
                      const Uncertainty& uncertainty, Feedback* feedback = nullptr, int threads = 0);

// ---- Explanation ---------------------------------------------------------------------------

/// Contribution of each criterion to a score: w_j * v_ij (sums to the WLC score; for WPM and
/// TOPSIS a linear stand-in that still shows where a park gains). NaN stays NaN.
Matrix contributions(const Matrix& normalised, const std::vector<double>& weights);

/// Why an alternative is not ranked higher: the next better-ranked alternative and the two
/// criteria with the largest positive contribution gaps w_j (v_better,j - v_ij).
struct Explanation {
  int better = -1;  ///< index of the next better-ranked alternative; -1 for rank 1/unranked
  int first = -1;   ///< criterion index with the largest gap; -1 if none is positive
  int second = -1;  ///< criterion index with the second-largest positive gap
  double firstGap = std::numeric_limits<double>::quiet_NaN();   ///< contribution units
  double secondGap = std::numeric_limits<double>::quiet_NaN();
};

/// One Explanation per alternative (explanation.cpp). "Next better-ranked" is the first, in
/// input order, of the tie group ranked just above this one (ties as in rankDescending).
/// Rank-1 alternatives and rows with a NaN score get an empty Explanation. O(n log n).
std::vector<Explanation> explain(const Matrix& normalised, const std::vector<double>& weights,
                                 const std::vector<double>& scores);

/// "behind P2 mainly on labour_cost (-0.120) and land (-0.050)"; empty for an empty one.
std::string explanationText(const Explanation& explanation,
                            const std::vector<std::string>& criterionIds,
                            const std::vector<std::string>& alternativeIds);

// ---- The whole decision in one call (decision.cpp) -----------------------------------------

/// One criterion as the decision engine needs it.
struct CriterionSetup {
  std::string id;                              ///< used in messages and reasons
  Direction direction = Direction::Benefit;
  ValueFunction valueFunction;                 ///< type "minmax" by default
  double weight = 1.0;                         ///< direct weight (any positive scale)
  std::optional<double> min;                   ///< hard constraint on the raw value
  std::optional<double> max;
};

struct Decision {
  std::vector<std::string> status;   ///< per alternative: "ok" | "excluded"
  std::vector<std::string> reason;   ///< why excluded; "; "-joined; empty when ok
  Matrix normalised;                 ///< [alternative][criterion]; NaN rows when excluded
  Matrix contributions;              ///< w_j v_ij; NaN rows when excluded
  std::vector<double> weights;       ///< final weights, sum 1, criteria order
  std::map<std::string, double> weightingInfo;  ///< AHP: lambda_max, ci, ri, cr
  std::string weightingHint;         ///< AHP hint text when CR >= 0.10
  std::vector<double> scores;        ///< NaN when excluded
  std::vector<int> ranks;            ///< 1 = best, ties share the better rank, 0 excluded
  Robustness robustness;             ///< empty vectors when uncertainty.draws == 0
  std::vector<Explanation> explanations;
};

/// Runs the decision engine on a raw matrix [alternative][criterion] (NaN = missing):
///  1. exclusion: preExcluded[i] non-empty (e.g. spatial exclusion, given by the caller),
///     then each criterion's min/max on the raw value ("land: 0.8 < min 1"), then missing
///     values under missing == "exclude" ("labour_cost: missing value");
///  2. value functions per criterion, fitted on the candidates still in; missing == "mean"
///     fills a missing raw value with the mean of the others, "worst" gives it the worst
///     normalised value of the column (a warning per criterion says how many);
///  3. weights by weighting.method: direct (setup weights) | ahp (weighting.matrix, criteria
///     order; a warning with the hint when CR >= 0.10) | entropy | critic (on the normalised
///     candidates still in) | blend (alpha * subjective + (1-alpha) * objective, subjective =
///     AHP when weighting.matrix is given, else direct; objective = weighting.objective);
///  4. scores by aggregation (wlc | wpm | topsis), competition ranks, contributions;
///  5. robustness when uncertainty.draws > 0; explanations.
/// All candidates excluded: every score NaN, rank 0, a warning; weights still computed
/// (objective methods then give equal weights). Throws InputError on bad shapes, unknown
/// methods, invalid weights or AHP matrices, a missing policy other than exclude|worst|mean;
/// Cancelled when feedback is cancelled.
Decision decide(const Matrix& raw, const std::vector<CriterionSetup>& setups,
                const Weighting& weighting, const std::string& aggregation,
                const Uncertainty& uncertainty, Feedback& feedback,
                const std::string& missing = "exclude",
                const std::vector<std::string>& preExcluded = {});

// ---- Tables for the `clustershift mcda` command (table_reader.cpp) -------------------------

/// A table read through OGR: field names and every cell as text ("" for NULL).
struct Table {
  std::string path;
  std::string layer;
  std::vector<std::string> fields;
  std::vector<std::vector<std::string>> rows;  ///< [feature][field]
  std::vector<std::string> where;  ///< per row, for messages: "t.csv line 4" or "t.gpkg/t fid=3"
  /// Index of a field by name; throws InputError "<path>: no field 'x' (fields: a, b)".
  size_t fieldIndex(const std::string& name) const;
};

/// Reads any OGR-readable table (CSV through GDAL's CSV driver, GeoPackage, DBF...).
/// layer empty: the first layer. Throws IoError naming the path when it cannot be opened,
/// InputError when the layer does not exist, ValidationError listing every CSV row whose cell
/// count differs from the header's (table.h raggedRows). Text that SQLite keeps in a numeric
/// GeoPackage column is returned as that text, so parseNumber reports it.
Table readTable(const std::string& path, const std::string& layer = "");

/// Parses a number (clustershift::parseNumber), also a fraction "1/3". Throws InputError naming
/// `where` and the text.
double parseNumber(const std::string& text, const std::string& where);

/// Reads an n x n AHP matrix CSV (header row and first column = criterion names, cells may
/// be fractions like 1/3) and returns it in the order of `criteria`. Throws InputError when
/// a criterion is missing from the header or the first column, IoError when unreadable.
Matrix readAhpMatrix(const std::string& path, const std::vector<std::string>& criteria);

namespace detail {
/// Throws InputError "<method>: row i has k values for m weights" on a shape mismatch.
void checkShape(const Matrix& matrix, const std::vector<double>& weights, const char* method);
/// The rows without a missing (NaN) value, for the objective weightings (entropy, CRITIC).
std::vector<const std::vector<double>*> completeRows(const Matrix& matrix);
}  // namespace detail

}  // namespace clustershift::mcda
