// Sector and labour accounts of the source and host regions before and after a transfer
// (docs/model.md "Transfer effects", labour and sector accounts).
#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

namespace {
constexpr double kPersonsPer10k = 1e4;  // cluster jobs are persons, regional L in 10k persons
}

SectorAccounts accountsOf(const Region& region, const std::string& label) {
  SectorAccounts a;
  auto read = [&](const std::string& column) {
    const double v = region.value(column);
    if (isMissing(v) || v < 0) {
      std::ostringstream s;
      s << label << " id=" << region.id << ": field '" << column << "' "
        << (isMissing(v) ? std::string("is missing (NULL)") : "is negative (" + std::to_string(v) + ")")
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

SectorAccounts hostAfter(const SectorAccounts& before, const DirectEffect& direct,
                         const IoMultipliers& multipliers, double theta, double knowledgeFlowYuan100m) {
  SectorAccounts after = before;
  std::array<double, 3> dy{}, dl{};
  // Direct: the moved segments are manufacturing (secondary sector).
  dy[1] += direct.vaYuan100m;
  dl[1] += direct.jobs / kPersonsPer10k;
  // Indirect: the regionalised type-I Leontief effects by broad sector.
  if (multipliers.available) {
    for (std::size_t s = 0; s < 3; ++s) {
      dy[s] += multipliers.indirectVa[s] * direct.outputYuan100m;
      dl[s] += multipliers.indirectJobs[s] * direct.outputYuan100m;
    }
  }
  for (std::size_t s = 0; s < 3; ++s) {
    after.y[s] += dy[s];
    after.l[s] += dl[s];
  }
  // θ of all new jobs are filled from agriculture; the workers take their (average)
  // agricultural value added with them. The rest come from outside the region's labour
  // accounts (migrants, unemployed). Capped at the agricultural labour force.
  const double newJobs = dl[0] + dl[1] + dl[2];
  const double drawn = std::min(theta * newJobs, after.l[0]);
  if (drawn > 0 && before.l[0] > 0) {
    after.y[0] -= drawn * before.y[0] / before.l[0];
    after.l[0] -= drawn;
  }
  after.rd += direct.rdYuan100m + knowledgeFlowYuan100m;
  return after;
}

SectorAccounts sourceAfter(const SectorAccounts& before, const DirectEffect& moved, bool sourceLoses,
                           double rho, double mu, double productivityFactor) {
  SectorAccounts after = before;
  if (!sourceLoses) return after;  // replication: the source keeps everything
  const double freedJobs = moved.jobs / kPersonsPer10k;
  after.y[1] -= moved.vaYuan100m;
  after.l[1] -= freedJobs;
  // ρ of the freed workers find service jobs at π times the services' average productivity
  // Y3/L3: low-skilled manufacturing workers enter low-end services, not finance.
  const double reemployed = rho * freedJobs;
  if (before.l[2] > 0) after.y[2] += reemployed * productivityFactor * before.y[2] / before.l[2];
  after.l[2] += reemployed;
  // The cluster R&D attached to the moved segments leaves; μ of the freed VA is reinvested
  // in R&D and brand.
  after.rd += -moved.rdYuan100m + mu * moved.vaYuan100m;
  return after;
}

}  // namespace clustershift
