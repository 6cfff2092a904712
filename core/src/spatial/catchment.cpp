// Catchments: exact circle ∩ polygon areas in a local equal-area plane.
#include "spatial/catchment.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <limits>
#include <map>
#include <thread>

#include <geos_c.h>
#include <proj.h>

#include "clustershift/error.h"

namespace clustershift {
namespace detail {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;
constexpr double kNaNValue = std::numeric_limits<double>::quiet_NaN();

// ---- GEOS handles (RAII), one context per thread --------------------------------------

void geosMessage(const char* message, void* userdata) {
  if (userdata != nullptr && message != nullptr) *static_cast<std::string*>(userdata) = message;
}

struct ThreadGeos {
  GEOSContextHandle_t handle;
  std::string lastError;
  ThreadGeos() : handle(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle, geosMessage, &lastError);
  }
  ~ThreadGeos() { GEOS_finish_r(handle); }
  ThreadGeos(const ThreadGeos&) = delete;
  ThreadGeos& operator=(const ThreadGeos&) = delete;
};

ThreadGeos& threadGeos() {
  thread_local ThreadGeos context;
  return context;
}

struct GeomDeleter {
  GEOSContextHandle_t handle;
  void operator()(GEOSGeometry* g) const {
    if (g != nullptr) GEOSGeom_destroy_r(handle, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct WkbReaderDeleter {
  GEOSContextHandle_t handle;
  void operator()(GEOSWKBReader* r) const {
    if (r != nullptr) GEOSWKBReader_destroy_r(handle, r);
  }
};

// ---- geometry helpers ---------------------------------------------------------------

double ringSignedArea(const std::vector<double>& ring) {
  const std::size_t n = ring.size() / 2;
  double twice = 0;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    twice += ring[2 * j] * ring[2 * i + 1] - ring[2 * i] * ring[2 * j + 1];
  }
  return 0.5 * twice;
}

// Angle of a point on the circle, in (−π, π]; "+ 0.0" turns −0 into +0 so a point on the
// negative x axis always gets +π, matching isUpper() below.
inline double angleOf(double x, double y) { return std::atan2(y + 0.0, x); }
inline bool isUpper(double y) { return y >= 0.0; }

// Net number of times the segment P→Q (outside the disk, so it never passes near the
// centre) crosses the branch cut of atan2 (the negative x axis), counted +1 when it goes
// from the upper to the lower half: Σ principal swept angle = θ(Q) − θ(P) + 2π·k.
inline int cutCrossings(double px, double py, double qx, double qy) {
  const bool pu = isUpper(py);
  const bool qu = isUpper(qy);
  if (pu == qu) return 0;
  // x where the segment meets y = 0; |x| ≥ r for a piece outside the disk.
  const double xc = px + (qx - px) * (0.0 - py) / (qy - py);
  if (xc >= 0.0) return 0;
  return pu ? 1 : -1;
}

void readCoords(GEOSContextHandle_t h, const GEOSGeometry* ring, std::vector<double>& out) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned int size = 0;
  if (seq == nullptr || GEOSCoordSeq_getSize_r(h, seq, &size) == 0) return;
  std::vector<double> buffer(2 * static_cast<std::size_t>(size));
  if (size > 0 && GEOSCoordSeq_copyToBuffer_r(h, seq, buffer.data(), 0, 0) == 0) return;
  // Drop the closing vertex.
  if (size >= 2 && buffer[0] == buffer[2 * size - 2] && buffer[1] == buffer[2 * size - 1]) {
    buffer.resize(2 * (static_cast<std::size_t>(size) - 1));
  }
  out = std::move(buffer);
}

void collectPolygons(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<PlanarPolygon>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    if (GEOSisEmpty_r(h, g) == 1) return;
    PlanarPolygon polygon;
    polygon.rings.emplace_back();
    readCoords(h, GEOSGetExteriorRing_r(h, g), polygon.rings.back());
    if (polygon.rings.back().size() < 6) return;
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i) {
      std::vector<double> ring;
      readCoords(h, GEOSGetInteriorRingN_r(h, g, i), ring);
      if (ring.size() >= 6) polygon.rings.push_back(std::move(ring));
    }
    out.push_back(std::move(polygon));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collectPolygons(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

GeomPtr readWkb(ThreadGeos& context, const std::vector<std::uint8_t>& wkb, const std::string& what) {
  std::unique_ptr<GEOSWKBReader, WkbReaderDeleter> reader(GEOSWKBReader_create_r(context.handle),
                                                          WkbReaderDeleter{context.handle});
  GeomPtr g(GEOSWKBReader_read_r(context.handle, reader.get(), wkb.data(), wkb.size()),
            GeomDeleter{context.handle});
  if (!g) throw GeoError(what + ": unreadable geometry (" + context.lastError + ")");
  return g;
}

}  // namespace

// ---- exact disk ∩ ring -----------------------------------------------------------------

namespace {

constexpr std::uint32_t kChunkEdges = 8;

// Accumulates the disk ∩ triangle(centre, P, Q) contributions of edges [begin, end) of a
// ring of n vertices: straight pieces inside the disk into `twiceTriangles` (Σ cross), the
// angles where outside pieces start and end into `angle`, and their crossings of atan2's
// branch cut into `crossings` (so Σ swept angles = angle + 2π·crossings).
void accumulateEdges(const double* xy, std::size_t n, std::size_t begin, std::size_t end, double cx,
                     double cy, double r2, double& twiceTriangles, double& angle, int& crossings) {
  double px = xy[2 * begin] - cx;
  double py = xy[2 * begin + 1] - cy;
  double pd = px * px + py * py;
  for (std::size_t j = begin; j < end; ++j) {
    const std::size_t qi = j + 1 == n ? 0 : j + 1;
    const double qx = xy[2 * qi] - cx;
    const double qy = xy[2 * qi + 1] - cy;
    const double qd = qx * qx + qy * qy;
    const bool pin = pd <= r2;
    const bool qin = qd <= r2;
    if (pin && qin) {
      twiceTriangles += px * qy - qx * py;
    } else {
      // |P + t·D|² = r²  →  a t² + 2 b t + c = 0
      const double dx = qx - px;
      const double dy = qy - py;
      const double a = dx * dx + dy * dy;
      const double b = px * dx + py * dy;
      const double c = pd - r2;
      const double disc = b * b - a * c;
      if (pin) {  // leaves the disk at t2
        const double t = std::clamp((-b + std::sqrt(std::max(disc, 0.0))) / a, 0.0, 1.0);
        const double ex = px + t * dx;
        const double ey = py + t * dy;
        twiceTriangles += px * ey - ex * py;
        angle -= angleOf(ex, ey);
        crossings += cutCrossings(ex, ey, qx, qy);
      } else if (qin) {  // enters the disk at t1
        const double t = std::clamp((-b - std::sqrt(std::max(disc, 0.0))) / a, 0.0, 1.0);
        const double ex = px + t * dx;
        const double ey = py + t * dy;
        crossings += cutCrossings(px, py, ex, ey);
        angle += angleOf(ex, ey);
        twiceTriangles += ex * qy - qx * ey;
      } else if (a > 0 && disc > 0 && -b > 0 && -b < a) {
        // Both ends outside and the closest point (t = −b/a) strictly inside: a chord.
        const double s = std::sqrt(disc);
        const double t1 = (-b - s) / a;
        const double t2 = (-b + s) / a;
        const double x1 = px + t1 * dx, y1 = py + t1 * dy;
        const double x2 = px + t2 * dx, y2 = py + t2 * dy;
        crossings += cutCrossings(px, py, x1, y1);
        angle += angleOf(x1, y1);
        twiceTriangles += x1 * y2 - x2 * y1;
        angle -= angleOf(x2, y2);
        crossings += cutCrossings(x2, y2, qx, qy);
      } else {
        crossings += cutCrossings(px, py, qx, qy);
      }
    }
    px = qx;
    py = qy;
    pd = qd;
  }
}

double finishSum(double twiceTriangles, double angle, int crossings, double r2) {
  const double sweep = angle + kTwoPi * crossings;
  return std::fabs(0.5 * twiceTriangles + 0.5 * r2 * sweep);
}

// Same as circleRingArea, settling whole chunks from their bbox where possible: a chunk
// farther than r contributes only branch-cut crossings (none unless it straddles the
// horizontal line through the centre on its left); a chunk within r contributes its
// triangle fan, Σ (P−c)×(Q−c) = Σ (P−P0)×(Q−P0) + (P_first − Q_last)×(P0 − c).
double circleRingAreaChunked(const std::vector<double>& ring, const std::vector<PlanarPolygon::Chunk>& chunks,
                             double cx, double cy, double r) {
  const std::size_t n = ring.size() / 2;
  const double r2 = r * r;
  double twiceTriangles = 0;
  double angle = 0;
  int crossings = 0;
  const double* xy = ring.data();
  for (const auto& ch : chunks) {
    const double nx = std::max({ch.minX - cx, 0.0, cx - ch.maxX});
    const double ny = std::max({ch.minY - cy, 0.0, cy - ch.maxY});
    if (nx * nx + ny * ny > r2) {
      if (ch.minX >= cx || ch.minY - cy >= 0.0 || ch.maxY - cy < 0.0) continue;
      for (std::size_t j = ch.begin; j < ch.end; ++j) {
        const std::size_t qi = j + 1 == n ? 0 : j + 1;
        crossings += cutCrossings(xy[2 * j] - cx, xy[2 * j + 1] - cy, xy[2 * qi] - cx, xy[2 * qi + 1] - cy);
      }
      continue;
    }
    const double fx = std::max(std::fabs(ch.minX - cx), std::fabs(ch.maxX - cx));
    const double fy = std::max(std::fabs(ch.minY - cy), std::fabs(ch.maxY - cy));
    if (fx * fx + fy * fy <= r2) {
      const std::size_t last = ch.end == n ? 0 : ch.end;
      const double x0 = xy[2 * ch.begin], y0 = xy[2 * ch.begin + 1];
      const double lx = xy[2 * last] - x0, ly = xy[2 * last + 1] - y0;  // Q_last − P0 (P_first − P0 = 0)
      const double dx = x0 - cx, dy = y0 - cy;
      twiceTriangles += ch.twice + (0.0 - lx) * dy - (0.0 - ly) * dx;
      continue;
    }
    accumulateEdges(xy, n, ch.begin, ch.end, cx, cy, r2, twiceTriangles, angle, crossings);
  }
  return finishSum(twiceTriangles, angle, crossings, r2);
}

}  // namespace

double circleRingArea(const double* xy, std::size_t n, double cx, double cy, double r) {
  if (n < 3 || !(r > 0)) return 0.0;
  double twiceTriangles = 0;
  double angle = 0;
  int crossings = 0;
  accumulateEdges(xy, n, 0, n, cx, cy, r * r, twiceTriangles, angle, crossings);
  return finishSum(twiceTriangles, angle, crossings, r * r);
}

double circleShapeArea(const PlanarShape& shape, double cx, double cy, double r) {
  if (!(r > 0)) return 0.0;
  double total = 0;
  for (const PlanarPolygon& polygon : shape.polygons) {
    const bool chunked = polygon.chunks.size() == polygon.rings.size();
    double part = 0;
    for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
      const auto& ring = polygon.rings[k];
      if (ring.size() < 6) continue;
      const double a = chunked ? circleRingAreaChunked(ring, polygon.chunks[k], cx, cy, r)
                               : circleRingArea(ring.data(), ring.size() / 2, cx, cy, r);
      part += k == 0 ? a : -a;
    }
    total += std::max(part, 0.0);
  }
  return total;
}

void PlanarShape::finish() {
  minX = minY = std::numeric_limits<double>::infinity();
  maxX = maxY = -std::numeric_limits<double>::infinity();
  area = 0;
  for (PlanarPolygon& polygon : polygons) {
    double part = 0;
    polygon.chunks.assign(polygon.rings.size(), {});
    for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
      const auto& ring = polygon.rings[k];
      const std::size_t n = ring.size() / 2;
      for (std::size_t i = 0; i < n; ++i) {
        minX = std::min(minX, ring[2 * i]);
        maxX = std::max(maxX, ring[2 * i]);
        minY = std::min(minY, ring[2 * i + 1]);
        maxY = std::max(maxY, ring[2 * i + 1]);
      }
      const double a = n >= 3 ? std::fabs(ringSignedArea(ring)) : 0.0;
      part += k == 0 ? a : -a;
      for (std::size_t begin = 0; begin < n; begin += kChunkEdges) {
        PlanarPolygon::Chunk ch;
        ch.begin = static_cast<std::uint32_t>(begin);
        ch.end = static_cast<std::uint32_t>(std::min(n, begin + kChunkEdges));
        const double x0 = ring[2 * begin], y0 = ring[2 * begin + 1];
        ch.minX = ch.maxX = x0;
        ch.minY = ch.maxY = y0;
        for (std::size_t j = begin; j < ch.end; ++j) {
          const std::size_t q = j + 1 == n ? 0 : j + 1;
          const double qx = ring[2 * q], qy = ring[2 * q + 1];
          ch.minX = std::min(ch.minX, qx);
          ch.maxX = std::max(ch.maxX, qx);
          ch.minY = std::min(ch.minY, qy);
          ch.maxY = std::max(ch.maxY, qy);
          const double ax = ring[2 * j] - x0, ay = ring[2 * j + 1] - y0;
          ch.twice += ax * (qy - y0) - (qx - x0) * ay;
        }
        polygon.chunks[k].push_back(ch);
      }
    }
    area += std::max(part, 0.0);
  }
  if (polygons.empty()) minX = minY = maxX = maxY = 0;
}

