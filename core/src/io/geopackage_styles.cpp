// readGeoPackageStyles: the layer_styles table of a GeoPackage, read through OGR.
#include "clustershift/geopackage_styles.h"

#include "io/ogr.h"

namespace clustershift {

std::map<std::string, GeoPackageStyle> readGeoPackageStyles(void* geopackage) {
  std::map<std::string, GeoPackageStyle> styles;
  auto* gpkg = static_cast<GDALDatasetH>(geopackage);
  detail::GdalErrorCapture quiet;  // no layer_styles table: no styles
  OGRLayerH result = GDALDatasetExecuteSQL(
      gpkg,
      "SELECT f_table_name, styleName, styleQML, styleSLD, useAsDefault, description, ui FROM layer_styles "
      "ORDER BY update_time",
      nullptr, nullptr);
  if (!result) return styles;
  while (OGRFeatureH raw = OGR_L_GetNextFeature(result)) {
    detail::FeaturePtr f(raw);
    auto text = [&](int i) {
      return OGR_F_IsFieldSetAndNotNull(raw, i) ? std::string(OGR_F_GetFieldAsString(raw, i)) : std::string();
    };
    GeoPackageStyle row{text(1), text(2), text(3), text(5), text(6), OGR_F_GetFieldAsInteger(raw, 4) != 0};
    styles[text(0)] = row;  // the latest style of a table wins, as in QGIS
  }
  GDALDatasetReleaseResultSet(gpkg, result);
  return styles;
}

std::map<std::string, GeoPackageStyle> readGeoPackageStylesFile(const std::string& path) {
  detail::ensureGdal();
  detail::GdalErrorCapture quiet;
  detail::DatasetPtr file(
      GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!file) return {};
  return readGeoPackageStyles(file.get());
}

}  // namespace clustershift
