// Catchments: an STRtree over planar region shapes answering "which regions does this circle
// overlap, by how much", and area-weighted sums over circles, in one plane or in local planes.
#include "spatial/catchment.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <thread>

#include <geos_c.h>

#include "clustershift/data.h"
#include "clustershift/error.h"
#include "io/geos_context.h"
#include "clustershift/util.h"

namespace clustershift {
namespace detail {
namespace {

constexpr double kNaNValue = std::numeric_limits<double>::quiet_NaN();

// Runs `work` on `threads` threads (this one included) and rethrows the first exception one of
// them threw; a failing thread sets `next` to `end` so the others stop at their next item.
void runOnThreads(int threads, std::atomic<std::size_t>& next, std::size_t end,
                  const std::function<void()>& work) {
  util::runOnThreads(static_cast<unsigned>(std::max(threads, 1)), [&](unsigned) {
    try {
      work();
    } catch (...) {
      next.store(end);
      throw;
    }
  });
}

}  // namespace

// ---- index -------------------------------------------------------------------------------

struct CatchmentIndex::Tree {
  GeosContext owner;  // the context that built the tree and owns its envelope geometries
  GEOSSTRtree* tree = nullptr;
  std::vector<GEOSGeometry*> envelopes;
  std::vector<int> ids;  // payloads point into this vector
  ~Tree() {
    if (tree != nullptr) GEOSSTRtree_destroy_r(owner.handle(), tree);
    for (GEOSGeometry* g : envelopes) GEOSGeom_destroy_r(owner.handle(), g);
  }
};

namespace {

struct QueryState {
  const std::vector<PlanarShape>* shapes;
  double cx, cy, r;
  std::vector<Overlap>* out;
};

void visitCandidate(void* item, void* userdata) {
  const int index = *static_cast<const int*>(item);
  auto* state = static_cast<QueryState*>(userdata);
  const PlanarShape& s = (*state->shapes)[static_cast<std::size_t>(index)];
  const double cx = state->cx, cy = state->cy, r = state->r, r2 = r * r;
  // Distance bounds from the bounding box: nearest point farther than r → outside;
  // farthest corner within r → the whole shape is inside.
  const double nx = std::max({s.minX - cx, 0.0, cx - s.maxX});
  const double ny = std::max({s.minY - cy, 0.0, cy - s.maxY});
  if (nx * nx + ny * ny >= r2) return;
  const double fx = std::max(std::fabs(s.minX - cx), std::fabs(s.maxX - cx));
  const double fy = std::max(std::fabs(s.minY - cy), std::fabs(s.maxY - cy));
  double area = 0;
  if (fx * fx + fy * fy <= r2) {
    area = s.area;
  } else {
    area = circleShapeArea(s, cx, cy, r);
  }
  if (area > 0) state->out->push_back(Overlap{index, area});
}

}  // namespace

CatchmentIndex::CatchmentIndex(std::vector<PlanarShape> shapes)
    : m_shapes(std::move(shapes)), m_tree(std::make_unique<Tree>()) {
  GEOSContextHandle_t h = m_tree->owner.handle();
  m_tree->tree = GEOSSTRtree_create_r(h, 10);
  if (m_tree->tree == nullptr)
    throw GeoError("GEOS: cannot create STRtree (" + m_tree->owner.takeMessage() + ")");
  m_tree->ids.resize(m_shapes.size());
  m_tree->envelopes.reserve(m_shapes.size());
  for (std::size_t i = 0; i < m_shapes.size(); ++i) {
    m_tree->ids[i] = static_cast<int>(i);
    const PlanarShape& s = m_shapes[i];
    if (s.empty()) continue;
    GEOSGeometry* env = GEOSGeom_createRectangle_r(h, s.minX, s.minY, s.maxX, s.maxY);
    if (env == nullptr) throw GeoError("GEOS: cannot create envelope (" + m_tree->owner.takeMessage() + ")");
    m_tree->envelopes.push_back(env);
    GEOSSTRtree_insert_r(h, m_tree->tree, env, &m_tree->ids[i]);
  }
  // GEOS builds the tree on its first query; do it here so later queries only read it and
  // may run concurrently.
  const GeosGeometryPtr probe(GEOSGeom_createPointFromXY_r(h, 0, 0), GeosGeometryDeleter{h});
  GEOSSTRtree_query_r(
      h, m_tree->tree, probe.get(), [](void*, void*) {}, nullptr);
}

CatchmentIndex::~CatchmentIndex() = default;

void CatchmentIndex::overlaps(double cx, double cy, double r, std::vector<Overlap>& out) const {
  if (!std::isfinite(cx) || !std::isfinite(cy) || !(r > 0)) return;
  const GeosGeometryPtr box =
      geosOwn(GEOSGeom_createRectangle_r(GeosContext::current().handle(), cx - r, cy - r, cx + r, cy + r),
              "GEOS: cannot create query envelope");
  QueryState state{&m_shapes, cx, cy, r, &out};
  GEOSSTRtree_query_r(GeosContext::current().handle(), m_tree->tree, box.get(), visitCandidate, &state);
}

std::vector<double> areaWeightedSums(const CatchmentIndex& index, const std::vector<double>& values,
                                     const std::vector<double>& xs, const std::vector<double>& ys, double r,
                                     int threads, std::vector<int>* missingRegion) {
  const std::size_t n = xs.size();
  std::vector<double> result(n, kNaNValue);
  if (missingRegion != nullptr) missingRegion->assign(n, -1);
  const auto& shapes = index.shapes();
  if (threads <= 0) threads = static_cast<int>(util::threadCount());
  threads =
      static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(n, 1)));

