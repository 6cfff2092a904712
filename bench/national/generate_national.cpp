// generate_national OUT_DIR [SAMPLE_DATA_DIR]: deterministic national-size synthetic inputs
// for bench/national/run.sh (issue 14), written as a ClusterShift scenario with its data:
//   regions.gpkg          2,850 county-like regions: the Voronoi cells of 2,850 seats spread
//                         over a schematic outline of mainland China (denser in the east, as
//                         counties are), clipped to the outline, every shared edge wiggled
//                         identically on both sides to ≈ 200 vertices per region; attributes
//                         from the sample's 95 prefecture units, scaled to county size (1/30)
//                         with ±30 % noise;
//   parks.gpkg            20,000 sites, about 7 per region, inside their region; attributes
//                         cycled from the sample parks;
//   roads.gpkg            Delaunay links between neighbouring seats, a vertex every ≤ 3 km;
//   sensitive_zones.gpkg  60 elliptical zones;
//   industry_output.csv   the sample's rows, scaled like the regions; io_table.csv copied;
//   national.json         footwear, complete transfer from the region nearest Wenzhou, twelve
//                         criteria, SMAA 2,000 draws, report top_n 10.
//   national_grid.json    the same with a 1 km candidate grid (~9.6 M cells), six criteria,
//                         no SMAA, the best 1,000 cells kept.
// Same output for the same program: one seeded std::mt19937_64 stream per purpose.
// The shapes and statistics are SCHEMATIC (a benchmark input, not data).
// Sources: national_geometry.cpp (seats, regions: GEOS), national_io.cpp (sample data,
// GeoPackage layers: GDAL), this file (attributes, parks, roads, zones, tables, scenarios).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "national_geometry.h"
#include "national_io.h"

using namespace national;

