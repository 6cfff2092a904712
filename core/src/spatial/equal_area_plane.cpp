// Planar shapes from WKB (GEOS) and the local Lambert azimuthal equal-area plane (PROJ) they
// are projected into; WKB back out for GEOS operations.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <geos_c.h>
#include <proj.h>

#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/util.h"
#include "io/geos_context.h"
#include "spatial/equal_area_plane.h"

namespace clustershift {
namespace detail {
namespace {

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

}  // namespace

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
  const std::string definition = "+proj=laea +lat_0=" + util::formatFixed(lat0, 10) +
                                 " +lon_0=" + util::formatFixed(lon0, 10) +
                                 " +x_0=0 +y_0=0 +ellps=WGS84 +units=m";
  m_impl->pj = proj_create(m_impl->context, definition.c_str());
  if (m_impl->pj == nullptr) {
    throw GeoError("PROJ: cannot create '" + definition +
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
      throw GeoError("PROJ: Lambert azimuthal equal-area projection centred on (" +
                     util::formatNumber(m_lon0) + ", " + util::formatNumber(m_lat0) +
                     ") failed for a coordinate (out of range?)");
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
  GEOSContextHandle_t h = GeosContext::current().handle();
  double minX = std::numeric_limits<double>::infinity(), minY = minX;
  double maxX = -minX, maxY = -minX;
  for (const auto* wkb : wkbs) {
    if (wkb == nullptr || wkb->empty()) continue;
    const GeosGeometryPtr g(GEOSGeomFromWKB_buf_r(h, wkb->data(), wkb->size()), GeosGeometryDeleter{h});
    if (!g || GEOSisEmpty_r(h, g.get()) == 1) continue;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    if (GEOSGeom_getXMin_r(h, g.get(), &x0) == 0 || GEOSGeom_getYMin_r(h, g.get(), &y0) == 0 ||
        GEOSGeom_getXMax_r(h, g.get(), &x1) == 0 || GEOSGeom_getYMax_r(h, g.get(), &y1) == 0) {
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
  const GeosGeometryPtr g = geosFromWkb(wkb, what + ": unreadable geometry");
  collectPolygons(GeosContext::current().handle(), g.get(), shape.polygons);
  for (PlanarPolygon& polygon : shape.polygons) {
    for (auto& ring : polygon.rings) plane.forward(ring);
  }
  shape.finish();
  return shape;
}

PlanarShape planarShapeFromWkb(const std::vector<std::uint8_t>& wkb, const std::string& what) {
  PlanarShape shape;
  if (wkb.empty()) return shape;
  const GeosGeometryPtr g = geosFromWkb(wkb, what + ": unreadable geometry");
  collectPolygons(GeosContext::current().handle(), g.get(), shape.polygons);
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

}  // namespace detail
}  // namespace clustershift
