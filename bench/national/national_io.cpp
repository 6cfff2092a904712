// bench/national: the GDAL side of generate_national (see national_io.h).
#include "national_io.h"

#include <fstream>
#include <sstream>

#include "national_geometry.h"

namespace national {

namespace {

GDALDataset* openVector(const fs::path& path) {
  auto* ds = static_cast<GDALDataset*>(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) throw std::runtime_error("cannot open " + path.string());
  return ds;
}

}  // namespace

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

std::vector<SampleRegion> readSampleRegions(const fs::path& gpkg) {
  std::vector<SampleRegion> regions;
  GDALDataset* ds = openVector(gpkg);
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
    regions.push_back(std::move(r));
  }
  GDALClose(ds);
  return regions;
}

std::vector<SamplePark> readSampleParks(const fs::path& gpkg) {
  std::vector<SamplePark> parks;
  GDALDataset* ds = openVector(gpkg);
  for (auto& f : *ds->GetLayerByName("parks")) {
    SamplePark p;
    p.name = f->GetFieldAsString("name");
    p.nameZh = f->GetFieldAsString("name_zh");
    p.level = f->GetFieldAsString("level");
    p.leadIndustries = f->GetFieldAsString("lead_industries");
    p.areaHa = f->GetFieldAsDouble("area_ha");
    p.availableHa = f->GetFieldAsDouble("available_ha");
    parks.push_back(p);
  }
  GDALClose(ds);
  return parks;
}

GDALDataset* createGpkg(const fs::path& path) {
  fs::remove(path);
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!ds) throw std::runtime_error("cannot create " + path.string());
  return ds;
}

OGRLayer* createLayer(GDALDataset* ds, const char* name, OGRwkbGeometryType type, const FieldList& fields) {
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

}  // namespace national
