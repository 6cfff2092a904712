#include "io/readers.h"

#include <gtest/gtest.h>

#include <cpl_conv.h>
#include <cpl_string.h>

#include <cmath>
#include <filesystem>
#include <initializer_list>

#include "clustershift/coordinates.h"
#include "clustershift/error.h"
#include "io/geos_context.h"
#include "ogr_fixtures.h"
#include "../problem_matchers.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;
using namespace clustershift::testing;

const char* kSquareA = "POLYGON((110 30,111 30,111 31,110 31,110 30))";
const char* kSquareB = "POLYGON((111 30,112 30,112 31,111 31,111 30))";

bool hasFatal(const std::vector<Problem>& problems) {
  for (const Problem& p : problems) {
    if (p.severity == Severity::Fatal) return true;
  }
  return false;
}

DataSource source(const fs::path& path, const std::string& layer = {}) {
  DataSource s;
  s.path = path.string();
  s.layer = layer;
  return s;
}

void writeRegions(const fs::path& path, int epsg = 4326) {
  writeLayer(path.string(), "GPKG", "regions", epsg, wkbMultiPolygon, regionFields(),
             {{kSquareA, {"330300", "Wenzhou", "温州市", "Zhejiang", "930", "7585", "100000", "1200"}},
              {kSquareB, {"341300", "Suzhou", "宿州市", "Anhui", "532", "2167", "60000", kNull}}});
}

/// Runs `statements` on the GDAL dataset at `path` opened for update (cells as another program
/// or a hand edit in a SQLite tool could leave them).
void runSql(const std::string& path, std::initializer_list<const char*> statements) {
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr) << path;
  for (const char* sql : statements) {
    OGRLayerH result = GDALDatasetExecuteSQL(ds, sql, nullptr, nullptr);
    if (result) GDALDatasetReleaseResultSet(ds, result);
  }
  GDALClose(ds);
}

TEST(ReadRegions, GeoPackageWithAttributesAndLabels) {
  fs::path dir = tempDir("io_regions_gpkg");
  writeRegions(dir / "regions.gpkg");
  Inputs inputs;
  detail::readRegions(source(dir / "regions.gpkg", "regions"), inputs);
  EXPECT_EQ(inputs.regionsLabel, "regions.gpkg/regions");
  ASSERT_EQ(inputs.regions.size(), 2u);
  const Region& r = inputs.regions[0];
  EXPECT_EQ(r.id, "330300");
  EXPECT_EQ(r.name, "Wenzhou");
  EXPECT_EQ(r.nameZh, "温州市");
  EXPECT_EQ(r.province, "Zhejiang");
  EXPECT_DOUBLE_EQ(r.value("wage"), 100000);
  EXPECT_DOUBLE_EQ(r.value("gdp"), 7585);
  EXPECT_FALSE(r.wkb.empty());
  EXPECT_EQ(r.fid, "1");
  // Columns the layer lacks are absent (not NULL): validate() can tell "no field" apart.
  EXPECT_EQ(r.values.count("rd"), 0u);
  EXPECT_TRUE(std::isnan(r.value("rd")));
  // A NULL is a located warning and NaN.
  EXPECT_TRUE(std::isnan(inputs.regions[1].value("land_price")));
  EXPECT_PROBLEM(inputs.problems, Severity::Warning,
                 "regions.gpkg/regions fid=2 field 'land_price': is NULL");
  EXPECT_PROBLEM(inputs.problems, Severity::Warning,
                 "regions.gpkg/regions: field 'rd' not found (fields: id, name, name_zh, province, "
                 "population, gdp, wage, land_price)");
  EXPECT_FALSE(hasFatal(inputs.problems)) << allText(inputs.problems);
}

TEST(ReadRegions, FieldMapRenamesColumnsAndExplicitTyposAreFatal) {
  fs::path dir = tempDir("io_regions_fieldmap");
  writeLayer((dir / "r.gpkg").string(), "GPKG", "r", 4326, wkbPolygon,
             {{"code", OFTString}, {"avg_wage", OFTReal}, {"extra_index", OFTReal}},
             {{kSquareA, {"1", "5.5", "0.7"}}});
  DataSource s = source(dir / "r.gpkg");
  s.fields = {{"id", "code"}, {"wage", "avg_wage"}, {"gdp", "GDP_2020"}};
  Inputs inputs;
  detail::readRegions(s, inputs);
  ASSERT_EQ(inputs.regions.size(), 1u);
  EXPECT_EQ(inputs.regions[0].id, "1");
  EXPECT_DOUBLE_EQ(inputs.regions[0].value("wage"), 5.5);
  EXPECT_DOUBLE_EQ(inputs.regions[0].extra.at("extra_index"), 0.7);
  EXPECT_EQ(inputs.regions[0].extra.count("avg_wage"), 0u);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "r.gpkg/r: field 'GDP_2020' not found (mapped from column 'gdp') (fields: code, "
                 "avg_wage, extra_index)");
}

