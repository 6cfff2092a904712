// Polygon candidates (parcels, planned land): scored at their centroid, carrying their area.
#include <cmath>

#include <geodesic.h>

#include "clustershift/geo.h"
#include "io/geos_context.h"
#include "io/ogr.h"
#include "pipeline/candidates.h"

namespace clustershift::detail {
namespace {

// |area| of one ring on the WGS84 ellipsoid (m²), PROJ's geodesic polygon (Karney 2013).
double ringAreaM2(const geod_geodesic& geod, OGRGeometryH ring) {
  const int n = OGR_G_GetPointCount(ring);
  geod_polygon polygon;
  geod_polygon_init(&polygon, 0);
  // The closing vertex repeats the first: geod_polygon closes the ring itself.
  for (int i = 0; i + 1 < n; ++i)
    geod_polygon_addpoint(&geod, &polygon, OGR_G_GetY(ring, i), OGR_G_GetX(ring, i));
  double area = 0;
  geod_polygon_compute(&geod, &polygon, 0, 1, &area, nullptr);
  return std::abs(area);
}

double polygonAreaM2(const geod_geodesic& geod, OGRGeometryH polygon) {
  double area = 0;
  for (int r = 0; r < OGR_G_GetGeometryCount(polygon); ++r) {
    const double ring = ringAreaM2(geod, OGR_G_GetGeometryRef(polygon, r));
    area += r == 0 ? ring : -ring;  // holes
  }
  return area;
}

}  // namespace

void placePolygonCandidates(Inputs& inputs) {
  geod_geodesic geod;
  geod_init(&geod, 6378137.0, 1.0 / 298.257223563);
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  for (Park& park : inputs.parks) {
    if (park.wkb.empty()) continue;
    OGRGeometryH g = nullptr;
    if (OGR_G_CreateFromWkb(park.wkb.data(), nullptr, &g, static_cast<int>(park.wkb.size())) != OGRERR_NONE)
      continue;
    OgrGeometryPtr owned(g);
    const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type != wkbPolygon && type != wkbMultiPolygon) continue;
    try {
      GeosGeometryPtr shape = geosFromWkb(park.wkb, "park '" + park.id + "'");
      GeosGeometryPtr centroid =
          geosOwn(GEOSGetCentroid_r(ctx, shape.get()), "centroid of park '" + park.id + "'");
      double x = kNaN, y = kNaN;
      if (GEOSContains_r(ctx, shape.get(), centroid.get()) == 1 && GEOSGeomGetX_r(ctx, centroid.get(), &x) &&
          GEOSGeomGetY_r(ctx, centroid.get(), &y)) {
        park.lon = x;
        park.lat = y;
      }
    } catch (const Error&) {
      // The loader already reported the geometry; its point-on-surface stays.
    }
    if (!isMissing(park.value("area_ha"))) continue;
    double areaM2 = 0;
    if (type == wkbPolygon) {
      areaM2 = polygonAreaM2(geod, g);
    } else {
      for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i)
        areaM2 += polygonAreaM2(geod, OGR_G_GetGeometryRef(g, i));
    }
    park.values["area_ha"] = areaM2 / 10000.0;
  }
}

}  // namespace clustershift::detail
