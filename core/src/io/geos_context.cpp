#include "io/geos_context.h"

#include <cstdarg>
#include <cstdio>

#include "clustershift/error.h"

namespace clustershift::detail {

void geosMessageHandler(const char* message, void* userdata) {
  auto* self = static_cast<GeosContext*>(userdata);
  if (self && message) self->m_message = message;
}

GeosContext::GeosContext() {
  m_handle = GEOS_init_r();
  GEOSContext_setErrorMessageHandler_r(m_handle, &geosMessageHandler, this);
  // Notices (e.g. "Self-intersection at ...") are informative; keep the latest too.
  GEOSContext_setNoticeMessageHandler_r(m_handle, &geosMessageHandler, this);
}

GeosContext::~GeosContext() {
  if (m_handle) GEOS_finish_r(m_handle);
}

GeosContext& GeosContext::current() {
  thread_local GeosContext context;
  return context;
}

std::string GeosContext::takeMessage() {
  std::string text;
  text.swap(m_message);
  return text;
}

namespace {
[[noreturn]] void throwGeos(const std::string& what) {
  std::string message = GeosContext::current().takeMessage();
  throw GeoError(what + ": " + (message.empty() ? "GEOS operation failed" : message));
}
}  // namespace

GeosGeometryPtr geosOwn(GEOSGeometry* g, const std::string& what) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  if (!g) throwGeos(what);
  return GeosGeometryPtr(g, GeosGeometryDeleter{ctx});
}

GeosGeometryPtr geosFromWkb(const std::vector<std::uint8_t>& wkb, const std::string& what) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  if (wkb.empty()) throw GeoError(what + ": no geometry");
  return geosOwn(GEOSGeomFromWKB_buf_r(ctx, wkb.data(), wkb.size()), what);
}

GeosGeometryPtr geosFromWkt(const std::string& wkt, const std::string& what) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  return geosOwn(GEOSGeomFromWKT_r(ctx, wkt.c_str()), what);
}

std::vector<std::uint8_t> geosToWkb(const GEOSGeometry* g) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(ctx);
  GEOSWKBWriter_setByteOrder_r(ctx, writer, GEOS_WKB_NDR);
  GEOSWKBWriter_setOutputDimension_r(ctx, writer, 2);
  std::size_t size = 0;
  unsigned char* buffer = GEOSWKBWriter_write_r(ctx, writer, g, &size);
  GEOSWKBWriter_destroy_r(ctx, writer);
  if (!buffer) throwGeos("writing WKB");
  std::vector<std::uint8_t> wkb(buffer, buffer + size);
  GEOSFree_r(ctx, buffer);
  return wkb;
}

GeosGeometryPtr geosPoint(double x, double y) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  return geosOwn(GEOSGeom_createPointFromXY_r(ctx, x, y), "creating a point");
}

GeosPreparedPtr geosPrepare(const GEOSGeometry* g) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  const GEOSPreparedGeometry* prepared = GEOSPrepare_r(ctx, g);
  if (!prepared) throwGeos("preparing a geometry");
  return GeosPreparedPtr(prepared, GeosPreparedDeleter{ctx});
}

bool geosCheckAndRepair(const GEOSGeometry* g, std::string& reason, GeosGeometryPtr& repaired) {
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  char valid = GEOSisValid_r(ctx, g);
  if (valid == 1) return true;
  if (char* text = GEOSisValidReason_r(ctx, g)) {
    reason = text;
    GEOSFree_r(ctx, text);
  }
  GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(ctx);
  GEOSMakeValidParams_setMethod_r(ctx, params, GEOS_MAKE_VALID_STRUCTURE);
  GEOSMakeValidParams_setKeepCollapsed_r(ctx, params, 0);
  GEOSGeometry* fixed = GEOSMakeValidWithParams_r(ctx, g, params);
  GEOSMakeValidParams_destroy_r(ctx, params);
  repaired = geosOwn(fixed, "repairing geometry (" + reason + ")");
  return false;
}

std::vector<std::uint8_t> wktToWkb(const std::string& wkt) {
  GeosGeometryPtr g = geosFromWkt(wkt, "parsing WKT");
  return geosToWkb(g.get());
}

}  // namespace clustershift::detail