// SQLite keeps 'abc', '12,345', 'n/a' and 'NaN' as text in a REAL column; GDAL then reads
// 0 or 12. Each one is reported with file, layer, fid, field and value, whatever the column type.
TEST(ReadRegions, TextInRealColumnsIsFatalWithFidFieldAndValue) {
  fs::path dir = tempDir("io_regions_text_in_real");
  const std::string path = (dir / "regions.gpkg").string();
  writeRegions(dir / "regions.gpkg");
  // Text into REAL cells, as another program (or a hand edit in a SQLite tool) could put it.
  runSql(path,
         {"UPDATE regions SET population = 'abc' WHERE fid = 1",
          "UPDATE regions SET gdp = '12,345' WHERE fid = 2", "UPDATE regions SET wage = 'n/a' WHERE fid = 2",
          "UPDATE regions SET land_price = 'NaN' WHERE fid = 1"});
  Inputs inputs;
  detail::readRegions(source(dir / "regions.gpkg", "regions"), inputs);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.gpkg/regions fid=1 field 'population': is not a number ('abc') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.gpkg/regions fid=2 field 'gdp': is not a number ('12,345') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.gpkg/regions fid=2 field 'wage': is not a number ('n/a') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.gpkg/regions fid=1 field 'land_price': is not a number ('NaN') in a numeric column");
  // Not read as 0 or 12: the values are missing.
  ASSERT_EQ(inputs.regions.size(), 2u);
  EXPECT_TRUE(std::isnan(inputs.regions[0].value("population")));
  EXPECT_TRUE(std::isnan(inputs.regions[1].value("gdp")));
  // Clean cells still read.
  EXPECT_DOUBLE_EQ(inputs.regions[0].value("gdp"), 7585);
}

// The same in a SpatiaLite/SQLite file (GDAL's SQLite driver, fid column OGC_FID), with a
// cell of the second and third rows, so that a result numbered 0, 1, 2... would name the
// wrong rows.
TEST(ReadRegions, TextInRealColumnsOfASqliteFileNamesTheRightRows) {
  fs::path dir = tempDir("io_regions_text_in_sqlite");
  const std::string path = (dir / "regions.sqlite").string();
  writeLayer(path, "SQLite", "regions", 4326, wkbMultiPolygon, regionFields(),
             {{kSquareA, {"330300", "Wenzhou", "温州市", "Zhejiang", "930", "7585", "100000", "1200"}},
              {kSquareB, {"341300", "Suzhou", "宿州市", "Anhui", "532", "2167", "60000", "900"}},
              {"POLYGON((112 30,113 30,113 31,112 31,112 30))",
               {"341200", "Fuyang", "阜阳市", "Anhui", "800", "3000", "70000", "800"}}});
  runSql(path, {"UPDATE regions SET gdp = 'abc' WHERE ogc_fid = 2",
                "UPDATE regions SET wage = '12,345' WHERE ogc_fid = 3"});
  Inputs inputs;
  detail::readRegions(source(dir / "regions.sqlite", "regions"), inputs);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.sqlite/regions fid=2 field 'gdp': is not a number ('abc') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.sqlite/regions fid=3 field 'wage': is not a number ('12,345') in a numeric column");
  ASSERT_EQ(inputs.regions.size(), 3u);
  EXPECT_TRUE(std::isnan(inputs.regions[1].value("gdp")));
  EXPECT_DOUBLE_EQ(inputs.regions[0].value("gdp"), 7585);
}

