// `clustershift mcda TABLE ...`: the decision engine on a planner's own table, without GIS.
// Thin: parse options, read the table through core (OGR), call mcda::decide, write CSV/JSON.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/mcda.h"
#include "clustershift/output_guard.h"
#include "clustershift/table.h"
#include "clustershift/methods.h"
#include "clustershift/util.h"
#include "command_guard.h"
#include "commands.h"

namespace clustershift::cli {
namespace {

struct McdaOptions {
  std::string table;
  std::string layer;
  std::string id;
  std::vector<std::string> criteria;
  std::vector<std::string> cost;
  std::vector<double> weights;
  std::string weighting;
  std::string ahp;
  std::string method = "wlc";
  std::string normalize;
  std::string missing = "exclude";
  int draws = 0;
  unsigned seed = 42;
  double concentration = 50;
  int k = 5;
  std::string out;
  bool json = false;
};

/// A number cell: empty for a missing value (NaN), 10 significant digits otherwise.
std::string csvNumber(double x) { return std::isnan(x) ? "" : util::formatNumber(x, 10); }

void writeCsv(const std::string& path, const std::vector<std::string>& ids, const mcda::Decision& d) {
  const bool robust = !d.robustness.pTop1.empty();
  util::writeFileAtomically(path, [&](std::ostream& file) {
    file << "id,score,rank";
    if (robust) file << ",p_top1,p_topk,rank_mean,rank_p05,rank_p95";
    file << "\n";
    for (size_t i = 0; i < ids.size(); ++i) {
      file << util::csvQuote(ids[i]) << ',' << csvNumber(d.scores[i]) << ',' << d.ranks[i];
      if (robust) {
        file << ',' << csvNumber(d.robustness.pTop1[i]) << ',' << csvNumber(d.robustness.pTopK[i]) << ','
             << csvNumber(d.robustness.rankMean[i]) << ',' << csvNumber(d.robustness.rankP05[i]) << ','
             << csvNumber(d.robustness.rankP95[i]);
      }
      file << "\n";
    }
  });
}

nlohmann::ordered_json toJson(const McdaOptions& o, const std::vector<std::string>& ids,
                              const mcda::Decision& d) {
  nlohmann::ordered_json out;
  out["weights"] = nlohmann::ordered_json::object();
  for (size_t j = 0; j < o.criteria.size(); ++j) out["weights"][o.criteria[j]] = d.weights[j];
  if (!o.ahp.empty()) {
    out["ahp"] = {{"lambda_max", d.weightingInfo.at("lambda_max")},
                  {"ci", d.weightingInfo.at("ci")},
                  {"cr", d.weightingInfo.at("cr")}};
    if (!d.weightingHint.empty()) out["ahp"]["hint"] = d.weightingHint;
  }
  out["method"] = o.method;
  auto number = [](double x) { return std::isnan(x) ? nlohmann::ordered_json() : nlohmann::ordered_json(x); };
  nlohmann::ordered_json alternatives = nlohmann::ordered_json::array();
  for (size_t i = 0; i < ids.size(); ++i) {
    nlohmann::ordered_json a = {{"id", ids[i]}, {"score", number(d.scores[i])}, {"rank", d.ranks[i]}};
    if (d.status[i] != "ok") {
      a["status"] = d.status[i];
      a["reason"] = d.reason[i];
    }
    if (!d.robustness.pTop1.empty()) {
      a["p_top1"] = number(d.robustness.pTop1[i]);
      a["p_topk"] = number(d.robustness.pTopK[i]);
      a["rank_mean"] = number(d.robustness.rankMean[i]);
      a["rank_p05"] = number(d.robustness.rankP05[i]);
      a["rank_p95"] = number(d.robustness.rankP95[i]);
    }
    alternatives.push_back(std::move(a));
  }
  out["alternatives"] = std::move(alternatives);
  return out;
}

void runMcda(const McdaOptions& o) {
  if (o.criteria.empty()) throw InputError("--criteria: no criteria given");
  for (const auto& c : o.cost) {
    if (std::find(o.criteria.begin(), o.criteria.end(), c) == o.criteria.end()) {
      throw InputError("--cost: '" + c + "' is not one of --criteria");
    }
  }
  if (!o.weights.empty() && o.weights.size() != o.criteria.size()) {
    throw InputError("--weights: " + std::to_string(o.weights.size()) + " weights for " +
                     std::to_string(o.criteria.size()) + " criteria");
  }
  if (!o.out.empty()) checkOutputsAgainstInputs({o.out}, {{"table", o.table}, {"AHP matrix", o.ahp}});
  const mcda::Table table = mcda::readTable(o.table, o.layer);
  const size_t idField = table.fieldIndex(o.id);
  std::vector<size_t> fields;
  for (const auto& c : o.criteria) fields.push_back(table.fieldIndex(c));

  std::vector<std::string> ids;
  for (const auto& row : table.rows) ids.push_back(row[idField]);
  // Every problem of the table at once: duplicate or empty ids, then every non-number.
  std::vector<Problem> problems = idProblems(ids, table.where, o.id);
  mcda::Matrix raw;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    std::vector<double> row;
    for (size_t j = 0; j < fields.size(); ++j) {
      const std::string& text = table.rows[r][fields[j]];
      double value = std::numeric_limits<double>::quiet_NaN();
      if (!text.empty()) {
        try {
          value = mcda::parseNumber(text,
                                    table.where[r] + " (id '" + ids[r] + "') field '" + o.criteria[j] + "'");
        } catch (const InputError& e) {
          problems.push_back(Problem{Severity::Fatal, "", e.what(), ids[r]});
        }
      }
      row.push_back(value);
    }
    raw.push_back(std::move(row));
  }
  throwIfFatal(problems);