// ---- projection --------------------------------------------------------------------------

struct EqualAreaPlane::Impl {
  PJ_CONTEXT* context = nullptr;
  PJ* pj = nullptr;
  ~Impl() {
    if (pj != nullptr) proj_destroy(pj);
    if (context != nullptr) proj_context_destroy(context);
  }
};

EqualAreaPlane::EqualAreaPlane(double lon0, double lat0)
    : m_impl(std::make_unique<Impl>()), m_lon0(lon0), m_lat0(lat0) {
  m_impl->context = proj_context_create();
  char definition[256];
  std::snprintf(definition, sizeof definition,
                "+proj=laea +lat_0=%.10f +lon_0=%.10f +x_0=0 +y_0=0 +ellps=WGS84 +units=m", lat0, lon0);
  m_impl->pj = proj_create(m_impl->context, definition);
  if (m_impl->pj == nullptr) {
    throw GeoError(std::string("PROJ: cannot create '") + definition +
                   "': " + proj_context_errno_string(m_impl->context, proj_context_errno(m_impl->context)));
  }
}

EqualAreaPlane::~EqualAreaPlane() = default;

void EqualAreaPlane::forward(std::vector<double>& xy) const {
  const std::size_t n = xy.size() / 2;
  if (n == 0) return;
  for (double& v : xy) v *= kPi / 180.0;
  proj_trans_generic(m_impl->pj, PJ_FWD, xy.data(), 2 * sizeof(double), n, xy.data() + 1, 2 * sizeof(double),
                     n, nullptr, 0, 0, nullptr, 0, 0);
  for (double v : xy) {
    if (!std::isfinite(v)) {
      throw GeoError("PROJ: Lambert azimuthal equal-area projection centred on (" + std::to_string(m_lon0) +
                     ", " + std::to_string(m_lat0) + ") failed for a coordinate (out of range?)");
    }
  }
}

