// Road network graph and one-to-many travel times (Boost.Graph Dijkstra on a compressed sparse row graph).
#include "spatial/road_network.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <unordered_map>
#include <utility>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <geos_c.h>

#include "clustershift/error.h"
#include "clustershift/geo.h"
#include "io/geos_context.h"
#include "spatial/catchment.h"
#include "spatial/decay_sum.h"
#include "clustershift/util.h"

namespace clustershift {
namespace detail {

/// A road edge's travel time (minutes); each road edge is stored once in each direction. Outside
/// the anonymous namespace: RoadNetwork::Impl holds a graph of them (GCC's -Wsubobject-linkage
/// in a unity build, where this file is an included one).
struct RoadEdgeMinutes {
  double minutes;
};

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using PlanePoint = bg::model::point<double, 2, bg::cs::cartesian>;
using NodeEntry = std::pair<PlanePoint, int>;
using NodeTree = bgi::rtree<NodeEntry, bgi::quadratic<16>>;
using EdgeMinutes = RoadEdgeMinutes;
using Graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, EdgeMinutes>;

// Collects the vertex sequences (lon, lat) of every line in a (multi)line geometry.
void collectLines(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<std::vector<double>>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned int size = 0;
    if (seq == nullptr || GEOSCoordSeq_getSize_r(h, seq, &size) == 0 || size < 2) return;
    std::vector<double> xy(2 * static_cast<std::size_t>(size));
    if (GEOSCoordSeq_copyToBuffer_r(h, seq, xy.data(), 0, 0) == 0) return;
    out.push_back(std::move(xy));
  } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collectLines(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

}  // namespace

const std::map<std::string, double>& defaultClassSpeedsKmh() {
  // Planning assumptions: typical free-flow averages for trucks and commuters, below the
  // design speeds of JTG B01-2014 (expressway 80–120, class-1 highway 60–100 km/h).
  static const std::map<std::string, double> kSpeeds = {
      {"motorway", 100}, {"motorway_link", 60}, {"trunk", 80},        {"trunk_link", 50},
      {"primary", 60},   {"primary_link", 40},  {"secondary", 50},    {"secondary_link", 40},
      {"tertiary", 40},  {"tertiary_link", 30}, {"unclassified", 30}, {"residential", 30},
      {"service", 20},   {"expressway", 100},   {"national", 70},     {"provincial", 60},
      {"county", 45},    {"township", 30},      {"高速", 100},        {"高速公路", 100},
      {"国道", 70},      {"省道", 60},          {"县道", 45},         {"乡道", 30}};
  return kSpeeds;
}

struct RoadNetwork::Impl {
  Graph graph;
  std::vector<double> lon, lat;  // node positions (first vertex merged into the node)
  NodeTree tree;
  std::unique_ptr<EqualAreaPlane> plane;
};

RoadNetwork::RoadNetwork(const std::vector<Road>& roads, const RoadNetworkOptions& options,
                         const std::string& label)
    : m_impl(std::make_unique<Impl>()) {
  if (!std::isfinite(options.snapToleranceM)) {
    throw InputError("road network: the snap tolerance must be a finite number of metres, got " +
                     util::formatNumber(options.snapToleranceM));
  }
  if (!(options.defaultSpeedKmh > 0)) {
    throw InputError("road network: default speed must be positive, got " +
                     util::formatNumber(options.defaultSpeedKmh) + " km/h");
  }
  // 1. Read every line.
  GEOSContextHandle_t h = GeosContext::current().handle();
  std::vector<std::vector<std::vector<double>>> lines(roads.size());
  std::vector<double> speeds(roads.size(), options.defaultSpeedKmh);
  double minLon = std::numeric_limits<double>::infinity(), minLat = minLon;
  double maxLon = -minLon, maxLat = -minLon;
  for (std::size_t i = 0; i < roads.size(); ++i) {
    const Road& road = roads[i];
    const std::string where = label + " fid=" + road.fid;
    if (road.wkb.empty()) continue;
    GeosGeometryPtr g = geosFromWkb(road.wkb, where);
    collectLines(h, g.get(), lines[i]);
    if (lines[i].empty() && GEOSisEmpty_r(h, g.get()) == 0) {
      // GEOSGeomType_r's string is the caller's to free (found by the ASan build: it leaked).
      char* type = GEOSGeomType_r(h, g.get());
      const std::string typeName = type ? type : "unknown type";
      GEOSFree_r(h, type);
      throw InputError(where + ": road geometry is not a line (" + typeName + ")");
    }
    double speed = road.speedKmh;
    if (std::isnan(speed)) {
      auto it = options.classSpeedsKmh.find(road.roadClass);
      if (it != options.classSpeedsKmh.end()) {
        speed = it->second;
      } else {
        auto def = defaultClassSpeedsKmh().find(road.roadClass);
        speed = def != defaultClassSpeedsKmh().end() ? def->second : options.defaultSpeedKmh;
      }
    }
    if (!(speed > 0) || !std::isfinite(speed)) {
      throw InputError(where + ": road speed must be positive, got " + util::formatNumber(speed) +
                       " km/h (class '" + road.roadClass + "')");
    }
    speeds[i] = speed;
    for (const auto& xy : lines[i]) {
      for (std::size_t k = 0; k + 1 < xy.size(); k += 2) {
        minLon = std::min(minLon, xy[k]);
        maxLon = std::max(maxLon, xy[k]);
        minLat = std::min(minLat, xy[k + 1]);
        maxLat = std::max(maxLat, xy[k + 1]);
      }
    }
  }
  if (minLon > maxLon) return;  // no lines: an empty graph

  // 2. Nodes: vertices merged within the tolerance, in a local equal-area plane (metres;
  //    its distortion over a province is far below any snap tolerance's meaning), all vertices
  //    projected in one call.
  m_impl->plane = std::make_unique<EqualAreaPlane>(0.5 * (minLon + maxLon), 0.5 * (minLat + maxLat));
  std::size_t coordinates = 0;
  for (const auto& road : lines)
    for (const auto& xy : road) coordinates += xy.size();
  std::vector<double> planeXY;
  planeXY.reserve(coordinates);
  for (const auto& road : lines)
    for (const auto& xy : road) planeXY.insert(planeXY.end(), xy.begin(), xy.end());
  const std::size_t vertices = planeXY.size() / 2;
  m_impl->plane->forward(planeXY);
  //    Snapping looks up a hashed grid of cells four tolerances wide: a node within the tolerance
  //    of a vertex lies in the vertex's cell or, per axis, in the neighbour on the side the vertex
  //    is within the tolerance of (its window: 1 to 4 cells). Most vertices have no other vertex
  //    in their window (a road's inner vertices): a count of the vertices per cell, kept in a
  //    table indexed by a hash of the cell (collisions only over-count), says so without a
  //    lookup; such a vertex is a node of its own that no other vertex can snap to, so it is not
  //    entered in the grid. An R-tree grown node by node took 0.29 s for the national bench's
  //    roads; 3 x 3 probes of tolerance-sized cells, 0.17 s. The tree for nearestNode() is
  //    bulk-loaded once the nodes are known.
  const double tol = std::max(options.snapToleranceM, 0.0);
  const double cell = std::max(4.0 * tol, 1.0);
  const double reach = tol * (1.0 + 1e-9);  // a node at the tolerance, give or take rounding
  auto cellOf = [cell](double v) { return static_cast<std::int64_t>(std::floor(v / cell)); };
  auto cellKey = [](std::int64_t cx, std::int64_t cy) {
    return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffu);
  };
  int slotBits = 10;
  while ((std::size_t{1} << slotBits) < 4 * vertices && slotBits < 28) ++slotBits;
  std::vector<std::uint8_t> vertexCount(std::size_t{1} << slotBits, 0);  // saturates at 2
  auto slotOf = [slotBits](std::uint64_t key) {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - slotBits));
  };
  for (std::size_t v = 0; v < vertices; ++v) {
    std::uint8_t& count = vertexCount[slotOf(cellKey(cellOf(planeXY[2 * v]), cellOf(planeXY[2 * v + 1])))];
    count = static_cast<std::uint8_t>(std::min(count + 1, 2));
  }
  std::vector<double> nodeX, nodeY;
  std::vector<int> nextInCell;                         // the cell's nodes as a linked list
  std::unordered_map<std::uint64_t, int> firstInCell;  // cell -> its last-added node
  nodeX.reserve(vertices);
  nodeY.reserve(vertices);
  nextInCell.reserve(vertices);
  m_impl->lon.reserve(vertices);
  m_impl->lat.reserve(vertices);
  auto nodeFor = [&](double lon, double lat, double x, double y) {
    const std::int64_t cx = cellOf(x), cy = cellOf(y);
    const std::int64_t i0 = std::max(cx - 1, cellOf(x - reach)), i1 = std::min(cx + 1, cellOf(x + reach));
    const std::int64_t j0 = std::max(cy - 1, cellOf(y - reach)), j1 = std::min(cy + 1, cellOf(y + reach));
    bool alone = true;
    for (std::int64_t i = i0; i <= i1 && alone; ++i)
      for (std::int64_t j = j0; j <= j1 && alone; ++j)
        alone = vertexCount[slotOf(cellKey(i, j))] <= (i == cx && j == cy ? 1 : 0);
    int best = -1;
    double bestD2 = tol * tol;
    if (!alone)
      for (std::int64_t i = i0; i <= i1; ++i)
        for (std::int64_t j = j0; j <= j1; ++j) {
          const auto found = firstInCell.find(cellKey(i, j));
          if (found == firstInCell.end()) continue;
          for (int n = found->second; n >= 0; n = nextInCell[static_cast<std::size_t>(n)]) {
            const double dx = nodeX[static_cast<std::size_t>(n)] - x,
                         dy = nodeY[static_cast<std::size_t>(n)] - y;
            const double d2 = dx * dx + dy * dy;
            if (d2 < bestD2 || (d2 == bestD2 && (best < 0 || n < best))) {
              best = n;
              bestD2 = d2;
            }
          }
        }
    if (best >= 0) return best;
    const int id = static_cast<int>(m_impl->lon.size());
    m_impl->lon.push_back(lon);
    m_impl->lat.push_back(lat);
    nodeX.push_back(x);
    nodeY.push_back(y);
    nextInCell.push_back(-1);
    if (!alone) {
      const auto [slot, added] = firstInCell.try_emplace(cellKey(cx, cy), id);
      if (!added) nextInCell.back() = slot->second;
      slot->second = id;
    }
    return id;
  };

  // 3. Edges: consecutive vertices, minutes = 60 · km / speed, km by Andoyer–Lambert on the
  //    line's reduced-latitude vectors (within 2e−5 of the geodesic, decay_sum.h): PROJ's exact
  //    geodesic per edge took 0.24 s for the national bench's roads. Each edge is stored in both
  //    directions in a compressed sparse row graph (an adjacency list allocated per edge and
  //    vertex took a quarter of the build).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  std::vector<EdgeMinutes> arcMinutes;
  arcs.reserve(2 * vertices);
  arcMinutes.reserve(2 * vertices);
  std::vector<double> lineLon, lineLat;
  std::size_t at = 0;  // the line's first vertex in planeXY
  for (std::size_t i = 0; i < roads.size(); ++i) {
    for (const auto& xy : lines[i]) {
      lineLon.clear();
      lineLat.clear();
      for (std::size_t k = 0; k + 1 < xy.size(); k += 2) {
        lineLon.push_back(xy[k]);
        lineLat.push_back(xy[k + 1]);
      }
      const ReducedPoints reduced = reducePoints(lineLon, lineLat);
      int previous = nodeFor(xy[0], xy[1], planeXY[at], planeXY[at + 1]);
      for (std::size_t k = 2; k + 1 < xy.size(); k += 2) {
        const int node = nodeFor(xy[k], xy[k + 1], planeXY[at + k], planeXY[at + k + 1]);
        if (node == previous) continue;
        const double minutes = 60.0 * andoyerLambertKm(reduced, k / 2 - 1, reduced, k / 2) / speeds[i];
        arcs.emplace_back(static_cast<std::uint32_t>(previous), static_cast<std::uint32_t>(node));
        arcs.emplace_back(static_cast<std::uint32_t>(node), static_cast<std::uint32_t>(previous));
        arcMinutes.push_back({minutes});
        arcMinutes.push_back({minutes});
        previous = node;
      }
      at += xy.size();
    }
  }
  m_impl->graph = Graph(boost::edges_are_unsorted_multi_pass, arcs.begin(), arcs.end(), arcMinutes.begin(),
                        m_impl->lon.size());
  std::vector<NodeEntry> entries;
  entries.reserve(nodeX.size());
  for (std::size_t n = 0; n < nodeX.size(); ++n)
    entries.emplace_back(PlanePoint(nodeX[n], nodeY[n]), static_cast<int>(n));
  m_impl->tree = NodeTree(entries.begin(), entries.end());
}