// A table wider than one scan's columns (200; SQLite refuses deeper expressions): text in the
// first and the last of 450 numeric columns is still found.
TEST(NonNumericCells, AWideTableIsScannedInPartsAndEveryColumnIsChecked) {
  fs::path dir = tempDir("io_wide_numeric");
  const std::string path = (dir / "wide.gpkg").string();
  std::vector<FieldSpec> fields{{"id", OFTString}};
  std::vector<std::string> values{"1"};
  for (int c = 0; c < 450; ++c) {
    fields.push_back({"v" + std::to_string(c) + " x", OFTReal});  // a name that needs quoting
    values.push_back(std::to_string(c));
  }
  writeLayer(path, "GPKG", "wide", 4326, wkbPolygon, fields, {{kSquareA, values}, {kSquareB, values}});
  runSql(path, {"UPDATE wide SET \"v0 x\" = 'first' WHERE fid = 2",
                "UPDATE wide SET \"v449 x\" = 'last' WHERE fid = 2",
                "UPDATE wide SET \"v200 x\" = '' WHERE fid = 1"});
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  const detail::NonNumericCells cells = detail::nonNumericCells(ds, GDALDatasetGetLayerByName(ds, "wide"));
  GDALClose(ds);
  ASSERT_EQ(cells.size(), 2u);
  ASSERT_EQ(cells.count(2), 1u);
  EXPECT_EQ(cells.at(2).at(1), "first");  // field 0 is id
  EXPECT_EQ(cells.at(2).at(450), "last");
  EXPECT_EQ(cells.at(2).size(), 2u);
  EXPECT_EQ(cells.at(1).at(201), "");  // an empty text is text, not NULL
}

// A .dbf keeps every cell as text: 'abc', '12,345' or 'n/a' in a numeric (N) field reads as 0 or
// 12 through GDAL, and an N(12,0) field (GDAL's Integer64) says nothing at all. Each one is reported
// like the GeoPackage case, the .dbf's NULL ('*' cells) stays a NULL, and the file is not touched.
TEST(ReadRegions, TextInShapefileNumericFieldsIsFatalWithFidFieldAndValue) {
  fs::path dir = tempDir("io_regions_text_in_dbf");
  const std::string shp = (dir / "regions.shp").string();
  writeLayer(shp, "ESRI Shapefile", "regions", 4326, wkbPolygon,
             {{"id", OFTString}, {"population", OFTString}, {"gdp", OFTString}, {"wage", OFTString}},
             {{kSquareA, {"330300", "930", "7585.5", "100000"}},
              {kSquareB, {"341300", "abc", "12,345", "n/a"}},
              {"POLYGON((112 30,113 30,113 31,112 31,112 30))", {"341500", "*", "NaN", " 61000 "}}});
  retypeDbfField(dir / "regions.dbf", 1, 'N', 0);  // width 80 -> a Real field in GDAL
  retypeDbfField(dir / "regions.dbf", 2, 'N', 3);
  retypeDbfField(dir / "regions.dbf", 3, 'F', 0);
  const std::string before = readBytes(dir / "regions.dbf");
  Inputs inputs;
  detail::readRegions(source(dir / "regions.shp"), inputs);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.shp/regions fid=1 field 'population': is not a number ('abc') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.shp/regions fid=1 field 'gdp': is not a number ('12,345') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.shp/regions fid=1 field 'wage': is not a number ('n/a') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.shp/regions fid=2 field 'gdp': is not a number ('NaN') in a numeric column");
  EXPECT_PROBLEM(inputs.problems, Severity::Warning, "regions.shp/regions fid=2 field 'population': is NULL");
  int fatal = 0;
  for (const Problem& p : inputs.problems) fatal += p.severity == Severity::Fatal;
  EXPECT_EQ(fatal, 4) << allText(inputs.problems);
  ASSERT_EQ(inputs.regions.size(), 3u);
  EXPECT_DOUBLE_EQ(inputs.regions[0].value("gdp"), 7585.5);
  EXPECT_DOUBLE_EQ(inputs.regions[2].value("wage"), 61000);
  EXPECT_TRUE(std::isnan(inputs.regions[1].value("gdp")));  // not 12
  EXPECT_EQ(readBytes(dir / "regions.dbf"), before);
}

// N(12,0) is GDAL's Integer64, which reads '12,345' as 12 without even a GDAL warning.
TEST(ReadRegions, TextInAShapefileInteger64FieldIsFatal) {
  fs::path dir = tempDir("io_regions_text_in_dbf_int64");
  const std::string shp = (dir / "regions.shp").string();
  writeLayer(shp, "ESRI Shapefile", "regions", 4326, wkbPolygon,
             {{"id", OFTString}, {"population", OFTString, 12}},
             {{kSquareA, {"330300", "930"}}, {kSquareB, {"341300", "12,345"}}});
  retypeDbfField(dir / "regions.dbf", 1, 'N', 0);
  Inputs inputs;
  detail::readRegions(source(dir / "regions.shp"), inputs);
  EXPECT_PROBLEM(
      inputs.problems, Severity::Fatal,
      "regions.shp/regions fid=1 field 'population': is not a number ('12,345') in a numeric column");
}

