#pragma once
// Writes small vector data sets with OGR for the io/pipeline tests (into CLUSTERSHIFT_TEST_TMP).
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace clustershift::testing {

/// Marker for a NULL attribute value.
inline const std::string kNull = "<null>";

struct FieldSpec {
  std::string name;
  OGRFieldType type = OFTString;
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
