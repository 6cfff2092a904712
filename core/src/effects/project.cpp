// The effects projection: host choice/allocation → moved set → direct, indirect and
// knowledge effects → sector accounts of source and hosts → indicators before/after →
// signed mechanisms, U and coupling coordination → yearly time path → Monte Carlo over the
// effect parameters.
#include <algorithm>
#include <map>
#include <cmath>
#include <limits>
#include <random>
#include <set>

#include "clustershift/effects.h"
#include "clustershift/geo.h"
#include "clustershift/results.h"
#include "clustershift/util.h"
#include "pipeline/flow.h"

namespace clustershift {
namespace {

void warn(Feedback& feedback, const std::string& where, const std::string& message, std::string code,
          std::map<std::string, std::string> values = {}) {
  feedback.warn(codedProblem(Severity::Warning, where, message, "", std::move(code), std::move(values)));
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
  out.sharedVa = a.sharedVa + r * (b.sharedVa - a.sharedVa);
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
    if (a.y[s] < 0 || a.l[s] < 0)
      throw InputError(label + " id=" + region.id +
                       ": the transfer removes more than the region has in sector " + std::to_string(s + 1) +
                       " (" + kY[s] + " after " + util::formatFixed(a.y[s], 2) + " 亿元, " + kL[s] +
                       " after " + util::formatFixed(a.l[s], 3) +
                       " 10k persons); check the cluster size against the region");
  }
  if (a.rd < 0)
    throw InputError(label + " id=" + region.id + ": field 'rd' (" +
                     util::formatFixed(region.value("rd"), 2) +
                     ") is smaller than the cluster R&D that leaves the region");
}

/// What stays fixed across the Monte Carlo draws: source, hosts and their shares, accounts
/// before, the FLQ's national sizes.
struct Setup {
  const Scenario* scenario = nullptr;
  const Inputs* inputs = nullptr;
  int source = -1;
  std::vector<HostEffect> hosts;  ///< share, distance, region filled
  double allocated = 0;
  std::vector<int> regionOrder;  ///< source first, then distinct host regions
  std::map<int, SectorAccounts> before;
  std::vector<double> nationalSizes;
};

/// One projection of the accounts under a parameter set.
struct Projection {
  MovedSet moved;
  std::vector<HostEffect> hosts;
  SourceEffect source;
  std::map<int, SectorAccounts> after;
  std::map<int, SegmentPresence> presentBefore, presentAfter;
};

Projection projectOnce(const Setup& setup, const EffectsParams& p, Feedback& feedback) {
  const Scenario& scenario = *setup.scenario;
  const Inputs& inputs = *setup.inputs;
  const int source = setup.source;
  Projection out;
  out.moved = movedSet(scenario.cluster, scenario.mode, scenario.movedSegments, p.lambda);
  const MovedSet& moved = out.moved;
  out.hosts = setup.hosts;
  out.after = setup.before;

  const std::size_t nSeg = scenario.cluster.segments.size();
  const SegmentPresence none{std::vector<double>(nSeg, 0.0), std::vector<double>(nSeg, 0.0)};
  for (const auto& [region, acc] : setup.before) {
    out.presentBefore[region] = none;
    out.presentAfter[region] = none;
  }
  for (std::size_t k = 0; k < nSeg; ++k) {
    const Segment& s = scenario.cluster.segments[k];
    out.presentBefore[source].output[k] = s.outputShare * scenario.cluster.outputYuan100m;
    out.presentBefore[source].va[k] = s.vaRate * s.outputShare * scenario.cluster.outputYuan100m;
  }
  out.presentAfter[source] = out.presentBefore[source];

  const SectorAccounts& sourceBefore = setup.before.at(source);
  const double clusterRd = scenario.cluster.rdYuan100m;
  // Knowledge that can flow from the source: the cluster R&D that stays there (conservation);
  // in replication all of it plus the hub's growth.
  const double hubGrowth = moved.sourceLoses ? 0.0 : p.hubGrowth * moved.scale;
  const double hubRd = hubGrowth * clusterRd * moved.hubRdShare;
  const double rdStaying =
      moved.sourceLoses ? std::max(0.0, clusterRd - moved.rdYuan100m * setup.allocated) : clusterRd + hubRd;
  const double movedLp = moved.jobs > 0 ? moved.vaYuan100m / (moved.jobs / 1e4) : kNaN;  // 万元/person

  SourceChange change;
  change.sourceLoses = moved.sourceLoses;
  change.leaving = directEffect(moved, setup.allocated);
  if (moved.sourceLoses) {
    change.multipliers = regionMultipliers(inputs, source, scenario.cluster.industry, p.flqDelta, feedback, 0,
                                           &setup.nationalSizes);
    for (int k : moved.segments) {
      out.presentAfter[source].output[static_cast<std::size_t>(k)] *= (1 - setup.allocated);
      out.presentAfter[source].va[static_cast<std::size_t>(k)] *= (1 - setup.allocated);
    }
  } else {
    change.hubVaYuan100m = hubGrowth * moved.hubVaPerScale;
    change.hubJobs = hubGrowth * moved.hubJobsPerScale;
    change.hubRdYuan100m = hubRd;
    for (std::size_t k = 0; k < nSeg; ++k) {
      if (std::find(moved.segments.begin(), moved.segments.end(), static_cast<int>(k)) != moved.segments.end())
        continue;
      out.presentAfter[source].output[k] *= 1 + hubGrowth;
      out.presentAfter[source].va[k] *= 1 + hubGrowth;
    }
  }

  for (HostEffect& h : out.hosts) {
    const SectorAccounts& hostBefore = setup.before.at(h.region);
    h.direct = directEffect(moved, h.share);
    h.multipliers = regionMultipliers(inputs, h.region, scenario.cluster.industry, p.flqDelta, feedback,
                                      h.direct.outputYuan100m, &setup.nationalSizes);
    h.indirectOutputYuan100m = h.indirectVaYuan100m = h.indirectJobs = 0;
    for (std::size_t s = 0; s < 3; ++s) {
      h.indirectOutputYuan100m += h.multipliers.indirectOutput[s] * h.direct.outputYuan100m;
      h.indirectVaYuan100m += h.multipliers.indirectVa[s] * h.direct.outputYuan100m;
      h.indirectJobs += h.multipliers.indirectJobs[s] * h.direct.outputYuan100m * 1e4;
    }
    h.absorptive = absorptiveCapacity(hostBefore, sourceBefore);
    h.knowledgeFlowYuan100m =
        knowledgeFlow(p.phi.of(scenario.mode), rdStaying * h.share, h.absorptive, h.distanceKm, p.decayKm);
    // Reverse flow: the host plant's R&D feeds problems and process knowledge back; the
    // source's absorptive capacity is the inverse ratio of R&D intensities.
    const double sourceAbsorptive = h.absorptive > 0 ? 1.0 / h.absorptive : 1.0;
    h.reverseFlowYuan100m = knowledgeFlow(p.phiReverse.of(scenario.mode), h.direct.rdYuan100m, sourceAbsorptive,
                                          h.distanceKm, p.decayKm);
    // Catch-up: local firms gain in proportion to the productivity gap to the moved
    // segments (Findlay 1978); a host more productive than the cluster gains nothing.
    const double hostLp2 = hostBefore.l[1] > 0 ? hostBefore.y[1] / hostBefore.l[1] : 0.0;
    const double gap = std::isfinite(movedLp) && movedLp > 0 ? std::max(0.0, 1.0 - hostLp2 / movedLp) : 0.0;
    h.spilloverVaYuan100m = p.spilloverReturn * h.knowledgeFlowYuan100m * gap;
    if (!moved.sourceLoses) {
      h.sharedVaYuan100m = p.tau * h.direct.vaYuan100m;
      h.sharedTaxYuan100m = p.tau * p.taxRate * h.direct.vaYuan100m;
    }
    HostInflow inflow{h.direct, h.multipliers, h.knowledgeFlowYuan100m, h.spilloverVaYuan100m,
                      h.sharedVaYuan100m};
    double drawn = 0;
    out.after[h.region] = hostAfter(out.after[h.region], inflow, p.theta, p.agricultureBenchmark, &drawn);
    h.drawnFromAgriculture = drawn * 1e4;
    for (int k : moved.segments) {
      const Segment& s = scenario.cluster.segments[static_cast<std::size_t>(k)];
      const double x = moved.scale * h.share * s.outputShare * scenario.cluster.outputYuan100m;
      out.presentAfter[h.region].output[static_cast<std::size_t>(k)] += x;
      out.presentAfter[h.region].va[static_cast<std::size_t>(k)] += s.vaRate * x;
    }
    change.reverseFlowYuan100m += h.reverseFlowYuan100m;
    change.sharedVaYuan100m += h.sharedVaYuan100m;
    out.source.sharedTaxYuan100m += h.sharedTaxYuan100m;
  }

  // The source after: its own change first, then (host in the source region) the host's on top.
  const SectorAccounts sourceAfterAccounts = sourceAfter(sourceBefore, change, p);
  const SectorAccounts hostPartAtSource = out.after[source];  // == before unless a host is there
  out.after[source] = sourceAfterAccounts;
  for (std::size_t s = 0; s < 3; ++s) {
    out.after[source].y[s] += hostPartAtSource.y[s] - sourceBefore.y[s];
    out.after[source].l[s] += hostPartAtSource.l[s] - sourceBefore.l[s];
  }
  out.after[source].rd += hostPartAtSource.rd - sourceBefore.rd;
  out.after[source].sharedVa += hostPartAtSource.sharedVa - sourceBefore.sharedVa;
  // Residues of subtractions that cancel are zero; real negatives stay for checkAccounts.
  for (auto& entry : out.after) settleResidues(entry.second);

  SourceEffect& se = out.source;
  se.multipliers = change.multipliers;
  se.reverseFlowYuan100m = change.reverseFlowYuan100m;
  se.sharedVaYuan100m = change.sharedVaYuan100m;
  se.hubVaYuan100m = change.hubVaYuan100m;
  se.hubJobs = change.hubJobs;
  if (moved.sourceLoses) {
    const double movedJobs = change.leaving.jobs;
    if (change.multipliers.available)
      for (std::size_t s = 0; s < 3; ++s) {
        se.supplierVaLossYuan100m += change.multipliers.indirectVa[s] * change.leaving.outputYuan100m;
        se.supplierJobsLoss += change.multipliers.indirectJobs[s] * change.leaving.outputYuan100m * 1e4;
      }
    se.reusedJobs = p.reuse * movedJobs;
    se.reemployedJobs = p.rho * std::max(0.0, movedJobs + se.supplierJobsLoss - se.reusedJobs);
  }
  return out;
}

RegionEffect regionEffectOf(const Setup& setup, const Projection& pr, int r, const EffectsParams& p) {
  const Region& region = setup.inputs->regions[static_cast<std::size_t>(r)];
  RegionEffect e;
  e.region = r;
  e.regionId = region.id;
  e.regionName = region.name;
  e.regionNameZh = region.nameZh;
  bool isHost = false;
  for (const HostEffect& h : pr.hosts) isHost = isHost || h.region == r;
  e.role = r == setup.source ? (isHost ? "source+host" : "source") : "host";
  e.accountsBefore = setup.before.at(r);
  e.accountsAfter = pr.after.at(r);
  e.before = indicatorsOf(e.accountsBefore, pr.presentBefore.at(r).vaRate(), p);
  e.after = indicatorsOf(e.accountsAfter, pr.presentAfter.at(r).vaRate(), p);
  e.mechanisms = mechanismsOf(e.before, e.after);
  e.upgradingSigned = signedUpgrading(e.mechanisms, p);
  e.upgrading = couplingScale(e.upgradingSigned);
  return e;
}

std::vector<Coupling> couplingsOf(const std::vector<RegionEffect>& regions, const EffectsParams& p) {
  std::vector<Coupling> out;
  const RegionEffect& src = regions.front();
  for (std::size_t i = 1; i < regions.size(); ++i) {
    Coupling c = couplingCoordination(src.upgrading, regions[i].upgrading, p.couplingA, p.couplingB);
    c.sourceId = src.regionId;
    c.hostId = regions[i].regionId;
    out.push_back(c);
  }
  if (regions.size() == 1) {  // host in the source region
    Coupling c = couplingCoordination(src.upgrading, src.upgrading, p.couplingA, p.couplingB);
    c.sourceId = c.hostId = src.regionId;
    out.push_back(c);
  }
  return out;
}

/// One parameter set drawn around the chosen one (docs/model.md "Uncertainty of the effects").
EffectsParams drawParams(const EffectsParams& base, std::mt19937_64& rng) {
  const double s = base.uncertainty.spread;
  std::uniform_real_distribution<double> u(1.0 - s, 1.0 + s);
  auto share = [&](double v) { return std::clamp(v * u(rng), 0.0, 1.0); };
  auto positive = [&](double v) { return std::max(0.0, v * u(rng)); };
  EffectsParams p = base;
  p.theta = share(base.theta);
  p.rho = share(base.rho);
  p.reemploymentProductivity = share(base.reemploymentProductivity);
  p.reuse = share(base.reuse);
  p.mu = share(base.mu);
  for (PhiByMode* phi : {&p.phi, &p.phiReverse}) {
    phi->complete = share(phi->complete);
    phi->partial = share(phi->partial);
    phi->replication = share(phi->replication);
  }
  p.decayKm = std::max(1.0, positive(base.decayKm));
  p.spilloverReturn = positive(base.spilloverReturn);
  p.hubGrowth = positive(base.hubGrowth);
  p.tau = share(base.tau);
  p.flqDelta = std::clamp(base.flqDelta * u(rng), 0.0, 0.99);
  std::uniform_real_distribution<double> ul(1.0 - base.uncertainty.lambdaSpread, 1.0 + base.uncertainty.lambdaSpread);
  p.lambda = std::clamp(base.lambda * ul(rng), 1e-6, 1.0);
  return p;
}

void monteCarlo(EffectsResult& result, const Setup& setup, Feedback& feedback) {
  const EffectsParams& base = result.params;
  const int n = base.uncertainty.draws;
  if (n <= 0) return;
  std::mt19937_64 rng(base.uncertainty.seed);
  const std::size_t nRegions = result.regions.size();
  std::vector<std::vector<double>> m(nRegions * 4);  // vc, inn, str, u per region
  std::vector<std::vector<double>> d(result.coupling.size()), cc(result.coupling.size()), tt(result.coupling.size());
  std::vector<std::array<double, 10>> classes(result.coupling.size());
  Feedback quiet;  // the draws repeat the central run's warnings
  for (int draw = 0; draw < n; ++draw) {
    if (draw % 64 == 0) feedback.checkCanceled();
    const EffectsParams p = drawParams(base, rng);
    const Projection pr = projectOnce(setup, p, quiet);
    std::vector<RegionEffect> regions;
    for (int r : setup.regionOrder) regions.push_back(regionEffectOf(setup, pr, r, p));
    for (std::size_t i = 0; i < nRegions; ++i) {
      m[4 * i].push_back(regions[i].mechanisms.vc);
      m[4 * i + 1].push_back(regions[i].mechanisms.inn);
      m[4 * i + 2].push_back(regions[i].mechanisms.str);
      m[4 * i + 3].push_back(regions[i].upgrading);
    }
    const std::vector<Coupling> cs = couplingsOf(regions, p);
    for (std::size_t c = 0; c < cs.size() && c < d.size(); ++c) {
      d[c].push_back(cs[c].d);
      cc[c].push_back(cs[c].c);
      tt[c].push_back(cs[c].t);
      classes[c][static_cast<std::size_t>(cs[c].cls.index)] += 1.0;
    }
  }
  static const char* const kKeys[4] = {"vc", "inn", "str", "u"};
  for (std::size_t i = 0; i < nRegions; ++i)
    for (std::size_t k = 0; k < 4; ++k)
      result.regions[i].intervals[kKeys[k]] = Interval{util::nearestRankQuantile(m[4 * i + k], 0.05),
                                                       util::nearestRankQuantile(m[4 * i + k], 0.95)};
  result.couplingUncertainty.resize(result.coupling.size());
  for (std::size_t c = 0; c < result.coupling.size(); ++c) {
    result.couplingUncertainty[c].d =
        Interval{util::nearestRankQuantile(d[c], 0.05), util::nearestRankQuantile(d[c], 0.95)};
    result.couplingUncertainty[c].c =
        Interval{util::nearestRankQuantile(cc[c], 0.05), util::nearestRankQuantile(cc[c], 0.95)};
    result.couplingUncertainty[c].t =
        Interval{util::nearestRankQuantile(tt[c], 0.05), util::nearestRankQuantile(tt[c], 0.95)};
    for (std::size_t k = 0; k < 10; ++k) result.couplingUncertainty[c].pClass[k] = classes[c][k] / n;
  }
  result.draws = n;
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

  // The central moved set decides the land need of the host choice.
  const MovedSet central = movedSet(scenario.cluster, scenario.mode, scenario.movedSegments, p.lambda);

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
      throw InputError("effects.host: no feasible host park (every park is excluded or outside the regions)",
                       "no_feasible_host", {{"where", "effects.host"}});
  } else {
    for (std::size_t i = 0; i < ranking.parks.size(); ++i)
      if (ranking.parks[i].id == p.host) chosen.push_back(static_cast<int>(i));
    if (chosen.empty())
      throw InputError("effects.host: unknown park '" + p.host + "'", "unknown_host_park",
                       {{"where", "effects.host"}, {"id", p.host}});
    const ParkResult& pr = ranking.parks[static_cast<std::size_t>(chosen.front())];
    if (pr.regionId.empty())
      throw InputError("effects.host: park '" + p.host + "' lies outside every region",
                       "host_park_outside_regions", {{"where", "effects.host"}, {"id", p.host}});
    if (pr.status != "ok")
      warn(feedback, "effects.host",
           "park '" + p.host + "' is excluded (" + pr.reason + "); effects projected anyway",
           "host_park_excluded", {{"id", p.host}, {"reason", pr.reason}});
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
             "field 'available_ha' is missing: land capacity taken as unlimited in the allocation",
             "capacity_unlimited", {{"column", "available_ha"}});
    } else {
      h.capacityShare = central.landHa > 0 ? std::max(0.0, available) / central.landHa
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
               util::formatFixed(100 * (1 - alloc.unallocated), 1) +
               " % of the moved capacity; the rest stays at the source",
           "land_carries_share",
           {{"count", std::to_string(result.hosts.size())},
            {"percent", util::formatFixed(100 * (1 - alloc.unallocated), 1)}});
    result.hosts.erase(std::remove_if(result.hosts.begin(), result.hosts.end(),
                                      [](const HostEffect& h) { return h.share <= 0; }),
                       result.hosts.end());
  } else {
    result.hosts.front().share = 1.0;
    if (result.hosts.front().capacityShare < 1.0)
      warn(feedback, inputs.parksLabel + " id=" + result.hosts.front().parkId,
           "available land carries " + util::formatFixed(100 * result.hosts.front().capacityShare, 1) +
               " % of the moved segments' land need (" + util::formatFixed(central.landHa, 1) + " ha)",
           "available_land_share",
           {{"percent", util::formatFixed(100 * result.hosts.front().capacityShare, 1)},
            {"land_ha", util::formatFixed(central.landHa, 1)}});
  }
  if (result.hosts.empty())
    throw InputError("effects.host: no host park received any capacity", "no_host_capacity",
                     {{"where", "effects.host"}});

  Setup setup;
  setup.scenario = &scenario;
  setup.inputs = &inputs;
  setup.source = source;
  for (HostEffect& h : result.hosts) {
    h.distanceKm = (std::isfinite(h.lon) && std::isfinite(h.lat))
                       ? geodesicKm(result.sourceLon, result.sourceLat, h.lon, h.lat)
                       : 0.0;
    setup.allocated += h.share;
    if (h.region == source)
      warn(feedback, "effects.host",
           "host park '" + h.parkId + "' lies in the source region; its effects net out there",
           "host_in_source_region", {{"id", h.parkId}});
  }
  setup.hosts = result.hosts;
  setup.regionOrder = {source};
  for (const HostEffect& h : result.hosts)
    if (std::find(setup.regionOrder.begin(), setup.regionOrder.end(), h.region) == setup.regionOrder.end())
      setup.regionOrder.push_back(h.region);
  for (int r : setup.regionOrder)
    setup.before[r] = accountsOf(inputs.regions[static_cast<std::size_t>(r)], inputs.regionsLabel);
  setup.nationalSizes = ioSectorSizes(inputs, -1);

  // ---- the central projection ----
  const Projection pr = projectOnce(setup, p, feedback);
  result.moved = pr.moved;
  result.hosts = pr.hosts;
  result.source = pr.source;
  for (int r : setup.regionOrder) {
    checkAccounts(pr.after.at(r), inputs.regions[static_cast<std::size_t>(r)], inputs.regionsLabel);
    result.regions.push_back(regionEffectOf(setup, pr, r, p));
  }
  result.coupling = couplingsOf(result.regions, p);

  // ---- time path ----
  result.ramp = logisticRamp(p.horizonYears, p.midpointYear, p.steepness);
  for (std::size_t t = 0; t < result.ramp.size(); ++t) {
    const double r = result.ramp[t];
    std::map<std::string, double> uAt;
    for (const RegionEffect& e : result.regions) {
      const SectorAccounts acc = interpolate(e.accountsBefore, e.accountsAfter, r);
      const RegionIndicators ind = indicatorsOf(
          acc, interpolate(pr.presentBefore.at(e.region), pr.presentAfter.at(e.region), r).vaRate(), p);
      for (const std::string& name : effectIndicators())
        result.timeline.push_back(TimelineRow{static_cast<int>(t), r, e.regionId, name, ind.get(name)});
      const Mechanisms m = mechanismsOf(e.before, ind);
      for (const std::string& name : mechanismNames())
        result.timeline.push_back(TimelineRow{static_cast<int>(t), r, e.regionId, name, m.get(name)});
      const double u = couplingScale(signedUpgrading(m, p));
      uAt[e.regionId] = u;
      result.timeline.push_back(TimelineRow{static_cast<int>(t), r, e.regionId, "u", u});
    }
    for (const Coupling& c : result.coupling) {
      const Coupling ct = couplingCoordination(uAt[c.sourceId], uAt[c.hostId], p.couplingA, p.couplingB);
      result.timeline.push_back(TimelineRow{static_cast<int>(t), r, c.hostId, "coupling_d", ct.d});
    }
  }

  // ---- uncertainty of the effects ----
  monteCarlo(result, setup, feedback);
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
