// distance_source: geodesic distance (km, WGS84) from the park to the source cluster.
#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "criteria/criterion_util.h"

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
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("distance_source", DistanceSource)

}  // namespace clustershift