  // TOPSIS is defined on vector-normalised values; other methods default to minmax.
  const std::string normalize = !o.normalize.empty()   ? o.normalize
                                : o.method == "topsis" ? "vector"
                                                       : "minmax";
  std::vector<mcda::CriterionSetup> setups;
  for (size_t j = 0; j < o.criteria.size(); ++j) {
    mcda::CriterionSetup s;
    s.id = o.criteria[j];
    s.direction =
        std::find(o.cost.begin(), o.cost.end(), s.id) != o.cost.end() ? Direction::Cost : Direction::Benefit;
    s.valueFunction.type = normalize;
    s.weight = o.weights.empty() ? 1.0 : o.weights[j];
    setups.push_back(s);
  }
  Weighting weighting;
  if (!o.ahp.empty()) {
    weighting.method = "ahp";
    weighting.matrix = mcda::readAhpMatrix(o.ahp, o.criteria);
  } else if (!o.weighting.empty()) {
    weighting.method = o.weighting;
  }
  Uncertainty uncertainty;
  uncertainty.draws = o.draws;
  uncertainty.seed = o.seed;
  uncertainty.concentration = o.concentration;
  uncertainty.k = o.k;

  Feedback feedback;
  const mcda::Decision d = mcda::decide(raw, setups, weighting, o.method, uncertainty, feedback, o.missing);
  for (const auto& p : feedback.warnings()) std::cerr << "warning: " << p.text() << "\n";

  if (!o.out.empty()) writeCsv(o.out, ids, d);
  if (o.json) {
    std::cout << toJson(o, ids, d).dump(2) << std::endl;
  } else if (o.out.empty()) {
    // Human-readable ranking.
    std::vector<size_t> order(ids.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const int ra = d.ranks[a] == 0 ? std::numeric_limits<int>::max() : d.ranks[a];
      const int rb = d.ranks[b] == 0 ? std::numeric_limits<int>::max() : d.ranks[b];
      return ra < rb;
    });
    for (size_t i : order) {
      if (d.ranks[i] == 0) {
        std::cout << "   -  " << ids[i] << "  excluded: " << d.reason[i] << "\n";
      } else {
        char line[64];
        std::snprintf(line, sizeof line, "%4d  ", d.ranks[i]);
        std::cout << line << ids[i] << "  " << csvNumber(d.scores[i]) << "\n";
      }
    }
  }
}

}  // namespace

void addMcdaCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<McdaOptions>();
  CLI::App* sub =
      app.add_subcommand("mcda", "Rank the rows of any table (CSV, GeoPackage, DBF...) by several criteria");
  sub->add_option("TABLE", options->table, "Table readable by OGR (CSV included)")->required();
  sub->add_option("--layer", options->layer, "Layer of TABLE (default: the first)");
  sub->add_option("--id", options->id, "Field identifying each alternative")->required();
  sub->add_option("--criteria", options->criteria, "Criterion fields, comma-separated")
      ->required()
      ->delimiter(',');
  sub->add_option("--cost", options->cost, "Criteria where smaller is better, comma-separated")
      ->delimiter(',');
  auto* weights =
      sub->add_option("--weights", options->weights, "Direct weights in --criteria order (rescaled to sum 1)")
          ->delimiter(',');
  auto* weighting = sub->add_option("--weighting", options->weighting, "Objective weights")
                        ->check(CLI::IsMember({"direct", "entropy", "critic"}));
  auto* ahp = sub->add_option("--ahp", options->ahp,
                              "AHP pairwise matrix CSV (header row and first column = criteria; "
                              "fractions like 1/3 accepted)");
  weights->excludes(weighting)->excludes(ahp);
  weighting->excludes(ahp);
  sub->add_option("--method", options->method, "Aggregation (default wlc)")
      ->check(CLI::IsMember(methodNames(aggregations())));
  sub->add_option("--normalize", options->normalize, "Value function (default minmax; vector for topsis)")
      ->check(CLI::IsMember({"minmax", "vector", "none"}));
  sub->add_option("--missing", options->missing, "Empty cells: exclude (default), worst, mean")
      ->check(CLI::IsMember(methodNames(missingPolicies())));
  // Explicit ranges: CLI11's PositiveNumber prints the largest double (300 digits) in its message.
  sub->add_option("--draws", options->draws, "Robustness: number of weight draws (0 = none)")
      ->check(CLI::Range(0, 10000000));
  sub->add_option("--seed", options->seed, "Robustness: random seed (default 42)");
  sub->add_option("--concentration", options->concentration,
                  "Robustness: Dirichlet concentration around the weights; 0 = uniform "
                  "(default 50)")
      ->check(CLI::Range(0.0, 1e9));
  sub->add_option("--k", options->k, "Robustness: P(top-k) (default 5)")->check(CLI::Range(1, 1000000));
  sub->add_option("--out", options->out, "Write RESULT.csv (id, score, rank [, robustness])");
  sub->add_flag("--json", options->json, "Print weights and results as JSON to stdout");
  sub->callback([options, &exitCode] { exitCode = guardedCommand("mcda", [&] { runMcda(*options); }); });
}

}  // namespace clustershift::cli
