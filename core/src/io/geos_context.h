#pragma once
// GEOS C API (_r functions) with one context per thread whose error handler is captured,
// so a GeoError carries GEOS's own words; RAII for geometries, prepared geometries, WKB.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <geos_c.h>

namespace clustershift::detail {

/// A GEOS context whose error and notice texts are captured. Use the calling thread's one
/// (current()); construct one of your own only for GEOS objects that must outlive the thread
/// that built them (CatchmentIndex's STRtree).
class GeosContext {
 public:
  GeosContext();
  /// The calling thread's context (created on first use, destroyed at thread exit).
  static GeosContext& current();
  GEOSContextHandle_t handle() const { return m_handle; }
  /// Last GEOS error/notice text on this thread ("" when none); clears it.
  std::string takeMessage();

  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  ~GeosContext();

 private:
  GEOSContextHandle_t m_handle = nullptr;
  std::string m_message;
  friend void geosMessageHandler(const char* message, void* userdata);
};

struct GeosGeometryDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(context, g);
  }
};
using GeosGeometryPtr = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

struct GeosPreparedDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(const GEOSPreparedGeometry* g) const {
    if (g) GEOSPreparedGeom_destroy_r(context, g);
  }
};
using GeosPreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>;

struct GeosTreeDeleter {
  GEOSContextHandle_t context = nullptr;
  void operator()(GEOSSTRtree* t) const {
    if (t) GEOSSTRtree_destroy_r(context, t);
  }
};
using GeosTreePtr = std::unique_ptr<GEOSSTRtree, GeosTreeDeleter>;

/// Takes ownership of a GEOS result; throws GeoError("<what>: <GEOS message>") on nullptr.
GeosGeometryPtr geosOwn(GEOSGeometry* g, const std::string& what);
/// Parses WKB (or throws GeoError naming `what`).
GeosGeometryPtr geosFromWkb(const std::vector<std::uint8_t>& wkb, const std::string& what);
/// Parses WKT (tests, literals).
GeosGeometryPtr geosFromWkt(const std::string& wkt, const std::string& what);
/// Writes little-endian 2D ISO WKB.
std::vector<std::uint8_t> geosToWkb(const GEOSGeometry* g);
/// A point geometry.
GeosGeometryPtr geosPoint(double x, double y);
/// Prepared geometry of g (g must outlive it).
GeosPreparedPtr geosPrepare(const GEOSGeometry* g);

/// Validity check and repair. Returns true when g was valid; otherwise sets `reason`
/// (GEOS's words, e.g. "Self-intersection[1 1]") and `repaired` (GEOSMakeValid, structure
/// method keeping polygonal output for polygonal input).
bool geosCheckAndRepair(const GEOSGeometry* g, std::string& reason, GeosGeometryPtr& repaired);

/// Convenience: WKT -> WKB (tests and literals). Throws GeoError.
std::vector<std::uint8_t> wktToWkb(const std::string& wkt);

}  // namespace clustershift::detail
