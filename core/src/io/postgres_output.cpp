// publishResultsToPostgres: GeoPackage layers, tables and QGIS styles -> one PostgreSQL schema,
// in one transaction (PostgreSQL DDL is transactional, so a rollback also drops created tables).
#include "clustershift/postgres_output.h"

#include <cpl_error.h>
#include <cpl_string.h>

#include <map>
#include <regex>

#include "clustershift/error.h"
#include "clustershift/geopackage_styles.h"
#include "clustershift/util.h"
#include "io/ogr.h"
#include "io/postgres.h"

namespace clustershift {
namespace {

using detail::DatasetPtr;
using detail::FeaturePtr;

/// Runs one statement in the open transaction; throws IoError with the server's message.
void execute(GDALDatasetH pg, const std::string& sql, const std::string& where) {
  CPLErrorReset();
  OGRLayerH result = GDALDatasetExecuteSQL(pg, sql.c_str(), nullptr, nullptr);
  if (result) GDALDatasetReleaseResultSet(pg, result);
  if (CPLGetLastErrorType() >= CE_Failure) throw IoError(where + ": " + CPLGetLastErrorMsg());
}

/// The first column of the first row of a query ("" when none).
std::string queryValue(GDALDatasetH pg, const std::string& sql, const std::string& where) {
  CPLErrorReset();
  OGRLayerH result = GDALDatasetExecuteSQL(pg, sql.c_str(), nullptr, nullptr);
  if (!result) throw IoError(where + ": " + CPLGetLastErrorMsg());
  std::string value;
  if (OGRFeatureH raw = OGR_L_GetNextFeature(result)) {
    value = OGR_F_GetFieldAsString(raw, 0);
    OGR_F_Destroy(raw);
  }
  GDALDatasetReleaseResultSet(pg, result);
  return value;
}

/// Copies one GeoPackage layer into schema.name (replacing a table of that name). Returns the rows copied.
long long copyLayer(GDALDatasetH pg, OGRLayerH source, const std::string& schema, const std::string& where) {
  const std::string name = OGR_L_GetName(source);
  const OGRwkbGeometryType type = OGR_L_GetGeomType(source);
  CPLStringList options;
  options.AddNameValue("OVERWRITE", "YES");
  options.AddNameValue("LAUNDER", "NO");    // the styles refer to the GeoPackage's field names
  options.AddNameValue("PRECISION", "NO");  // no numeric(w,p) narrowing of the scores
  options.AddNameValue("FID", "fid");
  if (type != wkbNone) options.AddNameValue("GEOMETRY_NAME", "geom");
  CPLErrorReset();
  OGRLayerH target = GDALDatasetCreateLayer(pg, (schema + "." + name).c_str(), OGR_L_GetSpatialRef(source),
                                            type, options.List());
  if (!target) throw IoError(where + ": cannot create the table (" + std::string(CPLGetLastErrorMsg()) + ")");
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(source);
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    if (OGR_L_CreateField(target, OGR_FD_GetFieldDefn(defn, i), TRUE) != OGRERR_NONE)
      throw IoError(where + ": cannot create column '" + OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)) +
                    "' (" + CPLGetLastErrorMsg() + ")");
  }
  long long rows = 0;
  OGR_L_ResetReading(source);
  while (OGRFeatureH raw = OGR_L_GetNextFeature(source)) {
    FeaturePtr from(raw);
    FeaturePtr to(OGR_F_Create(OGR_L_GetLayerDefn(target)));
    auto copy = static_cast<OGRFeatureH>(to.get());
    OGR_F_SetFrom(copy, raw, TRUE);
    OGR_F_SetFID(copy, OGR_F_GetFID(raw));
    if (OGR_L_CreateFeature(target, copy) != OGRERR_NONE)
      throw IoError(where + " fid=" + std::to_string(static_cast<long long>(OGR_F_GetFID(raw))) +
                    ": cannot write (" + CPLGetLastErrorMsg() + ")");
    ++rows;
  }
  CPLErrorReset();
  if (OGR_L_SyncToDisk(target) != OGRERR_NONE || CPLGetLastErrorType() >= CE_Failure)
    throw IoError(where + ": cannot write (" + std::string(CPLGetLastErrorMsg()) + ")");
  return rows;
}

// The columns the QGIS PostgreSQL provider gives layer_styles when it creates it.
constexpr const char* kCreateLayerStyles =
    "CREATE TABLE layer_styles(id SERIAL PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, "
    "f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, "
    "useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml, "
    "update_time timestamp DEFAULT CURRENT_TIMESTAMP)";

std::string xmlValue(const std::string& text) {
  return text.empty() ? std::string("NULL") : "XMLPARSE(DOCUMENT " + util::sqlLiteral(text) + ")";
}

}  // namespace

