// Explanations: each criterion's contribution w_j v_ij (the additive decomposition of the
// weighted linear combination, Malczewski 1999 §6.2) and, per alternative, the two criteria
// on which the next better-ranked alternative gains most over it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "clustershift/mcda.h"
#include "clustershift/util.h"

namespace clustershift::mcda {

Matrix contributions(const Matrix& normalised, const std::vector<double>& weights) {
  detail::checkShape(normalised, weights, "contributions");
  Matrix out(normalised.size(), std::vector<double>(weights.size()));
  for (size_t i = 0; i < normalised.size(); ++i) {
    for (size_t j = 0; j < weights.size(); ++j) out[i][j] = weights[j] * normalised[i][j];
  }
  return out;
}

std::vector<Explanation> explain(const Matrix& normalised, const std::vector<double>& weights,
                                 const std::vector<double>& scores) {
  detail::checkShape(normalised, weights, "explain");
  const size_t n = normalised.size();
  std::vector<Explanation> out(n);
  if (scores.size() != n) return out;
  // Sort by score (input order among equals), group ties as rankDescending() does; the next
  // better-ranked alternative of a group is the first (in input order) of the group above.
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    if (!std::isnan(scores[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return scores[a] > scores[b]; });
  std::vector<int> betterOf(n, -1);
  int previousLeader = -1, leader = -1;
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    bool tie = false;
    if (k > 0) {
      const double prev = scores[order[k - 1]], s = scores[i];
      tie = prev - s <= 1e-12 * std::max({1.0, std::fabs(s), std::fabs(prev)});
    }
    if (!tie) {
      previousLeader = leader;
      leader = static_cast<int>(i);
    } else if (static_cast<int>(i) < leader) {
      leader = static_cast<int>(i);
    }
    betterOf[i] = previousLeader;
  }
  for (size_t i = 0; i < n; ++i) {
    const int better = betterOf[i];
    if (better < 0) continue;
    Explanation& e = out[i];
    e.better = better;
    const auto& vb = normalised[static_cast<size_t>(better)];
    for (size_t j = 0; j < weights.size(); ++j) {
      const double gap = weights[j] * (vb[j] - normalised[i][j]);
      if (!(gap > 0)) continue;
      if (e.first < 0 || gap > e.firstGap) {
        e.second = e.first;
        e.secondGap = e.firstGap;
        e.first = static_cast<int>(j);
        e.firstGap = gap;
      } else if (e.second < 0 || gap > e.secondGap) {
        e.second = static_cast<int>(j);
        e.secondGap = gap;
      }
    }
  }
  return out;
}

std::string explanationText(const Explanation& explanation,
                            const std::vector<std::string>& criterionIds,
                            const std::vector<std::string>& alternativeIds) {
  if (explanation.better < 0) return {};
  auto name = [](const std::vector<std::string>& names, int k) {
    return k >= 0 && static_cast<size_t>(k) < names.size() ? names[static_cast<size_t>(k)]
                                                             : "#" + std::to_string(k + 1);
  };
  auto gap = [](double g) { return util::formatFixed(-g, 3); };
  std::string text = "behind " + name(alternativeIds, explanation.better);
  if (explanation.first < 0) return text;
  text += " mainly on " + name(criterionIds, explanation.first) + " (" +
          gap(explanation.firstGap) + ")";
  if (explanation.second >= 0) {
    text += " and " + name(criterionIds, explanation.second) + " (" +
            gap(explanation.secondGap) + ")";
  }
  return text;
}

}  // namespace clustershift::mcda
