// labour_pool: working-age population (10k persons) within R km of the park, area-weighted
// from the regions the circle overlaps:
//   LP_p = Σ_r W_r · |C(p, R) ∩ A_r| / |A_r|
// with W_r the region's working_age, A_r its polygon and C(p, R) the disk of radius R around
// the park, in Lambert azimuthal equal-area planes centred on tiles of parks (areas exact;
// the disk is the ground circle within 0.1 % of its area anywhere in China, not a degree
// buffer, and not the ellipse a single national plane would make of it far from its
// centre). Areal weighting assumes a uniform density inside each region (areal
// interpolation, Goodchild & Lam 1980).
#include <cmath>
#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <thread>
#include <string>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift/util.h"
#include "spatial/catchment.h"

namespace clustershift {
namespace {

constexpr const char* kLabourPoolId = "labour_pool";
constexpr double kDefaultRadiusKm = 50.0;

class LabourPool final : public DescribedCriterion {
 public:
  LabourPool()
      : DescribedCriterion({kLabourPoolId, "Labour pool", "劳动力储备", "10k persons", Direction::Benefit}) {}

  std::vector<ParamSpec> parameters() const override {
    return {
        ParamSpec::positive("radius_km", "km", kDefaultRadiusKm,
                            "Radius of the catchment circle around the park.")
            .words("Catchment radius", "腹地半径", "园区周围劳动力腹地圆的半径。"),
        ParamSpec::count("threads", 0, "Worker threads for the catchment sums; 0: one per processor core.")
            .words("Worker threads", "计算线程数",
                   "计算腹地人口的工作线程数；0 表示每个处理器核心一个线程。")};
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const Inputs& inputs = context.inputs;
    std::vector<double> lons, lats;
    for (const Park& park : inputs.parks) {
      lons.push_back(park.lon);
      lats.push_back(park.lat);
    }
    std::vector<int> missingRegion;
    const double radiusKm = resolveParams(*this, params).at("radius_km").get<double>();
    std::vector<double> values = sums(context, params, lons, lats, missingRegion);

    for (std::size_t i = 0; i < inputs.parks.size(); ++i) {
      if (!std::isnan(values[i])) continue;
      const Park& park = inputs.parks[i];
      Problem problem;
      problem.severity = Severity::Warning;
      problem.where = inputs.parksLabel + " fid=" + park.fid;
      problem.featureId = park.id;
      if (missingRegion[i] >= 0) {
        const Region& region = inputs.regions[static_cast<std::size_t>(missingRegion[i])];
        problem.message = std::string(kLabourPoolId) + ": park '" + park.id +
                          "' — field 'working_age' of region '" + region.id + "' (" + region.name +
                          ") within " + util::formatNumber(radiusKm) + " km is missing; value is NULL";
        problem.code = "catchment_region_value_missing";
        problem.values = {{"criterion", kLabourPoolId}, {"id", park.id},
                          {"region", region.id},        {"region_name", region.name},
                          {"column", "working_age"},    {"radius_km", util::formatNumber(radiusKm)}};
      } else {
        problem.message =
            std::string(kLabourPoolId) + ": park '" + park.id + "' has no coordinates; value is NULL";
        problem.code = "park_without_location";
        problem.values = {{"criterion", kLabourPoolId}, {"id", park.id}};
      }
      context.feedback.warn(problem);
    }
    return values;
  }

  // The same sums for every cell at once (no park per cell); one warning per region whose
  // missing working_age leaves cells NULL.
  std::optional<std::vector<double>> computeGrid(const CriterionContext& context,
                                                 const nlohmann::json& params,
                                                 const GridCells& cells) const override {
    const double radiusKm = resolveParams(*this, params).at("radius_km").get<double>();
    std::vector<int> missingRegion;
    std::vector<double> values = sums(context, params, cells.lon, cells.lat, missingRegion);
    std::map<int, long long> nullCells;
    for (std::size_t i = 0; i < values.size(); ++i)
      if (std::isnan(values[i]) && missingRegion[i] >= 0) ++nullCells[missingRegion[i]];
    for (const auto& [r, count] : nullCells) {
      const Region& region = context.inputs.regions[static_cast<std::size_t>(r)];
      context.feedback.warn(Problem{Severity::Warning, context.inputs.regionsLabel + " fid=" + region.fid,
                                    std::string(kLabourPoolId) + ": field 'working_age' of region '" +
                                        region.id + "' (" + region.name + ") is missing; " +
                                        std::to_string(count) + " grid cells within " +
                                        util::formatNumber(radiusKm) + " km of it are NULL",
                                    region.id});
    }
    return values;
  }

 private:
  // Σ_r W_r |C ∩ A_r| / |A_r| at the points, each tile of points in its own equal-area plane.
  std::vector<double> sums(const CriterionContext& context, const nlohmann::json& params,
                           const std::vector<double>& lons, const std::vector<double>& lats,
                           std::vector<int>& missingRegion) const {
    const nlohmann::json resolved = resolveParams(*this, params);
    const double radiusKm = resolved.at("radius_km").get<double>();
    const double threadsParam = resolved.at("threads").get<double>();
    const Inputs& inputs = context.inputs;

    // Regions are read (lon/lat, not projected yet) in parallel: GEOS contexts are per thread.
    const std::size_t nRegions = inputs.regions.size();
    std::vector<detail::PlanarShape> shapes(nRegions);
    std::vector<double> workingAge(nRegions);
    const std::size_t nThreads = std::min<std::size_t>(util::threadCount(static_cast<int>(threadsParam)),
                                                       std::max<std::size_t>(nRegions / 64, 1));
    util::runOnThreads(static_cast<unsigned>(nThreads), [&](unsigned t) {
      for (std::size_t k = t; k < nRegions; k += nThreads) {
        const Region& region = inputs.regions[k];
        shapes[k] = detail::planarShapeFromWkb(
            region.wkb, inputs.regionsLabel + " fid=" + region.fid + " (region '" + region.id + "')");
        workingAge[k] = region.value("working_age");
      }
    });
    context.feedback.checkCanceled();

    // Each tile of points in its own equal-area plane, so the catchment is the ground circle
    // within 0.1 % anywhere in a national study area (spatial/catchment.h).
    const double radiusM = radiusKm * 1000.0;
    return detail::areaWeightedSumsLocalPlanes(shapes, workingAge, lons, lats, radiusM,
                                               detail::localPlaneTileDeg(radiusM),
                                               static_cast<int>(threadsParam), &missingRegion);
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("labour_pool", LabourPool)

}  // namespace clustershift
