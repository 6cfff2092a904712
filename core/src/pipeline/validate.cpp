// validate: every problem of the inputs against what the scenario needs, collected.
#include <algorithm>
#include <map>

#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "clustershift/mcda.h"
#include "clustershift/pipeline.h"
#include "clustershift/util.h"
#include "criteria/criterion_util.h"
#include "pipeline/candidates.h"
#include "pipeline/source_location.h"
#include "spatial/spatial_join.h"

namespace clustershift {

namespace detail {

SourceLocation locateSource(const Scenario& scenario, const Inputs& inputs) {
  SourceLocation s;
  s.region = inputs.regionIndex(scenario.sourceRegion);
  if (scenario.sourceLon && scenario.sourceLat) {
    s.lon = *scenario.sourceLon;
    s.lat = *scenario.sourceLat;
    return s;
  }
  if (s.region < 0) return s;
  const Region& region = inputs.regions[static_cast<std::size_t>(s.region)];
  auto lon = region.extra.find("seat_lon");
  auto lat = region.extra.find("seat_lat");
  if (lon != region.extra.end() && lat != region.extra.end() && !isMissing(lon->second) &&
      !isMissing(lat->second)) {
    s.lon = lon->second;
    s.lat = lat->second;
    return s;
  }
  if (region.wkb.empty()) return s;
  try {
    pointOnSurface(region, s.lon, s.lat);
  } catch (const GeoError&) {
    s.lon = s.lat = kNaN;
  }
  return s;
}

}  // namespace detail

namespace {

template <typename T>
void checkIds(const std::vector<T>& items, const std::string& label, const std::string& what,
              std::vector<Problem>& problems) {
  if (items.empty()) {
    problems.push_back(codedProblem(Severity::Fatal, label, "has no " + what, {}, "empty_layer"));
    return;
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const T& item = items[i];
    std::string where = label + (item.fid.empty() ? " #" + std::to_string(i) : " fid=" + item.fid);
    if (item.id.empty()) {
      problems.push_back(codedProblem(Severity::Fatal, where, "has an empty id", {}, "empty_id"));
      continue;
    }
    auto [it, inserted] = seen.emplace(item.id, i);
    if (!inserted) {
      const T& first = items[it->second];
      const std::string also = first.fid.empty() ? "#" + std::to_string(it->second) : "fid=" + first.fid;
      problems.push_back(codedProblem(Severity::Fatal, where,
                                      "duplicate id '" + item.id + "' (also " + also + ")", item.id,
                                      "duplicate_id", {{"id", item.id}, {"also", also}}));
    }
  }
}

}  // namespace

namespace {

/// The checks on `view`, whose parks carry the pipeline's join (Park::region), after the ones
/// that need no join; `inputs` names the layers. joinError: why the join failed (a fatal problem).
std::vector<Problem> checkInputs(const Scenario& scenario, const Inputs& inputs, const Inputs* view,
                                 std::string joinError) {
  std::vector<Problem> problems = inputs.problems;
  checkIds(inputs.regions, inputs.regionsLabel, "regions (empty layer)", problems);
  checkIds(inputs.parks, inputs.parksLabel, "parks (empty layer)", problems);

  detail::SourceLocation source = detail::locateSource(scenario, inputs);
  if (source.region < 0) {
    problems.push_back(codedProblem(
        Severity::Fatal, "source.region",
        "region '" + scenario.sourceRegion + "' not found in " + inputs.regionsLabel, scenario.sourceRegion,
        "source_region_not_found", {{"id", scenario.sourceRegion}, {"layer", inputs.regionsLabel}}));
  }
  if (scenario.mode == TransferMode::Replication && inputs.parkIndex(scenario.templatePark) < 0) {
    problems.push_back(codedProblem(Severity::Fatal, "replication.template_park",
                                    "park '" + scenario.templatePark + "' not found in " + inputs.parksLabel,
                                    scenario.templatePark, "template_park_not_found",
                                    {{"id", scenario.templatePark}, {"layer", inputs.parksLabel}}));
  }

  if (!joinError.empty())
    problems.push_back(Problem{Severity::Fatal, inputs.regionsLabel, std::move(joinError), {}});
  int located = 0, outside = 0;
  for (std::size_t p = 0; p < view->parks.size(); ++p) {
    const Park& park = view->parks[p];
    if (isMissing(park.lon) || isMissing(park.lat)) continue;
    if (park.region >= 0) {
      ++located;
      continue;
    }
    ++outside;
    problems.push_back(codedProblem(Severity::Warning, detail::parkWhere(*view, static_cast<int>(p)),
                                    "park '" + park.id + "' is outside every region; excluded", park.id,
                                    "park_outside_regions", {{"id", park.id}}));
  }
  if (located == 0 && outside > 0) {
    problems.push_back(codedProblem(Severity::Fatal, inputs.parksLabel,
                                    "no park lies inside any region of " + inputs.regionsLabel +
                                        " (do the layers' CRSs match their coordinates?)",
                                    {}, "no_park_in_regions", {{"layer", inputs.regionsLabel}}));
  }

  // What each enabled criterion needs.
  Feedback quiet;
  CriterionContext context{scenario, *view, source.region, source.lon, source.lat, quiet};
  for (std::size_t i = 0; i < scenario.criteria.size(); ++i) {
    const CriterionSpec& spec = scenario.criteria[i];
    if (!spec.enabled) continue;
    try {
      std::unique_ptr<Criterion> criterion = CriterionRegistry::instance().create(spec.id);
      for (Problem& p : checkCriterion(*criterion, context, spec.params)) problems.push_back(std::move(p));
    } catch (const Error& e) {
      problems.push_back(Problem{Severity::Fatal, "criteria[" + std::to_string(i) + "].id",
                                 e.what(), {}});
    }
  }

  // The AHP matrix as run() weighs it (mcda::decide): reciprocity, values, and the consistency
  // ratio, reported with the same words.
  if (!scenario.weighting.matrix.empty()) {
    std::vector<std::string> names;
    for (const CriterionSpec& spec : scenario.criteria)
      if (spec.enabled) names.push_back(spec.id);
    try {
      const mcda::AhpResult ahp = mcda::ahpWeights(scenario.weighting.matrix, names);
      if (!ahp.consistent) {
        const std::string cr = util::formatNumber(ahp.cr);
        problems.push_back(codedProblem(
            Severity::Warning, "weighting.matrix",
            "AHP consistency ratio " + cr + " >= 0.10" + (ahp.hint.text.empty() ? "" : "; " + ahp.hint.text),
            {}, "ahp_inconsistent", mcda::ahpWarningValues(ahp, cr)));
      }
    } catch (const Error& e) {
      problems.push_back(Problem{Severity::Fatal, "weighting.matrix", e.what(), {}});
    }
  }
  return problems;
}

}  // namespace

std::vector<Problem> validate(const Scenario& scenario, const Inputs& inputs) {
  // Parks outside every region. Joined here on a copy with the pipeline's own rule (run()
  // joins again), whatever Park::region the caller left.
  const Inputs* view = &inputs;
  Inputs joined;
  std::string joinError;
  if (!inputs.regions.empty()) {
    try {
      std::vector<int> located = detail::locateParks(inputs.regions, inputs.parks);
      joined = inputs;
      for (std::size_t p = 0; p < joined.parks.size(); ++p) joined.parks[p].region = located[p];
      view = &joined;
    } catch (const GeoError& e) {
      joinError = e.what();
    }
  }
  return checkInputs(scenario, inputs, view, joinError);
}

namespace detail {

std::vector<Problem> validateJoined(const Scenario& scenario, const Inputs& joined) {
  return checkInputs(scenario, joined, &joined, {});
}

std::vector<Problem> joinAndValidate(const Scenario& scenario, Inputs& inputs) {
  try {
    joinParksToRegions(inputs);
  } catch (const GeoError&) {
    return validate(scenario, inputs);
  }
  return validateJoined(scenario, inputs);
}

}  // namespace detail

}  // namespace clustershift
