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
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <geos_c.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

namespace {

namespace fs = std::filesystem;

constexpr int kRegions = 2850;
constexpr int kParks = 20000;
constexpr int kZones = 60;
constexpr int kPointsPerEdge = 34;  // ≈ 6 edges × 34 ≈ 200 vertices per region
constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthKm = 6371.0088;

// Schematic outline of mainland China (lon, lat), a few dozen points: a benchmark extent only.
const std::vector<std::pair<double, double>> kOutline = {
    {73.5, 39.5},  {75.0, 37.0},  {78.5, 34.5},  {79.0, 32.5},  {81.0, 30.0},  {85.0, 28.2},  {88.5, 27.8},
    {92.0, 27.8},  {97.5, 28.2},  {98.5, 24.5},  {100.0, 21.5}, {102.0, 22.4}, {106.0, 22.0}, {108.0, 21.5},
    {110.5, 20.3}, {113.0, 22.2}, {116.5, 22.9}, {119.5, 25.5}, {121.8, 28.5}, {121.5, 31.0}, {120.5, 33.5},
    {119.3, 35.0}, {122.5, 37.2}, {121.0, 40.0}, {124.0, 40.0}, {126.5, 41.8}, {130.0, 42.5}, {131.0, 44.8},
    {134.7, 48.2}, {127.5, 50.0}, {125.5, 53.3}, {121.0, 53.3}, {119.5, 50.0}, {116.5, 49.8}, {117.5, 46.5},
    {112.0, 45.0}, {107.0, 42.5}, {97.0, 42.8},  {96.0, 44.5},  {91.0, 45.2},  {90.5, 47.8},  {87.5, 49.1},
    {85.0, 47.0},  {82.5, 45.3},  {80.5, 42.8},  {76.0, 40.5}};

GEOSContextHandle_t g_ctx = nullptr;

void geosMessage(const char* message, void*) { std::fprintf(stderr, "GEOS: %s\n", message); }

struct Geom {
  GEOSGeometry* g = nullptr;
  explicit Geom(GEOSGeometry* geometry = nullptr) : g(geometry) {}
  Geom(const Geom&) = delete;
  Geom& operator=(const Geom&) = delete;
  Geom(Geom&& o) noexcept : g(o.g) { o.g = nullptr; }
  Geom& operator=(Geom&& o) noexcept {
    std::swap(g, o.g);
    return *this;
  }
  ~Geom() {
    if (g) GEOSGeom_destroy_r(g_ctx, g);
  }
};

GEOSGeometry* ringPolygon(const std::vector<double>& xy) {
  const unsigned n = static_cast<unsigned>(xy.size() / 2);
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(g_ctx, n + 1, 2);
  for (unsigned i = 0; i <= n; ++i) {
    GEOSCoordSeq_setX_r(g_ctx, seq, i, xy[2 * (i % n)]);
    GEOSCoordSeq_setY_r(g_ctx, seq, i, xy[2 * (i % n) + 1]);
  }
  return GEOSGeom_createPolygon_r(g_ctx, GEOSGeom_createLinearRing_r(g_ctx, seq), nullptr, 0);
}

GEOSGeometry* point(double x, double y) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(g_ctx, 1, 2);
  GEOSCoordSeq_setXY_r(g_ctx, seq, 0, x, y);
  return GEOSGeom_createPoint_r(g_ctx, seq);
}

