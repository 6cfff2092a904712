#pragma once
// Small synthetic economy for the effects tests: three regions, three parks, a 3-sector
// IO table, a four-segment cluster and a hand-made ranking (no pipeline needed).
#include "clustershift/effects.h"
#include "clustershift/results.h"

namespace clustershift::effects_test {

inline Region makeRegion(const std::string& id, std::array<double, 3> y, std::array<double, 3> l, double rd,
                         double lon, double lat) {
  Region r;
  r.id = id;
  r.name = "Region" + id;
  r.nameZh = "地区" + id;
  r.values = {{"y1", y[0]}, {"y2", y[1]}, {"y3", y[2]}, {"l1", l[0]},
              {"l2", l[1]}, {"l3", l[2]}, {"rd", rd},   {"gdp", y[0] + y[1] + y[2]}};
  // A small square around the seat, so pointOnSurface has something to work on.
  (void)lon;
  (void)lat;
  return r;
}

inline ClusterProfile makeCluster() {
  ClusterProfile c;
  c.id = "shoes";
  c.name = "Shoes";
  c.industry = "C19";
  c.outputYuan100m = 100;
  c.jobs = 50000;
  c.rdYuan100m = 2;
  auto seg = [](std::string id, double a, double b, double v, double k, double jph, bool movable) {
    Segment s;
    s.id = std::move(id);
    s.name = s.id;
    s.outputShare = a;
    s.jobShare = b;
    s.vaRate = v;
    s.knowledgeIntensity = k;
    s.jobsPerHa = jph;
    s.movable = movable;
    return s;
  };
  c.segments = {
      seg("rd", 0.05, 0.05, 0.45, 0.9, 300, false), seg("production", 0.60, 0.70, 0.15, 0.1, 100, true),
      seg("assembly", 0.20, 0.20, 0.12, 0.1, 120, true), seg("marketing", 0.15, 0.05, 0.40, 0.5, 400, false)};
  return c;
}

inline Inputs makeInputs(bool withIo = true) {
  Inputs in;
  in.regions = {makeRegion("100000", {50, 400, 550}, {20, 150, 130}, 25, 120.0, 30.0),
                makeRegion("200000", {80, 150, 170}, {60, 50, 40}, 4, 117.0, 30.0),
                makeRegion("300000", {30, 100, 120}, {25, 40, 35}, 3, 115.0, 28.0)};
  auto park = [](std::string id, double lon, double lat, double available, int region) {
    Park p;
    p.id = std::move(id);
    p.name = p.id;
    p.lon = lon;
    p.lat = lat;
    p.values = {{"area_ha", available * 2}, {"available_ha", available}};
    p.region = region;
    return p;
  };
  in.parks = {park("P2-01", 117.0, 30.0, 1000, 1), park("P3-01", 115.0, 28.0, 300, 2),
              park("P1-01", 120.1, 30.1, 200, 0)};
  if (withIo) {
    IndustryMatrix m;
    m.regionIds = {"100000", "200000", "300000"};
    m.industries = {"C19"};
    m.values = {{300}, {20}, {10}};
    in.industryOutput = m;
    IoTable t;
    t.sectors = {"C19", "A", "S"};
    t.a = {{0.10, 0.00, 0.00}, {0.20, 0.10, 0.00}, {0.10, 0.05, 0.20}};
    in.ioTable = t;
  }
  return in;
}

inline Scenario makeScenario(TransferMode mode) {
  Scenario s;
  s.name = "test";
  s.cluster = makeCluster();
  s.sourceRegion = "100000";
  s.sourceLon = 120.0;
  s.sourceLat = 30.0;
  s.mode = mode;
  return s;
}

/// Ranking: P2-01 first (score 0.8), P3-01 second (0.6), P1-01 third (0.3).
inline Results makeRanking(const Inputs& in) {
  Results r;
  r.sourceRegionId = "100000";
  r.sourceLon = 120.0;
  r.sourceLat = 30.0;
  const double scores[3] = {0.8, 0.6, 0.3};
  const char* regions[3] = {"200000", "300000", "100000"};
  for (int i = 0; i < 3; ++i) {
    ParkResult p;
    p.park = i;
    p.id = in.parks[static_cast<std::size_t>(i)].id;
    p.name = p.id;
    p.regionId = regions[i];
    p.lon = in.parks[static_cast<std::size_t>(i)].lon;
    p.lat = in.parks[static_cast<std::size_t>(i)].lat;
    p.score = scores[i];
    p.rank = i + 1;
    r.parks.push_back(p);
  }
  return r;
}

}  // namespace clustershift::effects_test