void EqualAreaPlane::forward(double lon, double lat, double& x, double& y) const {
  std::vector<double> xy{lon, lat};
  forward(xy);
  x = xy[0];
  y = xy[1];
}

void studyAreaCentre(const std::vector<const std::vector<std::uint8_t>*>& wkbs, double& lon, double& lat) {
  ThreadGeos& context = threadGeos();
  double minX = std::numeric_limits<double>::infinity(), minY = minX;
  double maxX = -minX, maxY = -minX;
  std::unique_ptr<GEOSWKBReader, WkbReaderDeleter> reader(GEOSWKBReader_create_r(context.handle),
                                                          WkbReaderDeleter{context.handle});
  for (const auto* wkb : wkbs) {
    if (wkb == nullptr || wkb->empty()) continue;
    GeomPtr g(GEOSWKBReader_read_r(context.handle, reader.get(), wkb->data(), wkb->size()),
              GeomDeleter{context.handle});
    if (!g || GEOSisEmpty_r(context.handle, g.get()) == 1) continue;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (GEOSGeom_getXMin_r(context.handle, g.get(), &x0) == 0 ||
        GEOSGeom_getYMin_r(context.handle, g.get(), &y0) == 0 ||
        GEOSGeom_getXMax_r(context.handle, g.get(), &x1) == 0 ||
        GEOSGeom_getYMax_r(context.handle, g.get(), &y1) == 0) {
      continue;
    }
    minX = std::min(minX, x0);
    minY = std::min(minY, y0);
    maxX = std::max(maxX, x1);
    maxY = std::max(maxY, y1);
  }
  if (minX > maxX) {
    lon = 0;
    lat = 0;
    return;
  }
  lon = 0.5 * (minX + maxX);
  lat = 0.5 * (minY + maxY);
}

