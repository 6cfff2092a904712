// environment: share of the park inside sensitive zones (Inputs::exclusions):
//   E_p = |A_p ∩ ∪_z Z_z| / |A_p|
// where A_p is the park polygon, or for a point park the disk of buffer_m metres around it,
// and the zones are unioned first so overlapping zones are not counted twice. Areas in a
// Lambert azimuthal equal-area plane centred on the zones and parks; disk overlaps exact
// (edge-by-edge circle ∩ polygon, spatial/catchment.h), polygon overlaps by GEOS.
// Cost criterion in [0, 1]; `max: 0` as a hard constraint excludes any park touching a zone,
// and zonesTouching() names the zones for the exclusion reason.
#include "clustershift/environment.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <geos_c.h>

#include "clustershift/data.h"
#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "io/geos_context.h"
#include "spatial/catchment.h"

namespace clustershift {
namespace {

constexpr const char* kEnvironmentId = "environment";

std::string zoneLabel(const Zone& zone) {
  if (!zone.name.empty()) return zone.name;
  if (!zone.id.empty()) return zone.id;
  return "fid=" + zone.fid;
}

// The equal-area plane for zones and parks: centred on the bbox of both.
std::unique_ptr<detail::EqualAreaPlane> planeFor(const Inputs& inputs) {
  std::vector<const std::vector<std::uint8_t>*> wkbs;
  for (const Zone& zone : inputs.exclusions) wkbs.push_back(&zone.wkb);
  for (const Park& park : inputs.parks) wkbs.push_back(&park.wkb);
  double lon0 = 0, lat0 = 0;
  detail::studyAreaCentre(wkbs, lon0, lat0);
  return std::make_unique<detail::EqualAreaPlane>(lon0, lat0);
}

detail::PlanarShape projectZone(const Zone& zone, const detail::EqualAreaPlane& plane) {
  return detail::projectShape(zone.wkb, plane,
                              "exclusions fid=" + zone.fid + " (zone '" + zoneLabel(zone) + "')");
}

// The park's footprint: its polygon when polygonal, else empty (then the disk is used).
detail::PlanarShape parkPolygon(const Inputs& inputs, const Park& park, const detail::EqualAreaPlane& plane) {
  return detail::projectShape(park.wkb, plane, inputs.parksLabel + " fid=" + park.fid);
}

// |footprint ∩ shape| (m²): exact for a disk, GEOS intersection for a polygon park.
double overlapArea(const detail::PlanarShape& footprint, double x, double y, double bufferM,
                   const detail::PlanarShape& shape, const detail::GeosGeometryPtr& shapeGeos) {
  if (shape.empty()) return 0.0;
  if (footprint.empty()) return detail::circleShapeArea(shape, x, y, bufferM);
  if (footprint.maxX < shape.minX || footprint.minX > shape.maxX || footprint.maxY < shape.minY ||
      footprint.minY > shape.maxY) {
    return 0.0;
  }
  GEOSContextHandle_t h = detail::GeosContext::current().handle();
  const detail::GeosGeometryPtr park =
      detail::geosFromWkb(detail::planarShapeToWkb(footprint), "park footprint");
  const detail::GeosGeometryPtr inter =
      detail::geosOwn(GEOSIntersection_r(h, park.get(), shapeGeos.get()), "environment: park ∩ zones");
  double area = 0;
  GEOSArea_r(h, inter.get(), &area);
  return area;
}

class Environment final : public DescribedCriterion {
 public:
  Environment()
      : DescribedCriterion(
            {kEnvironmentId, "Share in sensitive zones", "生态敏感区占比", "share", Direction::Cost}) {}

