// readGeoPackageStyles (core/src/io/geopackage_styles.cpp): the layer_styles table of a
// GeoPackage by table name, the latest style of a table winning.
#include "clustershift/geopackage_styles.h"

#include <gtest/gtest.h>

#include <gdal.h>

#include <filesystem>
#include <string>

#include "io/ogr.h"
#include "ogr_fixtures.h"

namespace clustershift {
namespace {

/// Runs one SQL statement on an open dataset.
void execute(GDALDatasetH ds, const std::string& sql) {
  OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
  if (result) GDALDatasetReleaseResultSet(ds, result);
}

TEST(GeoPackageStyles, TheLatestStyleOfEachTableWithItsDefaultFlag) {
  detail::ensureGdal();
  const std::string path = (testing::tempDir("geopackage_styles_latest") / "styles.gpkg").string();
  {
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    ASSERT_NE(driver, nullptr);
    detail::DatasetPtr ds(GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(ds, nullptr);
    execute(
        ds.get(),
        "CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_name TEXT, styleName TEXT, "
        "styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, ui TEXT, update_time "
        "DATETIME)");
    execute(
        ds.get(),
        "INSERT INTO layer_styles (f_table_name, styleName, styleQML, styleSLD, useAsDefault, description, "
        "update_time) VALUES ('regions', 'old', '<qgis>old</qgis>', '', 1, '', '2026-01-01T00:00:00'), "
        "('regions', 'new', '<qgis>new</qgis>', '', 1, 'the latest', '2026-02-01T00:00:00'), "
        "('flows', 'other', '<qgis>flows</qgis>', '', 0, '', '2026-01-01T00:00:00')");
  }
  const auto styles = readGeoPackageStylesFile(path);
  ASSERT_EQ(styles.size(), 2u);
  EXPECT_EQ(styles.at("regions").name, "new");
  EXPECT_EQ(styles.at("regions").qml, "<qgis>new</qgis>");
  EXPECT_EQ(styles.at("regions").description, "the latest");
  EXPECT_TRUE(styles.at("regions").isDefault);
  EXPECT_FALSE(styles.at("flows").isDefault);
}

TEST(GeoPackageStyles, NoFileOrNoStylesTableGivesNone) {
  detail::ensureGdal();
  const std::filesystem::path dir = testing::tempDir("geopackage_styles_none");
  EXPECT_TRUE(readGeoPackageStylesFile((dir / "missing.gpkg").string()).empty());
  const std::string path = (dir / "plain.gpkg").string();
  {
    detail::DatasetPtr ds(
        GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    ASSERT_NE(ds, nullptr);
  }
  EXPECT_TRUE(readGeoPackageStylesFile(path).empty());
}

}  // namespace
}  // namespace clustershift