TEST(ReadTables, CsvRowWithExtraCellsIsFatal) {
  fs::path dir = tempDir("io_table_extra_cells");
  writeText(dir / "industry_output.csv", "region_id,C18,C19\n330300,1,2\n341300,3,4,5\n341200,5\n");
  std::vector<Problem> problems;
  DataSource s = source(dir / "industry_output.csv");
  (void)detail::readIndustryMatrix(s, problems);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "industry_output.csv line 3: has 4 cells, the header has 3 (extra cells would be ignored)");
  EXPECT_PROBLEM(problems, Severity::Fatal, "industry_output.csv line 4: has 2 cells, the header has 3 (missing cells)");
}

TEST(ReadRegions, MissingIdFieldIsFatal) {
  fs::path dir = tempDir("io_regions_noid");
  writeLayer((dir / "r.gpkg").string(), "GPKG", "r", 4326, wkbPolygon, {{"name", OFTString}},
             {{kSquareA, {"A"}}});
  Inputs inputs;
  detail::readRegions(source(dir / "r.gpkg"), inputs);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal, "r.gpkg/r: field 'id' not found (fields: name)");
}

TEST(ReadRegions, NonNumericAndNegativeValues) {
  fs::path dir = tempDir("io_regions_values");
  writeLayer((dir / "regions.gpkg").string(), "GPKG", "regions", 4326, wkbPolygon,
             {{"id", OFTString}, {"gdp", OFTString}, {"wage", OFTReal}},
             {{kSquareA, {"A", "abc", "-3.2"}}, {kSquareB, {"B", " 12.5 ", "1"}}});
  Inputs inputs;
  detail::readRegions(source(dir / "regions.gpkg"), inputs);
  // Strict: text in a number column stops the run (it used to be a warning and NaN).
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.gpkg/regions fid=1 field 'gdp': is not a number ('abc')");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "regions.gpkg/regions fid=1 field 'wage': is negative (-3.2)");
  EXPECT_TRUE(std::isnan(inputs.regions[0].value("gdp")));
  EXPECT_DOUBLE_EQ(inputs.regions[1].value("gdp"), 12.5);
}

TEST(ReadRegions, InvalidGeometryIsRepairedWithAWarningNamingTheFeature) {
  fs::path dir = tempDir("io_regions_invalid");
  writeLayer((dir / "regions.gpkg").string(), "GPKG", "regions", 4326, wkbPolygon,
             {{"id", OFTString}},
             {{kSquareA, {"ok"}}, {"POLYGON((110 30,111 31,111 30,110 31,110 30))", {"bowtie"}}});
  Inputs inputs;
  detail::readRegions(source(dir / "regions.gpkg"), inputs);
  ASSERT_EQ(inputs.regions.size(), 2u);
  const Problem* p = nullptr;
  for (const Problem& q : inputs.problems) {
    if (q.message.find("invalid geometry") != std::string::npos) p = &q;
  }
  ASSERT_TRUE(p) << allText(inputs.problems);
  EXPECT_EQ(p->severity, Severity::Warning);
  EXPECT_EQ(p->where, "regions.gpkg/regions fid=2");
  EXPECT_EQ(p->featureId, "bowtie");
  EXPECT_EQ(p->message, "invalid geometry (Self-intersection[110.5 30.5]) repaired with GEOSMakeValid");
  // The repaired geometry is valid and polygonal: two triangles of 0.25 deg² each.
  GEOSContextHandle_t ctx = detail::GeosContext::current().handle();
  detail::GeosGeometryPtr g = detail::geosFromWkb(inputs.regions[1].wkb, "test");
  EXPECT_EQ(GEOSisValid_r(ctx, g.get()), 1);
  double area = 0;
  GEOSArea_r(ctx, g.get(), &area);
  EXPECT_NEAR(area, 0.5, 1e-12);
}

