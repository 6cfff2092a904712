// travel_time_source: minutes from the source cluster's location to the park over the road
// layer (Inputs::roads):
//   T_p = 60·s_src/v_a + D(n_src, n_p) + 60·s_p/v_a
// with n_src, n_p the road nodes nearest to the source and to the park, s_* the geodesic
// km to them (walked/driven off-network at the access speed v_a), and D the shortest path
// in minutes over edges weighted 60·length_km/speed_kmh (Dijkstra 1959, via
// boost::dijkstra_shortest_paths). Parks farther than max_snap_km from every node, or on
// a part of the network not connected to the source, get NULL and a warning.
#include <cmath>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift/util.h"
#include "spatial/road_network.h"

namespace clustershift {
namespace {

constexpr const char* kTravelTimeSourceId = "travel_time_source";

/// The one check of the source's snap distance, for check() (nearest road vertex, no graph) and
/// compute() (nearest node of the built network): both say the same words.
std::optional<Problem> sourceSnapProblem(const CriterionContext& context, double snapKm, double maxSnapKm) {
  if (snapKm <= maxSnapKm) return std::nullopt;
  return codedProblem(Severity::Fatal, "source",
                      std::string(kTravelTimeSourceId) + ": the source location (" +
                          util::formatNumber(context.sourceLon, 4) + ", " +
                          util::formatNumber(context.sourceLat, 4) + ") is " + util::formatNumber(snapKm, 4) +
                          " km from the nearest road node (params.max_snap_km " +
                          util::formatNumber(maxSnapKm, 4) + ")",
                      {}, "source_far_from_roads",
                      {{"criterion", kTravelTimeSourceId},
                       {"lon", util::formatNumber(context.sourceLon, 4)},
                       {"lat", util::formatNumber(context.sourceLat, 4)},
                       {"distance_km", util::formatNumber(snapKm, 4)},
                       {"max_km", util::formatNumber(maxSnapKm, 4)}});
}

/// What compute() needs before building the network: a road layer and a located source.
std::optional<Problem> missingInput(const CriterionContext& context) {
  if (context.inputs.roads.empty())
    return codedProblem(
        Severity::Fatal, "data.roads",
        std::string(kTravelTimeSourceId) + ": needs a road layer (scenario data.roads); none was loaded", {},
        "roads_required", {{"criterion", kTravelTimeSourceId}});
  if (!std::isfinite(context.sourceLon) || !std::isfinite(context.sourceLat))
    return codedProblem(Severity::Fatal, "source",
                        std::string(kTravelTimeSourceId) +
                            ": the source cluster has no location (scenario source.lon/lat or region)",
                        {}, "source_without_location", {{"criterion", kTravelTimeSourceId}});
  return std::nullopt;
}

class TravelTimeSource final : public DescribedCriterion {
 public:
  TravelTimeSource()
      : DescribedCriterion({kTravelTimeSourceId, "Travel time to the source cluster", "至原集群通行时间",
                            "min", Direction::Cost}) {}

  std::vector<ParamSpec> parameters() const override {
    return {
        ParamSpec::positive("default_speed_kmh", "km/h", 60.0,
                            "Speed on a road with no speed and no class speed.")
            .words("Default road speed", "默认道路速度", "既无速度也无等级速度的道路上的行驶速度。"),
        ParamSpec::positive("access_speed_kmh", "km/h", 20.0,
                            "Speed off the network, from the source or the park to its nearest road node.")
            .words("Speed off the network", "路网外速度", "路网之外（转出地或园区到最近道路节点）的速度。"),
        ParamSpec::positive("max_snap_km", "km", 10.0,
                            "Farthest a park or the source may be from a road node; farther gets NULL.")
            .words("Farthest distance to a road", "距道路的最远距离",
                   "园区或转出地距最近道路节点的最远距离；更远则数值为空。"),
        ParamSpec::positive("snap_tolerance_m", "m", 1.0,
                            "Road ends closer than this are joined into one node.")
            .words("Road-end snapping tolerance", "道路端点合并容差",
                   "相距小于此值的道路端点合并为一个节点。"),
        ParamSpec::positiveMap("class_speeds_kmh", "km/h",
                               "Speed by road class, e.g. {\"motorway\": 100}, for roads with no speed.")
            .words("Speed by road class", "分等级道路速度",
                   "没有速度字段的道路按道路等级取速度，例如高速公路 100。")};
  }

