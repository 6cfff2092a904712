// distance_source: geodesic distance (km, WGS84) from the park to the source cluster.
// On the candidate grid (computeGrid, millions of cells) Andoyer–Lambert's distance
// (spatial/decay_sum.h: within 2e−5 of the geodesic, i.e. ≤ 0.1 km at 5,000 km, a tenth of
// a 1 km cell) up to 60° of arc, the exact geodesic beyond.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <optional>
#include <thread>

#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "criteria/criterion_util.h"
#include "spatial/decay_sum.h"
#include "clustershift/util.h"

namespace clustershift {
namespace {

class DistanceSource : public DescribedCriterion {
 public:
  DistanceSource()
      : DescribedCriterion(
            {"distance_source", "Distance to the source cluster", "与转出地距离", "km", Direction::Cost}) {}

  std::vector<Problem> check(const CriterionContext& context,
                             const nlohmann::json& /*params*/) const override {
    if (!isMissing(context.sourceLon) && !isMissing(context.sourceLat)) return {};
    return {codedProblem(Severity::Fatal, "source",
                         "distance_source: no source location (give source.lon/lat or a source "
                         "region with a geometry)",
                         {}, "source_without_location", {{"criterion", "distance_source"}})};
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& /*params*/) const override {
    if (isMissing(context.sourceLon) || isMissing(context.sourceLat)) {
      throw InputError("distance_source: no source location");
    }
    const Inputs& inputs = context.inputs;
    std::vector<double> raw(inputs.parks.size(), kNaN);
    for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
      context.feedback.checkCanceled();
      raw[p] = geodesicKm(inputs.parks[p].lon, inputs.parks[p].lat, context.sourceLon,
                          context.sourceLat);
    }
    return raw;
  }

  std::optional<std::vector<double>> computeGrid(const CriterionContext& context,
                                                 const nlohmann::json& /*params*/,
                                                 const GridCells& cells) const override {
    if (isMissing(context.sourceLon) || isMissing(context.sourceLat)) {
      throw InputError("distance_source: no source location");
    }
    const detail::ReducedPoints source = detail::reducePoints({context.sourceLon}, {context.sourceLat});
    constexpr std::size_t kChunk = 65536;
    constexpr double kSixtyDegreesKm = 6600.0;
    const std::size_t n = cells.size();
    std::vector<double> raw(n, kNaN);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t begin = next.fetch_add(kChunk); begin < n; begin = next.fetch_add(kChunk)) {
        const std::size_t end = std::min(n, begin + kChunk);
        const detail::ReducedPoints points =
            detail::reducePoints(std::vector<double>(cells.lon.begin() + static_cast<std::ptrdiff_t>(begin),
                                                     cells.lon.begin() + static_cast<std::ptrdiff_t>(end)),
                                 std::vector<double>(cells.lat.begin() + static_cast<std::ptrdiff_t>(begin),
                                                     cells.lat.begin() + static_cast<std::ptrdiff_t>(end)));
        for (std::size_t i = begin; i < end; ++i) {
          double d = detail::andoyerLambertKm(points, i - begin, source, 0);
          if (!(d <= kSixtyDegreesKm))
            d = geodesicKm(cells.lon[i], cells.lat[i], context.sourceLon, context.sourceLat);
          raw[i] = d;
        }
      }
    };
    util::runOnThreads(util::threadCount(), [&](unsigned) { worker(); });
    context.feedback.checkCanceled();
    return raw;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("distance_source", DistanceSource)

}  // namespace clustershift

