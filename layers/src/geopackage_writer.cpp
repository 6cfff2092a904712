// GeoPackageWriter: a run's GeoPackage written through OGR (GDAL's C API), one dataset open for
// all its tables, each table in one transaction.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgsfeatureiterator.h>
#include <qgsfields.h>
#include <qgsvectorlayer.h>

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

struct FeatureDestroyer {
  void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;
struct SrsReleaser {
  void operator()(OGRSpatialReferenceH srs) const { OSRRelease(srs); }
};

/// GDAL's own lines are kept for --verbose, as for every write (publish.h), not printed.
struct GdalDiagnostics {
  GdalDiagnostics() {
    CPLPushErrorHandlerEx(
        [](CPLErr level, CPLErrorNum, const char* message) {
          if (level >= CE_Warning) addWriteDiagnostic(QStringLiteral("GDAL: ") + QString::fromUtf8(message));
        },
        nullptr);
  }
  ~GdalDiagnostics() { CPLPopErrorHandler(); }
  GdalDiagnostics(const GdalDiagnostics&) = delete;
  GdalDiagnostics& operator=(const GdalDiagnostics&) = delete;
};

/// The OGR type of a result field; the result layers use these four.
OGRFieldType ogrType(const QgsField& field, bool& known) {
  known = true;
  switch (field.type()) {
    case QVariant::String:
      return OFTString;
    case QVariant::Int:
      return OFTInteger;
    case QVariant::LongLong:
      return OFTInteger64;
    case QVariant::Double:
      return OFTReal;
    default:
      known = false;
      return OFTString;
  }
}

/// Sets field `i` of `feature` from a value of that field's type (NULL for a null variant).
void setField(OGRFeatureH feature, int i, OGRFieldType type, const QVariant& v) {
  if (v.isNull()) {
    OGR_F_SetFieldNull(feature, i);
    return;
  }
  switch (type) {
    case OFTString:
      OGR_F_SetFieldString(feature, i, v.toString().toUtf8().constData());
      break;
    case OFTInteger:
      OGR_F_SetFieldInteger(feature, i, v.toInt());
      break;
    case OFTInteger64:
      OGR_F_SetFieldInteger64(feature, i, v.toLongLong());
      break;
    default:
      OGR_F_SetFieldDouble(feature, i, v.toDouble());
      break;
  }
}

}  // namespace

GeoPackageWriter::GeoPackageWriter(const QString& path, const QString& shownPath)
    : m_path(path), m_shown(shownPath) {
  const GdalDiagnostics diagnostics;
  GDALDriverH driver = GDALGetDriverByName("GPKG");
  if (!driver) fail("GeoPackage", "no GPKG driver");
  m_dataset = GDALCreate(driver, QFile::encodeName(path).constData(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!m_dataset) fail("GeoPackage", "cannot create the file");
}

GeoPackageWriter::~GeoPackageWriter() {
  if (!m_dataset) return;
  const GdalDiagnostics diagnostics;  // closed after a failure: GDAL's lines go to --verbose too
  GDALClose(m_dataset);
}

void GeoPackageWriter::fail(const QString& table, const char* what) {
  addWriteDiagnostic(QStringLiteral("OGR: ") + QString::fromUtf8(what));
  failWrite(m_shown,
            diagnoseFolder(QFileInfo(m_path).absolutePath()) + " (layer " + table.toStdString() + ")");
}

void GeoPackageWriter::writeTable(const QString& name, int wkbType, const QgsFields& fields, std::size_t rows,
                                  const std::function<void(std::size_t, QgsAttributes&, void*&)>& row) {
  const GdalDiagnostics diagnostics;
  const bool spatial = wkbType != wkbNone;
  std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser> srs;
  if (spatial) {
    srs.reset(OSRNewSpatialReference(nullptr));
    if (OSRImportFromEPSG(srs.get(), 4326) != OGRERR_NONE) fail(name, "EPSG:4326 unknown to GDAL/PROJ");
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);  // lon, lat, as QGIS writes them
  }
  const QByteArray tableName = name.toUtf8();
  OGRLayerH layer = GDALDatasetCreateLayer(m_dataset, tableName.constData(), srs.get(),
                                           static_cast<OGRwkbGeometryType>(wkbType), nullptr);
  if (!layer) fail(name, "cannot create the table");
  std::vector<OGRFieldType> types;
  for (const QgsField& field : fields) {
    bool known = false;
    const OGRFieldType type = ogrType(field, known);
    if (!known) fail(name, "a field of a type the writer does not know");
    const QByteArray fieldName = field.name().toUtf8();
    OGRFieldDefnH defn = OGR_Fld_Create(fieldName.constData(), type);
    const OGRErr err = OGR_L_CreateField(layer, defn, TRUE);
    OGR_Fld_Destroy(defn);
    if (err != OGRERR_NONE) fail(name, "cannot create a field");
    types.push_back(type);
  }
  if (GDALDatasetStartTransaction(m_dataset, FALSE) != OGRERR_NONE) fail(name, "cannot start a transaction");
  // A table that fails is rolled back at once, so that nothing later (the close) runs inside it.
  struct Rollback {
    void* dataset;
    bool armed = true;
    ~Rollback() {
      if (armed) GDALDatasetRollbackTransaction(dataset);
    }
  } rollback{m_dataset};
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  QgsAttributes values;
  for (std::size_t r = 0; r < rows; ++r) {
    FeaturePtr feature(OGR_F_Create(defn));
    values.clear();
    void* geometry = nullptr;  // an OGRGeometryH
    row(r, values, geometry);
    if (geometry) OGR_F_SetGeometryDirectly(feature.get(), static_cast<OGRGeometryH>(geometry));
    if (values.size() != static_cast<int>(types.size()))
      fail(name, "a row whose values do not match the fields");
    for (int i = 0; i < values.size(); ++i)
      setField(feature.get(), i, types[static_cast<std::size_t>(i)], values.at(i));
    if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE) fail(name, "cannot write a feature");
  }
  rollback.armed = false;  // committed or, if the commit fails, rolled back by SQLite
  if (GDALDatasetCommitTransaction(m_dataset) != OGRERR_NONE) fail(name, "cannot commit the table");
}

