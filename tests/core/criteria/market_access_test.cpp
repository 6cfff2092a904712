// market_access criterion (core/src/criteria/market_access.cpp) through the registry.
#include <cmath>
#include <cstring>

#include "economic_fixture.h"

using clustershift::test::EconomicFixture;

namespace {

// 1° of longitude on the WGS84 equator: a·π/180 = 6378137 m · π/180 = 111.319491 km.
constexpr double kDegreeKm = 111.31949079327357;

// Little-endian WKB polygon from a closed ring.
std::vector<std::uint8_t> wkbPolygon(const std::vector<std::pair<double, double>>& ring) {
  std::vector<std::uint8_t> out;
  auto put = [&out](const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  };
  const std::uint8_t order = 1;
  const std::uint32_t type = 3, rings = 1, points = static_cast<std::uint32_t>(ring.size());
  put(&order, 1);
  put(&type, 4);
  put(&rings, 4);
  put(&points, 4);
  for (const auto& [x, y] : ring) {
    put(&x, 8);
    put(&y, 8);
  }
  return out;
}

void twoRegions(EconomicFixture& f) {
  f.inputs.regions.resize(2);
  f.inputs.parks.resize(1);
  f.inputs.parks[0].region = 0;
  f.inputs.parks[0].lon = 0;
  f.inputs.parks[0].lat = 0;
  // Region R1: seat at the park (d = 0), GDP 100. Region R2: seat 1° east on the equator, GDP 200.
  f.inputs.regions[0].extra = {{"seat_lon", 0.0}, {"seat_lat", 0.0}};
  f.inputs.regions[0].values["gdp"] = 100;
  f.inputs.regions[1].extra = {{"seat_lon", 1.0}, {"seat_lat", 0.0}};
  f.inputs.regions[1].values["gdp"] = 200;
}

}  // namespace

TEST(MarketAccess, GdpWeightedByExponentialDecayOfGeodesicDistance) {
  EconomicFixture f;
  twoRegions(f);
  auto raw = f.run("market_access");
  ASSERT_EQ(raw.size(), 1u);
  EXPECT_NEAR(raw[0], 100 + 200 * std::exp(-kDegreeKm / 150.0), 1e-6);  // 100 + 95.40 = 195.40
  raw = f.run("market_access", {{"delta_km", 300}});
  EXPECT_NEAR(raw[0], 100 + 200 * std::exp(-kDegreeKm / 300.0), 1e-6);
}

TEST(MarketAccess, SeatFallsBackToPointOnSurface) {
  EconomicFixture f;
  twoRegions(f);
  // R2 without a seat: a square 2..4°E, −1..1°N, whose point-on-surface is (3, 0), 3° away.
  f.inputs.regions[1].extra.clear();
  f.inputs.regions[1].wkb = wkbPolygon({{2, -1}, {4, -1}, {4, 1}, {2, 1}, {2, -1}});
  const auto raw = f.run("market_access");
  EXPECT_NEAR(raw[0], 100 + 200 * std::exp(-3 * kDegreeKm / 150.0), 1e-6);
}

TEST(MarketAccess, RegionWithoutGdpIsLeftOutWithWarning) {
  EconomicFixture f;
  twoRegions(f);
  f.inputs.regions[1].values["gdp"] = clustershift::kNaN;
  const auto raw = f.run("market_access");
  EXPECT_NEAR(raw[0], 100.0, 1e-9);
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("1 region(s) without gdp"), std::string::npos);
}

TEST(MarketAccess, BadDeltaIsAnError) {
  EconomicFixture f;
  twoRegions(f);
  f.expectError("market_access", "market_access: params.delta_km: must be > 0, got 0", {{"delta_km", 0}});
}

TEST(MarketAccess, ManyParksInParallelMatchTheFormula) {
  EconomicFixture f;
  twoRegions(f);
  // 100,000 parks × 2 regions: enough work for the parallel path.
  f.inputs.parks.resize(100000, f.inputs.parks[0]);
  for (std::size_t p = 0; p < f.inputs.parks.size(); ++p) f.inputs.parks[p].lon = (p % 3) * 1.0;
  f.inputs.parks[7].lat = clustershift::kNaN;
  const auto raw = f.run("market_access");
  ASSERT_EQ(raw.size(), 100000u);
  // lon 0: 100 + 200·e^(−1°/δ); lon 1: 100·e^(−1°/δ) + 200; lon 2: 100·e^(−2°/δ) + 200·e^(−1°/δ)
  const double e1 = std::exp(-kDegreeKm / 150.0), e2 = std::exp(-2 * kDegreeKm / 150.0);
  EXPECT_NEAR(raw[99999], 100 + 200 * e1, 1e-6);  // 99999 % 3 == 0
  EXPECT_NEAR(raw[50000], 100 * e2 + 200 * e1, 1e-6);  // 50000 % 3 == 2
  EXPECT_NEAR(raw[4], 100 * e1 + 200, 1e-6);
  EXPECT_TRUE(std::isnan(raw[7]));
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].featureId, "P1");  // copies of park P1
  EXPECT_EQ(warnings[0].message, "market_access: park has no location");
}
