// run: join, criteria, constraints, missing values, normalisation, weights, aggregation,
// ranking, flows. One entry point for plugin, processing and CLI.
#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <numeric>

#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "clustershift/mcda.h"
#include "clustershift/pipeline.h"
#include "criteria/criterion_util.h"
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

/// Final weights of the enabled criteria under the scenario's weighting method.
std::vector<double> weightsFor(const Scenario& scenario, const std::vector<const CriterionSpec*>& specs,
                               const mcda::Matrix& /*normalised*/) {
  std::vector<double> weights;
  std::vector<std::string> names;
  for (const CriterionSpec* spec : specs) {
    weights.push_back(spec->weight);
    names.push_back(spec->id);
  }
  if (scenario.weighting.method != "direct") {
    throw InputError("weighting.method: '" + scenario.weighting.method +
                     "' is not available in this build yet (use \"direct\")");
  }
  return mcda::directWeights(weights, names);
}

}  // namespace

Results run(const Scenario& scenario, Inputs inputs, Feedback& feedback) {
  std::vector<Problem> problems = validate(scenario, inputs);
  bool fatal = std::any_of(problems.begin(), problems.end(),
                           [](const Problem& p) { return p.severity == Severity::Fatal; });
  if (fatal) throw ValidationError(problems);
  feedback.checkCanceled();
  const std::size_t warningsBefore = feedback.warnings().size();

  Results results;
  results.scenario = scenario;
  results.runTime = utcNow();
  for (const Problem& p : problems) feedback.warn(p);

  feedback.setProgress(0.05, "joining");
  joinParksToRegions(inputs);
  feedback.checkCanceled();

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

  // Raw values.
  CriterionContext context{scenario, inputs, source.region, source.lon, source.lat, feedback};
  std::vector<std::vector<double>> raw(nCriteria);
  for (std::size_t c = 0; c < nCriteria; ++c) {
    feedback.setProgress(0.1 + 0.7 * static_cast<double>(c) / static_cast<double>(nCriteria),
                         "scoring " + specs[c]->id);
    feedback.checkCanceled();
    raw[c] = criteria[c]->compute(context, specs[c]->params);
    if (raw[c].size() != nParks) {
      throw Error(specs[c]->id + ": returned " + std::to_string(raw[c].size()) + " values for " +
                  std::to_string(nParks) + " parks");
    }
    for (std::size_t p = 0; p < nParks; ++p) results.parks[p].criteria[c].raw = raw[c][p];
  }
  feedback.checkCanceled();
  feedback.setProgress(0.8, "constraints");

  // Hard constraints on raw values.
  for (std::size_t c = 0; c < nCriteria; ++c) {
    const CriterionSpec& spec = *specs[c];
    if (!spec.min && !spec.max) continue;
    std::string prefix = criterionFieldPrefix(spec.id) + "_raw ";
    for (std::size_t p = 0; p < nParks; ++p) {
      ParkResult& r = results.parks[p];
      double v = raw[c][p];
      if (r.status != "ok" || isMissing(v)) continue;
      std::string reason;
      if (spec.min && v < *spec.min) {
        reason = prefix + detail::fixed(v, 2) + " < min " + detail::fixed(*spec.min, 2);
      } else if (spec.max && v > *spec.max) {
        reason = prefix + detail::fixed(v, 2) + " > max " + detail::fixed(*spec.max, 2);
      }
      if (reason.empty()) continue;
      std::string detailText = criteria[c]->explain(context, spec.params, static_cast<int>(p), v);
      exclude(r, reason + (detailText.empty() ? "" : " (" + detailText + ")"));
    }
  }

  // Missing values: exclude the park, or fill with the worst / mean feasible value.
  std::vector<std::vector<double>> filled = raw;
  for (std::size_t c = 0; c < nCriteria; ++c) {
    const CriterionSpec& spec = *specs[c];
    Direction direction = spec.direction.value_or(criteria[c]->defaultDirection());
    std::vector<double> present;
    for (std::size_t p = 0; p < nParks; ++p) {
      if (results.parks[p].status == "ok" && !isMissing(raw[c][p])) present.push_back(raw[c][p]);
    }
    double fill = kNaN;
    if (!present.empty()) {
      if (scenario.missing == "worst") {
        fill = direction == Direction::Benefit ? *std::min_element(present.begin(), present.end())
                                               : *std::max_element(present.begin(), present.end());
      } else if (scenario.missing == "mean") {
        fill = std::accumulate(present.begin(), present.end(), 0.0) /
               static_cast<double>(present.size());
      }
    }
    std::string prefix = criterionFieldPrefix(spec.id) + "_raw";
    for (std::size_t p = 0; p < nParks; ++p) {
      ParkResult& r = results.parks[p];
      if (r.status != "ok" || !isMissing(raw[c][p])) continue;
      if (isMissing(fill)) {
        exclude(r, prefix + " missing");
      } else {
        filled[c][p] = fill;
      }
    }
  }
  feedback.checkCanceled();
  feedback.setProgress(0.85, "weighting");

  // Normalise over the feasible parks only, so excluded parks do not stretch the scale.
  std::vector<std::size_t> feasible;
  for (std::size_t p = 0; p < nParks; ++p) {
    if (results.parks[p].status == "ok") feasible.push_back(p);
  }
  mcda::Matrix normalised(feasible.size(), std::vector<double>(nCriteria, kNaN));
  for (std::size_t c = 0; c < nCriteria; ++c) {
    const CriterionSpec& spec = *specs[c];
    Direction direction = spec.direction.value_or(criteria[c]->defaultDirection());
    std::vector<double> column;
    for (std::size_t p : feasible) column.push_back(filled[c][p]);
    std::vector<double> norm;
    try {
      norm = mcda::normalise(column, spec.valueFunction, direction);
    } catch (const InputError& e) {
      throw InputError(spec.id + ": " + e.what());
    }
    for (std::size_t i = 0; i < feasible.size(); ++i) {
      normalised[i][c] = norm[i];
      results.parks[feasible[i]].criteria[c].norm = norm[i];
    }
  }

  std::vector<double> weights = weightsFor(scenario, specs, normalised);
  std::vector<double> scores(nParks, kNaN);
  if (!feasible.empty()) {
    std::vector<double> feasibleScores = mcda::aggregate(scenario.aggregation, normalised, weights);
    for (std::size_t i = 0; i < feasible.size(); ++i) {
      std::size_t p = feasible[i];
      scores[p] = feasibleScores[i];
      results.parks[p].score = feasibleScores[i];
      for (std::size_t c = 0; c < nCriteria; ++c) {
        // Contribution = weighted normalised value (the WLC term; indicative for WPM/TOPSIS).
        results.parks[p].criteria[c].contrib = weights[c] * normalised[i][c];
      }
    }
  } else {
    feedback.warn(Problem{Severity::Warning, inputs.parksLabel,
                          "no feasible park: every park is excluded", {}});
  }
  std::vector<int> ranks = mcda::rankDescending(scores);
  for (std::size_t p = 0; p < nParks; ++p) {
    results.parks[p].rank = results.parks[p].status == "ok" ? ranks[p] : 0;
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
    Flow flow;
    flow.park = index;
    flow.parkId = r.id;
    flow.rank = r.rank;
    flow.score = r.score;
    flow.fromLon = source.lon;
    flow.fromLat = source.lat;
    flow.toLon = r.lon;
    flow.toLat = r.lat;
    flow.distanceKm = geodesicKm(source.lon, source.lat, r.lon, r.lat);
    if (results.flows.empty()) {
      flow.movedOutputYuan100m = movedOutput * scale;
      flow.movedVaYuan100m = movedVa * scale;
      flow.movedJobs = movedJobs * scale;
    }
    results.flows.push_back(flow);
  }

  std::vector<Problem> all = feedback.warnings();
  results.warnings.assign(all.begin() + static_cast<std::ptrdiff_t>(std::min(warningsBefore, all.size())),
                          all.end());
  feedback.setProgress(1.0, "done");
  return results;
}

}  // namespace clustershift
