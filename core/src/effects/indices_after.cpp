// Indicators of a region state: the structure indices of indices.h (Gan, Zheng & Yu 2011)
// applied to the sector accounts, the productivity-weighted advancement H (刘伟, 张辉 &
// 黄泽华 2008), secondary-sector VA per worker, R&D intensity, GDP and jobs.
#include <cmath>

#include "clustershift/effects.h"
#include "clustershift/indices.h"

namespace clustershift {

double RegionIndicators::get(const std::string& indicator) const {
  if (indicator == "ts") return ts;
  if (indicator == "isu") return isu;
  if (indicator == "theil") return theil;
  if (indicator == "h") return h;
  if (indicator == "lp2") return lp2;
  if (indicator == "va_rate") return vaRate;
  if (indicator == "rd_intensity") return rdIntensity;
  if (indicator == "gdp") return gdp;
  if (indicator == "jobs") return jobs;
  throw InputError("unknown effects indicator '" + indicator + "'");
}

double advancementIndex(const SectorAccounts& accounts, const std::array<double, 3>& lpPreIndustrial,
                        const std::array<double, 3>& lpDeveloped) {
  const double y = accounts.production();
  if (!(y > 0)) return kNaN;
  // H = Σ_s (Y_s/Y)·LP_s^N, LP_s^N = (LP_s − LP_b,s)/(LP_f,s − LP_b,s): the VA share of each
  // sector weighted by how far its labour productivity has come from a pre-industrial to a
  // developed benchmark (刘伟, 张辉 & 黄泽华 2008, 经济学动态 2008(11)). Units: 亿元 / 10k persons
  // = 万元 per person.
  double h = 0;
  for (std::size_t s = 0; s < 3; ++s) {
    if (accounts.y[s] <= 0) continue;
    const double lp = accounts.l[s] > 0 ? accounts.y[s] / accounts.l[s] : lpDeveloped[s];
    h += accounts.y[s] / y * (lp - lpPreIndustrial[s]) / (lpDeveloped[s] - lpPreIndustrial[s]);
  }
  return h;
}

RegionIndicators indicatorsOf(const SectorAccounts& input, double vaRate, const EffectsParams& params) {
  // Rounding leftovers of a sector drained to nothing are zero, not negative accounts
  // (settleResidues); real negatives reach structureIndices, which rejects them.
  SectorAccounts accounts = input;
  settleResidues(accounts);
  RegionIndicators r;
  const StructureIndices s = structureIndices(accounts.y, accounts.l);
  r.ts = s.ts;
  r.isu = s.isu;
  r.theil = s.theil;
  r.h = advancementIndex(accounts, params.lpPreIndustrial, params.lpDeveloped);
  r.lp2 = accounts.l[1] > 0 ? accounts.y[1] / accounts.l[1] : kNaN;
  r.vaRate = vaRate;
  r.gdp = accounts.gdp();
  r.jobs = accounts.jobs();
  r.rdIntensity = r.gdp > 0 ? accounts.rd / r.gdp : kNaN;
  return r;
}

}  // namespace clustershift