TEST(ReadRegions, RegionsNeedPolygons) {
  fs::path dir = tempDir("io_regions_geomtype");
  writeLayer((dir / "regions.gpkg").string(), "GPKG", "regions", 4326, wkbUnknown,
             {{"id", OFTString}},
             {{"POINT(110 30)", {"pt"}}, {"", {"none"}}, {kSquareA, {"ok"}}});
  Inputs inputs;
  detail::readRegions(source(dir / "regions.gpkg"), inputs);
  ASSERT_EQ(inputs.regions.size(), 3u);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal, "regions.gpkg/regions fid=1: geometry is not a polygon");
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal, "regions.gpkg/regions fid=2: has no geometry");
  EXPECT_TRUE(inputs.regions[0].wkb.empty());
  EXPECT_FALSE(inputs.regions[2].wkb.empty());
}

TEST(ReadRegions, ReprojectsWebMercatorToLonLat) {
  // EPSG:3857 spherical Mercator (R = 6378137 m): x = R·λ, y = R·ln tan(π/4 + φ/2).
  const double kR = 6378137.0, kPi = std::acos(-1.0), kDeg = kPi / 180.0;
  auto x = [&](double lon) { return kR * lon * kDeg; };
  auto y = [&](double lat) { return kR * std::log(std::tan(kPi / 4 + lat * kDeg / 2)); };
  char wkt[512];
  std::snprintf(wkt, sizeof wkt, "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))",
                x(116), y(39), x(117), y(39), x(117), y(40), x(116), y(40), x(116), y(39));
  fs::path dir = tempDir("io_regions_3857");
  writeLayer((dir / "regions.gpkg").string(), "GPKG", "regions", 3857, wkbPolygon,
             {{"id", OFTString}}, {{wkt, {"110000"}}});
  Inputs inputs;
  detail::readRegions(source(dir / "regions.gpkg"), inputs);
  ASSERT_FALSE(hasFatal(inputs.problems)) << allText(inputs.problems);
  GEOSContextHandle_t ctx = detail::GeosContext::current().handle();
  detail::GeosGeometryPtr g = detail::geosFromWkb(inputs.regions[0].wkb, "test");
  double minX, minY, maxX, maxY;
  GEOSGeom_getXMin_r(ctx, g.get(), &minX);
  GEOSGeom_getYMin_r(ctx, g.get(), &minY);
  GEOSGeom_getXMax_r(ctx, g.get(), &maxX);
  GEOSGeom_getYMax_r(ctx, g.get(), &maxY);
  EXPECT_NEAR(minX, 116, 1e-7);  // lon first: traditional GIS axis order
  EXPECT_NEAR(minY, 39, 1e-7);
  EXPECT_NEAR(maxX, 117, 1e-7);
  EXPECT_NEAR(maxY, 40, 1e-7);
}

TEST(ReadParks, Cgcs2000PointsKeepLonLatOrder) {
  fs::path dir = tempDir("io_parks_4490");
  writeLayer((dir / "parks.gpkg").string(), "GPKG", "parks", 4490, wkbPoint, parkFields(),
             {{"POINT(116.4074 39.9042)", {"P1", "Beijing ETDZ", "北京经开区", "national", "100",
                                            "20", "C39", "7"}}});
  Inputs inputs;
  detail::readParks(source(dir / "parks.gpkg"), inputs);
  ASSERT_FALSE(hasFatal(inputs.problems)) << allText(inputs.problems);
  ASSERT_EQ(inputs.parks.size(), 1u);
  const Park& p = inputs.parks[0];
  EXPECT_NEAR(p.lon, 116.4074, 1e-6);
  EXPECT_NEAR(p.lat, 39.9042, 1e-6);
  EXPECT_EQ(p.level, "national");
  EXPECT_EQ(p.leadIndustries, "C39");
  EXPECT_DOUBLE_EQ(p.value("available_ha"), 20);
  EXPECT_DOUBLE_EQ(p.extra.at("rating"), 7);
  EXPECT_EQ(inputs.parksLabel, "parks.gpkg/parks");
}

