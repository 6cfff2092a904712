#pragma once
// A tiny synthetic study area for criterion and pipeline tests: four 1°×1° regions in a row
// (R0 is the source), six parks. Numbers are chosen so results can be checked by hand.
//
//   region  id   wage    land_price      park  region  level       available_ha
//   R0     "100" 100000  500             P0    R0      national    500   (source region)
//   R1     "200"  50000  200             P1    R1      national    400
//   R2     "300"  80000  300             P2    R2      provincial  300
//   R3     "400"  NULL   100             P3    R3      county      200   (no wage)
//                                        P4    outside county      100
//                                        P5    R1      开发区       10   (too small)
// Cluster: 10000 jobs; production 80 % of jobs at 100 jobs/ha, rd 20 % at 200 jobs/ha
// -> complete transfer needs 0.8·10000/100 + 0.2·10000/200 = 90 ha.
#include <nlohmann/json.hpp>

#include <string>

#include "clustershift/data.h"
#include "clustershift/scenario.h"
#include "io/geos_context.h"

namespace clustershift::testing {

inline std::string square(double lon0, double lat0) {
  char wkt[256];
  std::snprintf(wkt, sizeof wkt, "POLYGON((%g %g,%g %g,%g %g,%g %g,%g %g))", lon0, lat0, lon0 + 1,
                lat0, lon0 + 1, lat0 + 1, lon0, lat0 + 1, lon0, lat0);
  return wkt;
}

inline Inputs syntheticInputs() {
  Inputs in;
  in.regionsLabel = "regions.gpkg/regions";
  in.parksLabel = "parks.gpkg/parks";
  const char* ids[] = {"100", "200", "300", "400"};
  const double wages[] = {100000, 50000, 80000, kNaN};
  const double prices[] = {500, 200, 300, 100};
  for (int i = 0; i < 4; ++i) {
    Region r;
    r.id = ids[i];
    r.name = std::string("Region") + ids[i];
    r.fid = std::to_string(i + 1);
    r.wkb = detail::wktToWkb(square(110 + i, 30));
    r.values["wage"] = wages[i];
    r.values["land_price"] = prices[i];
    r.values["gdp"] = 1000.0 * (i + 1);
    in.regions.push_back(r);
  }
  struct P {
    const char* id;
    double lon, lat;
    const char* level;
    double available;
  } parks[] = {{"P0", 110.5, 30.5, "national", 500},  {"P1", 111.5, 30.5, "national", 400},
               {"P2", 112.5, 30.5, "provincial", 300}, {"P3", 113.5, 30.5, "county", 200},
               {"P4", 120.0, 40.0, "county", 100},     {"P5", 111.6, 30.6, "开发区", 10}};
  int fid = 1;
  for (const P& p : parks) {
    Park park;
    park.id = p.id;
    park.name = std::string("Park ") + p.id;
    park.fid = std::to_string(fid++);
    park.lon = p.lon;
    park.lat = p.lat;
    park.level = p.level;
    park.values["available_ha"] = p.available;
    park.values["area_ha"] = p.available * 2;
    park.extra["rating"] = fid;
    park.wkb = detail::geosToWkb(detail::geosPoint(p.lon, p.lat).get());
    in.parks.push_back(park);
  }
  return in;
}

inline nlohmann::json syntheticScenarioJson() {
  return nlohmann::json::parse(R"({
    "version": 1, "name": "synthetic",
    "data": {"regions": {"path": "regions.gpkg"}, "parks": {"path": "parks.gpkg"}},
    "cluster": {"profile": {"id": "c", "industry": "C19", "output_yuan100m": 100, "jobs": 10000,
      "segments": [
        {"id": "production", "output_share": 0.7, "job_share": 0.8, "va_rate": 0.2,
         "jobs_per_ha": 100, "movable": true},
        {"id": "rd", "output_share": 0.3, "job_share": 0.2, "va_rate": 0.5,
         "jobs_per_ha": 200, "movable": false}]}},
    "source": {"region": "100", "lon": 110.5, "lat": 30.5},
    "mode": "complete",
    "effects": {"enabled": false},
    "criteria": [
      {"id": "labour_cost", "weight": 0.5},
      {"id": "land", "weight": 0.5, "min": 1.0}
    ]
  })");
}

inline Scenario syntheticScenario() { return parseScenario(syntheticScenarioJson(), "/tmp"); }

}  // namespace clustershift::testing
