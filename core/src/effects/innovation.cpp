// Innovation: knowledge flows between the source and a host, in both directions.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

double absorptiveCapacity(const SectorAccounts& host, const SectorAccounts& source) {
  // Absorptive capacity (Cohen & Levinthal 1990, ASQ 35(1):128–152) proxied by the host's
  // R&D intensity relative to the source's (planning assumption). Not capped at 1: the
  // flow is bounded by conservation in knowledgeFlow instead.
  const double hostGdp = host.gdp();
  const double sourceGdp = source.gdp();
  if (hostGdp <= 0) return 0;
  const double hostIntensity = host.rd / hostGdp;
  if (sourceGdp <= 0 || source.rd <= 0) return hostIntensity > 0 ? 1.0 : 0.0;
  return std::max(0.0, hostIntensity / (source.rd / sourceGdp));
}

double knowledgeFlow(double phi, double poolYuan100m, double absorptive, double distanceKm, double decayKm) {
  if (!(phi >= 0) || !(poolYuan100m >= 0) || !(absorptive >= 0) || !(distanceKm >= 0) || !(decayKm > 0)) {
    std::ostringstream s;
    s << "knowledge flow: invalid input (phi " << phi << ", R&D " << poolYuan100m << ", absorptive "
      << absorptive << ", distance " << distanceKm << " km, decay " << decayKm << " km)";
    throw InputError(s.str());
  }
  // K = φ · pool · absorptive · exp(−d/δ_k); the exponential decay follows the distance
  // decay of R&D spillovers (Bottazzi & Peri 2003, EER 47(4):687–710, within ≈300 km). No
  // more can flow than the pool of R&D where it flows from.
  return std::min(poolYuan100m, phi * poolYuan100m * absorptive * std::exp(-distanceKm / decayKm));
}

}  // namespace clustershift