TEST(ReadParks, GeoJsonPolygonParkGetsAPointOnItsSurface) {
  fs::path dir = tempDir("io_parks_geojson");
  writeText(dir / "parks.geojson", R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"id":"P1","level":"provincial","area_ha":50,"available_ha":10},
     "geometry":{"type":"Polygon","coordinates":[[[120,28],[120.1,28],[120.1,28.1],[120,28.1],[120,28]]]}}]})");
  Inputs inputs;
  detail::readParks(source(dir / "parks.geojson"), inputs);
  ASSERT_FALSE(hasFatal(inputs.problems)) << allText(inputs.problems);
  ASSERT_EQ(inputs.parks.size(), 1u);
  EXPECT_GT(inputs.parks[0].lon, 120);
  EXPECT_LT(inputs.parks[0].lon, 120.1);
  EXPECT_GT(inputs.parks[0].lat, 28);
  EXPECT_LT(inputs.parks[0].lat, 28.1);
  EXPECT_EQ(inputs.parksLabel, "parks.geojson/parks");
}

TEST(ReadParks, CsvWithLonLatColumnsIsReadAsWgs84WithAWarning) {
  fs::path dir = tempDir("io_parks_csv");
  writeText(dir / "parks.csv",
            "id,name,level,lon,lat,area_ha,available_ha\n"
            "P1,A,national,117.0,33.6,300,120\n"
            "P2,B,county,118.5,31.2,,40\n");
  Inputs inputs;
  detail::readParks(source(dir / "parks.csv"), inputs);
  ASSERT_EQ(inputs.parks.size(), 2u);
  EXPECT_DOUBLE_EQ(inputs.parks[0].lon, 117.0);
  EXPECT_DOUBLE_EQ(inputs.parks[0].lat, 33.6);
  EXPECT_DOUBLE_EQ(inputs.parks[0].value("available_ha"), 120);
  EXPECT_TRUE(std::isnan(inputs.parks[1].value("area_ha")));
  EXPECT_PROBLEM(inputs.problems, Severity::Warning,
                 "parks.csv/parks: CSV has no CRS; lon/lat columns read as EPSG:4326");
  EXPECT_PROBLEM(inputs.problems, Severity::Warning, "parks.csv/parks fid=2 field 'area_ha': is NULL");
  EXPECT_FALSE(hasFatal(inputs.problems)) << allText(inputs.problems);
}

TEST(ReadParks, MissingCrsIsFatal) {
  fs::path dir = tempDir("io_parks_nocrs");
  writeLayer((dir / "parks.shp").string(), "ESRI Shapefile", "parks", 0, wkbPoint,
             {{"id", OFTString}}, {{"POINT(117 33)", {"P1"}}});
  Inputs inputs;
  detail::readParks(source(dir / "parks.shp"), inputs);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "parks.shp/parks: missing CRS: define the layer's coordinate reference system "
                 "(e.g. a .prj file or an SRS in the GeoPackage)");
}

TEST(ReadParks, NegativeAreaIsFatalAndAvailableAboveTotalWarns) {
  fs::path dir = tempDir("io_parks_area");
  writeLayer((dir / "parks.gpkg").string(), "GPKG", "parks", 4326, wkbPoint, parkFields(),
             {{"POINT(117 33)", {"P1", "A", "", "county", "-3.2", "1", "", "1"}},
              {"POINT(117 34)", {"P2", "B", "", "county", "10", "20", "", "1"}},
              {"", {"P3", "C", "", "county", "10", "5", "", "1"}}});
  Inputs inputs;
  detail::readParks(source(dir / "parks.gpkg"), inputs);
  EXPECT_PROBLEM(inputs.problems, Severity::Fatal,
                 "parks.gpkg/parks fid=1 field 'area_ha': is negative (-3.2)");
  EXPECT_PROBLEM(inputs.problems, Severity::Warning,
                 "parks.gpkg/parks fid=2 field 'available_ha': available area 20 ha exceeds "
                 "total area 10 ha");
  EXPECT_PROBLEM(inputs.problems, Severity::Warning,
                 "parks.gpkg/parks fid=3: has no geometry; park excluded");
  EXPECT_TRUE(std::isnan(inputs.parks[2].lon));
  // The same problems as codes and values, for a UI that words them itself (layers::problemText).
  auto coded = [&](const std::string& code, const std::string& park = {}) -> const Problem* {
    for (const Problem& p : inputs.problems)
      if (p.code == code && (park.empty() || p.featureId == park)) return &p;
    return nullptr;
  };
  const Problem* negative = coded("negative");
  ASSERT_NE(negative, nullptr) << allText(inputs.problems);
  EXPECT_EQ(negative->where, "parks.gpkg/parks fid=1 field 'area_ha'");
  EXPECT_EQ(negative->values.at("value"), "-3.2");
  const Problem* exceeds = coded("available_exceeds_area", "P2");
  ASSERT_NE(exceeds, nullptr);
  EXPECT_EQ(exceeds->values.at("available_ha"), "20");
  EXPECT_EQ(exceeds->values.at("area_ha"), "10");
  EXPECT_EQ(exceeds->featureId, "P2");
  const Problem* noGeometry = coded("park_without_geometry");
  ASSERT_NE(noGeometry, nullptr);
  EXPECT_EQ(noGeometry->severity, Severity::Warning);
}