std::vector<PublishedTable> publishResultsToPostgres(const std::string& geopackage,
                                                     const std::string& connection,
                                                     const std::string& schema) {
  detail::ensureGdal();
  if (!detail::isPostgresPath(connection))
    throw InputError("--out-db: '" + connection +
                     "' is not a PostgreSQL connection (expected e.g. PG:service=planning)");
  const std::string server = "PostgreSQL " + detail::describeConnection(connection);
  if (detail::hasPassword(connection)) throw InputError(server + ": " + detail::passwordAdvice());
  static const std::regex plain("^[a-z_][a-z0-9_]{0,62}$");
  if (!std::regex_match(schema, plain) || schema.rfind("pg_", 0) == 0) {
    throw InputError(server + ": schema '" + schema +
                     "': use a plain lower-case name (letters, digits, _; not starting with a digit or pg_)");
  }
  const std::string inSchema = server + ", schema '" + schema + "'";

  detail::GdalErrorCapture capture;
  const char* const gpkgDriver[] = {"GPKG", nullptr};
  DatasetPtr gpkg(
      GDALOpenEx(geopackage.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, gpkgDriver, nullptr, nullptr));
  if (!gpkg)
    throw IoError(geopackage + ": cannot open the results GeoPackage (" + capture.lastMessage() + ")");
  auto source = static_cast<GDALDatasetH>(gpkg.get());
  const char* const pgDriver[] = {"PostgreSQL", nullptr};
  DatasetPtr db(GDALOpenEx(connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, pgDriver, nullptr, nullptr));
  if (!db) throw IoError(inSchema + ": cannot connect (" + capture.lastMessage() + ")");
  auto pg = static_cast<GDALDatasetH>(db.get());

  if (GDALDatasetStartTransaction(pg, FALSE) != OGRERR_NONE)
    throw IoError(inSchema + ": cannot start a transaction (" + capture.lastMessage() + ")");
  std::vector<PublishedTable> published;
  try {
    execute(pg, "CREATE SCHEMA IF NOT EXISTS " + util::sqlIdentifier(schema),
            inSchema + ": cannot create the schema");
    const std::map<std::string, GeoPackageStyle> styles = readGeoPackageStyles(source);
    std::map<std::string, bool> spatial;
    for (int i = 0; i < GDALDatasetGetLayerCount(source); ++i) {
      OGRLayerH layer = GDALDatasetGetLayer(source, i);
      const std::string name = OGR_L_GetName(layer);
      if (name == "layer_styles") continue;
      PublishedTable table{name, copyLayer(pg, layer, schema, inSchema + ", table '" + name + "'"), false};
      spatial[name] = OGR_L_GetGeomType(layer) != wkbNone;
      published.push_back(table);
    }
    if (!styles.empty()) {
      const std::string where = inSchema + ": layer_styles";
      // Unqualified, as QGIS names it: the table the colleague's QGIS will read.
      if (queryValue(pg,
                     "SELECT CASE WHEN to_regclass('layer_styles') IS NULL THEN 'missing' ELSE 'found' END",
                     where) == "missing")
        execute(pg, kCreateLayerStyles, where + ": cannot create it");
      for (PublishedTable& table : published) {
        const auto style = styles.find(table.name);
        if (style == styles.end()) continue;
        const GeoPackageStyle& s = style->second;
        const std::string key =
            "f_table_catalog = current_database() AND f_table_schema = " + util::sqlLiteral(schema) +
            " AND f_table_name = " + util::sqlLiteral(table.name);
        execute(pg, "DELETE FROM layer_styles WHERE " + key + " AND stylename = " + util::sqlLiteral(s.name),
                where + " (table '" + table.name + "')");
        if (s.isDefault) execute(pg, "UPDATE layer_styles SET useasdefault = false WHERE " + key, where);
        execute(pg,
                "INSERT INTO layer_styles(f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                "stylename, "
                "styleqml, stylesld, useasdefault, description, owner, ui, update_time) VALUES "
                "(current_database(), " +
                    util::sqlLiteral(schema) + ", " + util::sqlLiteral(table.name) + ", " +
                    (spatial[table.name] ? "'geom'" : "NULL") + ", " + util::sqlLiteral(s.name) + ", " +
                    xmlValue(s.qml) + ", " + xmlValue(s.sld) + ", " + (s.isDefault ? "true" : "false") +
                    ", " + util::sqlLiteral(s.description) + ", CURRENT_USER, " + xmlValue(s.ui) +
                    ", CURRENT_TIMESTAMP)",
                where + " (table '" + table.name + "')");
        table.styled = true;
      }
    }
  } catch (...) {
    GDALDatasetRollbackTransaction(pg);
    throw;
  }
  if (GDALDatasetCommitTransaction(pg) != OGRERR_NONE) {
    GDALDatasetRollbackTransaction(pg);
    throw IoError(inSchema + ": the transaction did not commit (" + capture.lastMessage() + ")");
  }
  return published;
}

}  // namespace clustershift
