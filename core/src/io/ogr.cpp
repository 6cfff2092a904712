#include "io/ogr.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include "clustershift/error.h"
#include "io/postgres.h"
#include "io/spreadsheet.h"

namespace clustershift::detail {

namespace fs = std::filesystem;

void ensureGdal() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

GdalErrorCapture::GdalErrorCapture() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

GdalErrorCapture::~GdalErrorCapture() { CPLPopErrorHandler(); }

std::string GdalErrorCapture::lastMessage() const {
  const char* message = CPLGetLastErrorMsg();
  return message ? message : "";
}

int OgrSource::fieldIndex(const std::string& name) const {
  return OGR_FD_GetFieldIndex(definition(), name.c_str());
}

std::vector<std::string> OgrSource::fieldNames() const {
  std::vector<std::string> names;
  OGRFeatureDefnH defn = definition();
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    names.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  }
  return names;
}

std::string OgrSource::text(OGRFeatureH feature, int index) const {
  if (index < 0 || !OGR_F_IsFieldSetAndNotNull(feature, index)) return {};
  std::string value = OGR_F_GetFieldAsString(feature, index);
  if (!recodeFrom.empty()) {
    char* recoded = CPLRecode(value.c_str(), recodeFrom.c_str(), CPL_ENC_UTF8);
    if (recoded) {
      value = recoded;
      CPLFree(recoded);
    }
  }
  return value;
}

std::string OgrSource::rowLabel(OGRFeatureH feature, std::size_t index) const {
  if (!rowIdPrefix.empty())
    return rowIdPrefix + std::to_string(static_cast<long long>(OGR_F_GetFID(feature)));
  return "line " + std::to_string(index + 2);
}

namespace {
std::string lowerExtension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}
}  // namespace

OgrSource openSource(const DataSource& source, const std::string& what, bool plainCsv) {
  ensureGdal();
  if (source.path.empty()) throw IoError(what + ": no path given", "no_path_given", {{"data", what}});
  if (isPostgresPath(source.path)) return openPostgres(source, what);
  if (plainCsv && isSpreadsheetPath(source.path)) return openSpreadsheet(source, what);
  OgrSource out;
  out.fileName = fs::path(source.path).filename().string();
  std::string ext = lowerExtension(source.path);

  CPLStringList options;
  if (ext == ".csv" || ext == ".tsv" || ext == ".txt") {
    if (!plainCsv) {
      options.AddString("X_POSSIBLE_NAMES=lon,longitude,x,lng");
      options.AddString("Y_POSSIBLE_NAMES=lat,latitude,y");
      options.AddString("KEEP_GEOM_COLUMNS=NO");
      options.AddString("AUTODETECT_TYPE=YES");
    }
  }
  bool shapefile = ext == ".shp" || ext == ".dbf";
  if (shapefile && !source.encoding.empty()) {
    options.AddString(("ENCODING=" + source.encoding).c_str());
  }

  GdalErrorCapture capture;
  {
    std::error_code ec;
    if (source.path.rfind("/vsi", 0) != 0 && !fs::exists(source.path, ec)) {
      throw IoError(what + ": " + source.path + ": file not found", "file_not_found",
                    {{"data", what}, {"file", source.path}});
    }
  }
  GDALDatasetH ds = GDALOpenEx(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                               options.List(), nullptr);
  if (!ds) {
    std::string message = capture.lastMessage();
    throw IoError(what + ": " + source.path + ": cannot open as a vector data source" +
                      (message.empty() ? "" : " (" + message + ")"),
                  "cannot_open_data", {{"data", what}, {"file", source.path}});
  }
  out.dataset.reset(ds);
  GDALDriverH driver = GDALGetDatasetDriver(ds);
  out.driver = driver ? GDALGetDriverShortName(driver) : "";
  if (!source.encoding.empty() && out.driver != "ESRI Shapefile") out.recodeFrom = source.encoding;

  int count = GDALDatasetGetLayerCount(ds);
  if (count == 0)
    throw IoError(what + ": " + source.path + ": has no layers", "no_layers",
                  {{"data", what}, {"file", source.path}});
  if (source.layer.empty()) {
    out.layer = GDALDatasetGetLayer(ds, 0);
  } else {
    out.layer = GDALDatasetGetLayerByName(ds, source.layer.c_str());
    if (!out.layer) {
      std::string names;
      for (int i = 0; i < count; ++i) {
        names += (i ? ", " : "") + std::string(OGR_L_GetName(GDALDatasetGetLayer(ds, i)));
      }
      throw IoError(what + ": " + source.path + ": no layer '" + source.layer + "' (layers: " + names + ")",
                    "no_such_layer",
                    {{"data", what}, {"file", source.path}, {"layer", source.layer}, {"layers", names}});
    }
  }
  out.layerName = OGR_L_GetName(out.layer);
  out.label = out.fileName + "/" + out.layerName;
  out.tableLabel = out.fileName;
  OGR_L_ResetReading(out.layer);
  return out;
}

LonLatTransform::LonLatTransform(OGRSpatialReferenceH layerSrs, const std::string& label) {
  if (!layerSrs) return;
  m_target.reset(OSRNewSpatialReference(nullptr));
  auto target = static_cast<OGRSpatialReferenceH>(m_target.get());
  OSRImportFromEPSG(target, 4326);
  OSRSetAxisMappingStrategy(target, OAMS_TRADITIONAL_GIS_ORDER);
  m_source.reset(OSRClone(layerSrs));
  auto src = static_cast<OGRSpatialReferenceH>(m_source.get());
  OSRSetAxisMappingStrategy(src, OAMS_TRADITIONAL_GIS_ORDER);
  if (OSRIsSame(src, target)) return;
  GdalErrorCapture capture;
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(src, target);
  if (!ct) {
    throw GeoError(label + ": cannot transform its CRS to EPSG:4326 (" + capture.lastMessage() +
                   ")");
  }
  m_transform.reset(ct);
}

bool LonLatTransform::apply(OGRGeometryH geometry, std::string& error) const {
  if (!m_transform) return true;
  GdalErrorCapture capture;
  if (OGR_G_Transform(geometry, static_cast<OGRCoordinateTransformationH>(m_transform.get())) !=
      OGRERR_NONE) {
    error = capture.lastMessage();
    if (error.empty()) error = "coordinate transformation failed";
    return false;
  }
  return true;
}

std::string fidText(OGRFeatureH feature) {
  return "fid=" + std::to_string(static_cast<long long>(OGR_F_GetFID(feature)));
}

}  // namespace clustershift::detail
