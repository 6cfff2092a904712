// The road network's node snapping and graph (core/src/spatial/road_network.cpp) against a
// plain reference: every vertex compared with every node made before it (the nearest within
// the tolerance, the lowest id on a tie, else a new node), edges in a Boost adjacency list,
// Dijkstra on it from each of the first 20 nodes. The criterion's tests are in
// tests/core/criteria/travel_time_source_test.cpp.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <gtest/gtest.h>

#include "spatial/decay_sum.h"
#include "spatial/equal_area_plane.h"
#include "spatial/road_network.h"

namespace {

using namespace clustershift;

std::vector<std::uint8_t> lineWkb(const std::vector<double>& xy) {
  std::vector<std::uint8_t> wkb(9 + 8 * xy.size());
  wkb[0] = 1;  // little endian
  const std::uint32_t type = 2, n = static_cast<std::uint32_t>(xy.size() / 2);
  std::memcpy(&wkb[1], &type, 4);
  std::memcpy(&wkb[5], &n, 4);
  std::memcpy(&wkb[9], xy.data(), 8 * xy.size());
  return wkb;
}

constexpr std::size_t kSources = 20;

struct Reference {
  std::size_t nodes = 0, edges = 0;
  std::vector<std::vector<double>> minutesFrom;  // from each of the first kSources nodes
};

/// The network the plain way, from the same lines (lon, lat interleaved) at `speedKmh`.
Reference reference(const std::vector<std::vector<double>>& lines, double tol, double speedKmh) {
  double minLon = 1e9, maxLon = -1e9, minLat = 1e9, maxLat = -1e9;
  for (const auto& xy : lines)
    for (std::size_t k = 0; k < xy.size(); k += 2) {
      minLon = std::min(minLon, xy[k]);
      maxLon = std::max(maxLon, xy[k]);
      minLat = std::min(minLat, xy[k + 1]);
      maxLat = std::max(maxLat, xy[k + 1]);
    }
  const detail::EqualAreaPlane plane(0.5 * (minLon + maxLon), 0.5 * (minLat + maxLat));
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, double>>;
  Graph graph;
  std::vector<double> nodeX, nodeY;
  auto nodeFor = [&](double x, double y) {
    int best = -1;
    double bestD2 = tol * tol;
    for (std::size_t n = 0; n < nodeX.size(); ++n) {
      const double d2 = (nodeX[n] - x) * (nodeX[n] - x) + (nodeY[n] - y) * (nodeY[n] - y);
      if (d2 < bestD2 || (d2 == bestD2 && best < 0)) {
        best = static_cast<int>(n);
        bestD2 = d2;
      }
    }
    if (best >= 0) return best;
    nodeX.push_back(x);
    nodeY.push_back(y);
    boost::add_vertex(graph);
    return static_cast<int>(nodeX.size() - 1);
  };
  Reference r;
  for (const auto& xy : lines) {
    std::vector<double> lon, lat;
    for (std::size_t k = 0; k < xy.size(); k += 2) {
      lon.push_back(xy[k]);
      lat.push_back(xy[k + 1]);
    }
    const detail::ReducedPoints reduced = detail::reducePoints(lon, lat);
    std::vector<double> planeXY = xy;
    plane.forward(planeXY);
    int previous = nodeFor(planeXY[0], planeXY[1]);
    for (std::size_t k = 2; k < xy.size(); k += 2) {
      const int node = nodeFor(planeXY[k], planeXY[k + 1]);
      if (node == previous) continue;
      boost::add_edge(static_cast<std::size_t>(previous), static_cast<std::size_t>(node),
                      60.0 * detail::andoyerLambertKm(reduced, k / 2 - 1, reduced, k / 2) / speedKmh, graph);
      ++r.edges;
      previous = node;
    }
  }
  r.nodes = nodeX.size();
  for (std::size_t source = 0; source < std::min(kSources, r.nodes); ++source) {
    std::vector<double> minutes(r.nodes, std::numeric_limits<double>::infinity());
    boost::dijkstra_shortest_paths(
        graph, source,
        boost::distance_map(
            boost::make_iterator_property_map(minutes.begin(), boost::get(boost::vertex_index, graph)))
            .distance_inf(std::numeric_limits<double>::infinity()));
    r.minutesFrom.push_back(std::move(minutes));
  }
  return r;
}

TEST(RoadNetwork, SnapsAndWeighsLikeTheCompareEveryNodeReferenceOnRandomJunctions) {
  // Short roads between 40 junctions; a quarter of the road ends are on their junction, the
  // others at a random distance of up to 3 tolerances (1.5 m for none), so vertices fall on
  // both sides of the tolerance and of the grid's cell borders; some roads have an inner vertex
  // on their way. Tolerances: none (only equal vertices merge), the default 1 m, 7.5 m.
  std::mt19937_64 rng(20261205);
  for (double tol : {0.0, 1.0, 7.5}) {
    SCOPED_TRACE("tolerance " + std::to_string(tol) + " m");
    std::uniform_real_distribution<double> lon(120.0, 120.6), lat(29.8, 30.2), unit(0.0, 1.0);
    std::vector<std::pair<double, double>> junctions;
    for (int j = 0; j < 40; ++j) junctions.emplace_back(lon(rng), lat(rng));
    auto near = [&](int j) {
      const double u = unit(rng), angle = 2 * M_PI * unit(rng);
      const double metres = u < 0.25 ? 0.0 : 3.0 * std::max(tol, 0.5) * u;
      const double lat0 = junctions[static_cast<std::size_t>(j)].second;
      return std::pair<double, double>{
          junctions[static_cast<std::size_t>(j)].first +
              metres * std::cos(angle) / (111320.0 * std::cos(lat0 * M_PI / 180)),
          lat0 + metres * std::sin(angle) / 110574.0};
    };
    std::vector<std::vector<double>> lines;
    std::vector<Road> roads;
    std::uniform_int_distribution<int> pick(0, 39);
    for (int i = 0; i < 400; ++i) {
      const auto [x0, y0] = near(pick(rng));
      const auto [x1, y1] = near(pick(rng));
      std::vector<double> xy{x0, y0};
      if (i % 3 == 0) xy.insert(xy.end(), {0.5 * (x0 + x1) + 0.01, 0.5 * (y0 + y1)});
      xy.insert(xy.end(), {x1, y1});
      lines.push_back(xy);
      Road road;
      road.fid = std::to_string(i + 1);
      road.wkb = lineWkb(xy);
      roads.push_back(road);
    }
    detail::RoadNetworkOptions options;
    options.snapToleranceM = tol;
    const detail::RoadNetwork network(roads, options, "roads");
    const Reference expected = reference(lines, tol, options.defaultSpeedKmh);
    ASSERT_EQ(network.nodeCount(), expected.nodes);
    EXPECT_EQ(network.edgeCount(), expected.edges);
    // The snapping must have merged something and kept something apart, or the case shows nothing.
    EXPECT_LT(expected.nodes, 2 * roads.size() + roads.size() / 3 + 1);
    EXPECT_GT(expected.nodes, 40u);
    std::size_t reached = 0;  // pairs joined by the network
    for (std::size_t source = 0; source < expected.minutesFrom.size(); ++source) {
      const std::vector<double> minutes = network.minutesFrom(static_cast<int>(source));
      const std::vector<double>& want = expected.minutesFrom[source];
      ASSERT_EQ(minutes.size(), want.size());
      for (std::size_t n = 0; n < minutes.size(); ++n) {
        if (std::isinf(want[n])) {
          EXPECT_TRUE(std::isinf(minutes[n])) << "from " << source << " to " << n;
          continue;
        }
        ++reached;
        EXPECT_NEAR(minutes[n], want[n], 1e-9 * (1 + want[n])) << "from " << source << " to " << n;
      }
    }
    EXPECT_GT(reached, 20u);
  }
}

}  // namespace
