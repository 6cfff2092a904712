// The effects projection: moved set → host choice/allocation → direct, indirect and
// knowledge effects → sector accounts of source and hosts → indicators before/after →
// upgrading indices → coupling coordination → yearly time path.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>

#include "clustershift/effects.h"
#include "clustershift/geo.h"
#include "clustershift/results.h"
#include "pipeline/flow.h"

namespace clustershift {
namespace {

void warn(Feedback& feedback, const std::string& where, const std::string& message) {
  feedback.warn(Problem{Severity::Warning, where, message, ""});
}

std::string fmt(double v, int precision = 1) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(precision);
  s << v;
  return s.str();
}

/// Output and VA of each cluster segment present in a region (亿元).
struct SegmentPresence {
  std::vector<double> output;
  std::vector<double> va;
  double vaRate() const {
    double x = 0, v = 0;
    for (std::size_t k = 0; k < output.size(); ++k) {
      x += output[k];
      v += va[k];
    }
    return x > 1e-12 ? v / x : kNaN;
  }
};

SectorAccounts interpolate(const SectorAccounts& a, const SectorAccounts& b, double r) {
  SectorAccounts out;
  for (std::size_t s = 0; s < 3; ++s) {
    out.y[s] = a.y[s] + r * (b.y[s] - a.y[s]);
    out.l[s] = a.l[s] + r * (b.l[s] - a.l[s]);
  }
  out.rd = a.rd + r * (b.rd - a.rd);
  return out;
}

SegmentPresence interpolate(const SegmentPresence& a, const SegmentPresence& b, double r) {
  SegmentPresence out = a;
  for (std::size_t k = 0; k < a.output.size(); ++k) {
    out.output[k] = a.output[k] + r * (b.output[k] - a.output[k]);
    out.va[k] = a.va[k] + r * (b.va[k] - a.va[k]);
  }
  return out;
}

void checkAccounts(const SectorAccounts& a, const Region& region, const std::string& label) {
  static const char* const kY[3] = {"y1", "y2", "y3"};
  static const char* const kL[3] = {"l1", "l2", "l3"};
  for (std::size_t s = 0; s < 3; ++s) {
    if (a.y[s] < -1e-9 || a.l[s] < -1e-9)
      throw InputError(label + " id=" + region.id +
                       ": the transfer removes more than the region has in sector " + std::to_string(s + 1) +
                       " (" + kY[s] + " after " + fmt(a.y[s], 2) + " 亿元, " + kL[s] + " after " +
                       fmt(a.l[s], 3) + " 10k persons); check the cluster size against the region");
  }
  if (a.rd < -1e-9)
    throw InputError(label + " id=" + region.id + ": field 'rd' (" + fmt(region.value("rd"), 2) +
                     ") is smaller than the cluster R&D that leaves the region");
}

}  // namespace

const RegionEffect* EffectsResult::regionEffect(const std::string& regionId) const {
  for (const RegionEffect& r : regions)
    if (r.regionId == regionId) return &r;
  return nullptr;
}