double nearestVertexKm(const std::vector<Road>& roads, double lon, double lat, const std::string& label) {
  if (!std::isfinite(lon) || !std::isfinite(lat)) return kNaN;
  GEOSContextHandle_t h = GeosContext::current().handle();
  const double kx = std::cos(lat * 3.14159265358979323846 / 180.0);
  double best = std::numeric_limits<double>::infinity(), bestLon = kNaN, bestLat = kNaN;
  std::vector<std::vector<double>> lines;
  for (const Road& road : roads) {
    if (road.wkb.empty()) continue;
    lines.clear();
    GeosGeometryPtr g = geosFromWkb(road.wkb, label + " fid=" + road.fid);
    collectLines(h, g.get(), lines);
    for (const auto& xy : lines) {
      for (std::size_t k = 0; k + 1 < xy.size(); k += 2) {
        const double dx = (xy[k] - lon) * kx, dy = xy[k + 1] - lat;
        const double d2 = dx * dx + dy * dy;
        if (d2 < best) {
          best = d2;
          bestLon = xy[k];
          bestLat = xy[k + 1];
        }
      }
    }
  }
  return std::isnan(bestLon) ? kNaN : geodesicKm(lon, lat, bestLon, bestLat);
}

RoadNetwork::~RoadNetwork() = default;

