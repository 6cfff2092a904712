#pragma once
// Road network: an undirected graph built from lon/lat line segments, travel times by
// Boost.Graph's Dijkstra. Used by the travel_time_source criterion.
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "clustershift/data.h"

namespace clustershift {
namespace detail {

/// How road speeds and node snapping are set up.
struct RoadNetworkOptions {
  double defaultSpeedKmh = 60.0;                 ///< for roads with no speed and an unknown class (km/h)
  std::map<std::string, double> classSpeedsKmh;  ///< road class -> speed (km/h), overrides the built-ins
  double snapToleranceM = 1.0;                   ///< vertices closer than this are one node (metres)
};

/// Built-in speeds (km/h) for common road classes (OpenStreetMap highway tags and Chinese
/// administrative classes): planning assumptions, overridable per scenario.
const std::map<std::string, double>& defaultClassSpeedsKmh();

/// Geodesic km from (lon, lat) degrees to the nearest vertex of any road, found by one pass over
/// the vertices without building the graph: what validate() checks for the source's snap distance
/// in a fraction of the network's build time. The vertex is chosen in a plane scaled by cos(lat)
/// at the point (exact enough near any snap limit). NaN when there is no vertex or the point is
/// not finite. Throws GeoError naming `label` and the road fid for unreadable WKB.
double nearestVertexKm(const std::vector<Road>& roads, double lon, double lat, const std::string& label);

/// An undirected road graph. Every vertex of every line is a node (vertices within the
/// snap tolerance merged, so lines meeting at shared endpoints or vertices connect); each
/// consecutive vertex pair is an edge weighted by its ellipsoidal length (Andoyer–Lambert) / speed.
class RoadNetwork {
 public:
  /// Throws InputError naming the road (fid) when a geometry is not a line or a speed is
  /// not positive; GeoError when WKB cannot be read.
  RoadNetwork(const std::vector<Road>& roads, const RoadNetworkOptions& options, const std::string& label);
  ~RoadNetwork();
  RoadNetwork(const RoadNetwork&) = delete;
  RoadNetwork& operator=(const RoadNetwork&) = delete;

  std::size_t nodeCount() const;
  std::size_t edgeCount() const;
  /// Node nearest to (lon, lat) degrees and its geodesic distance (km); −1 when the graph
  /// is empty.
  int nearestNode(double lon, double lat, double& distanceKm) const;
  /// Shortest travel times (minutes) from `source` to every node (Dijkstra,
  /// boost::dijkstra_shortest_paths); +infinity for nodes in other components.
  std::vector<double> minutesFrom(int source) const;
  void nodePosition(int node, double& lon, double& lat) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace detail
}  // namespace clustershift
