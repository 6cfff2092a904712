// travel_time_source: minutes from the source cluster's location to the park over the road
// layer (Inputs::roads):
//   T_p = 60·s_src/v_a + D(n_src, n_p) + 60·s_p/v_a
// with n_src, n_p the road nodes nearest to the source and to the park, s_* the geodesic
// km to them (walked/driven off-network at the access speed v_a), and D the shortest path
// in minutes over edges weighted 60·length_km/speed_kmh (Dijkstra 1959, via
// boost::dijkstra_shortest_paths). Parks farther than max_snap_km from every node, or on
// a part of the network not connected to the source, get NULL and a warning.
#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "spatial/road_network.h"

namespace clustershift {
namespace {

constexpr const char* kId = "travel_time_source";

std::string formatNumber(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

double positiveParam(const nlohmann::json& params, const std::string& key, double fallback) {
  if (!params.is_object() || !params.contains(key) || params.at(key).is_null()) return fallback;
  const auto& v = params.at(key);
  if (!v.is_number() || !(v.get<double>() > 0)) {
    throw InputError(std::string(kId) + ": params." + key + ": expected a positive number, got " + v.dump());
  }
  return v.get<double>();
}

class TravelTimeSource final : public Criterion {
 public:
  std::string id() const override { return kId; }
  std::string label() const override { return "Travel time to the source cluster"; }
  std::string labelZh() const override { return "至原集群通行时间"; }
  std::string unit() const override { return "min"; }
  Direction defaultDirection() const override { return Direction::Cost; }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    static const std::set<std::string> kKnown = {"default_speed_kmh", "access_speed_kmh", "max_snap_km",
                                                 "snap_tolerance_m", "class_speeds_kmh"};
    if (!params.is_null() && !params.is_object()) {
      throw InputError(std::string(kId) + ": params: expected an object, got " + params.dump());
    }
    if (params.is_object()) {
      for (auto it = params.begin(); it != params.end(); ++it) {
        if (kKnown.count(it.key()) == 0) {
          throw InputError(std::string(kId) + ": params." + it.key() +
                           ": unknown parameter (known: default_speed_kmh, access_speed_kmh, max_snap_km, "
                           "snap_tolerance_m, class_speeds_kmh)");
        }
      }
    }
    detail::RoadNetworkOptions options;
    options.defaultSpeedKmh = positiveParam(params, "default_speed_kmh", 60.0);
    options.snapToleranceM = positiveParam(params, "snap_tolerance_m", 1.0);
    const double accessKmh = positiveParam(params, "access_speed_kmh", 20.0);
    const double maxSnapKm = positiveParam(params, "max_snap_km", 10.0);
    if (params.is_object() && params.contains("class_speeds_kmh")) {
      const auto& speeds = params.at("class_speeds_kmh");
      if (!speeds.is_object()) {
        throw InputError(std::string(kId) +
                         ": params.class_speeds_kmh: expected an object {class: km/h}, got " + speeds.dump());
      }
      for (auto it = speeds.begin(); it != speeds.end(); ++it) {
        if (!it.value().is_number() || !(it.value().get<double>() > 0)) {
          throw InputError(std::string(kId) + ": params.class_speeds_kmh." + it.key() +
                           ": expected a positive number, got " + it.value().dump());
        }
        options.classSpeedsKmh[it.key()] = it.value().get<double>();
      }
    }

    const Inputs& inputs = context.inputs;
    if (inputs.roads.empty()) {
      throw InputError(std::string(kId) + ": needs a road layer (scenario data.roads); none was loaded");
    }
    if (!std::isfinite(context.sourceLon) || !std::isfinite(context.sourceLat)) {
      throw InputError(std::string(kId) +
                       ": the source cluster has no location (scenario source.lon/lat or region)");
    }
    const detail::RoadNetwork network(inputs.roads, options, "roads");
    context.feedback.checkCanceled();

    double sourceSnapKm = kNaN;
    const int sourceNode = network.nearestNode(context.sourceLon, context.sourceLat, sourceSnapKm);
    if (sourceNode < 0 || !(sourceSnapKm <= maxSnapKm)) {
      throw InputError(std::string(kId) + ": the source location (" + formatNumber(context.sourceLon) + ", " +
                       formatNumber(context.sourceLat) + ") is " + formatNumber(sourceSnapKm) +
                       " km from the nearest road node (params.max_snap_km " + formatNumber(maxSnapKm) + ")");
    }
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
      if (node < 0) {
        problem.message = std::string(kId) + ": park '" + park.id + "' has no location; value is NULL";
      } else if (!(snapKm <= maxSnapKm)) {
        problem.message = std::string(kId) + ": park '" + park.id + "' is " + formatNumber(snapKm) +
                          " km from the nearest road node (params.max_snap_km " + formatNumber(maxSnapKm) +
                          "); value is NULL";
      } else if (!std::isfinite(minutes[static_cast<std::size_t>(node)])) {
        problem.message = std::string(kId) + ": park '" + park.id +
                          "' is on a part of the road network not connected to the source; value is NULL";
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