PlanarShape projectShape(const std::vector<std::uint8_t>& wkb, const EqualAreaPlane& plane,
                         const std::string& what) {
  PlanarShape shape;
  if (wkb.empty()) return shape;
  ThreadGeos& context = threadGeos();
  GeomPtr g = readWkb(context, wkb, what);
  collectPolygons(context.handle, g.get(), shape.polygons);
  for (PlanarPolygon& polygon : shape.polygons) {
    for (auto& ring : polygon.rings) plane.forward(ring);
  }
  shape.finish();
  return shape;
}

PlanarShape planarShapeFromWkb(const std::vector<std::uint8_t>& wkb, const std::string& what) {
  PlanarShape shape;
  if (wkb.empty()) return shape;
  ThreadGeos& context = threadGeos();
  GeomPtr g = readWkb(context, wkb, what);
  collectPolygons(context.handle, g.get(), shape.polygons);
  shape.finish();
  return shape;
}

namespace {
void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void putF64(std::vector<std::uint8_t>& out, double v) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));
}
}  // namespace

std::vector<std::uint8_t> planarShapeToWkb(const PlanarShape& shape) {
  // ISO WKB, little endian: MultiPolygon (6) of Polygons (3) of closed rings.
  std::vector<std::uint8_t> out;
  out.push_back(1);
  putU32(out, 6);
  putU32(out, static_cast<std::uint32_t>(shape.polygons.size()));
  for (const PlanarPolygon& polygon : shape.polygons) {
    out.push_back(1);
    putU32(out, 3);
    putU32(out, static_cast<std::uint32_t>(polygon.rings.size()));
    for (const auto& ring : polygon.rings) {
      const std::size_t n = ring.size() / 2;
      putU32(out, static_cast<std::uint32_t>(n + 1));
      for (std::size_t i = 0; i < 2 * n; ++i) putF64(out, ring[i]);
      putF64(out, ring[0]);
      putF64(out, ring[1]);
    }
  }
  return out;
}

