#pragma once
// The QGIS styles stored in a GeoPackage's layer_styles table.
#include <map>
#include <string>

namespace clustershift {

/// A style row of a GeoPackage's layer_styles table (written by QGIS's saveStyleToDatabase).
struct GeoPackageStyle {
  std::string name, qml, sld, description, ui;
  bool isDefault = true;
};

/// The styles of an open GeoPackage (a GDALDatasetH) by table name, the latest of a table's
/// styles winning, as in QGIS; empty when the file has no layer_styles table.
std::map<std::string, GeoPackageStyle> readGeoPackageStyles(void* geopackage);

/// The same for the GeoPackage at `path`, opened read-only; empty when it cannot be opened.
std::map<std::string, GeoPackageStyle> readGeoPackageStylesFile(const std::string& path);

}  // namespace clustershift