  /// The inputs and the source's snap distance, without building the network (validate()).
  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    if (auto problem = missingInput(context)) return {*problem};
    try {
      const double maxSnapKm = resolveParams(*this, params).at("max_snap_km").get<double>();
      const double snapKm =
          detail::nearestVertexKm(context.inputs.roads, context.sourceLon, context.sourceLat, "roads");
      if (auto problem = sourceSnapProblem(context, snapKm, maxSnapKm)) return {*problem};
    } catch (const std::exception&) {
      // Bad params are reported by paramProblems(), unreadable roads by compute().
    }
    return {};
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const nlohmann::json resolved = resolveParams(*this, params);
    detail::RoadNetworkOptions options;
    options.defaultSpeedKmh = resolved.at("default_speed_kmh").get<double>();
    options.snapToleranceM = resolved.at("snap_tolerance_m").get<double>();
    const double accessKmh = resolved.at("access_speed_kmh").get<double>();
    const double maxSnapKm = resolved.at("max_snap_km").get<double>();
    for (const auto& [roadClass, speed] : resolved.at("class_speeds_kmh").items())
      options.classSpeedsKmh[roadClass] = speed.get<double>();

    const Inputs& inputs = context.inputs;
    if (auto problem = missingInput(context)) throw InputError(problem->message);
    const detail::RoadNetwork network(inputs.roads, options, "roads");
    context.feedback.checkCanceled();

    double sourceSnapKm = kNaN;
    const int sourceNode = network.nearestNode(context.sourceLon, context.sourceLat, sourceSnapKm);
    if (auto problem = sourceSnapProblem(context, sourceNode < 0 ? kNaN : sourceSnapKm, maxSnapKm))
      throw InputError(problem->message);
    const std::vector<double> minutes = network.minutesFrom(sourceNode);
    const double sourceAccess = 60.0 * sourceSnapKm / accessKmh;

    std::vector<double> values(inputs.parks.size(), kNaN);
    for (std::size_t i = 0; i < inputs.parks.size(); ++i) {
      const Park& park = inputs.parks[i];
      Problem problem;
      problem.severity = Severity::Warning;
      problem.where = inputs.parksLabel + " fid=" + park.fid;
      problem.featureId = park.id;
      double snapKm = kNaN;
      const int node = network.nearestNode(park.lon, park.lat, snapKm);
      problem.values = {{"criterion", kTravelTimeSourceId}, {"id", park.id}};
      if (node < 0) {
        problem.message =
            std::string(kTravelTimeSourceId) + ": park '" + park.id + "' has no location; value is NULL";
        problem.code = "park_without_location";
      } else if (!(snapKm <= maxSnapKm)) {
        problem.message = std::string(kTravelTimeSourceId) + ": park '" + park.id + "' is " +
                          util::formatNumber(snapKm, 4) +
                          " km from the nearest road node (params.max_snap_km " +
                          util::formatNumber(maxSnapKm, 4) + "); value is NULL";
        problem.code = "park_far_from_roads";
        problem.values["distance_km"] = util::formatNumber(snapKm, 4);
        problem.values["max_km"] = util::formatNumber(maxSnapKm, 4);
      } else if (!std::isfinite(minutes[static_cast<std::size_t>(node)])) {
        problem.message = std::string(kTravelTimeSourceId) + ": park '" + park.id +
                          "' is on a part of the road network not connected to the source; value is NULL";
        problem.code = "park_not_connected";
      } else {
        values[i] = sourceAccess + minutes[static_cast<std::size_t>(node)] + 60.0 * snapKm / accessKmh;
        continue;
      }
      context.feedback.warn(problem);
    }
    return values;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("travel_time_source", TravelTimeSource)

}  // namespace clustershift
