#pragma once
// The local Lambert azimuthal equal-area plane (PROJ) and planar shapes read from WKB (GEOS)
// (core/src/spatial/equal_area_plane.cpp).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "spatial/planar_shape.h"

namespace clustershift {
namespace detail {

/// Lambert azimuthal equal-area projection on the WGS84 ellipsoid centred on (lon0, lat0)
/// degrees (PROJ "+proj=laea"). Not thread-safe: project on one thread, then share results.
class EqualAreaPlane {
 public:
  EqualAreaPlane(double lon0, double lat0);
  ~EqualAreaPlane();
  EqualAreaPlane(const EqualAreaPlane&) = delete;
  EqualAreaPlane& operator=(const EqualAreaPlane&) = delete;

  /// Projects interleaved lon,lat degrees to x,y metres in place. Throws GeoError.
  void forward(std::vector<double>& xy) const;
  void forward(double lon, double lat, double& x, double& y) const;
  double lon0() const { return m_lon0; }
  double lat0() const { return m_lat0; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  double m_lon0;
  double m_lat0;
};

/// Centre (degrees) of the bounding box of lon/lat WKB geometries, for EqualAreaPlane.
/// Empty or unreadable geometries are skipped; (0, 0) when nothing is readable.
void studyAreaCentre(const std::vector<const std::vector<std::uint8_t>*>& wkbs, double& lon, double& lat);

/// Reads polygonal lon/lat WKB (Polygon, MultiPolygon, or polygons inside a collection) and
/// projects it. Non-polygonal parts are ignored; empty WKB gives an empty shape.
/// Throws GeoError naming `what` when the WKB cannot be parsed.
PlanarShape projectShape(const std::vector<std::uint8_t>& wkb, const EqualAreaPlane& plane,
                         const std::string& what);

/// Reads polygonal WKB already in plane coordinates (no projection), e.g. a GEOS result.
/// Throws GeoError naming `what` when the WKB cannot be parsed.
PlanarShape planarShapeFromWkb(const std::vector<std::uint8_t>& wkb, const std::string& what);
/// Little-endian 2D WKB MultiPolygon of a shape (closed rings), for GEOS operations.
std::vector<std::uint8_t> planarShapeToWkb(const PlanarShape& shape);

}  // namespace detail
}  // namespace clustershift
