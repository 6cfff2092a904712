#include "spatial/spatial_join.h"

#include <gtest/gtest.h>

#include "clustershift/geo.h"
#include "io/geos_context.h"

namespace clustershift {
namespace {

Region region(const std::string& id, const std::string& wkt) {
  Region r;
  r.id = id;
  r.wkb = detail::wktToWkb(wkt);
  return r;
}

Park park(const std::string& id, double lon, double lat) {
  Park p;
  p.id = id;
  p.lon = lon;
  p.lat = lat;
  return p;
}

Inputs twoSquares() {
  Inputs in;
  in.regions.push_back(region("A", "POLYGON((110 30,111 30,111 31,110 31,110 30))"));
  in.regions.push_back(region("B", "POLYGON((111 30,112 30,112 31,111 31,111 30))"));
  return in;
}

TEST(JoinParksToRegions, InsideOutsideAndMissing) {
  Inputs in = twoSquares();
  in.parks = {park("a", 110.5, 30.5), park("b", 111.5, 30.5), park("out", 115, 30.5),
              park("none", kNaN, kNaN), park("corner", 110, 30)};
  EXPECT_EQ(joinParksToRegions(in), 3);
  EXPECT_EQ(in.parks[0].region, 0);
  EXPECT_EQ(in.parks[1].region, 1);
  EXPECT_EQ(in.parks[2].region, -1);
  EXPECT_EQ(in.parks[3].region, -1);
  EXPECT_EQ(in.parks[4].region, 0);  // a vertex on the boundary still counts (covers)
}

TEST(JoinParksToRegions, PointOnASharedBorderGoesToTheFirstRegion) {
  // Documented rule: candidates are tested in table order, the first covering region wins.
  Inputs in = twoSquares();
  in.parks = {park("border", 111, 30.5)};
  joinParksToRegions(in);
  EXPECT_EQ(in.parks[0].region, 0);
  std::swap(in.regions[0], in.regions[1]);
  joinParksToRegions(in);
  EXPECT_EQ(in.parks[0].region, 0);
  EXPECT_EQ(in.regions[0].id, "B");
}

TEST(JoinParksToRegions, HoleAndMultiPolygon) {
  Inputs in;
  in.regions.push_back(region(
      "ring", "POLYGON((0 0,10 0,10 10,0 10,0 0),(4 4,6 4,6 6,4 6,4 4))"));
  in.regions.push_back(region("islands", "MULTIPOLYGON(((20 0,21 0,21 1,20 1,20 0)),((4.5 4.5,5.5 4.5,5.5 5.5,4.5 5.5,4.5 4.5)))"));
  in.parks = {park("inHole", 5, 5), park("onRing", 1, 1), park("inHoleGap", 4.2, 4.2),
              park("island", 20.5, 0.5)};
  joinParksToRegions(in);
  EXPECT_EQ(in.parks[0].region, 1);
  EXPECT_EQ(in.parks[1].region, 0);
  EXPECT_EQ(in.parks[2].region, -1);
  EXPECT_EQ(in.parks[3].region, 1);
}

TEST(JoinParksToRegions, BadWkbIsAGeoError) {
  Inputs in;
  Region r;
  r.id = "broken";
  r.wkb = {1, 2, 3};
  in.regions.push_back(r);
  in.parks = {park("p", 0, 0)};
  try {
    joinParksToRegions(in);
    FAIL();
  } catch (const GeoError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("region 'broken': ", 0), 0u) << e.what();
  }
}

TEST(PointOnSurface, LiesInsideAConcavePolygon) {
  Region u = region("U", "POLYGON((0 0,3 0,3 3,2 3,2 1,1 1,1 3,0 3,0 0))");
  double lon = kNaN, lat = kNaN;
  pointOnSurface(u, lon, lat);
  GEOSContextHandle_t ctx = detail::GeosContext::current().handle();
  detail::GeosGeometryPtr g = detail::geosFromWkb(u.wkb, "U");
  detail::GeosGeometryPtr p = detail::geosPoint(lon, lat);
  EXPECT_EQ(GEOSCovers_r(ctx, g.get(), p.get()), 1) << lon << " " << lat;
}

}  // namespace
}  // namespace clustershift