EffectsResult projectEffects(const Scenario& scenario, const Inputs& inputs, const Results& ranking,
                             Feedback& feedback) {
  feedback.checkCanceled();
  EffectsResult result;
  result.mode = scenario.mode;
  result.params = parseEffectsParams(scenario.effects, scenario.replicationScale);
  const EffectsParams& p = result.params;

  const int source = inputs.regionIndex(scenario.sourceRegion);
  if (source < 0)
    throw InputError("source.region: region '" + scenario.sourceRegion + "' not found in " +
                     inputs.regionsLabel);
  const Region& sourceRegion = inputs.regions[static_cast<std::size_t>(source)];
  result.sourceRegionId = sourceRegion.id;

  result.moved = movedSet(scenario.cluster, scenario.mode, scenario.movedSegments, p.lambda);
  const MovedSet& moved = result.moved;

  // Cluster location: the run's, else the scenario's, else the region's point-on-surface.
  if (std::isfinite(ranking.sourceLon) && std::isfinite(ranking.sourceLat)) {
    result.sourceLon = ranking.sourceLon;
    result.sourceLat = ranking.sourceLat;
  } else if (scenario.sourceLon && scenario.sourceLat) {
    result.sourceLon = *scenario.sourceLon;
    result.sourceLat = *scenario.sourceLat;
  } else {
    pointOnSurface(sourceRegion, result.sourceLon, result.sourceLat);
  }

  // ---- host choice ----
  std::vector<int> chosen;  // indices into ranking.parks
  const std::vector<int> order = ranking.ranking();
  if (p.host == "best" || p.host == "allocate") {
    const std::size_t want = p.host == "best" ? 1 : static_cast<std::size_t>(p.hostCount);
    for (int i : order) {
      const ParkResult& pr = ranking.parks[static_cast<std::size_t>(i)];
      if (pr.status != "ok" || pr.regionId.empty()) continue;
      chosen.push_back(i);
      if (chosen.size() >= want) break;
    }
    if (chosen.empty())
      throw InputError("effects.host: no feasible host park (every park is excluded or outside the regions)");
  } else {
    for (std::size_t i = 0; i < ranking.parks.size(); ++i)
      if (ranking.parks[i].id == p.host) chosen.push_back(static_cast<int>(i));
    if (chosen.empty()) throw InputError("effects.host: unknown park '" + p.host + "'");
    const ParkResult& pr = ranking.parks[static_cast<std::size_t>(chosen.front())];
    if (pr.regionId.empty())
      throw InputError("effects.host: park '" + p.host + "' lies outside every region");
    if (pr.status != "ok")
      warn(feedback, "effects.host",
           "park '" + p.host + "' is excluded (" + pr.reason + "); effects projected anyway");
  }

  std::vector<double> scores, capacities;
  for (int i : chosen) {
    const ParkResult& pr = ranking.parks[static_cast<std::size_t>(i)];
    HostEffect h;
    h.park = pr.park;
    h.parkId = pr.id;
    h.parkName = pr.name;
    h.regionId = pr.regionId;
    h.region = inputs.regionIndex(pr.regionId);
    if (h.region < 0)
      throw InputError("effects.host: region '" + pr.regionId + "' of park '" + pr.id + "' not in " +
                       inputs.regionsLabel);
    h.rank = pr.rank;
    h.score = pr.score;
    h.lon = pr.lon;
    h.lat = pr.lat;
    if ((!std::isfinite(h.lon) || !std::isfinite(h.lat)) && pr.park >= 0 &&
        pr.park < static_cast<int>(inputs.parks.size())) {
      h.lon = inputs.parks[static_cast<std::size_t>(pr.park)].lon;
      h.lat = inputs.parks[static_cast<std::size_t>(pr.park)].lat;
    }
    double available = kNaN;
    if (pr.park >= 0 && pr.park < static_cast<int>(inputs.parks.size()))
      available = inputs.parks[static_cast<std::size_t>(pr.park)].value("available_ha");
    if (isMissing(available)) {
      h.capacityShare = std::numeric_limits<double>::infinity();
      if (p.host == "allocate")
        warn(feedback, inputs.parksLabel + " id=" + pr.id,
             "field 'available_ha' is missing: land capacity taken as unlimited in the allocation");
    } else {
      h.capacityShare = moved.landHa > 0 ? std::max(0.0, available) / moved.landHa
                                         : std::numeric_limits<double>::infinity();
    }
    result.hosts.push_back(h);
    scores.push_back(std::isfinite(pr.score) ? pr.score : 0.0);
    capacities.push_back(h.capacityShare);
  }

  if (p.host == "allocate") {
    const Allocation alloc = waterFill(scores, capacities, p.beta);
    for (std::size_t i = 0; i < result.hosts.size(); ++i) result.hosts[i].share = alloc.shares[i];
    result.unallocatedShare = alloc.unallocated;
    if (alloc.unallocated > 1e-9)
      warn(feedback, "effects.host",
           "the land of the top " + std::to_string(result.hosts.size()) + " parks carries only " +
               fmt(100 * (1 - alloc.unallocated)) + " % of the moved capacity; the rest stays at the source");
    result.hosts.erase(std::remove_if(result.hosts.begin(), result.hosts.end(),
                                      [](const HostEffect& h) { return h.share <= 0; }),
                       result.hosts.end());
  } else {
    result.hosts.front().share = 1.0;
    if (result.hosts.front().capacityShare < 1.0)
      warn(feedback, inputs.parksLabel + " id=" + result.hosts.front().parkId,
           "available land carries " + fmt(100 * result.hosts.front().capacityShare) +
               " % of the moved segments' land need (" + fmt(moved.landHa) + " ha)");
  }
  if (result.hosts.empty()) throw InputError("effects.host: no host park received any capacity");

  // ---- accounts ----
  const std::size_t nSeg = scenario.cluster.segments.size();
  std::map<int, SectorAccounts> before, after;
  std::map<int, SegmentPresence> presentBefore, presentAfter;
  auto touch = [&](int region) {
    if (before.count(region)) return;
    before[region] = accountsOf(inputs.regions[static_cast<std::size_t>(region)], inputs.regionsLabel);
    after[region] = before[region];
    SegmentPresence none{std::vector<double>(nSeg, 0.0), std::vector<double>(nSeg, 0.0)};
    presentBefore[region] = none;
    presentAfter[region] = none;
  };
  touch(source);
  for (std::size_t k = 0; k < nSeg; ++k) {
    const Segment& s = scenario.cluster.segments[k];
    presentBefore[source].output[k] = s.outputShare * scenario.cluster.outputYuan100m;
    presentBefore[source].va[k] = s.vaRate * s.outputShare * scenario.cluster.outputYuan100m;
  }
  presentAfter[source] = presentBefore[source];

  double allocated = 0;
  for (const HostEffect& h : result.hosts) allocated += h.share;
  const DirectEffect leaving = directEffect(moved, allocated);
  after[source] =
      sourceAfter(before[source], leaving, moved.sourceLoses, p.rho, p.mu, p.reemploymentProductivity);
  if (moved.sourceLoses) {
    for (int k : moved.segments) {
      presentAfter[source].output[static_cast<std::size_t>(k)] *= (1 - allocated);
      presentAfter[source].va[static_cast<std::size_t>(k)] *= (1 - allocated);
    }
  }
  checkAccounts(after[source], sourceRegion, inputs.regionsLabel);

  const double phi = p.phi.of(scenario.mode);
  for (HostEffect& h : result.hosts) {
    feedback.checkCanceled();
    touch(h.region);
    h.direct = directEffect(moved, h.share);
    h.distanceKm = (std::isfinite(h.lon) && std::isfinite(h.lat))
                       ? geodesicKm(result.sourceLon, result.sourceLat, h.lon, h.lat)
                       : 0.0;
    h.multipliers = hostMultipliers(inputs, h.region, scenario.cluster.industry, p.flqDelta, feedback,
                                    h.direct.outputYuan100m);
    for (std::size_t s = 0; s < 3; ++s) {
      h.indirectOutputYuan100m += h.multipliers.indirectOutput[s] * h.direct.outputYuan100m;
      h.indirectVaYuan100m += h.multipliers.indirectVa[s] * h.direct.outputYuan100m;
      h.indirectJobs += h.multipliers.indirectJobs[s] * h.direct.outputYuan100m * 1e4;
    }
    h.absorptive = absorptiveCapacity(before[h.region], before[source]);
    h.knowledgeFlowYuan100m =
        knowledgeFlow(phi, scenario.cluster.rdYuan100m * h.share, h.absorptive, h.distanceKm, p.decayKm);
    after[h.region] = hostAfter(after[h.region], h.direct, h.multipliers, p.theta, h.knowledgeFlowYuan100m);
    for (int k : moved.segments) {
      const Segment& s = scenario.cluster.segments[static_cast<std::size_t>(k)];
      const double x = moved.scale * h.share * s.outputShare * scenario.cluster.outputYuan100m;
      presentAfter[h.region].output[static_cast<std::size_t>(k)] += x;
      presentAfter[h.region].va[static_cast<std::size_t>(k)] += s.vaRate * x;
    }
    if (h.region == source)
      warn(feedback, "effects.host",
           "host park '" + h.parkId + "' lies in the source region; its effects net out there");
  }

  // ---- indicators, U ----
  std::vector<int> regionOrder{source};
  for (const HostEffect& h : result.hosts)
    if (std::find(regionOrder.begin(), regionOrder.end(), h.region) == regionOrder.end())
      regionOrder.push_back(h.region);
  for (int r : regionOrder) {
    const Region& region = inputs.regions[static_cast<std::size_t>(r)];
    RegionEffect e;
    e.region = r;
    e.regionId = region.id;
    e.regionName = region.name;
    e.regionNameZh = region.nameZh;
    bool isHost = false;
    for (const HostEffect& h : result.hosts) isHost = isHost || h.region == r;
    e.role = r == source ? (isHost ? "source+host" : "source") : "host";
    e.accountsBefore = before[r];
    e.accountsAfter = after[r];
    checkAccounts(after[r], region, inputs.regionsLabel);
    e.before = indicatorsOf(before[r], presentBefore[r].vaRate());
    e.after = indicatorsOf(after[r], presentAfter[r].vaRate());
    e.upgrading = upgradingIndex(e.before, e.after, p, &e.uParts);
    result.regions.push_back(e);
  }
  const RegionEffect& src = result.regions.front();
  for (std::size_t i = 1; i < result.regions.size(); ++i) {
    Coupling c = couplingCoordination(src.upgrading, result.regions[i].upgrading, p.couplingA, p.couplingB);
    c.sourceId = src.regionId;
    c.hostId = result.regions[i].regionId;
    result.coupling.push_back(c);
  }
  if (result.regions.size() == 1) {  // host in the source region
    Coupling c = couplingCoordination(src.upgrading, src.upgrading, p.couplingA, p.couplingB);
    c.sourceId = c.hostId = src.regionId;
    result.coupling.push_back(c);
  }
  // Replication leaves the source as it was (U_source = 0 by construction), so D = 0 says
  // nothing about joint upgrading: its class is "not applicable" (index -1), not 极度失调.
  if (scenario.mode == TransferMode::Replication)
    for (Coupling& c : result.coupling) c.cls = notApplicableCouplingClass();

  // ---- time path ----
  result.ramp = logisticRamp(p.horizonYears, p.midpointYear, p.steepness);
  for (std::size_t t = 0; t < result.ramp.size(); ++t) {
    const double r = result.ramp[t];
    std::map<std::string, double> uAt;
    for (const RegionEffect& e : result.regions) {
      const SectorAccounts acc = interpolate(before[e.region], after[e.region], r);
      const RegionIndicators ind =
          indicatorsOf(acc, interpolate(presentBefore[e.region], presentAfter[e.region], r).vaRate());
      for (const std::string& name : effectIndicators())
        result.timeline.push_back(TimelineRow{static_cast<int>(t), r, e.regionId, name, ind.get(name)});
      const double u = upgradingIndex(e.before, ind, p);
      uAt[e.regionId] = u;
      result.timeline.push_back(TimelineRow{static_cast<int>(t), r, e.regionId, "u", u});
    }
    for (const Coupling& c : result.coupling) {
      const Coupling ct = couplingCoordination(uAt[c.sourceId], uAt[c.hostId], p.couplingA, p.couplingB);
      result.timeline.push_back(TimelineRow{static_cast<int>(t), r, c.hostId, "coupling_d", ct.d});
    }
  }
  return result;
}

void attachEffects(Results& results, const Scenario& scenario, const Inputs& inputs, Feedback& feedback) {
  EffectsResult effects = projectEffects(scenario, inputs, results, feedback);
  for (const HostEffect& h : effects.hosts) {
    Flow* flow = nullptr;
    for (Flow& f : results.flows)
      if (f.parkId == h.parkId) flow = &f;
    if (!flow) {
      Flow f = detail::flowTo(results, h.park, effects.sourceLon, effects.sourceLat);
      results.flows.push_back(f);
      flow = &results.flows.back();
    }
    flow->movedOutputYuan100m = h.direct.outputYuan100m;
    flow->movedVaYuan100m = h.direct.vaYuan100m;
    flow->movedJobs = h.direct.jobs;
    flow->knowledgeFlowYuan100m = h.knowledgeFlowYuan100m;
  }
  results.effects = std::move(effects);
}

}  // namespace clustershift