namespace {

constexpr int kParks = 20000;
constexpr int kZones = 60;

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: generate_national OUT_DIR [SAMPLE_DATA_DIR]\n");
    return 2;
  }
  const fs::path out = argv[1];
  const fs::path sample = argc > 2 ? fs::path(argv[2]) : fs::path(CLUSTERSHIFT_SOURCE_DIR "/sample_data");
  fs::create_directories(out);
  GDALAllRegister();
  g_ctx = GEOS_init_r();
  GEOSContext_setErrorMessageHandler_r(g_ctx, geosMessage, nullptr);

  // ---- sample attributes ----
  const std::vector<SampleRegion> sampleRegions = readSampleRegions(sample / "regions.gpkg");
  const std::vector<SamplePark> sampleParks = readSampleParks(sample / "parks.gpkg");
  if (sampleRegions.empty() || sampleParks.empty()) throw std::runtime_error("empty sample data");

  // ---- seats and their regions: Voronoi cells, edges wiggled, clipped to the outline ----
  Geom outline = outlinePolygon();
  const GEOSPreparedGeometry* outlinePrepared = GEOSPrepare_r(g_ctx, outline.g);
  const Seats seats = placeSeats(outlinePrepared);
  const std::vector<double>& seatLon = seats.lon;
  const std::vector<double>& seatLat = seats.lat;
  std::vector<GEOSGeometry*> seatPoints;
  for (int i = 0; i < kRegions; ++i) seatPoints.push_back(point(seatLon[i], seatLat[i]));
  Geom seatsMulti(GEOSGeom_createCollection_r(g_ctx, GEOS_MULTIPOINT, seatPoints.data(), kRegions));
  const std::vector<Geom> regionShapes = makeRegionShapes(seatsMulti, outline);

  // The source: the region nearest Wenzhou, with the Wenzhou unit's values unscaled (a
  // prefecture-sized source, so the footwear cluster fits in it and the effects are computed).
  int source = 0;
  double best = 1e300;
  int wenzhou = 0;
  for (std::size_t k = 0; k < sampleRegions.size(); ++k)
    if (sampleRegions[k].id == "330300") wenzhou = static_cast<int>(k);
  for (int i = 0; i < kRegions; ++i) {
    const double d = km(120.65, 28.0, seatLon[i], seatLat[i]);
    if (d < best) {
      best = d;
      source = i;
    }
  }
  // ---- regions.gpkg ----
  const std::vector<std::string> scaled = {"population", "working_age", "gdp", "y1", "y2",
                                           "y3",         "l1",          "l2",  "l3", "rd"};
  const std::vector<std::string> unscaled = {"wage", "land_price"};
  std::vector<std::string> regionIds(kRegions);
  std::vector<int> regionSample(kRegions);
  std::vector<double> regionScale(kRegions);
  std::mt19937_64 attrRng(95);
  std::uniform_real_distribution<double> noise(0.7, 1.3);
  FieldList regionFields = {{"id", OFTString},
                            {"name", OFTString},
                            {"name_zh", OFTString},
                            {"province", OFTString},
                            {"province_zh", OFTString}};
  for (const auto& s : scaled) regionFields.emplace_back(s, OFTReal);
  for (const auto& s : unscaled) regionFields.emplace_back(s, OFTReal);
  regionFields.emplace_back("seat_lon", OFTReal);
  regionFields.emplace_back("seat_lat", OFTReal);
  writeGpkgLayer(
      out / "regions.gpkg", "regions", wkbMultiPolygon, regionFields, kRegions, [&](OGRFeature& f, int i) {
        regionIds[i] = std::to_string(100000 + i);
        regionSample[i] = i == source ? wenzhou : i % static_cast<int>(sampleRegions.size());
        regionScale[i] = noise(attrRng) / 30.0;  // a prefecture unit holds ~30 counties
        if (i == source) regionScale[i] = 1.0;
        const SampleRegion& s = sampleRegions[static_cast<std::size_t>(regionSample[i])];
        f.SetField("id", regionIds[i].c_str());
        f.SetField("name", ("County " + std::to_string(i + 1)).c_str());
        f.SetField("name_zh", ("第" + std::to_string(i + 1) + "县").c_str());
        f.SetField("province", s.strings.count("province") ? s.strings.at("province").c_str() : "");
        f.SetField("province_zh", s.strings.count("province_zh") ? s.strings.at("province_zh").c_str() : "");
        for (const auto& k : scaled)
          if (s.numbers.count(k)) f.SetField(k.c_str(), s.numbers.at(k) * regionScale[i]);
        for (const auto& k : unscaled)
          if (s.numbers.count(k)) f.SetField(k.c_str(), s.numbers.at(k) * noise(attrRng));
        f.SetField("seat_lon", seatLon[i]);
        f.SetField("seat_lat", seatLat[i]);
        if (regionShapes[static_cast<std::size_t>(i)].g)
          setGeometryFromGeos(&f, regionShapes[static_cast<std::size_t>(i)].g);
        return true;
      });

  // ---- parks.gpkg: 20,000 sites inside their regions ----
  {
    std::mt19937_64 parkRng(20000);
    std::uniform_real_distribution<double> angle(0, 2 * kPi), radius(0, 1);
    std::vector<const GEOSPreparedGeometry*> prepared(kRegions, nullptr);
    const FieldList parkFields = {{"id", OFTString},
                                  {"name", OFTString},
                                  {"name_zh", OFTString},
                                  {"level", OFTString},
                                  {"area_ha", OFTReal},
                                  {"available_ha", OFTReal},
                                  {"lead_industries", OFTString},
                                  {"region_id", OFTString}};
    writeGpkgLayer(out / "parks.gpkg", "parks", wkbPoint, parkFields, kParks, [&](OGRFeature& f, int p) {
      const int r = p % kRegions;
      const GEOSGeometry* shape = regionShapes[static_cast<std::size_t>(r)].g;
      double x = seatLon[r], y = seatLat[r];
      if (shape) {
        if (!prepared[r]) prepared[r] = GEOSPrepare_r(g_ctx, shape);
        for (int attempt = 0; attempt < 20; ++attempt) {
          const double a = angle(parkRng), d = 0.25 * std::sqrt(radius(parkRng));  // ≤ ~25 km
          Geom candidate(point(seatLon[r] + d * std::cos(a) / std::cos(seatLat[r] * kPi / 180),
                               seatLat[r] + d * std::sin(a)));
          if (GEOSPreparedContains_r(g_ctx, prepared[r], candidate.g) == 1) {
            GEOSGeomGetX_r(g_ctx, candidate.g, &x);
            GEOSGeomGetY_r(g_ctx, candidate.g, &y);
            break;
          }
        }
      }
      const SamplePark& s = sampleParks[static_cast<std::size_t>(p) % sampleParks.size()];
      char id[16];
      std::snprintf(id, sizeof id, "N%05d", p);
      f.SetField("id", id);
      f.SetField("name", (s.name + " " + std::to_string(p)).c_str());
      f.SetField("name_zh", (s.nameZh + std::to_string(p)).c_str());
      f.SetField("level", s.level.c_str());
      f.SetField("area_ha", s.areaHa);
      f.SetField("available_ha", s.availableHa);
      f.SetField("lead_industries", s.leadIndustries.c_str());
      f.SetField("region_id", regionIds[r].c_str());
      OGRPoint pt(x, y);
      f.SetGeometry(&pt);
      return true;
    });
    for (auto* pg : prepared)
      if (pg) GEOSPreparedGeom_destroy_r(g_ctx, pg);
  }

  // ---- roads.gpkg: Delaunay links between seats up to 250 km, a vertex every ≤ 3 km ----
  {
    Geom edges(GEOSDelaunayTriangulation_r(g_ctx, seatsMulti.g, 0.0, 1));
    std::map<std::pair<double, double>, int> seatIndex;
    for (int i = 0; i < kRegions; ++i) seatIndex[{seatLon[i], seatLat[i]}] = i;
    const FieldList roadFields = {{"id", OFTString},        {"class", OFTString},
                                  {"speed_kmh", OFTReal},   {"from_region", OFTString},
                                  {"to_region", OFTString}, {"length_km", OFTReal}};
    int written = 0;
    writeGpkgLayer(out / "roads.gpkg", "roads", wkbLineString, roadFields,
                   GEOSGetNumGeometries_r(g_ctx, edges.g), [&](OGRFeature& f, int e) {
                     const GEOSCoordSequence* seq =
                         GEOSGeom_getCoordSeq_r(g_ctx, GEOSGetGeometryN_r(g_ctx, edges.g, e));
                     std::vector<double> xy(4);
                     GEOSCoordSeq_getXY_r(g_ctx, seq, 0, &xy[0], &xy[1]);
                     GEOSCoordSeq_getXY_r(g_ctx, seq, 1, &xy[2], &xy[3]);
                     const double lengthKm = km(xy[0], xy[1], xy[2], xy[3]);
                     if (lengthKm > 250) return false;
                     const auto a = seatIndex.find({xy[0], xy[1]}), b = seatIndex.find({xy[2], xy[3]});
                     if (a == seatIndex.end() || b == seatIndex.end()) return false;
                     const int steps = std::max(1, static_cast<int>(std::ceil(lengthKm / 3.0)));
                     OGRLineString line;
                     for (int k = 0; k <= steps; ++k) {
                       const double t = static_cast<double>(k) / steps;
                       line.addPoint(xy[0] + t * (xy[2] - xy[0]), xy[1] + t * (xy[3] - xy[1]));
                     }
                     const bool east = xy[0] > 110 && xy[2] > 110;
                     f.SetField("id", ("R" + std::to_string(++written)).c_str());
                     f.SetField("class", east ? "expressway" : "national");
                     f.SetField("speed_kmh", east ? 100.0 : 80.0);
                     f.SetField("from_region", regionIds[a->second].c_str());
                     f.SetField("to_region", regionIds[b->second].c_str());
                     f.SetField("length_km", lengthKm);
                     f.SetGeometry(&line);
                     return true;
                   });
  }

  // ---- sensitive_zones.gpkg: 60 ellipses ----
  {
    std::mt19937_64 zoneRng(60);
    std::uniform_int_distribution<int> anyRegion(0, kRegions - 1);
    std::uniform_real_distribution<double> axis(0.08, 0.35), rot(0, kPi);
    const FieldList zoneFields = {{"id", OFTString}, {"name", OFTString}, {"name_zh", OFTString}};
    writeGpkgLayer(
        out / "sensitive_zones.gpkg", "sensitive_zones", wkbMultiPolygon, zoneFields, kZones,
        [&](OGRFeature& f, int z) {
          const int r = anyRegion(zoneRng);
          const double ax = axis(zoneRng), ay = axis(zoneRng), th = rot(zoneRng);
          std::vector<double> ring;
          for (int k = 0; k < 64; ++k) {
            const double t = 2 * kPi * k / 64;
            const double ex = ax * std::cos(t), ey = ay * std::sin(t);
            ring.push_back(seatLon[r] + 0.1 +
                           (ex * std::cos(th) - ey * std::sin(th)) / std::cos(seatLat[r] * kPi / 180));
            ring.push_back(seatLat[r] + 0.05 + ex * std::sin(th) + ey * std::cos(th));
          }
          Geom zone(ringPolygon(ring));
          f.SetField("id", ("Z" + std::to_string(z + 1)).c_str());
          f.SetField("name", ("Zone " + std::to_string(z + 1)).c_str());
          f.SetField("name_zh", ("保护区" + std::to_string(z + 1)).c_str());
          setGeometryFromGeos(&f, zone.g);
          return true;
        });
  }

  // ---- tables ----
  {
    const Table t = readCsv(sample / "industry_output.csv");
    std::map<std::string, const std::vector<std::string>*> byId;
    for (const auto& row : t.rows) byId[row[0]] = &row;
    std::ofstream csv(out / "industry_output.csv");
    for (std::size_t c = 0; c < t.header.size(); ++c) csv << (c ? "," : "") << t.header[c];
    csv << "\n";
    for (int i = 0; i < kRegions; ++i) {
      const auto it = byId.find(sampleRegions[static_cast<std::size_t>(regionSample[i])].id);
      if (it == byId.end()) continue;
      csv << regionIds[i];
      for (std::size_t c = 1; c < it->second->size(); ++c) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", std::stod((*it->second)[c]) * regionScale[i]);
        csv << "," << buf;
      }
      csv << "\n";
    }
    fs::copy_file(sample / "io_table.csv", out / "io_table.csv", fs::copy_options::overwrite_existing);
  }

  // ---- national.json ----
  using nlohmann::json;
  json scenario = {
      {"version", 1},
      {"name", "national_footwear"},
      {"title",
       {{"zh_CN", "全国鞋业完全转移（基准测试）"}, {"en", "National footwear transfer (benchmark)"}}},
      {"description",
       "bench/national: 2,850 schematic counties, 20,000 sites, twelve criteria. Synthetic, not data."},
      {"data",
       {{"regions", {{"path", "regions.gpkg"}, {"layer", "regions"}, {"fields", {{"id", "id"}}}}},
        {"parks", {{"path", "parks.gpkg"}, {"layer", "parks"}, {"coordinates", "wgs84"}}},
        {"industry_output", {{"path", "industry_output.csv"}}},
        {"io_table", {{"path", "io_table.csv"}}},
        {"roads", {{"path", "roads.gpkg"}, {"layer", "roads"}}},
        {"exclusions", {{"path", "sensitive_zones.gpkg"}, {"layer", "sensitive_zones"}}}}},
      {"cluster", {{"preset", "footwear"}}},
      {"source", {{"region", regionIds[source]}, {"lon", seatLon[source]}, {"lat", seatLat[source]}}},
      {"mode", "complete"},
      {"criteria",
       json::array({{{"id", "labour_cost"}, {"weight", 0.14}},
                    {{"id", "labour_pool"}, {"weight", 0.1}},
                    {{"id", "land"}, {"weight", 0.1}, {"min", 1.0}},
                    {{"id", "distance_source"}, {"weight", 0.1}, {"direction", "cost"}},
                    {{"id", "policy_level"}, {"weight", 0.06}},
                    {{"id", "travel_time_source"},
                     {"weight", 0.06},
                     {"direction", "cost"},
                     {"params", {{"max_snap_km", 60}, {"access_speed_kmh", 40}}}},
                    {{"id", "environment"}, {"weight", 0.04}, {"direction", "cost"}, {"max", 0.25}},
                    {{"id", "market_access"}, {"weight", 0.1}},
                    {{"id", "supply_chain"}, {"weight", 0.08}},
                    {{"id", "relatedness"}, {"weight", 0.08}},
                    {{"id", "industrial_base"}, {"weight", 0.07}},
                    {{"id", "absorptive_capacity"}, {"weight", 0.07}}})},
      {"weighting", {{"method", "direct"}}},
      {"aggregation", "wlc"},
      {"missing", "exclude"},
      {"uncertainty", {{"draws", 2000}, {"seed", 42}, {"concentration", 50}, {"k", 5}}},
      {"effects", json::object()},
      {"report", {{"language", "zh_CN"}, {"top_n", 10}, {"author", ""}}}};
  std::ofstream(out / "national.json") << scenario.dump(2) << "\n";

  // ---- national_grid.json: a 1 km candidate grid over every county, six spatial/economic
  // criteria, no robustness draws; the best 1,000 cells kept, every score in a GeoTIFF.
  json grid = scenario;
  grid["name"] = "national_grid";
  grid["title"] = {{"zh_CN", "全国1公里网格选址：鞋业飞地园区（基准测试）"},
                   {"en", "National 1 km site search: footwear co-built park (benchmark)"}};
  grid["description"] =
      "bench/national: a 1 km candidate grid over 2,850 schematic counties. Synthetic, not data.";
  grid["criteria"] = json::array({{{"id", "labour_cost"}, {"weight", 0.25}},
                                  {{"id", "labour_pool"}, {"weight", 0.2}},
                                  {{"id", "distance_source"}, {"weight", 0.1}, {"direction", "cost"}},
                                  {{"id", "market_access"}, {"weight", 0.2}},
                                  {{"id", "supply_chain"}, {"weight", 0.1}},
                                  {{"id", "industrial_base"}, {"weight", 0.15}}});
  grid["uncertainty"] = {{"draws", 0}, {"seed", 42}, {"concentration", 50}, {"k", 5}};
  grid["candidates"] = {{"grid_km", 1}, {"keep", 1000}, {"raster", true}};
  std::ofstream(out / "national_grid.json") << grid.dump(2) << "\n";
  GEOSPreparedGeom_destroy_r(g_ctx, outlinePrepared);
  std::fprintf(stderr, "generate_national: %d regions, %d parks, source %s; wrote %s\n", kRegions, kParks,
               regionIds[source].c_str(), (out / "national.json").c_str());
  return 0;
}
