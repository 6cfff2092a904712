// writeScoreGrid: a candidate grid's scores as a GeoTIFF (pipeline.h).
#include <cstdio>
#include <filesystem>
#include <limits>
#include <unistd.h>

#include <cpl_string.h>

#include "clustershift/pipeline.h"
#include "io/ogr.h"

namespace clustershift {

void writeScoreGrid(const ScoreGrid& grid, const std::string& path) {
  detail::ensureGdal();
  detail::GdalErrorCapture capture;
  if (grid.width <= 0 || grid.height <= 0 ||
      grid.score.size() != static_cast<std::size_t>(grid.width) * static_cast<std::size_t>(grid.height))
    throw Error("writeScoreGrid: the grid has " + std::to_string(grid.score.size()) + " scores for " +
                std::to_string(grid.width) + " × " + std::to_string(grid.height) + " cells");
  const std::string temporary = path + ".tmp-" + std::to_string(::getpid()) + ".tif";
  auto fail = [&](const std::string& what) {
    std::filesystem::remove(temporary);
    throw IoError(path + ": " + what +
                  (capture.lastMessage().empty() ? "" : " (" + capture.lastMessage() + ")"));
  };
  CPLErrorReset();
  char** options = nullptr;
  options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
  options = CSLSetNameValue(options, "PREDICTOR", "3");
  options = CSLSetNameValue(options, "TILED", "YES");
  options = CSLSetNameValue(options, "BIGTIFF", "IF_SAFER");
  {
    detail::DatasetPtr ds(GDALCreate(GDALGetDriverByName("GTiff"), temporary.c_str(), grid.width, grid.height,
                                     1, GDT_Float32, options));
    CSLDestroy(options);
    if (!ds) fail("cannot create the score raster");
    auto* h = static_cast<GDALDatasetH>(ds.get());
    double transform[6] = {grid.originX, grid.cellM, 0, grid.originY, 0, -grid.cellM};
    GDALSetGeoTransform(h, transform);
    GDALSetProjection(h, grid.planeWkt.c_str());
    GDALRasterBandH band = GDALGetRasterBand(h, 1);
    GDALSetRasterNoDataValue(band, std::numeric_limits<double>::quiet_NaN());
    GDALSetDescription(band, "score");
    if (GDALRasterIO(band, GF_Write, 0, 0, grid.width, grid.height, const_cast<float*>(grid.score.data()),
                     grid.width, grid.height, GDT_Float32, 0, 0) != CE_None)
      fail("writing the scores failed");
  }
  // Closing writes the last tiles; GDAL reports a failure there only through its error state.
  if (CPLGetLastErrorType() >= CE_Failure) fail("writing the scores failed");
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) fail("cannot rename " + temporary + " to it: " + error.message());
}

}  // namespace clustershift
