// Sector and labour accounts of the source and host regions before and after a transfer
// (docs/model.md "Transfer effects", sector and labour accounts).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/effects.h"
#include "clustershift/util.h"

namespace clustershift {

namespace {
constexpr double kPersonsPer10k = 1e4;  // cluster jobs are persons, regional L in 10k persons
}

void settleResidues(SectorAccounts& a) {
  double ys = 0, ls = 0;
  for (std::size_t s = 0; s < 3; ++s) {
    ys += std::fabs(a.y[s]);
    ls += std::fabs(a.l[s]);
  }
  for (std::size_t s = 0; s < 3; ++s) {
    if (a.y[s] < 0 && -a.y[s] <= kAccountResidue * ys) a.y[s] = 0;
    if (a.l[s] < 0 && -a.l[s] <= kAccountResidue * ls) a.l[s] = 0;
  }
  if (a.rd < 0 && -a.rd <= kAccountResidue * (ys + std::fabs(a.rd))) a.rd = 0;
}

SectorAccounts accountsOf(const Region& region, const std::string& label) {
  SectorAccounts a;
  auto read = [&](const std::string& column) {
    const double v = region.value(column);
    if (isMissing(v) || v < 0) {
      std::ostringstream s;
      s << label << " id=" << region.id << ": field '" << column << "' "
        << (isMissing(v) ? std::string("is missing (NULL)") : "is negative (" + util::formatNumber(v) + ")")
        << "; the effects need y1..y3, l1..l3 and rd";
      throw InputError(s.str());
    }
    return v;
  };
  for (std::size_t s = 0; s < 3; ++s) {
    a.y[s] = read("y" + std::to_string(s + 1));
    a.l[s] = read("l" + std::to_string(s + 1));
  }
  a.rd = read("rd");
  return a;
}

SectorAccounts hostAfter(const SectorAccounts& before, const HostInflow& inflow, double theta,
                         double agricultureBenchmark, double* drawnFromAgriculture) {
  SectorAccounts after = before;
  const DirectEffect& direct = inflow.direct;
  std::array<double, 3> dy{}, dl{};
  // Direct: the moved segments are manufacturing (secondary sector).
  dy[1] += direct.vaYuan100m;
  dl[1] += direct.jobs / kPersonsPer10k;
  // Indirect: the regionalised type-I Leontief effects by broad sector.
  if (inflow.multipliers.available) {
    for (std::size_t s = 0; s < 3; ++s) {
      dy[s] += inflow.multipliers.indirectVa[s] * direct.outputYuan100m;
      dl[s] += inflow.multipliers.indirectJobs[s] * direct.outputYuan100m;
    }
  }
  for (std::size_t s = 0; s < 3; ++s) {
    after.y[s] += dy[s];
    after.l[s] += dl[s];
  }
  // Surplus farm labour (Lewis 1954): the farm workers above the share s1* of a developed
  // economy. θ_h = θ·max(0, 1 − s1*/S1) of all new jobs are filled from it, at most the whole
  // surplus; they take their average agricultural VA with them (drawn ≤ L1, so Y1 never turns
  // negative). The other new workers come from outside the accounts (in-migration).
  const double newJobs = dl[0] + dl[1] + dl[2];
  double drawn = 0;
  const double jobs = before.jobs();
  if (before.l[0] > 0 && jobs > 0 && newJobs > 0) {
    const double s1 = before.l[0] / jobs;
    const double thetaH = theta * std::max(0.0, 1.0 - agricultureBenchmark / s1);
    const double surplus = std::max(0.0, before.l[0] - agricultureBenchmark * jobs);
    drawn = std::min(thetaH * newJobs, surplus);
    after.y[0] -= before.y[0] * drawn / before.l[0];
    after.l[0] -= drawn;
  }
  if (drawnFromAgriculture) *drawnFromAgriculture = drawn;
  // Spill-over: local firms produce more with the same workers; shared VA is credited away.
  after.y[1] += inflow.spilloverVaYuan100m;
  after.sharedVa -= inflow.sharedVaYuan100m;
  after.rd += direct.rdYuan100m + inflow.knowledgeFlowYuan100m;
  return after;
}

SectorAccounts sourceAfter(const SectorAccounts& before, const SourceChange& change, const EffectsParams& params) {
  SectorAccounts after = before;
  if (change.sourceLoses) {
    const DirectEffect& moved = change.leaving;
    const double movedJobs = moved.jobs / kPersonsPer10k;
    after.y[1] -= moved.vaYuan100m;
    after.l[1] -= movedJobs;
    // The source's suppliers lose the moved output's demand (its own type-I multipliers).
    double supplierJobs = 0;
    if (change.multipliers.available) {
      for (std::size_t s = 0; s < 3; ++s) {
        after.y[s] -= change.multipliers.indirectVa[s] * moved.outputYuan100m;
        const double j = change.multipliers.indirectJobs[s] * moved.outputYuan100m;
        after.l[s] -= j;
        supplierJobs += j;
      }
    }
    // 腾笼换鸟: κ of the freed cluster land is re-let to new firms at the source's average
    // manufacturing productivity, hiring freed workers.
    const double reused = params.reuse * movedJobs;
    if (before.l[1] > 0) after.y[1] += reused * before.y[1] / before.l[1];
    after.l[1] += reused;
    // ρ of the other freed workers find service jobs at π times the services' average
    // productivity Y3/L3: low-skilled manufacturing workers enter low-end services.
    const double reemployed = params.rho * std::max(0.0, movedJobs + supplierJobs - reused);
    if (before.l[2] > 0)
      after.y[2] += reemployed * params.reemploymentProductivity * before.y[2] / before.l[2];
    after.l[2] += reemployed;
    // The cluster R&D attached to the moved segments leaves; μ of the freed VA is reinvested.
    after.rd += -moved.rdYuan100m + params.mu * moved.vaYuan100m;
  } else {
    // Replication hub: R&D, design and brand grow to serve both plants.
    after.y[1] += change.hubVaYuan100m;
    after.l[1] += change.hubJobs / kPersonsPer10k;
    after.rd += change.hubRdYuan100m;
  }
  after.rd += change.reverseFlowYuan100m;
  after.sharedVa += change.sharedVaYuan100m;
  return after;
}

}  // namespace clustershift