void GeoPackageWriter::addIndex(const QString& table, const QString& column) {
  const GdalDiagnostics diagnostics;
  CPLErrorReset();
  const QString sql = QStringLiteral("CREATE INDEX \"%1_%2_index\" ON \"%1\" (\"%2\")").arg(table, column);
  OGRLayerH none = GDALDatasetExecuteSQL(m_dataset, sql.toUtf8().constData(), nullptr, nullptr);
  if (none) GDALDatasetReleaseResultSet(m_dataset, none);
  if (CPLGetLastErrorType() >= CE_Failure) fail(table, "cannot index the table");
}

void GeoPackageWriter::addCandidates(const Results& results) {
  const bool robust = hasRobustness(results);
  writeTable(schema::name(schema::kCandidates), wkbPoint, candidateFields(results), results.parks.size(),
             [&](std::size_t i, QgsAttributes& values, void*& geometry) {
               const ParkResult& park = results.parks[i];
               values = candidateAttributes(results, park, robust);
               if (std::isnan(park.lon) || std::isnan(park.lat)) return;
               OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
               OGR_G_SetPoint_2D(point, 0, park.lon, park.lat);
               geometry = point;
             });
  addIndex(schema::name(schema::kCandidates), QStringLiteral("rank"));
}

void GeoPackageWriter::writeRegionTable(const QString& name, const QgsFields& fields,
                                        const std::vector<Region>& regions,
                                        const std::function<QgsAttributes(const Region&)>& values) {
  writeTable(
      name, wkbMultiPolygon, fields, regions.size(), [&](std::size_t i, QgsAttributes& row, void*& geometry) {
        const Region& region = regions[i];
        row = values(region);
        if (region.wkb.empty()) return;
        // As multiGeometry gives QGIS: a polygon becomes a one-part MultiPolygon.
        OGRGeometryH read = nullptr;
        if (OGR_G_CreateFromWkb(region.wkb.data(), nullptr, &read, static_cast<int>(region.wkb.size())) !=
            OGRERR_NONE)
          fail(name, "a geometry OGR cannot read");
        if (wkbFlatten(OGR_G_GetGeometryType(read)) != wkbMultiPolygon)
          read = OGR_G_ForceToMultiPolygon(read);
        geometry = read;
      });
}

void GeoPackageWriter::addRegions(const Inputs& inputs, const Results& results) {
  const std::vector<std::string> columns = regionColumns(inputs);
  writeRegionTable(schema::name(schema::kRegions), regionFields(columns), inputs.regions,
                   [&](const Region& r) { return regionAttributes(r, columns, results.sourceRegionId); });
  addIndex(schema::name(schema::kRegions), QStringLiteral("id"));
}

void GeoPackageWriter::addRegionEffects(const Inputs& inputs, const Results& results) {
  writeRegionTable(schema::name(schema::kRegionEffects), regionEffectFields(), inputs.regions,
                   [&](const Region& r) { return regionEffectAttributes(r, results); });
  addIndex(schema::name(schema::kRegionEffects), QStringLiteral("id"));
}

void GeoPackageWriter::addLayer(QgsVectorLayer* layer) {
  const QgsWkbTypes::Type type = layer->wkbType();
  // The result layers are 2D points, lines and multipolygons or tables (their WKB codes are OGR's).
  if (QgsWkbTypes::hasZ(type) || QgsWkbTypes::hasM(type)) fail(layer->name(), "a layer with Z or M values");
  const int wkbType = type == QgsWkbTypes::NoGeometry ? static_cast<int>(wkbNone)
                                                      : static_cast<int>(QgsWkbTypes::flatType(type));
  if (layer->featureCount() < 0) fail(layer->name(), "a layer that cannot count its features");
  QgsFeatureIterator it = layer->getFeatures();
  QgsFeature feature;
  writeTable(layer->name(), wkbType, layer->fields(), static_cast<std::size_t>(layer->featureCount()),
             [&](std::size_t, QgsAttributes& values, void*& geometry) {
               if (!it.nextFeature(feature)) fail(layer->name(), "fewer features than counted");
               values = feature.attributes();
               if (!feature.hasGeometry()) return;
               const QByteArray wkb = feature.geometry().asWkb();
               OGRGeometryH read = nullptr;
               if (OGR_G_CreateFromWkb(wkb.constData(), nullptr, &read, wkb.size()) != OGRERR_NONE)
                 fail(layer->name(), "a geometry OGR cannot read");
               geometry = read;
             });
  if (it.nextFeature(feature)) fail(layer->name(), "more features than counted");
}

void GeoPackageWriter::close() {
  const GdalDiagnostics diagnostics;
  CPLErrorReset();
  GDALClose(m_dataset);  // the spatial indexes are built here and the file completed
  m_dataset = nullptr;
  if (CPLGetLastErrorType() >= CE_Failure) fail(QStringLiteral("GeoPackage"), CPLGetLastErrorMsg());
}

}  // namespace clustershift::layers::detail