std::vector<double> ringCoords(const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(g_ctx, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(g_ctx, seq, &n);
  std::vector<double> xy;
  for (unsigned i = 0; i + 1 < n; ++i) {  // drop the closing vertex
    double x = 0, y = 0;
    GEOSCoordSeq_getXY_r(g_ctx, seq, i, &x, &y);
    xy.push_back(x);
    xy.push_back(y);
  }
  return xy;
}

double km(double lon1, double lat1, double lon2, double lat2) {  // spherical, for sizes only
  const double p1 = lat1 * kPi / 180, p2 = lat2 * kPi / 180, dl = (lon2 - lon1) * kPi / 180;
  const double h =
      std::pow(std::sin((p2 - p1) / 2), 2) + std::cos(p1) * std::cos(p2) * std::pow(std::sin(dl / 2), 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

// Interior points of edge a→b, wiggled perpendicular to it; generated in a canonical direction
// from a seed of the endpoints, so the two cells sharing the edge get the same points.
void appendWiggledEdge(std::vector<double>& out, double ax, double ay, double bx, double by) {
  const bool forward = std::make_pair(ax, ay) < std::make_pair(bx, by);
  const double sx = forward ? ax : bx, sy = forward ? ay : by, ex = forward ? bx : ax, ey = forward ? by : ay;
  std::uint64_t seed = 0x9E3779B97F4A7C15ull;
  for (double v : {sx, sy, ex, ey})
    seed = seed * 1000003u ^ static_cast<std::uint64_t>(std::llround(v * 1e7));
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  const double len = std::hypot(ex - sx, ey - sy);
  if (len <= 0) return;
  const double nx = -(ey - sy) / len, ny = (ex - sx) / len;
  std::vector<double> pts;
  for (int k = 1; k < kPointsPerEdge; ++k) {
    const double t = static_cast<double>(k) / kPointsPerEdge;
    const double off = 0.03 * len * std::sin(kPi * t) * u(rng);
    pts.push_back(sx + t * (ex - sx) + off * nx);
    pts.push_back(sy + t * (ey - sy) + off * ny);
  }
  if (forward) {
    out.insert(out.end(), pts.begin(), pts.end());
  } else {
    for (std::size_t k = pts.size(); k >= 2; k -= 2) {
      out.push_back(pts[k - 2]);
      out.push_back(pts[k - 1]);
    }
  }
}

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

Table readCsv(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  Table t;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    if (first)
      t.header = cells;
    else
      t.rows.push_back(cells);
    first = false;
  }
  return t;
}

struct SampleRegion {
  std::map<std::string, double> numbers;
  std::map<std::string, std::string> strings;
  std::string id;
};

struct SamplePark {
  std::string name, nameZh, level, leadIndustries;
  double areaHa = 0, availableHa = 0;
};

GDALDataset* openVector(const fs::path& path) {
  auto* ds = static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw std::runtime_error("cannot open " + path.string());
  return ds;
}

GDALDataset* createGpkg(const fs::path& path) {
  fs::remove(path);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) throw std::runtime_error("cannot create " + path.string());
  return ds;
}

OGRLayer* createLayer(GDALDataset* ds, const char* name, OGRwkbGeometryType type,
                      const std::vector<std::pair<std::string, OGRFieldType>>& fields) {
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer(name, &srs, type, nullptr);
  for (const auto& [fieldName, fieldType] : fields) {
    OGRFieldDefn def(fieldName.c_str(), fieldType);
    layer->CreateField(&def);
  }
  return layer;
}

void setGeometryFromGeos(OGRFeature* f, const GEOSGeometry* g) {
  GEOSWKBWriter* w = GEOSWKBWriter_create_r(g_ctx);
  std::size_t size = 0;
  unsigned char* wkb = GEOSWKBWriter_write_r(g_ctx, w, g, &size);
  OGRGeometry* geometry = nullptr;
  OGRGeometryFactory::createFromWkb(wkb, nullptr, &geometry, size);
  GEOSFree_r(g_ctx, wkb);
  GEOSWKBWriter_destroy_r(g_ctx, w);
  if (geometry && wkbFlatten(geometry->getGeometryType()) == wkbPolygon)
    geometry = OGRGeometryFactory::forceToMultiPolygon(geometry);
  f->SetGeometryDirectly(geometry);
}

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
  std::vector<SampleRegion> sampleRegions;
  {
    GDALDataset* ds = openVector(sample / "regions.gpkg");
    OGRLayer* layer = ds->GetLayerByName("regions");
    for (auto& f : *layer) {
      SampleRegion r;
      r.id = f->GetFieldAsString("id");
      for (int i = 0; i < f->GetFieldCount(); ++i) {
        const OGRFieldDefn* def = f->GetFieldDefnRef(i);
        if (def->GetType() == OFTReal || def->GetType() == OFTInteger || def->GetType() == OFTInteger64)
          r.numbers[def->GetNameRef()] = f->GetFieldAsDouble(i);
        else
          r.strings[def->GetNameRef()] = f->GetFieldAsString(i);
      }
      sampleRegions.push_back(std::move(r));
    }
    GDALClose(ds);
  }
  std::vector<SamplePark> sampleParks;
  {
    GDALDataset* ds = openVector(sample / "parks.gpkg");
    for (auto& f : *ds->GetLayerByName("parks")) {
      SamplePark p;
      p.name = f->GetFieldAsString("name");
      p.nameZh = f->GetFieldAsString("name_zh");
      p.level = f->GetFieldAsString("level");
      p.leadIndustries = f->GetFieldAsString("lead_industries");
      p.areaHa = f->GetFieldAsDouble("area_ha");
      p.availableHa = f->GetFieldAsDouble("available_ha");
      sampleParks.push_back(p);
    }
    GDALClose(ds);
  }
  if (sampleRegions.empty() || sampleParks.empty()) throw std::runtime_error("empty sample data");

  // ---- seats: rejection sampling inside the outline, denser in the east ----
  std::vector<double> outlineXy;
  for (const auto& [x, y] : kOutline) {
    outlineXy.push_back(x);
    outlineXy.push_back(y);
  }
  Geom outline(ringPolygon(outlineXy));
  const GEOSPreparedGeometry* outlinePrepared = GEOSPrepare_r(g_ctx, outline.g);
  std::mt19937_64 seatRng(2850);
  std::uniform_real_distribution<double> lonU(73.5, 134.7), latU(20.3, 53.3), unit(0, 1);
  std::vector<double> seatLon, seatLat;
  while (static_cast<int>(seatLon.size()) < kRegions) {
    const double x = lonU(seatRng), y = latU(seatRng);
    const double keep = x < 100 ? 0.12 : x < 110 ? 0.12 + 0.088 * (x - 100) : 1.0;
    if (unit(seatRng) > keep) continue;
    Geom p(point(x, y));
    if (!GEOSPreparedContains_r(g_ctx, outlinePrepared, p.g)) continue;
    seatLon.push_back(x);
    seatLat.push_back(y);
  }

  // ---- Voronoi cells, matched to their seats, edges wiggled, clipped to the outline ----
  std::vector<GEOSGeometry*> seatPoints;
  for (int i = 0; i < kRegions; ++i) seatPoints.push_back(point(seatLon[i], seatLat[i]));
  Geom seatsMulti(GEOSGeom_createCollection_r(g_ctx, GEOS_MULTIPOINT, seatPoints.data(), kRegions));
  Geom envelope(ringPolygon({70, 15, 140, 15, 140, 58, 70, 58}));
  Geom cells(GEOSVoronoiDiagram_r(g_ctx, seatsMulti.g, envelope.g, 0.0, 0));
  std::vector<Geom> regionShapes(kRegions);
  {
    GEOSSTRtree* tree = GEOSSTRtree_create_r(g_ctx, 10);
    for (int i = 0; i < kRegions; ++i)
      GEOSSTRtree_insert_r(g_ctx, tree, GEOSGetGeometryN_r(g_ctx, seatsMulti.g, i),
                           reinterpret_cast<void*>(static_cast<std::intptr_t>(i)));
    const int nCells = GEOSGetNumGeometries_r(g_ctx, cells.g);
    for (int c = 0; c < nCells; ++c) {
      const GEOSGeometry* cell = GEOSGetGeometryN_r(g_ctx, cells.g, c);
      // The seat the cell contains (candidates by envelope from the tree).
      int owner = -1;
      std::vector<int> candidates;
      GEOSSTRtree_query_r(
          g_ctx, tree, cell,
          [](void* item, void* data) {
            static_cast<std::vector<int>*>(data)->push_back(
                static_cast<int>(reinterpret_cast<std::intptr_t>(item)));
          },
          &candidates);
      for (int i : candidates) {
        if (GEOSContains_r(g_ctx, cell, GEOSGetGeometryN_r(g_ctx, seatsMulti.g, i)) == 1) {
          owner = i;
          break;
        }
      }
      if (owner < 0) continue;
      const std::vector<double> ring = ringCoords(GEOSGetExteriorRing_r(g_ctx, cell));
      std::vector<double> wiggled;
      const std::size_t n = ring.size() / 2;
      for (std::size_t k = 0; k < n; ++k) {
        const std::size_t m = (k + 1) % n;
        wiggled.push_back(ring[2 * k]);
        wiggled.push_back(ring[2 * k + 1]);
        appendWiggledEdge(wiggled, ring[2 * k], ring[2 * k + 1], ring[2 * m], ring[2 * m + 1]);
      }
      Geom shape(ringPolygon(wiggled));
      if (GEOSisValid_r(g_ctx, shape.g) != 1) shape = Geom(GEOSMakeValid_r(g_ctx, shape.g));
      regionShapes[static_cast<std::size_t>(owner)] = Geom(GEOSIntersection_r(g_ctx, shape.g, outline.g));
    }
    GEOSSTRtree_destroy_r(g_ctx, tree);
  }

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
  {
    GDALDataset* ds = createGpkg(out / "regions.gpkg");
    std::vector<std::pair<std::string, OGRFieldType>> fields = {{"id", OFTString},
                                                                {"name", OFTString},
                                                                {"name_zh", OFTString},
                                                                {"province", OFTString},
                                                                {"province_zh", OFTString}};
    for (const auto& s : scaled) fields.emplace_back(s, OFTReal);
    for (const auto& s : unscaled) fields.emplace_back(s, OFTReal);
    fields.emplace_back("seat_lon", OFTReal);
    fields.emplace_back("seat_lat", OFTReal);
    OGRLayer* layer = createLayer(ds, "regions", wkbMultiPolygon, fields);
    ds->StartTransaction();
    for (int i = 0; i < kRegions; ++i) {
      regionIds[i] = std::to_string(100000 + i);
      regionSample[i] = i == source ? wenzhou : i % static_cast<int>(sampleRegions.size());
      regionScale[i] = noise(attrRng) / 30.0;  // a prefecture unit holds ~30 counties
      if (i == source) regionScale[i] = 1.0;
      const SampleRegion& s = sampleRegions[static_cast<std::size_t>(regionSample[i])];
      OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
      f->SetField("id", regionIds[i].c_str());
      f->SetField("name", ("County " + std::to_string(i + 1)).c_str());
      f->SetField("name_zh", ("第" + std::to_string(i + 1) + "县").c_str());
      f->SetField("province", s.strings.count("province") ? s.strings.at("province").c_str() : "");
      f->SetField("province_zh", s.strings.count("province_zh") ? s.strings.at("province_zh").c_str() : "");
      for (const auto& k : scaled)
        if (s.numbers.count(k)) f->SetField(k.c_str(), s.numbers.at(k) * regionScale[i]);
      for (const auto& k : unscaled)
        if (s.numbers.count(k)) f->SetField(k.c_str(), s.numbers.at(k) * noise(attrRng));
      f->SetField("seat_lon", seatLon[i]);
      f->SetField("seat_lat", seatLat[i]);
      if (regionShapes[static_cast<std::size_t>(i)].g)
        setGeometryFromGeos(f, regionShapes[static_cast<std::size_t>(i)].g);
      if (layer->CreateFeature(f) != OGRERR_NONE) throw std::runtime_error("cannot write a feature");
      OGRFeature::DestroyFeature(f);
    }
    ds->CommitTransaction();
    GDALClose(ds);
  }

  // ---- parks.gpkg: 20,000 sites inside their regions ----
  {
    GDALDataset* ds = createGpkg(out / "parks.gpkg");
    OGRLayer* layer = createLayer(ds, "parks", wkbPoint,
                                  {{"id", OFTString},
                                   {"name", OFTString},
                                   {"name_zh", OFTString},
                                   {"level", OFTString},
                                   {"area_ha", OFTReal},
                                   {"available_ha", OFTReal},
                                   {"lead_industries", OFTString},
                                   {"region_id", OFTString}});
    std::mt19937_64 parkRng(20000);
    std::uniform_real_distribution<double> angle(0, 2 * kPi), radius(0, 1);
    std::vector<const GEOSPreparedGeometry*> prepared(kRegions, nullptr);
    ds->StartTransaction();
    for (int p = 0; p < kParks; ++p) {
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
      OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
      char id[16];
      std::snprintf(id, sizeof id, "N%05d", p);
      f->SetField("id", id);
      f->SetField("name", (s.name + " " + std::to_string(p)).c_str());
      f->SetField("name_zh", (s.nameZh + std::to_string(p)).c_str());
      f->SetField("level", s.level.c_str());
      f->SetField("area_ha", s.areaHa);
      f->SetField("available_ha", s.availableHa);
      f->SetField("lead_industries", s.leadIndustries.c_str());
      f->SetField("region_id", regionIds[r].c_str());
      OGRPoint pt(x, y);
      f->SetGeometry(&pt);
      if (layer->CreateFeature(f) != OGRERR_NONE) throw std::runtime_error("cannot write a feature");
      OGRFeature::DestroyFeature(f);
    }
    ds->CommitTransaction();
    for (auto* pg : prepared)
      if (pg) GEOSPreparedGeom_destroy_r(g_ctx, pg);
    GDALClose(ds);
  }

  // ---- roads.gpkg: Delaunay links between seats up to 250 km, a vertex every ≤ 3 km ----
  {
    Geom edges(GEOSDelaunayTriangulation_r(g_ctx, seatsMulti.g, 0.0, 1));
    std::map<std::pair<double, double>, int> seatIndex;
    for (int i = 0; i < kRegions; ++i) seatIndex[{seatLon[i], seatLat[i]}] = i;
    GDALDataset* ds = createGpkg(out / "roads.gpkg");
    OGRLayer* layer = createLayer(ds, "roads", wkbLineString,
                                  {{"id", OFTString},
                                   {"class", OFTString},
                                   {"speed_kmh", OFTReal},
                                   {"from_region", OFTString},
                                   {"to_region", OFTString},
                                   {"length_km", OFTReal}});
    ds->StartTransaction();
    const int n = GEOSGetNumGeometries_r(g_ctx, edges.g);
    int written = 0;
    for (int e = 0; e < n; ++e) {
      const std::vector<double> xy = [&] {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(g_ctx, GEOSGetGeometryN_r(g_ctx, edges.g, e));
        std::vector<double> v(4);
        GEOSCoordSeq_getXY_r(g_ctx, seq, 0, &v[0], &v[1]);
        GEOSCoordSeq_getXY_r(g_ctx, seq, 1, &v[2], &v[3]);
        return v;
      }();
      const double lengthKm = km(xy[0], xy[1], xy[2], xy[3]);
      if (lengthKm > 250) continue;
      const auto a = seatIndex.find({xy[0], xy[1]}), b = seatIndex.find({xy[2], xy[3]});
      if (a == seatIndex.end() || b == seatIndex.end()) continue;
      const int steps = std::max(1, static_cast<int>(std::ceil(lengthKm / 3.0)));
      OGRLineString line;
      for (int k = 0; k <= steps; ++k) {
        const double t = static_cast<double>(k) / steps;
        line.addPoint(xy[0] + t * (xy[2] - xy[0]), xy[1] + t * (xy[3] - xy[1]));
      }
      const bool east = xy[0] > 110 && xy[2] > 110;
      OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
      f->SetField("id", ("R" + std::to_string(++written)).c_str());
      f->SetField("class", east ? "expressway" : "national");
      f->SetField("speed_kmh", east ? 100.0 : 80.0);
      f->SetField("from_region", regionIds[a->second].c_str());
      f->SetField("to_region", regionIds[b->second].c_str());
      f->SetField("length_km", lengthKm);
      f->SetGeometry(&line);
      if (layer->CreateFeature(f) != OGRERR_NONE) throw std::runtime_error("cannot write a feature");
      OGRFeature::DestroyFeature(f);
    }
    ds->CommitTransaction();
    GDALClose(ds);
  }

  // ---- sensitive_zones.gpkg: 60 ellipses ----
  {
    GDALDataset* ds = createGpkg(out / "sensitive_zones.gpkg");
    OGRLayer* layer = createLayer(ds, "sensitive_zones", wkbMultiPolygon,
                                  {{"id", OFTString}, {"name", OFTString}, {"name_zh", OFTString}});
    std::mt19937_64 zoneRng(60);
    std::uniform_int_distribution<int> anyRegion(0, kRegions - 1);
    std::uniform_real_distribution<double> axis(0.08, 0.35), rot(0, kPi);
    ds->StartTransaction();
    for (int z = 0; z < kZones; ++z) {
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
      OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
      f->SetField("id", ("Z" + std::to_string(z + 1)).c_str());
      f->SetField("name", ("Zone " + std::to_string(z + 1)).c_str());
      f->SetField("name_zh", ("保护区" + std::to_string(z + 1)).c_str());
      setGeometryFromGeos(f, zone.g);
      if (layer->CreateFeature(f) != OGRERR_NONE) throw std::runtime_error("cannot write a feature");
      OGRFeature::DestroyFeature(f);
    }
    ds->CommitTransaction();
    GDALClose(ds);
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