  std::vector<ParamSpec> parameters() const override {
    return {ParamSpec::positive("buffer_m", "m", kEnvironmentDefaultBufferM,
                                "Radius of the disk standing for a park given as a point.")
                .words("Buffer radius of a point park", "点状园区的缓冲半径",
                       "以点表示的园区按此半径的圆计算与敏感区的重叠。")};
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const double bufferM = resolveParams(*this, params).at("buffer_m").get<double>();
    const Inputs& inputs = context.inputs;
    if (inputs.exclusions.empty()) {
      throw InputError(std::string(kEnvironmentId) +
                       ": needs a sensitive-zone layer (scenario data.exclusions); none was loaded");
    }
    const auto plane = planeFor(inputs);

    // Union of the zones, so overlapping zones count once.
    GEOSContextHandle_t h = detail::GeosContext::current().handle();
    std::vector<detail::GeosGeometryPtr> owned;
    for (const Zone& zone : inputs.exclusions) {
      const detail::PlanarShape shape = projectZone(zone, *plane);
      if (shape.empty()) continue;
      owned.push_back(detail::geosFromWkb(detail::planarShapeToWkb(shape), "exclusions fid=" + zone.fid));
    }
    std::vector<GEOSGeometry*> parts;  // the collection takes ownership
    for (auto& g : owned) parts.push_back(g.release());
    detail::GeosGeometryPtr collection =
        detail::geosOwn(GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                    static_cast<unsigned>(parts.size())),
                        "environment: zone collection");
    detail::GeosGeometryPtr unionGeos =
        detail::geosOwn(GEOSUnaryUnion_r(h, collection.get()), "environment: union of the sensitive zones");
    const detail::PlanarShape zones = detail::planarShapeFromWkb(detail::geosToWkb(unionGeos.get()),
                                                                 "environment: union of the sensitive zones");
    context.feedback.checkCanceled();

    std::vector<double> values(inputs.parks.size(), kNaN);
    for (std::size_t i = 0; i < inputs.parks.size(); ++i) {
      const Park& park = inputs.parks[i];
      const detail::PlanarShape footprint = parkPolygon(inputs, park, *plane);
      double x = kNaN, y = kNaN;
      if (footprint.empty()) {
        if (!std::isfinite(park.lon) || !std::isfinite(park.lat)) {
          Problem problem;
          problem.severity = Severity::Warning;
          problem.where = inputs.parksLabel + " fid=" + park.fid;
          problem.featureId = park.id;
          problem.message =
              std::string(kEnvironmentId) + ": park '" + park.id + "' has no location; value is NULL";
          problem.code = "park_without_location";
          problem.values = {{"criterion", kEnvironmentId}, {"id", park.id}};
          context.feedback.warn(problem);
          continue;
        }
        plane->forward(park.lon, park.lat, x, y);
      }
      const double whole = footprint.empty() ? kPi * bufferM * bufferM : footprint.area;
      const double inside = overlapArea(footprint, x, y, bufferM, zones, unionGeos);
      values[i] = whole > 0 ? std::min(1.0, inside / whole) : 0.0;
    }
    return values;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("environment", Environment)

std::vector<std::string> zonesTouching(const Inputs& inputs, int park, double bufferM) {
  if (park < 0 || static_cast<std::size_t>(park) >= inputs.parks.size()) {
    throw InputError("zonesTouching: park index " + std::to_string(park) + " out of range (" +
                     std::to_string(inputs.parks.size()) + " parks)");
  }
  std::vector<std::string> names;
  if (inputs.exclusions.empty()) return names;
  const auto plane = planeFor(inputs);
  const Park& p = inputs.parks[static_cast<std::size_t>(park)];
  const detail::PlanarShape footprint = parkPolygon(inputs, p, *plane);
  double x = kNaN, y = kNaN;
  if (footprint.empty()) {
    if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return names;
    plane->forward(p.lon, p.lat, x, y);
  }
  for (const Zone& zone : inputs.exclusions) {
    const detail::PlanarShape shape = projectZone(zone, *plane);
    if (shape.empty()) continue;
    detail::GeosGeometryPtr geos;
    if (!footprint.empty())
      geos = detail::geosFromWkb(detail::planarShapeToWkb(shape), "exclusions fid=" + zone.fid);
    if (overlapArea(footprint, x, y, bufferM, shape, geos) > 0) names.push_back(zoneLabel(zone));
  }
  return names;
}

}  // namespace clustershift