TEST(ReadParks, Gcj02CoordinatesAreConvertedToWgs84) {
  double gcjLon = 0, gcjLat = 0;
  wgs84ToGcj02(120.65, 28.0, gcjLon, gcjLat);
  fs::path dir = tempDir("io_parks_gcj");
  char wkt[128];
  std::snprintf(wkt, sizeof wkt, "POINT(%.10f %.10f)", gcjLon, gcjLat);
  writeLayer((dir / "parks.gpkg").string(), "GPKG", "parks", 4326, wkbPoint, {{"id", OFTString}},
             {{wkt, {"P1"}}});
  DataSource s = source(dir / "parks.gpkg");
  s.coordinates = "gcj02";
  Inputs inputs;
  detail::readParks(s, inputs);
  ASSERT_EQ(inputs.parks.size(), 1u);
  // The GCJ-02 shift is hundreds of metres; the inverse brings it back to < 0.5 m.
  EXPECT_GT(std::fabs(gcjLon - 120.65) + std::fabs(gcjLat - 28.0), 1e-3);
  EXPECT_NEAR(inputs.parks[0].lon, 120.65, 5e-6);
  EXPECT_NEAR(inputs.parks[0].lat, 28.0, 5e-6);
}

TEST(ReadParks, ShapefileEncodingOption) {
  fs::path dir = tempDir("io_parks_gbk");
  writeLayer((dir / "parks.shp").string(), "ESRI Shapefile", "parks", 4326, wkbPoint,
             {{"id", OFTString}, {"name_zh", OFTString}}, {{"POINT(117 33)", {"P1", "宿州市"}}},
             {"ENCODING=GBK"});
  fs::remove(dir / "parks.cpg");  // as delivered by many agencies: GBK DBF without .cpg
  DataSource s = source(dir / "parks.shp");
  s.encoding = "GBK";
  Inputs inputs;
  detail::readParks(s, inputs);
  ASSERT_EQ(inputs.parks.size(), 1u);
  EXPECT_EQ(inputs.parks[0].nameZh, "宿州市");
}

TEST(ReadParks, CsvEncodingIsRecoded) {
  fs::path dir = tempDir("io_parks_csv_gbk");
  char* gbk = CPLRecode("id,name_zh,lon,lat\nP1,宿州市,117,33\n", CPL_ENC_UTF8, "GBK");
  writeText(dir / "parks.csv", gbk);
  CPLFree(gbk);
  DataSource s = source(dir / "parks.csv");
  s.encoding = "GBK";
  Inputs inputs;
  detail::readParks(s, inputs);
  ASSERT_EQ(inputs.parks.size(), 1u);
  EXPECT_EQ(inputs.parks[0].nameZh, "宿州市");
}

TEST(OpenSource, MissingFileAndLayerAreIoErrorsNamingThem) {
  fs::path dir = tempDir("io_open");
  writeRegions(dir / "regions.gpkg");
  Inputs inputs;
  try {
    detail::readRegions(source(dir / "nope.gpkg"), inputs);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("nope.gpkg: file not found"), std::string::npos) << e.what();
  }
  try {
    detail::readRegions(source(dir / "regions.gpkg", "cities"), inputs);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("no layer 'cities' (layers: regions)"), std::string::npos)
        << e.what();
  }
}