// ---- index -------------------------------------------------------------------------------

struct CatchmentIndex::Tree {
  ThreadGeos owner;  // the context that built the tree and owns its envelope geometries
  GEOSSTRtree* tree = nullptr;
  std::vector<GEOSGeometry*> envelopes;
  std::vector<int> ids;  // payloads point into this vector
  ~Tree() {
    if (tree != nullptr) GEOSSTRtree_destroy_r(owner.handle, tree);
    for (GEOSGeometry* g : envelopes) GEOSGeom_destroy_r(owner.handle, g);
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
  GEOSContextHandle_t h = m_tree->owner.handle;
  m_tree->tree = GEOSSTRtree_create_r(h, 10);
  if (m_tree->tree == nullptr)
    throw GeoError("GEOS: cannot create STRtree (" + m_tree->owner.lastError + ")");
  m_tree->ids.resize(m_shapes.size());
  m_tree->envelopes.reserve(m_shapes.size());
  for (std::size_t i = 0; i < m_shapes.size(); ++i) {
    m_tree->ids[i] = static_cast<int>(i);
    const PlanarShape& s = m_shapes[i];
    if (s.empty()) continue;
    GEOSGeometry* env = GEOSGeom_createRectangle_r(h, s.minX, s.minY, s.maxX, s.maxY);
    if (env == nullptr) throw GeoError("GEOS: cannot create envelope (" + m_tree->owner.lastError + ")");
    m_tree->envelopes.push_back(env);
    GEOSSTRtree_insert_r(h, m_tree->tree, env, &m_tree->ids[i]);
  }
  // GEOS builds the tree on its first query; do it here so later queries only read it and
  // may run concurrently.
  GeomPtr probe(GEOSGeom_createPointFromXY_r(h, 0, 0), GeomDeleter{h});
  GEOSSTRtree_query_r(
      h, m_tree->tree, probe.get(), [](void*, void*) {}, nullptr);
}

CatchmentIndex::~CatchmentIndex() = default;

void CatchmentIndex::overlaps(double cx, double cy, double r, std::vector<Overlap>& out) const {
  if (!std::isfinite(cx) || !std::isfinite(cy) || !(r > 0)) return;
  ThreadGeos& context = threadGeos();
  GeomPtr box(GEOSGeom_createRectangle_r(context.handle, cx - r, cy - r, cx + r, cy + r),
              GeomDeleter{context.handle});
  if (!box) throw GeoError("GEOS: cannot create query envelope (" + context.lastError + ")");
  QueryState state{&m_shapes, cx, cy, r, &out};
  GEOSSTRtree_query_r(context.handle, m_tree->tree, box.get(), visitCandidate, &state);
}

std::vector<double> areaWeightedSums(const CatchmentIndex& index, const std::vector<double>& values,
                                     const std::vector<double>& xs, const std::vector<double>& ys, double r,
                                     int threads, std::vector<int>* missingRegion) {
  const std::size_t n = xs.size();
  std::vector<double> result(n, kNaNValue);
  if (missingRegion != nullptr) missingRegion->assign(n, -1);
  const auto& shapes = index.shapes();
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
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
  std::mutex errorMutex;
  std::exception_ptr error;
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
  auto work = [&]() {
    try {
      workChunks();
    } catch (...) {
      std::lock_guard<std::mutex> lock(errorMutex);
      if (!error) error = std::current_exception();
      next.store(n);  // stop the others
    }
  };
  if (threads <= 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads - 1));
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
  }
  if (error) std::rethrow_exception(error);
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

  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(tiles.size(), 1)));
  std::atomic<std::size_t> next{0};
  std::mutex errorMutex;
  std::exception_ptr error;
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
  auto work = [&]() {
    try {
      workTiles();
    } catch (...) {
      std::lock_guard<std::mutex> lock(errorMutex);
      if (!error) error = std::current_exception();
      next.store(tiles.size());
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
  if (error) std::rethrow_exception(error);
  return result;
}

}  // namespace detail
}  // namespace clustershift
