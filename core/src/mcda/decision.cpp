// The decision engine in one call: constraints and missing values, value functions, weights,
// aggregation, ranks, contributions, robustness and explanations. Each step's formula and
// source is in its own file; this one only orders them and defines the degenerate cases.
#include <cmath>
#include <limits>
#include <sstream>

#include "clustershift/methods.h"
#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {
namespace {

void addReason(std::string& reason, const std::string& text) {
  reason += (reason.empty() ? "" : "; ") + text;
}

Problem warning(const std::string& where, const std::string& message, const std::string& code = {},
                std::map<std::string, std::string> values = {}) {
  return codedProblem(Severity::Warning, where, message, {}, code, std::move(values));
}

}  // namespace

Decision decide(const Matrix& raw, const std::vector<CriterionSetup>& setups,
                const Weighting& weighting, const std::string& aggregation,
                const Uncertainty& uncertainty, Feedback& feedback, const std::string& missing,
                const std::vector<std::string>& preExcluded) {
  const size_t n = raw.size();
  const size_t m = setups.size();
  if (m == 0) throw InputError("decision: no criteria enabled");
  aggregationFromName(aggregation);  // throws for an unknown method, before any work
  missingPolicyFromName(missing);
  if (!preExcluded.empty() && preExcluded.size() != n) {
    throw InputError("decision: " + std::to_string(preExcluded.size()) +
                     " exclusion reasons for " + std::to_string(n) + " candidates");
  }
  detail::checkShape(raw, std::vector<double>(m), "decision");
  std::vector<std::string> names(m);
  for (size_t j = 0; j < m; ++j) names[j] = setups[j].id;

  Decision out;
  out.status.assign(n, "ok");
  out.reason.assign(n, "");

  // 1. Exclusions: caller's (spatial), hard constraints on raw values, missing values.
  for (size_t i = 0; i < n; ++i) {
    if (!preExcluded.empty() && !preExcluded[i].empty()) addReason(out.reason[i], preExcluded[i]);
    for (size_t j = 0; j < m; ++j) {
      const double x = raw[i][j];
      const auto& c = setups[j];
      if (std::isnan(x)) {
        if (missing == "exclude") addReason(out.reason[i], c.id + ": missing value");
        continue;
      }
      if (c.min && x < *c.min)
        addReason(out.reason[i],
                  c.id + ": " + util::formatNumber(x) + " < min " + util::formatNumber(*c.min));
      if (c.max && x > *c.max)
        addReason(out.reason[i],
                  c.id + ": " + util::formatNumber(x) + " > max " + util::formatNumber(*c.max));
    }
    if (!out.reason[i].empty()) out.status[i] = "excluded";
  }
  std::vector<size_t> in;
  for (size_t i = 0; i < n; ++i) {
    if (out.status[i] == "ok") in.push_back(i);
  }
  if (n > 0 && in.empty()) {
    feedback.warn(warning("decision",
                          "all " + std::to_string(n) + " candidates are excluded; nothing is ranked",
                          "all_excluded", {{"count", std::to_string(n)}}));
  }

  // 2. Value functions, fitted on the candidates still in.
  out.normalised.assign(n, std::vector<double>(m, kNaN));
  for (size_t j = 0; j < m; ++j) {
    std::vector<double> column(in.size());
    size_t missingCount = 0;
    double sum = 0;
    size_t present = 0;
    for (size_t k = 0; k < in.size(); ++k) {
      column[k] = raw[in[k]][j];
      if (std::isnan(column[k])) {
        ++missingCount;
      } else {
        sum += column[k];
        ++present;
      }
    }
    if (missingCount > 0 && missing == "mean" && present > 0) {
      const double mean = sum / static_cast<double>(present);
      for (double& x : column) {
        if (std::isnan(x)) x = mean;
      }
    }
    std::vector<double> v = normalise(column, setups[j].valueFunction, setups[j].direction);
    if (missingCount > 0 && (missing == "worst" || present == 0)) {
      // Worst normalised value of the column; with no value at all the column cannot
      // separate the candidates and gets 1, as a zero-variance column does.
      double worst = std::numeric_limits<double>::infinity();
      for (double x : v) {
        if (!std::isnan(x)) worst = std::min(worst, x);
      }
      if (present == 0) worst = 1.0;
      for (double& x : v) {
        if (std::isnan(x)) x = worst;
      }
    }
    if (missingCount > 0) {
      feedback.warn(
          warning("criterion '" + setups[j].id + "'",
                  std::to_string(missingCount) + " missing value(s) replaced by the " +
                      (missing == "mean" && present > 0 ? "mean raw value" : "worst normalised value"),
                  missing == "mean" && present > 0 ? "missing_replaced_by_mean" : "missing_replaced_by_worst",
                  {{"count", std::to_string(missingCount)}, {"criterion", setups[j].id}}));
    }
    for (size_t k = 0; k < in.size(); ++k) out.normalised[in[k]][j] = v[k];
  }
  Matrix feasible;
  feasible.reserve(in.size());
  for (size_t i : in) feasible.push_back(out.normalised[i]);

  // 3. Weights.
  std::vector<double> direct(m);
  for (size_t j = 0; j < m; ++j) direct[j] = setups[j].weight;
  auto subjective = [&]() {
    if (weighting.matrix.empty()) return directWeights(direct, names);
    AhpResult ahp = ahpWeights(weighting.matrix, names);
    out.weightingInfo["lambda_max"] = ahp.lambdaMax;
    out.weightingInfo["ci"] = ahp.ci;
    out.weightingInfo["ri"] = ahp.ri;
    out.weightingInfo["cr"] = ahp.cr;
    if (!ahp.consistent) {
      out.weightingHint = ahp.hint.text;
      feedback.warn(warning("weighting.matrix",
                            "AHP consistency ratio " + util::formatNumber(ahp.cr) + " >= 0.10" +
                                (ahp.hint.text.empty() ? "" : "; " + ahp.hint.text),
                            "ahp_inconsistent", ahpWarningValues(ahp, util::formatNumber(ahp.cr))));
    }
    return ahp.weights;
  };
  auto objective = [&](const std::string& method) {
    if (feasible.size() < 2) {
      feedback.warn(warning("weighting", method + " weights need at least two candidates; "
                                                  "equal weights used"));
      return std::vector<double>(m, 1.0 / static_cast<double>(m));
    }
    if (method == "entropy") return entropyWeights(feasible, names);
    if (method == "critic") return criticWeights(feasible);
    throw InputError("weighting.objective: unknown method '" + method +
                     "' (known: entropy, critic)");
  };
  switch (weightingMethodFromName(weighting.method)) {
    case WeightingMethod::Direct:
      out.weights = directWeights(direct, names);
      break;
    case WeightingMethod::Ahp:
      if (weighting.matrix.empty()) throw InputError("weighting.matrix: AHP needs a pairwise matrix");
      out.weights = subjective();
      break;
    case WeightingMethod::Entropy:
    case WeightingMethod::Critic:
      out.weights = objective(weighting.method);
      break;
    case WeightingMethod::Blend:
      out.weights = blendWeights(subjective(), objective(weighting.objective), weighting.alpha);
      break;
  }

  // 4. Scores, ranks, contributions.
  out.scores = aggregate(aggregation, out.normalised, out.weights);
  out.ranks = rankDescending(out.scores);
  out.contributions = contributions(out.normalised, out.weights);

  // 5. Robustness and explanations.
  if (uncertainty.draws > 0) {
    out.robustness = robustness(out.normalised, out.weights, aggregation, uncertainty, &feedback);
  } else {
    out.robustness.k = uncertainty.k;
  }
  out.explanations = explain(out.normalised, out.weights, out.scores);
  return out;
}

}  // namespace clustershift::mcda
