// writeCandidateTable: the candidate_scores table written through OGR (GDAL's C API), the first
// table of a run's GeoPackage.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgsfields.h>

#include <QFile>
#include <QFileInfo>

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <memory>
#include <type_traits>
#include <vector>

#include "layers_detail.h"
#include "publish.h"

namespace clustershift::layers::detail {
namespace {

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
struct FeatureDestroyer {
  void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
struct SrsReleaser {
  void operator()(OGRSpatialReferenceH srs) const { OSRRelease(srs); }
};

OGRFieldType ogrType(QVariant::Type type) {
  switch (type) {
    case QVariant::String:
      return OFTString;
    case QVariant::Int:
      return OFTInteger;
    default:
      return OFTReal;
  }
}

}  // namespace

void writeCandidateTable(const Results& results, const QString& path, const QString& shownPath) {
  // GDAL's own lines are kept for --verbose, as for QGIS's writer (outputs.cpp).
  CPLPushErrorHandlerEx(
      [](CPLErr level, CPLErrorNum, const char* message) {
        if (level >= CE_Warning) addWriteDiagnostic(QStringLiteral("GDAL: ") + QString::fromUtf8(message));
      },
      nullptr);
  struct PopHandler {
    ~PopHandler() { CPLPopErrorHandler(); }
  } pop;
  auto fail = [&](const char* what) {
    addWriteDiagnostic(QStringLiteral("OGR: ") + QLatin1String(what));
    failWrite(shownPath, diagnoseFolder(QFileInfo(path).absolutePath()) + " (layer candidate_scores)");
  };

  GDALDriverH driver = GDALGetDriverByName("GPKG");
  if (!driver) fail("no GPKG driver");
  std::unique_ptr<void, DatasetCloser> ds(
      GDALCreate(driver, QFile::encodeName(path).constData(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) fail("cannot create the GeoPackage");
  std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser> srs(
      OSRNewSpatialReference(nullptr));
  OSRImportFromEPSG(srs.get(), 4326);
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);  // lon, lat as QGIS writes them
  const QByteArray name = schema::name(schema::kCandidates).toUtf8();
  OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), name.constData(), srs.get(), wkbPoint, nullptr);
  if (!layer) fail("cannot create the table");
  const QgsFields fields = candidateFields(results);
  std::vector<OGRFieldType> types;
  for (const QgsField& field : fields) {
    const QByteArray fieldName = field.name().toUtf8();
    OGRFieldDefnH defn = OGR_Fld_Create(fieldName.constData(), ogrType(field.type()));
    const OGRErr err = OGR_L_CreateField(layer, defn, TRUE);
    OGR_Fld_Destroy(defn);
    if (err != OGRERR_NONE) fail("cannot create a field");
    types.push_back(ogrType(field.type()));
  }
  if (GDALDatasetStartTransaction(ds.get(), FALSE) != OGRERR_NONE) fail("cannot start a transaction");
  const bool robust = hasRobustness(results);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  for (const ParkResult& park : results.parks) {
    std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer> feature(OGR_F_Create(defn));
    const QgsAttributes values = candidateAttributes(results, park, robust);
    for (int i = 0; i < values.size(); ++i) {
      const QVariant& v = values.at(i);
      if (v.isNull()) {
        OGR_F_SetFieldNull(feature.get(), i);
        continue;
      }
      switch (types[static_cast<std::size_t>(i)]) {
        case OFTString:
          OGR_F_SetFieldString(feature.get(), i, v.toString().toUtf8().constData());
          break;
        case OFTInteger:
          OGR_F_SetFieldInteger(feature.get(), i, v.toInt());
          break;
        default:
          OGR_F_SetFieldDouble(feature.get(), i, v.toDouble());
          break;
      }
    }
    if (!std::isnan(park.lon) && !std::isnan(park.lat)) {
      OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
      OGR_G_SetPoint_2D(point, 0, park.lon, park.lat);
      OGR_F_SetGeometryDirectly(feature.get(), point);
    }
    if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE) fail("cannot write a feature");
  }
  if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) fail("cannot commit the table");
  CPLErrorReset();
  ds.reset();  // closed here: the spatial index is built and the file complete
  if (CPLGetLastErrorType() >= CE_Failure) fail(CPLGetLastErrorMsg());
}

}  // namespace clustershift::layers::detail
