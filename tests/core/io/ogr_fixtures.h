#pragma once
// Writes small vector data sets with OGR for the io/pipeline tests (into CLUSTERSHIFT_TEST_TMP).
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace clustershift::testing {

/// Marker for a NULL attribute value.
inline const std::string kNull = "<null>";

struct FieldSpec {
  std::string name;
  OGRFieldType type = OFTString;
  int width = 0;  ///< 0: the driver's default
};

struct FeatureSpec {
  std::string wkt;                  ///< empty: no geometry
  std::vector<std::string> values;  ///< one per field, as text; kNull for NULL
};

/// A fresh folder under the test tmp dir.
inline std::filesystem::path tempDir(const std::string& name) {
  std::filesystem::path dir = std::filesystem::path(CLUSTERSHIFT_TEST_TMP) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Writes one layer. epsg 0 = no CRS. Throws std::runtime_error on failure.
inline void writeLayer(const std::string& path, const std::string& driverName,
                       const std::string& layerName, int epsg, OGRwkbGeometryType type,
                       const std::vector<FieldSpec>& fields,
                       const std::vector<FeatureSpec>& features,
                       const std::vector<std::string>& layerOptions = {}) {
  GDALAllRegister();
  GDALDriverH driver = GDALGetDriverByName(driverName.c_str());
  if (!driver) throw std::runtime_error("no driver " + driverName);
  GDALDatasetH ds = nullptr;
  if (std::filesystem::exists(path)) {
    ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
  } else {
    ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  }
  if (!ds) throw std::runtime_error("cannot create " + path);
  OGRSpatialReferenceH srs = nullptr;
  if (epsg != 0) {
    srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, epsg);
  }
  std::vector<char*> options;
  for (const std::string& o : layerOptions) options.push_back(const_cast<char*>(o.c_str()));
  options.push_back(nullptr);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, layerName.c_str(), srs, type, options.data());
  if (srs) OSRDestroySpatialReference(srs);
  if (!layer) throw std::runtime_error("cannot create layer " + layerName);
  for (const FieldSpec& f : fields) {
    OGRFieldDefnH fd = OGR_Fld_Create(f.name.c_str(), f.type);
    if (f.width > 0) OGR_Fld_SetWidth(fd, f.width);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
  }
  for (const FeatureSpec& spec : features) {
    OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    for (std::size_t i = 0; i < spec.values.size() && i < fields.size(); ++i) {
      int index = static_cast<int>(i);
      if (spec.values[i] == kNull) {
        OGR_F_SetFieldNull(feature, index);
      } else {
        OGR_F_SetFieldString(feature, index, spec.values[i].c_str());
      }
    }
    if (!spec.wkt.empty()) {
      OGRGeometryH g = nullptr;
      char* text = const_cast<char*>(spec.wkt.c_str());
      if (OGR_G_CreateFromWkt(&text, nullptr, &g) != OGRERR_NONE) {
        throw std::runtime_error("bad WKT " + spec.wkt);
      }
      OGR_F_SetGeometryDirectly(feature, g);
    }
    if (OGR_L_CreateFeature(layer, feature) != OGRERR_NONE) {
      throw std::runtime_error("cannot write feature to " + path);
    }
    OGR_F_Destroy(feature);
  }
  GDALClose(ds);
}

/// A text field of a .dbf made numeric: its type letter becomes `type` ('N' or 'F') with
/// `decimals`, its cells untouched, as a program that writes text into numeric fields leaves them
/// (dBASE header: 32 bytes, then 32 bytes per field with the type at 11, decimals at 17).
inline void retypeDbfField(const std::filesystem::path& dbf, int field, char type, int decimals) {
  std::fstream file(dbf, std::ios::in | std::ios::out | std::ios::binary);
  if (!file) throw std::runtime_error("cannot open " + dbf.string());
  file.seekp(32 + 32 * field + 11);
  file.put(type);
  file.seekp(32 + 32 * field + 17);
  file.put(static_cast<char>(decimals));
  if (!file) throw std::runtime_error("cannot retype a field of " + dbf.string());
}

inline std::string readBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

/// Region fields as in the sample data contract (a subset of the numeric columns).
inline std::vector<FieldSpec> regionFields() {
  return {{"id", OFTString},   {"name", OFTString},  {"name_zh", OFTString},
          {"province", OFTString}, {"population", OFTReal}, {"gdp", OFTReal},
          {"wage", OFTReal},   {"land_price", OFTReal}};
}

inline std::vector<FieldSpec> parkFields() {
  return {{"id", OFTString},          {"name", OFTString},    {"name_zh", OFTString},
          {"level", OFTString},       {"area_ha", OFTReal},   {"available_ha", OFTReal},
          {"lead_industries", OFTString}, {"rating", OFTInteger}};
}

}  // namespace clustershift::testing