  // Visit parks in spatial order (cells of r × r, row by row, serpentine) so consecutive
  // parks overlap mostly the same regions and their vertices stay in cache; results go back
  // to the callers' order.
  std::vector<std::size_t> order(n);
  {
    std::vector<std::pair<std::int64_t, std::size_t>> keyed(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::int64_t key = std::numeric_limits<std::int64_t>::max();
      if (std::isfinite(xs[i]) && std::isfinite(ys[i]) && r > 0) {
        const auto row = static_cast<std::int64_t>(std::floor(ys[i] / r));
        auto col = static_cast<std::int64_t>(std::floor(xs[i] / r));
        if (row % 2 != 0) col = -col;
        key = row * (std::int64_t{1} << 32) + col;
      }
      keyed[i] = {key, i};
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < n; ++i) order[i] = keyed[i].second;
  }

  // Work is handed out in chunks so both threads stay busy when parks cluster in space.
  constexpr std::size_t kChunk = 256;
  std::atomic<std::size_t> next{0};
  auto workChunks = [&]() {
    std::vector<Overlap> overlaps;
    for (;;) {
      const std::size_t begin = next.fetch_add(kChunk);
      if (begin >= n) break;
      const std::size_t end = std::min(n, begin + kChunk);
      for (std::size_t j = begin; j < end; ++j) {
        const std::size_t i = order[j];
        if (!std::isfinite(xs[i]) || !std::isfinite(ys[i])) continue;
        overlaps.clear();
        index.overlaps(xs[i], ys[i], r, overlaps);
        double sum = 0;
        for (const Overlap& o : overlaps) {
          const std::size_t k = static_cast<std::size_t>(o.index);
          const double v = values[k];
          if (std::isnan(v)) {
            sum = kNaNValue;
            if (missingRegion != nullptr) (*missingRegion)[i] = o.index;
            break;
          }
          if (shapes[k].area > 0) sum += v * std::min(1.0, o.area / shapes[k].area);
        }
        result[i] = sum;
      }
    }
  };
  runOnThreads(threads, next, n, workChunks);
  return result;
}

double localPlaneTileDeg(double radiusM) {
  // Relative radius error of a disk centred c from the plane's centre, out to c + R:
  // (c + R)² / (8 a²); the overlap area errs by at most twice that. 2 (c + R)²/(8 a²) ≤ 1e−3
  // gives c + R ≤ 403 km; a tile's half-diagonal is ≤ 79 km per degree of side (at the
  // equator; less farther north), with a 5 % margin.
  constexpr double kReachKm = 403.0, kHalfDiagonalKmPerDeg = 79.0;
  const double side = 0.95 * (kReachKm - radiusM / 1000.0) / kHalfDiagonalKmPerDeg;
  return std::clamp(side, 0.25, 4.0);
}

