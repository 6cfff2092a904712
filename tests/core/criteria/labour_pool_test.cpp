// labour_pool criterion (core/src/criteria/labour_pool.cpp), created through the registry.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include <geodesic.h>
#include <geos_c.h>
#include <gtest/gtest.h>

#include "geometry_fixture.h"

#include "clustershift/criterion.h"
#include "spatial/catchment.h"

namespace {

using namespace clustershift;

using clustershift::testing::parkAt;
using clustershift::testing::SpatialCriterionRun;
using clustershift::testing::wkbFromWkt;

// Ellipsoidal area (km²) of a lon/lat rectangle (GeographicLib algorithm in PROJ), edges
// densified so they follow the parallels.
double cellAreaKm2(double lon0, double lat0, double lon1, double lat1) {
  std::vector<double> lons, lats;
  const double xs[] = {lon0, lon1, lon1, lon0};
  const double ys[] = {lat0, lat0, lat1, lat1};
  for (int e = 0; e < 4; ++e) {
    for (int k = 0; k < 200; ++k) {
      lons.push_back(xs[e] + (xs[(e + 1) % 4] - xs[e]) * k / 200.0);
      lats.push_back(ys[e] + (ys[(e + 1) % 4] - ys[e]) * k / 200.0);
    }
  }
  geod_geodesic g;
  geod_init(&g, 6378137.0, 1 / 298.257223563);
  double area = 0;
  geod_polygonarea(&g, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, nullptr);
  return std::fabs(area) / 1e6;
}

Region region(const std::string& id, double lon0, double lat0, double lon1, double lat1, double workingAge) {
  Region r;
  r.id = id;
  r.name = "R" + id;
  r.fid = id;
  r.wkb = wkbFromWkt("POLYGON((" + std::to_string(lon0) + " " + std::to_string(lat0) + "," +
                     std::to_string(lon1) + " " + std::to_string(lat0) + "," + std::to_string(lon1) + " " +
                     std::to_string(lat1) + "," + std::to_string(lon0) + " " + std::to_string(lat1) + "," +
                     std::to_string(lon0) + " " + std::to_string(lat0) + "))");
  r.values["working_age"] = workingAge;
  return r;
}

struct Fixture : SpatialCriterionRun {
  Fixture() : SpatialCriterionRun("labour_pool") {}
};

}  // namespace

TEST(LabourPool, IsRegisteredAsBenefitInTenThousandPersons) {
  auto c = CriterionRegistry::instance().create("labour_pool");
  EXPECT_EQ(c->id(), "labour_pool");
  EXPECT_EQ(c->defaultDirection(), Direction::Benefit);
  EXPECT_EQ(c->unit(), "10k persons");
}

TEST(LabourPool, UniformDensityRegionGivesPopulationTimesOverlapShare) {
  Fixture f;
  f.inputs.regions = {region("440100", 113, 23, 115, 24, 500.0)};
  f.inputs.parks = {parkAt("P1", 114.0, 23.5)};
  const auto v = f.run({{"radius_km", 20}});
  const double expected = 500.0 * kPi * 400.0 / cellAreaKm2(113, 23, 115, 24);
  EXPECT_NEAR(v[0] / expected, 1.0, 1e-3);
}

TEST(LabourPool, ParkOnRegionBorderSumsBothSides) {
  Fixture f;
  // The study area is centred on 114°E, so the shared meridian is a straight line through
  // the park in the equal-area plane and the circle is cut exactly in half.
  f.inputs.regions = {region("440100", 113, 23, 114, 24, 300.0), region("440200", 114, 23, 115, 24, 900.0)};
  f.inputs.parks = {parkAt("P1", 114.0, 23.5)};
  const auto v = f.run({{"radius_km", 30}});
  const double half = kPi * 900.0 / 2;
  const double expected =
      300.0 * half / cellAreaKm2(113, 23, 114, 24) + 900.0 * half / cellAreaKm2(114, 23, 115, 24);
  EXPECT_NEAR(v[0] / expected, 1.0, 1e-3);
}

TEST(LabourPool, CircleCoveringEveryRegionCountsEveryoneOnce) {
  Fixture f;
  f.inputs.regions = {region("440100", 113, 23, 114, 24, 300.0), region("440200", 114, 23, 115, 24, 900.0)};
  f.inputs.parks = {parkAt("P1", 114.0, 23.5), parkAt("P2", 130.0, 40.0)};
  const auto v = f.run({{"radius_km", 400}});
  EXPECT_NEAR(v[0], 1200.0, 1e-9);
  EXPECT_EQ(v[1], 0.0);  // far from every region: nobody within reach
}

TEST(LabourPool, DefaultRadiusIsFiftyKilometres) {
  Fixture f;
  f.inputs.regions = {region("440100", 113, 23, 114, 24, 300.0), region("440200", 114, 23, 115, 24, 900.0)};
  f.inputs.parks = {parkAt("P1", 113.8, 23.4)};
  const auto byDefault = f.run(nlohmann::json::object());
  const auto explicit50 = f.run({{"radius_km", 50}});
  const auto explicit20 = f.run({{"radius_km", 20}});
  EXPECT_DOUBLE_EQ(byDefault[0], explicit50[0]);
  EXPECT_GT(byDefault[0], explicit20[0]);
}

