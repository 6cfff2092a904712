// GBK shapefiles without a .cpg, as Chinese agencies often deliver them, read through
// loadInputs with the scenario's `encoding` option (field names and values).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <cpl_string.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "clustershift/pipeline.h"

namespace {

namespace fs = std::filesystem;
using namespace clustershift;

const char* kParkName = "宿州鞋业产业园";  // UTF-8 in this file; GBK on disk
const char* kNameField = "园区名称";       // 8 bytes in GBK: fits DBF's 10-byte names

fs::path freshDir(const std::string& name) {
  fs::path dir = fs::path(CLUSTERSHIFT_TEST_TMP) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Writes a one-feature layer; `options` are layer creation options.
void writeLayer(const fs::path& path, const char* driverName, OGRwkbGeometryType type, const char* wkt,
                const std::vector<std::pair<std::string, std::string>>& fields, char** options) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName(driverName);
  ASSERT_NE(driver, nullptr);
  GDALDatasetH ds = GDALCreate(driver, path.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  ASSERT_NE(ds, nullptr);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, path.stem().string().c_str(), srs, type, options);
  ASSERT_NE(layer, nullptr);
  for (const auto& f : fields) {
    OGRFieldDefnH defn = OGR_Fld_Create(f.first.c_str(), OFTString);
    OGR_L_CreateField(layer, defn, TRUE);
    OGR_Fld_Destroy(defn);
  }
  OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
  for (std::size_t i = 0; i < fields.size(); ++i)
    OGR_F_SetFieldString(feature, static_cast<int>(i), fields[i].second.c_str());
  OGRGeometryH g = nullptr;
  char* text = const_cast<char*>(wkt);
  OGR_G_CreateFromWkt(&text, srs, &g);
  OGR_F_SetGeometryDirectly(feature, g);
  ASSERT_EQ(OGR_L_CreateFeature(layer, feature), OGRERR_NONE);
  OGR_F_Destroy(feature);
  OSRDestroySpatialReference(srs);
  GDALClose(ds);
}

// A GBK parks shapefile with neither .cpg nor a language-driver id in the DBF header, so
// nothing in the files says GBK.
fs::path writeGbkParks(const fs::path& dir) {
  char** options = CSLSetNameValue(nullptr, "ENCODING", "CP936");
  writeLayer(dir / "parks.shp", "ESRI Shapefile", wkbPoint, "POINT(117.0 33.6)",
             {{"id", "P341300-01"}, {kNameField, kParkName}, {"level", "national"}}, options);
  CSLDestroy(options);
  fs::remove(dir / "parks.cpg");
  std::fstream dbf(dir / "parks.dbf", std::ios::in | std::ios::out | std::ios::binary);
  dbf.seekp(29);  // language driver id (dBASE header byte 29): 0 = not specified
  dbf.put('\0');
  return dir / "parks.shp";
}

Scenario scenarioFor(const fs::path& dir, const std::string& encoding) {
  writeLayer(dir / "regions.gpkg", "GPKG", wkbPolygon,
             "POLYGON((116 33, 118 33, 118 34.5, 116 34.5, 116 33))", {{"id", "341300"}, {"name", "Suzhou"}},
             nullptr);
  Scenario s;
  s.data.regions.path = (dir / "regions.gpkg").string();
  s.data.parks.path = (dir / "parks.shp").string();
  s.data.parks.encoding = encoding;
  s.data.parks.fields["name_zh"] = kNameField;
  return s;
}

bool hasFatal(const Inputs& inputs) {
  for (const Problem& p : inputs.problems) {
    if (p.severity == Severity::Fatal) return true;
  }
  return false;
}

}  // namespace

TEST(Encoding, GbkShapefileWithoutCpgReadsWithEncodingOption) {
  const fs::path dir = freshDir("encoding_gbk");
  writeGbkParks(dir);
  // The DBF really holds GBK bytes: 园区名称 is 8 bytes there (12 in UTF-8).
  std::ifstream dbf(dir / "parks.dbf", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(dbf)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes.find(kParkName), std::string::npos);
  EXPECT_EQ(static_cast<unsigned char>(bytes[29]), 0u);

  Feedback feedback;
  const Inputs inputs = loadInputs(scenarioFor(dir, "GBK"), feedback);
  for (const Problem& p : inputs.problems) {
    EXPECT_NE(p.severity, Severity::Fatal) << p.text();
  }
  ASSERT_EQ(inputs.parks.size(), 1u);
  EXPECT_EQ(inputs.parks[0].nameZh, kParkName);  // value, through the GBK field name
  EXPECT_EQ(inputs.parks[0].id, "P341300-01");
}

