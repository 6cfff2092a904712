#include "spatial/spatial_join.h"

#include <algorithm>

#include "clustershift/error.h"
#include "clustershift/geo.h"
#include "clustershift/util.h"
#include "io/geos_context.h"

namespace clustershift {
namespace detail {

namespace {
// A GEOS failure at one point, named by the caller (park id or point index).
struct PointError : GeoError {
  PointError(const std::string& message, std::size_t pointIndex, std::size_t regionIndex)
      : GeoError(message), point(pointIndex), region(regionIndex) {}
  std::size_t point, region;
};

void collectIndex(void* item, void* userdata) {
  auto* out = static_cast<std::vector<int>*>(userdata);
  out->push_back(static_cast<int>(reinterpret_cast<std::intptr_t>(item)));
}
}  // namespace

std::vector<int> locateParks(const std::vector<Region>& regions, const std::vector<Park>& parks) {
  std::vector<double> lon, lat;
  lon.reserve(parks.size());
  lat.reserve(parks.size());
  for (const Park& park : parks) {
    lon.push_back(park.lon);
    lat.push_back(park.lat);
  }
  try {
    return locatePoints(regions, lon, lat);
  } catch (const PointError& e) {
    throw GeoError("joining park '" + parks[e.point].id + "' to region '" + regions[e.region].id +
                   "': " + e.what());
  }
}

namespace {

/// locatePoints() over the regions whose index is `lane` modulo `lanes`: each point gets the
/// lowest such index whose region covers it, -1 when none does. The GEOS objects are made and
/// freed on the calling thread (a GEOS object belongs to its thread's context).
std::vector<int> locateInShare(const std::vector<Region>& regions, const std::vector<double>& lon,
                               const std::vector<double>& lat, std::size_t lane, std::size_t lanes) {
  const std::size_t n = std::min(lon.size(), lat.size());
  std::vector<int> result(n, -1);
  GEOSContextHandle_t ctx = GeosContext::current().handle();
  std::vector<GeosGeometryPtr> shapes;
  std::vector<GeosPreparedPtr> prepared;
  shapes.reserve(regions.size());
  prepared.reserve(regions.size());
  GeosTreePtr tree(GEOSSTRtree_create_r(ctx, 10), GeosTreeDeleter{ctx});
  if (!tree) throw GeoError("creating the region index: " + GeosContext::current().takeMessage());
  for (std::size_t i = 0; i < regions.size(); ++i) {
    if (i % lanes != lane || regions[i].wkb.empty()) {
      shapes.emplace_back(nullptr, GeosGeometryDeleter{ctx});
      prepared.emplace_back(nullptr, GeosPreparedDeleter{ctx});
      continue;
    }
    shapes.push_back(geosFromWkb(regions[i].wkb, "region '" + regions[i].id + "'"));
    prepared.push_back(geosPrepare(shapes.back().get()));
    GEOSSTRtree_insert_r(ctx, tree.get(), shapes.back().get(),
                         reinterpret_cast<void*>(static_cast<std::intptr_t>(i)));
  }
  std::vector<int> candidates;
  for (std::size_t p = 0; p < n; ++p) {
    if (isMissing(lon[p]) || isMissing(lat[p])) continue;
    GeosGeometryPtr point = geosPoint(lon[p], lat[p]);
    candidates.clear();
    GEOSSTRtree_query_r(ctx, tree.get(), point.get(), &collectIndex, &candidates);
    std::sort(candidates.begin(), candidates.end());
    for (int index : candidates) {
      char hit = GEOSPreparedCovers_r(ctx, prepared[static_cast<std::size_t>(index)].get(),
                                      point.get());
      if (hit == 2) {
        throw PointError(GeosContext::current().takeMessage(), p, static_cast<std::size_t>(index));
      }
      if (hit == 1) {
        result[p] = index;
        break;
      }
    }
  }
  return result;
}

}  // namespace

std::vector<int> locatePoints(const std::vector<Region>& regions, const std::vector<double>& lon,
                              const std::vector<double>& lat) {
  // The regions are shared out between two threads (by index, so each has regions all over the
  // map): each parses and prepares only its own and tests every point against them; a point
  // then goes to the lower of the two regions found, the lowest covering index overall, as one
  // thread testing all regions in index order would give. At national size (2,850 regions of
  // ~200 vertices, 20,000 parks) 0.2 s on one thread, on the run's path (perf, bench/national).
  const std::size_t lanes = regions.size() >= 64 ? std::min<std::size_t>(2, util::threadCount()) : 1;
  std::vector<std::vector<int>> found(lanes);
  util::runOnThreads(static_cast<unsigned>(lanes),
                     [&](unsigned lane) { found[lane] = locateInShare(regions, lon, lat, lane, lanes); });
  std::vector<int> result = std::move(found[0]);
  for (std::size_t lane = 1; lane < lanes; ++lane)
    for (std::size_t p = 0; p < result.size(); ++p)
      if (found[lane][p] >= 0 && (result[p] < 0 || found[lane][p] < result[p])) result[p] = found[lane][p];
  return result;
}

}  // namespace detail

int joinParksToRegions(Inputs& inputs) {
  std::vector<int> located = detail::locateParks(inputs.regions, inputs.parks);
  int joined = 0;
  for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
    inputs.parks[p].region = located[p];
    if (located[p] >= 0) ++joined;
  }
  return joined;
}

void pointOnSurface(const Region& region, double& lon, double& lat) {
  GEOSContextHandle_t ctx = detail::GeosContext::current().handle();
  std::string what = "point on surface of region '" + region.id + "'";
  detail::GeosGeometryPtr g = detail::geosFromWkb(region.wkb, what);
  detail::GeosGeometryPtr p = detail::geosOwn(GEOSPointOnSurface_r(ctx, g.get()), what);
  double x = kNaN, y = kNaN;
  if (!GEOSGeomGetX_r(ctx, p.get(), &x) || !GEOSGeomGetY_r(ctx, p.get(), &y)) {
    throw GeoError(what + ": empty result");
  }
  lon = x;
  lat = y;
}

}  // namespace clustershift