TEST(LabourPool, MissingWorkingAgeInReachGivesNullAndAWarningNamingTheRegion) {
  Fixture f;
  f.inputs.regions = {region("440100", 113, 23, 114, 24, 300.0), region("440200", 114, 23, 115, 24, kNaN)};
  f.inputs.parks = {parkAt("P1", 114.0, 23.5), parkAt("P2", 113.3, 23.5)};
  const auto v = f.run({{"radius_km", 20}});
  EXPECT_TRUE(std::isnan(v[0]));
  EXPECT_FALSE(std::isnan(v[1]));
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].featureId, "P1");
  EXPECT_NE(warnings[0].message.find("440200"), std::string::npos) << warnings[0].message;
  EXPECT_NE(warnings[0].message.find("working_age"), std::string::npos) << warnings[0].message;
}

TEST(LabourPool, RejectsBadRadiusWithItsName) {
  Fixture f;
  f.inputs.regions = {region("440100", 113, 23, 114, 24, 300.0)};
  f.inputs.parks = {parkAt("P1", 113.5, 23.5)};
  try {
    f.run({{"radius_km", -5}});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("labour_pool: params.radius_km"), std::string::npos) << e.what();
  }
  EXPECT_THROW(f.run({{"radius_km", "far"}}), InputError);
  EXPECT_THROW(f.run({{"radius", 10}}), InputError);
}

// Issue 14: the catchment is the circle on the ground, not in one national plane. Around parks
// at the corners of China (Kashgar, Mohe, Sanya, Lhasa, Shanghai), 0.1° cells whose density
// depends on the direction from the park (1 + 0.9 cos 2θ: high east and west, low north and
// south), so a catchment that is an ellipse on the ground gathers a different population. The
// reference puts each park at the centre of its own equal-area plane, where the disk is the
// geodesic circle to ~1e−5. Two specks at 73°E 18°N and 135°E 54°N make the study area national;
// a companion park in each site's tile moves the tile's plane away from the site.
TEST(LabourPool, GroundErrorWithinOneTenthPercentAnywhereInChina) {
  const std::vector<std::pair<double, double>> sites{
      {75.99, 39.47}, {122.53, 52.97}, {109.51, 18.25}, {91.13, 29.65}, {121.47, 31.23}};
  Fixture f;
  int id = 0;
  for (const auto& [plon, plat] : sites) {
    f.inputs.parks.push_back(parkAt("P" + std::to_string(id), plon, plat));
    for (int i = -8; i < 8; ++i) {
      for (int j = -8; j < 8; ++j) {
        const double lon0 = plon + 0.1 * i, lat0 = plat + 0.1 * j;
        const double theta =
            std::atan2((lat0 + 0.05 - plat), (lon0 + 0.05 - plon) * std::cos(plat * kPi / 180));
        const double density = 1.0 + 0.9 * std::cos(2 * theta);  // persons per km², arbitrary units
        f.inputs.regions.push_back(region(std::to_string(++id), lon0, lat0, lon0 + 0.1, lat0 + 0.1,
                                          density * cellAreaKm2(lon0, lat0, lon0 + 0.1, lat0 + 0.1)));
      }
    }
  }
  f.inputs.regions.push_back(region("SW", 73.0, 18.0, 73.01, 18.01, 0));
  f.inputs.regions.push_back(region("NE", 134.99, 53.99, 135.0, 54.0, 0));
  // A companion park at the far corner of each site's tile of parks (tiles of
  // localPlaneTileDeg(50 km) = 4°), so the tile's plane is centred ~2° away from the site.
  const double tile = detail::localPlaneTileDeg(50000.0);
  for (const auto& [plon, plat] : sites) {
    const double x0 = std::floor(plon / tile) * tile, y0 = std::floor(plat / tile) * tile;
    const double cx = plon - x0 < tile / 2 ? x0 + tile - 0.01 : x0 + 0.01;
    const double cy = plat - y0 < tile / 2 ? y0 + tile - 0.01 : y0 + 0.01;
    f.inputs.parks.push_back(parkAt("C" + std::to_string(f.inputs.parks.size()), cx, cy));
  }
  const double r = 50.0;
  const std::vector<double> values = f.run({{"radius_km", r}});

  // Reference and, for contrast, one plane at the centre of the study area's bbox (104°E, 36°N).
  auto sumsIn = [&](const detail::EqualAreaPlane& plane, double lon, double lat) {
    double x = 0, y = 0, sum = 0;
    plane.forward(lon, lat, x, y);
    for (const Region& reg : f.inputs.regions) {
      const detail::PlanarShape shape = detail::projectShape(reg.wkb, plane, reg.id);
      if (shape.area > 0)
        sum += reg.values.at("working_age") * detail::circleShapeArea(shape, x, y, r * 1000) / shape.area;
    }
    return sum;
  };
  const detail::EqualAreaPlane national(104.0, 36.0);
  for (std::size_t p = 0; p < sites.size(); ++p) {
    const detail::EqualAreaPlane own(sites[p].first, sites[p].second);
    const double truth = sumsIn(own, sites[p].first, sites[p].second);
    EXPECT_NEAR(values[p], truth, 1e-3 * truth) << "park at " << sites[p].first << ", " << sites[p].second;
    if (p == 0) {
      // The single national plane misses the budget in the far west: the test can tell.
      EXPECT_GT(std::abs(sumsIn(national, sites[p].first, sites[p].second) - truth), 3e-3 * truth);
    }
  }
}