std::vector<double> areaWeightedSumsLocalPlanes(const std::vector<PlanarShape>& lonLatShapes,
                                                const std::vector<double>& values,
                                                const std::vector<double>& lon,
                                                const std::vector<double>& lat, double radiusM,
                                                double tileDeg, int threads,
                                                std::vector<int>* missingRegion) {
  const std::size_t n = std::min(lon.size(), lat.size());
  std::vector<double> result(n, kNaNValue);
  if (missingRegion != nullptr) missingRegion->assign(n, -1);
  if (!(tileDeg > 0)) tileDeg = localPlaneTileDeg(radiusM);

  // Tiles of centres, in a fixed order.
  std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>> tileMap;
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(lon[i]) || !std::isfinite(lat[i])) continue;
    tileMap[{static_cast<std::int64_t>(std::floor(lon[i] / tileDeg)),
             static_cast<std::int64_t>(std::floor(lat[i] / tileDeg))}]
        .push_back(i);
  }
  std::vector<const std::vector<std::size_t>*> tiles;
  for (const auto& kv : tileMap) tiles.push_back(&kv.second);

  if (threads <= 0) threads = static_cast<int>(util::threadCount());
  threads = static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(tiles.size(), 1)));
  std::atomic<std::size_t> next{0};
  auto workTiles = [&]() {
    for (std::size_t t = next++; t < tiles.size(); t = next++) {
      const std::vector<std::size_t>& members = *tiles[t];
      double minLon = std::numeric_limits<double>::infinity(), minLat = minLon, maxLon = -minLon,
             maxLat = -minLon;
      for (std::size_t i : members) {
        minLon = std::min(minLon, lon[i]);
        maxLon = std::max(maxLon, lon[i]);
        minLat = std::min(minLat, lat[i]);
        maxLat = std::max(maxLat, lat[i]);
      }
      // The window the tile's catchments can reach, with a margin: a degree of latitude is
      // ≥ 110.5 km, a degree of longitude ≥ 111.3 km · cos(|lat|) at the window's poleward edge.
      const double dLat = 1.02 * radiusM / 110500.0 + 1e-9;
      const double poleward = std::min(89.0, std::max(std::abs(minLat), std::abs(maxLat)) + dLat);
      const double dLon =
          std::min(180.0, 1.02 * radiusM / (111300.0 * std::cos(poleward * kPi / 180.0)) + 1e-9);
      const double w0 = minLon - dLon, w1 = maxLon + dLon, h0 = minLat - dLat, h1 = maxLat + dLat;

      const EqualAreaPlane plane(0.5 * (minLon + maxLon), 0.5 * (minLat + maxLat));
      std::vector<PlanarShape> local;
      std::vector<double> localValues;
      std::vector<int> globalIndex;
      for (std::size_t k = 0; k < lonLatShapes.size(); ++k) {
        const PlanarShape& s = lonLatShapes[k];
        if (s.empty() || s.maxX < w0 || s.minX > w1 || s.maxY < h0 || s.minY > h1) continue;
        PlanarShape projected;
        projected.polygons = s.polygons;
        for (PlanarPolygon& polygon : projected.polygons) {
          polygon.chunks.clear();
          for (auto& ring : polygon.rings) plane.forward(ring);
        }
        projected.finish();
        local.push_back(std::move(projected));
        localValues.push_back(values[k]);
        globalIndex.push_back(static_cast<int>(k));
      }
      std::vector<double> xs, ys;
      for (std::size_t i : members) {
        double x = 0, y = 0;
        plane.forward(lon[i], lat[i], x, y);
        xs.push_back(x);
        ys.push_back(y);
      }
      const CatchmentIndex index(std::move(local));
      std::vector<int> localMissing;
      const std::vector<double> sums =
          areaWeightedSums(index, localValues, xs, ys, radiusM, 1, &localMissing);
      for (std::size_t j = 0; j < members.size(); ++j) {
        result[members[j]] = sums[j];
        if (missingRegion != nullptr && localMissing[j] >= 0)
          (*missingRegion)[members[j]] = globalIndex[static_cast<std::size_t>(localMissing[j])];
      }
    }
  };
  runOnThreads(threads, next, tiles.size(), workTiles);
  return result;
}

}  // namespace detail
}  // namespace clustershift
