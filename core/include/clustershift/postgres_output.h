#pragma once
// Publishing a run's results into a shared PostgreSQL/PostGIS database.
#include <string>
#include <vector>

namespace clustershift {

/// One table written by publishResultsToPostgres.
struct PublishedTable {
  std::string name;     ///< table name in the schema ("candidate_scores")
  long long rows = 0;   ///< features / rows copied
  bool styled = false;  ///< a QGIS style was stored for it in layer_styles
};

/// Copies every layer and table of a results GeoPackage (written by layers::writeOutputs) into
/// `schema` of the database named by `connection` ("PG:service=planning" or another libpq
/// connection string without a password), and its QGIS styles into `layer_styles` the way the
/// QGIS PostgreSQL provider stores them (the table found through the search path, created with
/// QGIS's columns when missing; f_table_catalog = the database, f_geometry_column = "geom" or
/// NULL), so a layer opened from the database in QGIS comes styled.
/// Everything happens in one transaction: the schema is created when missing, tables of the same
/// name are replaced, earlier styles of the same name for them are replaced. On any failure the
/// transaction is rolled back and the database is left as it was.
/// Throws InputError (a password in the connection string; a schema name that is not a plain
/// lower-case identifier) or IoError naming the connection (service), the schema and the table.
std::vector<PublishedTable> publishResultsToPostgres(const std::string& geopackage,
                                                     const std::string& connection,
                                                     const std::string& schema);

}  // namespace clustershift
