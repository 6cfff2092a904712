// travel_time_source criterion (core/src/criteria/travel_time_source.cpp) and the road
// network under it (core/src/spatial/road_network.cpp).
#include <cmath>
#include <string>
#include <vector>

#include <geodesic.h>
#include <geos_c.h>
#include <gtest/gtest.h>

#include "geometry_fixture.h"

#include "clustershift/criterion.h"
#include "spatial/road_network.h"

namespace {

using namespace clustershift;

using clustershift::testing::parkAt;
using clustershift::testing::SpatialCriterionRun;
using clustershift::testing::wkbFromWkt;

double km(double lon1, double lat1, double lon2, double lat2) {
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  double s = 0;
  geod_inverse(&g, lat1, lon1, lat2, lon2, &s, nullptr, nullptr);
  return s / 1000.0;
}

Road road(const std::string& fid, const std::string& wkt, const std::string& roadClass = "",
          double speed = kNaN) {
  Road r;
  r.fid = fid;
  r.roadClass = roadClass;
  r.speedKmh = speed;
  r.wkb = wkbFromWkt(wkt);
  return r;
}


struct Fixture : SpatialCriterionRun {
  Fixture() : SpatialCriterionRun("travel_time_source") {
    sourceLon = 120.0;
    sourceLat = 30.0;
  }
};

}  // namespace

TEST(TravelTimeSource, IsACostInMinutes) {
  auto c = CriterionRegistry::instance().create("travel_time_source");
  EXPECT_EQ(c->defaultDirection(), Direction::Cost);
  EXPECT_EQ(c->unit(), "min");
}

TEST(TravelTimeSource, StraightRoadAtDefaultSpeedGivesLengthInMinutes) {
  Fixture f;
  // Two lines meeting at (120.5, 30): connected through the shared endpoint.
  f.inputs.roads = {road("1", "LINESTRING(120 30, 120.25 30, 120.5 30)"),
                    road("2", "LINESTRING(120.5 30, 120.75 30, 121 30)", "no-such-class")};
  f.inputs.parks = {parkAt("P1", 121.0, 30.0), parkAt("P2", 120.5, 30.0)};
  const auto v = f.run();
  double length = 0;
  for (int k = 0; k < 4; ++k) length += km(120 + 0.25 * k, 30, 120 + 0.25 * (k + 1), 30);
  EXPECT_NEAR(v[0], length, 1e-9);  // 60 km/h: one minute per km
  EXPECT_NEAR(v[1], length / 2, 1e-9);
  EXPECT_TRUE(f.feedback.warnings().empty());
}

TEST(TravelTimeSource, TakesTheFasterOfTwoRoutes) {
  Fixture f;
  // Direct slow road (20 km/h) and a longer detour on a motorway (class default 100 km/h).
  f.inputs.roads = {road("slow", "LINESTRING(120 30, 120.5 30)", "", 20.0),
                    road("fast", "LINESTRING(120 30, 120.25 30.1, 120.5 30)", "motorway")};
  f.inputs.parks = {parkAt("P1", 120.5, 30.0)};
  const auto v = f.run();
  const double detour = km(120, 30, 120.25, 30.1) + km(120.25, 30.1, 120.5, 30);
  const double direct = km(120, 30, 120.5, 30);
  // Edge lengths by Andoyer–Lambert: within 2e−5 relative of the geodesic (docs/model.md).
  EXPECT_NEAR(v[0], 60.0 * detour / 100.0, 2e-5 * 60.0 * detour / 100.0);
  EXPECT_LT(v[0], 60.0 * direct / 20.0);
  // With the motorway slowed down by the scenario, the direct road wins.
  const auto slowed = f.run({{"class_speeds_kmh", {{"motorway", 5}}}});
  EXPECT_NEAR(slowed[0], 60.0 * direct / 20.0, 2e-5 * 60.0 * direct / 20.0);
}

TEST(TravelTimeSource, SnapDistancesAreAddedAtAccessSpeed) {
  Fixture f;
  f.sourceLat = 29.98;  // source 2.2 km south of the road's start
  f.inputs.roads = {road("1", "LINESTRING(120 30, 120.5 30)")};
  f.inputs.parks = {parkAt("P1", 120.5, 30.03)};
  const auto v = f.run({{"access_speed_kmh", 30}});
  const double expected = 60.0 * km(120, 29.98, 120, 30) / 30.0 + km(120, 30, 120.5, 30) +
                          60.0 * km(120.5, 30.03, 120.5, 30) / 30.0;
  EXPECT_NEAR(v[0], expected, 1e-9);
}

TEST(TravelTimeSource, ParkFarFromEveryRoadIsNullWithAWarningNamingIt) {
  Fixture f;
  f.inputs.roads = {road("1", "LINESTRING(120 30, 120.5 30)")};
  f.inputs.parks = {parkAt("P-far", 120.5, 30.5), parkAt("P-near", 120.5, 30.0)};
  const auto v = f.run({{"max_snap_km", 10}});
  EXPECT_TRUE(std::isnan(v[0]));
  EXPECT_FALSE(std::isnan(v[1]));
  const auto w = f.feedback.warnings();
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].featureId, "P-far");
  EXPECT_NE(w[0].message.find("P-far"), std::string::npos) << w[0].message;
  EXPECT_NE(w[0].message.find("max_snap_km"), std::string::npos) << w[0].message;
  // A larger snap limit admits it.
  Fixture g;
  g.inputs = f.inputs;
  EXPECT_FALSE(std::isnan(g.run({{"max_snap_km", 100}})[0]));
}

TEST(TravelTimeSource, ParkOnADisconnectedRoadIsNullWithAWarning) {
  Fixture f;
  f.inputs.roads = {road("1", "LINESTRING(120 30, 120.5 30)"),
                    road("island", "LINESTRING(121 30, 121.2 30)")};
  f.inputs.parks = {parkAt("P1", 121.1, 30.0)};
  const auto v = f.run();
  EXPECT_TRUE(std::isnan(v[0]));
  ASSERT_EQ(f.feedback.warnings().size(), 1u);
  EXPECT_NE(f.feedback.warnings()[0].message.find("not connected"), std::string::npos);
}

TEST(TravelTimeSource, NeedsARoadLayerAndValidParams) {
  Fixture f;
  f.inputs.parks = {parkAt("P1", 121.1, 30.0)};
  try {
    f.run();
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("travel_time_source: needs a road layer"), std::string::npos)
        << e.what();
  }
  f.inputs.roads = {road("1", "LINESTRING(120 30, 120.5 30)")};
  EXPECT_THROW(f.run({{"default_speed_kmh", 0}}), InputError);
  EXPECT_THROW(f.run({{"speed", 50}}), InputError);
  f.inputs.roads.push_back(road("bad", "POLYGON((0 0, 1 0, 1 1, 0 0))"));
  EXPECT_THROW(f.run(), InputError);
}

TEST(RoadNetwork, MergesVerticesWithinTheSnapTolerance) {
  // The second line starts 5 cm from the end of the first.
  std::vector<Road> roads{road("1", "LINESTRING(120 30, 120.1 30)"),
                          road("2", "LINESTRING(120.1000005 30, 120.2 30)")};
  detail::RoadNetworkOptions options;
  options.snapToleranceM = 1.0;
  detail::RoadNetwork merged(roads, options, "roads");
  EXPECT_EQ(merged.nodeCount(), 3u);
  EXPECT_EQ(merged.edgeCount(), 2u);
  options.snapToleranceM = 0.01;
  detail::RoadNetwork apart(roads, options, "roads");
  EXPECT_EQ(apart.nodeCount(), 4u);
}
