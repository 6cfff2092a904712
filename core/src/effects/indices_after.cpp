// Indicators of a region state: the structure indices of indices.h (Gan, Zheng & Yu 2011)
// applied to the sector accounts, plus R&D intensity, GDP and jobs.
#include "clustershift/effects.h"
#include "clustershift/indices.h"

namespace clustershift {

double RegionIndicators::get(const std::string& indicator) const {
  if (indicator == "ts") return ts;
  if (indicator == "isu") return isu;
  if (indicator == "theil") return theil;
  if (indicator == "va_rate") return vaRate;
  if (indicator == "rd_intensity") return rdIntensity;
  if (indicator == "gdp") return gdp;
  if (indicator == "jobs") return jobs;
  throw InputError("unknown effects indicator '" + indicator + "'");
}

RegionIndicators indicatorsOf(const SectorAccounts& accounts, double vaRate) {
  RegionIndicators r;
  const StructureIndices s = structureIndices(accounts.y, accounts.l);
  r.ts = s.ts;
  r.isu = s.isu;
  r.theil = s.theil;
  r.vaRate = vaRate;
  r.gdp = accounts.gdp();
  r.jobs = accounts.jobs();
  r.rdIntensity = r.gdp > 0 ? accounts.rd / r.gdp : kNaN;
  return r;
}

}  // namespace clustershift
