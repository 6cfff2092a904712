// run: join, criteria, constraints, missing values, normalisation, weights, aggregation,
// ranking, flows. One entry point for plugin, processing and CLI.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>

#include "clustershift/criterion.h"
#include "clustershift/effects.h"
#include "clustershift/geo.h"
#include "clustershift/mcda.h"
#include "clustershift/pipeline.h"
#include "clustershift/util.h"
#include "criteria/criterion_util.h"
#include "pipeline/candidates.h"
#include "pipeline/criteria_lanes.h"
#include "pipeline/flow.h"
#include "pipeline/source_location.h"

namespace clustershift {

namespace {

constexpr int kFlowCount = 5;

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

void exclude(ParkResult& park, const std::string& reason) {
  park.status = "excluded";
  park.reason += (park.reason.empty() ? "" : "; ") + reason;
}

}  // namespace

Results run(const Scenario& scenario, Inputs inputs, Feedback& feedback) {
  if (scenario.candidates.gridKm > 0) return detail::runCandidateGrid(scenario, std::move(inputs), feedback);
  detail::placePolygonCandidates(inputs);
  return detail::scoreCandidates(scenario, std::move(inputs), feedback, nullptr);
}

namespace detail {

Results scoreCandidates(const Scenario& scenario, Inputs inputs, Feedback& feedback,
                        const std::vector<std::vector<double>>* presetRaw) {
  // Joined once, then checked: validate() would join a copy of every input first (0.1 s at
  // 20,000 parks, bench/national). A join that fails is reported by validate() with the rest.
  // No progress before the checks pass: a run they stop has not started.
  std::vector<Problem> problems = joinAndValidate(scenario, inputs);
  bool fatal = std::any_of(problems.begin(), problems.end(),
                           [](const Problem& p) { return p.severity == Severity::Fatal; });
  if (fatal) throw ValidationError(problems);
  feedback.checkCanceled();
  const std::size_t warningsBefore = feedback.warnings().size();

  Results results;
  results.scenario = scenario;
  results.runTime = utcNow();
  // The AHP consistency warning is reported again, with the weights, by mcda::decide.
  for (const Problem& p : problems)
    if (p.where != "weighting.matrix") feedback.warn(p);

  detail::SourceLocation source = detail::locateSource(scenario, inputs);
  const Region& sourceRegion = inputs.regions[static_cast<std::size_t>(source.region)];
  results.sourceRegionId = sourceRegion.id;
  results.sourceRegionName = sourceRegion.name;
  results.sourceLon = source.lon;
  results.sourceLat = source.lat;

  // Enabled criteria, in scenario order.
  std::vector<const CriterionSpec*> specs;
  std::vector<std::unique_ptr<Criterion>> criteria;
  for (const CriterionSpec& spec : scenario.criteria) {
    if (!spec.enabled) continue;
    specs.push_back(&spec);
    criteria.push_back(CriterionRegistry::instance().create(spec.id));
  }
  const std::size_t nParks = inputs.parks.size(), nCriteria = specs.size();

  // Parks: identity and the exclusions that do not depend on criteria.
  results.parks.resize(nParks);
  for (std::size_t p = 0; p < nParks; ++p) {
    const Park& park = inputs.parks[p];
    ParkResult& r = results.parks[p];
    r.park = static_cast<int>(p);
    r.id = park.id;
    r.name = park.name;
    r.nameZh = park.nameZh;
    r.lon = park.lon;
    r.lat = park.lat;
    r.criteria.assign(nCriteria, CriterionScore{});
    if (park.region >= 0) {
      const Region& region = inputs.regions[static_cast<std::size_t>(park.region)];
      r.regionId = region.id;
      r.regionName = region.name;
    }
    if (isMissing(park.lon) || isMissing(park.lat)) {
      exclude(r, "no location");
    } else if (park.region < 0) {
      exclude(r, "outside every region");
    } else if (park.region == source.region) {
      // A transfer leaves the source region: its own parks are not hosts.
      exclude(r, "in the source region");
    }
  }

  // Raw values, then in scenario order each criterion's warnings passed on, its error thrown,
  // its values checked: as if computed one after the other (computeCriteria).
  CriterionContext context{scenario, inputs, source.region, source.lon, source.lat, feedback};
  std::vector<std::vector<double>> raw(nCriteria);
  std::vector<detail::ComputedCriterion> computed;
  if (!presetRaw) {
    std::vector<nlohmann::json> params;
    for (std::size_t c = 0; c < nCriteria; ++c)
      params.push_back(resolveParams(*criteria[c], specs[c]->params));
    computed = detail::computeCriteria(criteria, params, context, std::min(2u, util::threadCount()));
  }
  for (std::size_t c = 0; c < nCriteria; ++c) {
    feedback.checkCanceled();
    if (presetRaw) {
      raw[c] = presetRaw->at(c);
    } else {
      detail::ComputedCriterion& done = computed[c];
      for (const Problem& warning : done.warnings) feedback.warn(warning);
      if (done.error) std::rethrow_exception(done.error);
      feedback.partTime(specs[c]->id, done.seconds);
      raw[c] = std::move(done.values);
    }
    if (raw[c].size() != nParks) {
      throw Error(specs[c]->id + ": returned " + std::to_string(raw[c].size()) + " values for " +
                  std::to_string(nParks) + " parks");
    }
    for (std::size_t p = 0; p < nParks; ++p) results.parks[p].criteria[c].raw = raw[c][p];
    // A criterion with no value at any candidate (e.g. a field that is NULL everywhere) leaves
    // nothing to rank, whatever the missing-value policy: stop before the decision engine,
    // the outputs and the reports, and say which criterion and why. validate() runs the same
    // check first for the criteria cheap to compute (detail::requireSomeValue).
    std::vector<bool> candidates(nParks);
    for (std::size_t p = 0; p < nParks; ++p) candidates[p] = results.parks[p].reason.empty();
    if (const auto problem =
            detail::noValueProblem(specs[c]->id, raw[c], candidates, feedback.warnings(), inputs.parksLabel))
      throw InputError(problem->text());
  }
  feedback.checkCanceled();
  feedback.setProgress(0.8, "constraints");

  // Hard constraints on raw values, worded here so a criterion can explain them
  // ("land_raw 0.62 < min 1.00 (available 120.0 ha < needed 193.5 ha)").
  for (std::size_t c = 0; c < nCriteria; ++c) {
    const CriterionSpec& spec = *specs[c];
    if (!spec.min && !spec.max) continue;
    std::string prefix = criterionFieldPrefix(spec.id) + "_raw ";
    for (std::size_t p = 0; p < nParks; ++p) {
      ParkResult& r = results.parks[p];
      double v = raw[c][p];
      if (isMissing(v)) continue;
      std::string reason;
      if (spec.min && v < *spec.min) {
        reason = prefix + util::formatFixed(v, 2) + " < min " + util::formatFixed(*spec.min, 2);
      } else if (spec.max && v > *spec.max) {
        reason = prefix + util::formatFixed(v, 2) + " > max " + util::formatFixed(*spec.max, 2);
      }
      if (reason.empty()) continue;
      std::string detailText = criteria[c]->explain(context, spec.params, static_cast<int>(p), v);
      exclude(r, reason + (detailText.empty() ? "" : " (" + detailText + ")"));
    }
  }
  feedback.checkCanceled();
  feedback.setProgress(0.85, "weighting");

  // The decision engine: missing values, value functions fitted on the feasible parks,
  // weights, aggregation, ranks, contributions, robustness.
  mcda::Matrix matrix(nParks, std::vector<double>(nCriteria, kNaN));
  std::vector<std::string> preExcluded(nParks);
  for (std::size_t p = 0; p < nParks; ++p) {
    preExcluded[p] = results.parks[p].reason;
    for (std::size_t c = 0; c < nCriteria; ++c) {
      // Rows already excluded take no part; zeros keep them from collecting
      // "missing value" reasons on top of the real one.
      matrix[p][c] = preExcluded[p].empty() ? raw[c][p] : 0.0;
    }
  }
  std::vector<mcda::CriterionSetup> setups;
  for (std::size_t c = 0; c < nCriteria; ++c) {
    mcda::CriterionSetup setup;
    setup.id = specs[c]->id;
    setup.direction = specs[c]->direction.value_or(criteria[c]->defaultDirection());
    setup.valueFunction = specs[c]->valueFunction;
    setup.weight = specs[c]->weight;
    setups.push_back(setup);
  }
  mcda::Decision decision = mcda::decide(matrix, setups, scenario.weighting, scenario.aggregation,
                                         scenario.uncertainty, feedback, scenario.missing,
                                         preExcluded);
  const std::vector<double>& weights = decision.weights;
  results.weightingInfo = decision.weightingInfo;
  const mcda::Robustness& robust = decision.robustness;
  bool haveRobustness = robust.draws > 0 && robust.pTop1.size() == nParks;
  for (std::size_t p = 0; p < nParks; ++p) {
    ParkResult& r = results.parks[p];
    r.status = decision.status[p];
    r.reason = decision.reason[p];
    if (r.status != "ok") continue;
    r.score = decision.scores[p];
    r.rank = decision.ranks[p];
    for (std::size_t c = 0; c < nCriteria; ++c) {
      r.criteria[c].norm = decision.normalised[p][c];
      r.criteria[c].contrib = decision.contributions[p][c];
    }
    if (haveRobustness) {
      r.pTop1 = robust.pTop1[p];
      r.pTopK = robust.pTopK[p];
      r.rankMean = robust.rankMean[p];
      r.rankP05 = robust.rankP05[p];
      r.rankP95 = robust.rankP95[p];
    }
  }

  if (!decision.explanations.empty()) {
    std::vector<std::string> criterionIds, parkIds;
    for (const auto* spec : specs) criterionIds.push_back(spec->id);
    for (const ParkResult& r : results.parks) parkIds.push_back(r.id);
    for (std::size_t p = 0; p < nParks && p < decision.explanations.size(); ++p)
      if (results.parks[p].status == "ok")
        results.parks[p].explanation = mcda::explanationText(decision.explanations[p], criterionIds, parkIds);
  }

  for (std::size_t c = 0; c < nCriteria; ++c) {
    CriterionInfo info;
    info.id = specs[c]->id;
    info.label = criteria[c]->label();
    info.labelZh = criteria[c]->labelZh();
    info.unit = criteria[c]->unit();
    info.direction = specs[c]->direction.value_or(criteria[c]->defaultDirection());
    info.valueFunction = specs[c]->valueFunction.type;
    info.weight = weights[c];
    results.criteria.push_back(info);
  }
  feedback.setProgress(0.95, "flows");

  // Flows from the source to the top parks; the whole moved capacity goes to rank 1
  // (multi-host allocation is the effects model's job).
  double scale = scenario.mode == TransferMode::Replication ? scenario.replicationScale : 1.0;
  double movedOutput = 0, movedVa = 0, movedJobs = 0;
  for (const Segment* s : scenario.movedSegmentList()) {
    movedOutput += s->outputShare * scenario.cluster.outputYuan100m;
    movedVa += s->vaRate * s->outputShare * scenario.cluster.outputYuan100m;
    movedJobs += s->jobShare * scenario.cluster.jobs;
  }
  for (int index : results.ranking()) {
    const ParkResult& r = results.parks[static_cast<std::size_t>(index)];
    if (r.rank <= 0 || static_cast<int>(results.flows.size()) >= kFlowCount) break;
    Flow flow = detail::flowTo(results, index, source.lon, source.lat);
    if (results.flows.empty()) {
      flow.movedOutputYuan100m = movedOutput * scale;
      flow.movedVaYuan100m = movedVa * scale;
      flow.movedJobs = movedJobs * scale;
    }
    results.flows.push_back(flow);
  }

  // Effects of the transfer on the source and the chosen host(s) (effects.h). Effects that
  // cannot be computed are an input error: a run must not silently lose its effects half
  // (set effects.enabled to false to rank only).
  if (!results.flows.empty() && parseEffectsParams(scenario.effects, scenario.replicationScale).enabled) {
    feedback.setProgress(0.97, "effects");
    try {
      attachEffects(results, scenario, inputs, feedback);
    } catch (const ValidationError&) {
      throw;
    } catch (const InputError& e) {
      throw InputError(std::string("effects: cannot be computed: ") + e.what() +
                       " (set \"effects\": {\"enabled\": false} to rank without effects)");
    }
  }

  std::vector<Problem> all = feedback.warnings();
  results.warnings.assign(all.begin() + static_cast<std::ptrdiff_t>(std::min(warningsBefore, all.size())),
                          all.end());
  feedback.setProgress(1.0, "done");
  return results;
}

}  // namespace detail

}  // namespace clustershift