TEST(ReadZonesAndRoads, OptionalLayers) {
  fs::path dir = tempDir("io_zones_roads");
  writeLayer((dir / "zones.gpkg").string(), "GPKG", "zones", 4326, wkbPolygon,
             {{"id", OFTString}, {"name", OFTString}}, {{kSquareA, {"Z1", "Water source"}}});
  writeLayer((dir / "roads.gpkg").string(), "GPKG", "roads", 4326, wkbLineString,
             {{"class", OFTString}, {"speed_kmh", OFTReal}},
             {{"LINESTRING(110 30,111 31)", {"motorway", "100"}},
              {"LINESTRING(111 31,112 31)", {"primary", kNull}}});
  Inputs inputs;
  detail::readZones(source(dir / "zones.gpkg"), inputs);
  detail::readRoads(source(dir / "roads.gpkg"), inputs);
  ASSERT_EQ(inputs.exclusions.size(), 1u);
  EXPECT_EQ(inputs.exclusions[0].name, "Water source");
  ASSERT_EQ(inputs.roads.size(), 2u);
  EXPECT_EQ(inputs.roads[0].roadClass, "motorway");
  EXPECT_DOUBLE_EQ(inputs.roads[0].speedKmh, 100);
  EXPECT_TRUE(std::isnan(inputs.roads[1].speedKmh));
  EXPECT_FALSE(hasFatal(inputs.problems)) << allText(inputs.problems);
}

TEST(ReadIndustryMatrix, ValuesAndLocatedErrors) {
  fs::path dir = tempDir("io_industry");
  writeText(dir / "industry_output.csv",
            "region_id,C18,C19\n330300,10.5,200\n341300,x,12\n350100,1,-2\n350100,1,1\n");
  std::vector<Problem> problems;
  IndustryMatrix m = detail::readIndustryMatrix(source(dir / "industry_output.csv"), problems);
  EXPECT_EQ(m.industries, (std::vector<std::string>{"C18", "C19"}));
  ASSERT_EQ(m.regionIds.size(), 3u);
  EXPECT_EQ(m.regionIndex("341300"), 1);
  EXPECT_EQ(m.industryIndex("C19"), 1);
  EXPECT_DOUBLE_EQ(m.values[0][1], 200);
  EXPECT_TRUE(std::isnan(m.values[1][0]));
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "industry_output.csv line 3 (region '341300') column 'C18': is not a number ('x')");
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "industry_output.csv line 4 (region '350100') column 'C19': is negative (-2)");
  EXPECT_PROBLEM(problems, Severity::Fatal, "industry_output.csv line 5: duplicate region id '350100'");
}

TEST(ReadIoTable, ColumnsReorderedToTheRowOrder) {
  fs::path dir = tempDir("io_iotable");
  writeText(dir / "io_table.csv", "sector,B,A\nA,0.2,0.1\nB,0.05,0.3\n");
  std::vector<Problem> problems;
  IoTable io = detail::readIoTable(source(dir / "io_table.csv"), problems);
  EXPECT_TRUE(problems.empty()) << allText(problems);
  EXPECT_EQ(io.sectors, (std::vector<std::string>{"A", "B"}));
  EXPECT_DOUBLE_EQ(io.a[0][0], 0.1);  // A row, A column
  EXPECT_DOUBLE_EQ(io.a[0][1], 0.2);
  EXPECT_DOUBLE_EQ(io.a[1][0], 0.3);
  EXPECT_DOUBLE_EQ(io.a[1][1], 0.05);
}

TEST(ReadIoTable, NonSquareAndUnproductiveTables) {
  fs::path dir = tempDir("io_iotable_bad");
  writeText(dir / "io_table.csv", "sector,A,C\nA,0.2,0.1\nB,0.05,0.3\n");
  std::vector<Problem> problems;
  detail::readIoTable(source(dir / "io_table.csv"), problems);
  EXPECT_PROBLEM(problems, Severity::Fatal,
                 "io_table.csv: not a square table with the same sectors on both axes; no column "
                 "for: B; no row for: C");
  writeText(dir / "io2.csv", "sector,A,B\nA,0.7,0.1\nB,0.5,0.3\n");
  problems.clear();
  detail::readIoTable(source(dir / "io2.csv"), problems);
  EXPECT_PROBLEM(problems, Severity::Fatal, "io2.csv column 'A': coefficients sum to 1.2 (must be < 1)");
}

TEST(ParseNumber, AcceptsWholeNumbersOnly) {
  double v = 0;
  EXPECT_TRUE(detail::parseNumber(" 12.5 ", v));
  EXPECT_DOUBLE_EQ(v, 12.5);
  EXPECT_TRUE(detail::parseNumber("-3e2", v));
  EXPECT_DOUBLE_EQ(v, -300);
  EXPECT_FALSE(detail::parseNumber("12abc", v));
  EXPECT_FALSE(detail::parseNumber("", v));
  EXPECT_FALSE(detail::parseNumber("nan", v));
}

}  // namespace
}  // namespace clustershift
