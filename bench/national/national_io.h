#pragma once
// bench/national: the GDAL side of generate_national: the sample data it reads and the
// GeoPackage layers it writes.
#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace national {

namespace fs = std::filesystem;

/// A CSV file split at commas (the sample tables quote nothing).
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};
Table readCsv(const fs::path& path);

/// One feature of the sample's regions.gpkg: numeric and text fields by name.
struct SampleRegion {
  std::map<std::string, double> numbers;
  std::map<std::string, std::string> strings;
  std::string id;
};
std::vector<SampleRegion> readSampleRegions(const fs::path& gpkg);

/// The attributes of one feature of the sample's parks.gpkg.
struct SamplePark {
  std::string name, nameZh, level, leadIndustries;
  double areaHa = 0, availableHa = 0;
};
std::vector<SamplePark> readSampleParks(const fs::path& gpkg);

/// Sets f's geometry from a GEOS geometry (a polygon as a MultiPolygon).
void setGeometryFromGeos(OGRFeature* f, const GEOSGeometry* g);

using FieldList = std::vector<std::pair<std::string, OGRFieldType>>;
GDALDataset* createGpkg(const fs::path& path);
OGRLayer* createLayer(GDALDataset* ds, const char* name, OGRwkbGeometryType type, const FieldList& fields);

/// Writes `path` as a new GeoPackage with one EPSG:4326 layer of `count` features, in one
/// transaction: fill(feature, k) sets the fields and geometry of feature k, or returns false to
/// leave it out.
template <class Fill>
void writeGpkgLayer(const fs::path& path, const char* name, OGRwkbGeometryType type, const FieldList& fields,
                    int count, Fill fill) {
  GDALDataset* ds = createGpkg(path);
  OGRLayer* layer = createLayer(ds, name, type, fields);
  ds->StartTransaction();
  for (int k = 0; k < count; ++k) {
    OGRFeature* f = OGRFeature::CreateFeature(layer->GetLayerDefn());
    const bool written = !fill(*f, k) || layer->CreateFeature(f) == OGRERR_NONE;
    OGRFeature::DestroyFeature(f);
    if (!written) throw std::runtime_error("cannot write a feature to " + path.string());
  }
  ds->CommitTransaction();
  GDALClose(ds);
}

}  // namespace national