std::size_t RoadNetwork::nodeCount() const { return boost::num_vertices(m_impl->graph); }
std::size_t RoadNetwork::edgeCount() const { return boost::num_edges(m_impl->graph) / 2; }  // both directions

int RoadNetwork::nearestNode(double lon, double lat, double& distanceKm) const {
  distanceKm = kNaN;
  if (m_impl->lon.empty() || !std::isfinite(lon) || !std::isfinite(lat)) return -1;
  double x = 0, y = 0;
  m_impl->plane->forward(lon, lat, x, y);
  // Nearest in the plane, then the true geodesic distance to it; the plane's scale error
  // near the study area (< 1 %) cannot reorder candidates that matter for snapping.
  std::vector<NodeEntry> hit;
  m_impl->tree.query(bgi::nearest(PlanePoint(x, y), 1), std::back_inserter(hit));
  if (hit.empty()) return -1;
  const int node = hit[0].second;
  distanceKm = geodesicKm(lon, lat, m_impl->lon[static_cast<std::size_t>(node)],
                          m_impl->lat[static_cast<std::size_t>(node)]);
  return node;
}

std::vector<double> RoadNetwork::minutesFrom(int source) const {
  const std::size_t n = boost::num_vertices(m_impl->graph);
  std::vector<double> minutes(n, std::numeric_limits<double>::infinity());
  if (source < 0 || static_cast<std::size_t>(source) >= n) return minutes;
  boost::dijkstra_shortest_paths(m_impl->graph, static_cast<std::size_t>(source),
                                 boost::weight_map(boost::get(&EdgeMinutes::minutes, m_impl->graph))
                                     .distance_map(boost::make_iterator_property_map(
                                         minutes.begin(), boost::get(boost::vertex_index, m_impl->graph)))
                                     .distance_inf(std::numeric_limits<double>::infinity()));
  return minutes;
}

void RoadNetwork::nodePosition(int node, double& lon, double& lat) const {
  lon = m_impl->lon.at(static_cast<std::size_t>(node));
  lat = m_impl->lat.at(static_cast<std::size_t>(node));
}

}  // namespace detail
}  // namespace clustershift
