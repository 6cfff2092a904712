// Innovation: knowledge flow from the source to a host (docs/model.md "Transfer effects").
#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

double absorptiveCapacity(const SectorAccounts& host, const SectorAccounts& source) {
  // Absorptive capacity (Cohen & Levinthal 1990, ASQ 35(1):128–152) proxied by the host's
  // R&D intensity relative to the source's, capped at 1 (planning assumption).
  const double hostGdp = host.gdp();
  const double sourceGdp = source.gdp();
  if (hostGdp <= 0) return 0;
  const double hostIntensity = host.rd / hostGdp;
  if (sourceGdp <= 0 || source.rd <= 0) return hostIntensity > 0 ? 1.0 : 0.0;
  return std::clamp(hostIntensity / (source.rd / sourceGdp), 0.0, 1.0);
}

double knowledgeFlow(double phi, double rdYuan100m, double absorptive, double distanceKm, double decayKm) {
  if (!(phi >= 0) || !(rdYuan100m >= 0) || !(absorptive >= 0) || !(distanceKm >= 0) || !(decayKm > 0)) {
    std::ostringstream s;
    s << "knowledge flow: invalid input (phi " << phi << ", R&D " << rdYuan100m << ", absorptive "
      << absorptive << ", distance " << distanceKm << " km, decay " << decayKm << " km)";
    throw InputError(s.str());
  }
  // K = φ_mode · RD_source,cluster · absorptive(host) · exp(−d/δ_k); the exponential decay
  // follows the distance decay of R&D spillovers (Bottazzi & Peri 2003, EER 47(4):687–710,
  // spillovers within ≈300 km).
  return phi * rdYuan100m * absorptive * std::exp(-distanceKm / decayKm);
}

}  // namespace clustershift
