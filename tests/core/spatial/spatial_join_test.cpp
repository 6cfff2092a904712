#include "spatial/spatial_join.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

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

TEST(LocatePoints, ManyRegionsSharedOutAmongThreadsKeepTheLowestIndexRule) {
  // 10 x 10 unit squares (enough for locatePoints to share them out between threads by index):
  // interior points, points on edges and corners shared by squares of both shares, outside
  // points and a missing one; each must get the lowest index of the squares that cover it, in
  // the table's order and in the reverse order.
  std::vector<Region> squares;
  for (int row = 0; row < 10; ++row)
    for (int col = 0; col < 10; ++col) {
      char wkt[160];
      std::snprintf(wkt, sizeof wkt, "POLYGON((%d %d,%d %d,%d %d,%d %d,%d %d))", col, row, col + 1, row,
                    col + 1, row + 1, col, row + 1, col, row);
      squares.push_back(region(std::to_string(row * 10 + col), wkt));
    }
  std::vector<double> lon, lat;
  for (double x = -0.5; x <= 10.5; x += 0.25)
    for (double y = -0.5; y <= 10.5; y += 0.5) {
      lon.push_back(x);
      lat.push_back(y);
    }
  lon.push_back(kNaN);
  lat.push_back(kNaN);
  for (const bool reversed : {false, true}) {
    std::vector<Region> regions = squares;
    if (reversed) std::reverse(regions.begin(), regions.end());
    const std::vector<int> found = detail::locatePoints(regions, lon, lat);
    ASSERT_EQ(found.size(), lon.size());
    int onBorders = 0;
    for (std::size_t p = 0; p < lon.size(); ++p) {
      int expected = -1, covering = 0;
      for (std::size_t i = 0; i < regions.size(); ++i) {
        const int id = std::stoi(regions[i].id), col = id % 10, row = id / 10;
        if (lon[p] >= col && lon[p] <= col + 1 && lat[p] >= row && lat[p] <= row + 1) {
          ++covering;
          if (expected < 0) expected = static_cast<int>(i);
        }
      }
      if (covering > 1) ++onBorders;
      EXPECT_EQ(found[p], expected) << "point (" << lon[p] << ", " << lat[p] << ")"
                                    << (reversed ? " reversed" : "");
    }
    EXPECT_GT(onBorders, 100);
  }
}

TEST(LocatePoints, ManyRegionsWithBadGeometryNameTheFirstBadRegion) {
  // Regions 3 and 6 cannot be read; shared out between threads by index, they fall to different
  // threads: the error names region 3, the first one a thread reading them in order meets.
  std::vector<Region> regions;
  for (int i = 0; i < 80; ++i) {
    char wkt[160];
    std::snprintf(wkt, sizeof wkt, "POLYGON((%d 0,%d 0,%d 1,%d 1,%d 0))", i, i + 1, i + 1, i, i);
    regions.push_back(region("R" + std::to_string(i), wkt));
  }
  regions[3].wkb = {0x01, 0x03, 0x00};
  regions[6].wkb = {0x01, 0x03, 0x00};
  try {
    detail::locatePoints(regions, {0.5}, {0.5});
    FAIL() << "expected GeoError";
  } catch (const GeoError& e) {
    EXPECT_NE(std::string(e.what()).find("region 'R3'"), std::string::npos) << e.what();
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
