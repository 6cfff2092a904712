// environment criterion and zonesTouching (core/src/criteria/environment.cpp).
#include "clustershift/environment.h"

#include <cmath>
#include <string>
#include <vector>

#include <geos_c.h>
#include <gtest/gtest.h>

#include "geometry_fixture.h"

#include "clustershift/criterion.h"

namespace {

using namespace clustershift;

using clustershift::testing::SpatialCriterionRun;
using clustershift::testing::wkbFromWkt;

Zone zone(const std::string& id, const std::string& name, const std::string& wkt) {
  Zone z;
  z.id = id;
  z.name = name;
  z.fid = id;
  z.wkb = wkbFromWkt(wkt);
  return z;
}

Park pointPark(const std::string& id, double lon, double lat) {
  Park p;
  p.id = id;
  p.fid = id;
  p.lon = lon;
  p.lat = lat;
  p.wkb = wkbFromWkt("POINT(" + std::to_string(lon) + " " + std::to_string(lat) + ")");
  return p;
}

struct Fixture : SpatialCriterionRun {
  Fixture() : SpatialCriterionRun("environment") {}
};

// Red line west of 121°E, water source east of it, sharing the meridian 121°E. Edges are
// kept short (0.2° of latitude) so the straight edge between two vertices and the meridian
// through them differ by centimetres.
const char* kWest = "POLYGON((120 29.9, 121 29.9, 121 30.1, 120 30.1, 120 29.9))";
const char* kEast = "POLYGON((121 29.9, 122 29.9, 122 30.1, 121 30.1, 121 29.9))";

}  // namespace

TEST(Environment, IsACostShare) {
  auto c = CriterionRegistry::instance().create("environment");
  EXPECT_EQ(c->defaultDirection(), Direction::Cost);
  EXPECT_EQ(c->unit(), "share");
}

TEST(Environment, PointParkBufferShareInsideZones) {
  Fixture f;
  f.inputs.exclusions = {zone("z1", "Red line", kWest)};
  f.inputs.parks = {pointPark("inside", 120.5, 30.0), pointPark("edge", 121.0, 30.0),
                    pointPark("out", 123.0, 30.0)};
  const auto v = f.run();
  EXPECT_NEAR(v[0], 1.0, 1e-9);
  EXPECT_NEAR(v[1], 0.5, 2e-3);  // the meridian halves a 1 km disk
  EXPECT_EQ(v[2], 0.0);
}

TEST(Environment, OverlappingZonesCountOnce) {
  Fixture f;
  f.inputs.exclusions = {zone("z1", "Red line", kWest), zone("z2", "Red line copy", kWest)};
  f.inputs.parks = {pointPark("inside", 120.5, 30.0)};
  EXPECT_NEAR(f.run()[0], 1.0, 1e-9);
}

TEST(Environment, BufferRadiusComesFromParams) {
  Fixture f;
  f.inputs.exclusions = {zone("z1", "Red line", kWest)};
  f.inputs.parks = {pointPark("near", 121.015, 30.0)};  // ≈ 1.44 km east of the zone
  EXPECT_EQ(f.run()[0], 0.0);
  EXPECT_GT(f.run({{"buffer_m", 3000}})[0], 0.0);
  EXPECT_THROW(f.run({{"buffer_m", -1}}), InputError);
  EXPECT_THROW(f.run({{"radius", 1}}), InputError);
}

TEST(Environment, PolygonParkUsesItsOwnArea) {
  Fixture f;
  f.inputs.exclusions = {zone("z1", "Red line", kWest)};
  Park p;
  p.id = "poly";
  p.fid = "1";
  p.lon = 121.0;
  p.lat = 30.0;
  // A quarter of it west of 121°E.
  p.wkb = wkbFromWkt("POLYGON((120.99 29.99, 121.03 29.99, 121.03 30.01, 120.99 30.01, 120.99 29.99))");
  f.inputs.parks = {p};
  EXPECT_NEAR(f.run()[0], 0.25, 2e-3);
}

TEST(Environment, NeedsAZoneLayer) {
  Fixture f;
  f.inputs.parks = {pointPark("p", 120.5, 30.0)};
  try {
    f.run();
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("environment: needs a sensitive-zone layer"), std::string::npos)
        << e.what();
  }
}

TEST(Environment, ZonesTouchingNamesTheZones) {
  Inputs inputs;
  inputs.exclusions = {zone("z1", "Red line", kWest), zone("z2", "", kEast)};
  inputs.parks = {pointPark("west", 120.5, 30.0), pointPark("edge", 121.0, 30.0),
                  pointPark("far", 125.0, 30.0), pointPark("near", 121.015, 30.0)};
  EXPECT_EQ(zonesTouching(inputs, 0, 1000), std::vector<std::string>{"Red line"});
  EXPECT_EQ(zonesTouching(inputs, 1, 1000), (std::vector<std::string>{"Red line", "z2"}));  // no name: id
  EXPECT_TRUE(zonesTouching(inputs, 2, 1000).empty());
  EXPECT_EQ(zonesTouching(inputs, 3, 1000), std::vector<std::string>{"z2"});
  EXPECT_EQ(zonesTouching(inputs, 3, 3000), (std::vector<std::string>{"Red line", "z2"}));
  EXPECT_THROW(zonesTouching(inputs, 9, 1000), InputError);
}
