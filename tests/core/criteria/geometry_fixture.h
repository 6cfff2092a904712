#pragma once
// Hand-written inputs for the spatial criteria tests: WKT -> WKB through GEOS's own reader and
// writer, parks at a point, and one criterion run through the registry on such inputs.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <geos_c.h>

#include "clustershift/criterion.h"

namespace clustershift::testing {

inline std::vector<std::uint8_t> wkbFromWkt(const std::string& wkt) {
  GEOSContextHandle_t h = GEOS_init_r();
  GEOSWKTReader* reader = GEOSWKTReader_create_r(h);
  GEOSGeometry* g = GEOSWKTReader_read_r(h, reader, wkt.c_str());
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(h);
  std::size_t size = 0;
  unsigned char* buffer = g ? GEOSWKBWriter_write_r(h, writer, g, &size) : nullptr;
  std::vector<std::uint8_t> out(buffer, buffer + size);
  if (buffer) GEOSFree_r(h, buffer);
  GEOSWKBWriter_destroy_r(h, writer);
  if (g) GEOSGeom_destroy_r(h, g);
  GEOSWKTReader_destroy_r(h, reader);
  GEOS_finish_r(h);
  return out;
}

inline Park parkAt(const std::string& id, double lon, double lat) {
  Park p;
  p.id = id;
  p.fid = id;
  p.lon = lon;
  p.lat = lat;
  return p;
}

/// One criterion (by registry id) on hand-made inputs; no source region, an optional source point.
struct SpatialCriterionRun {
  std::string criterion;
  Scenario scenario;
  Inputs inputs;
  Feedback feedback;
  double sourceLon = kNaN;
  double sourceLat = kNaN;
  explicit SpatialCriterionRun(std::string id) : criterion(std::move(id)) {}
  std::vector<double> run(const nlohmann::json& params = nlohmann::json::object()) {
    CriterionContext context{scenario, inputs, -1, sourceLon, sourceLat, feedback};
    return CriterionRegistry::instance().create(criterion)->compute(context, params);
  }
};

}  // namespace clustershift::testing
