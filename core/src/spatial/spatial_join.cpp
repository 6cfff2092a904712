#include "spatial/spatial_join.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <string>

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

/// What one thread of locatePoints() found among its share of the regions.
struct ShareFound {
  std::vector<int> hit;  ///< per point, the lowest covering index of the share; -1: none
  /// A region of the share that cannot be read: the lowest index, and its error.
  std::size_t badRegion = SIZE_MAX;
  std::exception_ptr regionError;
  /// Per point, the lowest index of the share whose test failed (SIZE_MAX: none), and why.
  std::vector<std::size_t> failedAt;
  std::vector<std::string> failure;
};

/// locatePoints() over the regions whose index is `lane` modulo `lanes`. Errors are kept, not
/// thrown: the caller decides which of them one thread testing every region in index order
/// would have met. The GEOS objects are made and freed on the calling thread (a GEOS object
/// belongs to its thread's context).
ShareFound locateInShare(const std::vector<Region>& regions, const std::vector<double>& lon,
                         const std::vector<double>& lat, std::size_t lane, std::size_t lanes) {
  const std::size_t n = std::min(lon.size(), lat.size());
  ShareFound found;
  found.hit.assign(n, -1);
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
    try {
      shapes.push_back(geosFromWkb(regions[i].wkb, "region '" + regions[i].id + "'"));
      prepared.push_back(geosPrepare(shapes.back().get()));
    } catch (const GeoError&) {
      found.badRegion = i;
      found.regionError = std::current_exception();
      return found;
    }
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
      const char hit =
          GEOSPreparedCovers_r(ctx, prepared[static_cast<std::size_t>(index)].get(), point.get());
      if (hit == 2) {
        if (found.failedAt.empty()) {
          found.failedAt.assign(n, SIZE_MAX);
          found.failure.resize(n);
        }
        found.failedAt[p] = static_cast<std::size_t>(index);
        found.failure[p] = GeosContext::current().takeMessage();
        break;  // a thread testing in index order stops here
      }
      if (hit == 1) {
        found.hit[p] = index;
        break;
      }
    }
  }
  return found;
}

}  // namespace

std::vector<int> locatePoints(const std::vector<Region>& regions, const std::vector<double>& lon,
                              const std::vector<double>& lat) {
  // The regions are shared out between two threads (by index, so each has regions all over the
  // map): each parses, prepares and tests only its own. A point then goes to the lower of the
  // two regions found, the lowest covering index overall; a region that cannot be read is
  // reported by its index, and a failed test only where one thread testing every region in
  // index order would have met it (before the covering region), so results and errors are
  // those of that one thread. At national size (2,850 regions of ~200 vertices, 20,000 parks)
  // 0.2 s on one thread, on the run's path (perf, bench/national).
  const std::size_t n = std::min(lon.size(), lat.size());
  const std::size_t lanes = regions.size() >= 64 ? std::min<std::size_t>(2, util::threadCount()) : 1;
  std::vector<ShareFound> found(lanes);
  util::runOnThreads(static_cast<unsigned>(lanes),
                     [&](unsigned lane) { found[lane] = locateInShare(regions, lon, lat, lane, lanes); });
  const ShareFound* bad = nullptr;
  for (const ShareFound& share : found)
    if (share.regionError && (!bad || share.badRegion < bad->badRegion)) bad = &share;
  if (bad) std::rethrow_exception(bad->regionError);
  std::vector<int> result(n, -1);
  for (std::size_t p = 0; p < n; ++p) {
    std::size_t failedAt = SIZE_MAX;
    const std::string* failure = nullptr;
    for (const ShareFound& share : found) {
      const int hit = share.hit[p];
      if (hit >= 0 && (result[p] < 0 || hit < result[p])) result[p] = hit;
      if (!share.failedAt.empty() && share.failedAt[p] < failedAt) {
        failedAt = share.failedAt[p];
        failure = &share.failure[p];
      }
    }
    if (failure && (result[p] < 0 || failedAt < static_cast<std::size_t>(result[p])))
      throw PointError(*failure, p, failedAt);
  }
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