TEST(Encoding, WithoutTheOptionTheGbkFieldIsNotFound) {
  // Control: the option is what makes it work (GDAL would assume ISO-8859-1).
  const fs::path dir = freshDir("encoding_none");
  writeGbkParks(dir);
  Feedback feedback;
  const Inputs inputs = loadInputs(scenarioFor(dir, ""), feedback);
  EXPECT_TRUE(hasFatal(inputs));
  bool named = false;
  for (const Problem& p : inputs.problems) {
    if (p.severity == Severity::Fatal && p.text().find(kNameField) != std::string::npos) named = true;
  }
  EXPECT_TRUE(named) << "a fatal problem should name the mapped field '" << kNameField << "'";
}

TEST(Encoding, GbkTextWithoutCpgIsAnErrorSuggestingTheEncoding) {
  // ASCII field names, GBK values: nothing fails to map, and the raw GBK bytes would reach the
  // run (and its JSON writer) unless the reader says so.
  const fs::path dir = freshDir("encoding_gbk_values");
  char** options = CSLSetNameValue(nullptr, "ENCODING", "CP936");
  writeLayer(dir / "parks.shp", "ESRI Shapefile", wkbPoint, "POINT(117.0 33.6)",
             {{"id", "P341300-01"}, {"name_zh", kParkName}}, options);
  CSLDestroy(options);
  fs::remove(dir / "parks.cpg");
  {
    std::fstream dbf(dir / "parks.dbf", std::ios::in | std::ios::out | std::ios::binary);
    dbf.seekp(29);
    dbf.put('\0');
  }
  Scenario s = scenarioFor(dir, "");
  s.data.parks.fields.clear();
  Feedback feedback;
  const Inputs inputs = loadInputs(s, feedback);
  bool suggested = false;
  for (const Problem& p : inputs.problems)
    if (p.severity == Severity::Fatal && p.text() == "parks.shp/parks: 1 text value is not UTF-8 (first: parks.shp/parks "
                                                    "fid=0 field 'name_zh'); the file declares no encoding (no .cpg): if "
                                                    "it is GBK, as Chinese shapefiles often are, set \"encoding\": \"GBK\" "
                                                    "on this data source")
      suggested = true;
  EXPECT_TRUE(suggested) << (inputs.problems.empty() ? "no problems" : inputs.problems.back().text());
  // With the option the same file reads cleanly.
  s.data.parks.encoding = "GBK";
  const Inputs fixed = loadInputs(s, feedback);
  ASSERT_EQ(fixed.parks.size(), 1u);
  EXPECT_EQ(fixed.parks[0].nameZh, kParkName);
  for (const Problem& p : fixed.problems) EXPECT_NE(p.severity, Severity::Fatal) << p.text();
}

TEST(MissingDbf, ShapefileWithoutItsDbfSaysSoOnce) {
  const fs::path dir = freshDir("missing_dbf");
  char** options = CSLSetNameValue(nullptr, "ENCODING", "UTF-8");
  writeLayer(dir / "parks.shp", "ESRI Shapefile", wkbPoint, "POINT(117.0 33.6)", {{"id", "P1"}}, options);
  CSLDestroy(options);
  fs::remove(dir / "parks.dbf");
  Scenario s = scenarioFor(dir, "");
  s.data.parks.fields.clear();
  Feedback feedback;
  const Inputs inputs = loadInputs(s, feedback);
  int said = 0;
  for (const Problem& p : inputs.problems)
    if (p.text() == "parks.shp/parks: has no attribute table: the .dbf file next to parks.shp is missing or has no fields")
      ++said;
  EXPECT_EQ(said, 1);
  for (const Problem& p : inputs.problems) EXPECT_EQ(p.text().find("(fields: )"), std::string::npos) << p.text();
}
