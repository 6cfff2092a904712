#include "pipeline/flow.h"

#include "clustershift/geo.h"

namespace clustershift::detail {

Flow flowTo(const Results& results, int parkIndex, double fromLon, double fromLat) {
  const ParkResult& park = results.parks.at(static_cast<std::size_t>(parkIndex));
  Flow flow;
  flow.park = parkIndex;
  flow.parkId = park.id;
  flow.rank = park.rank;
  flow.score = park.score;
  flow.fromLon = fromLon;
  flow.fromLat = fromLat;
  flow.toLon = park.lon;
  flow.toLat = park.lat;
  flow.distanceKm = geodesicKm(fromLon, fromLat, park.lon, park.lat);
  return flow;
}

}  // namespace clustershift::detail
