#pragma once
// PostgreSQL/PostGIS tables as scenario data sources (OGR's PostgreSQL driver).
// Credentials never come from the scenario: libpq reads them from pg_service.conf
// (PGSERVICEFILE), ~/.pgpass (PGPASSFILE) or the environment (PGPASSWORD, PGUSER...).
#include <string>

#include "clustershift/scenario.h"
#include "io/ogr.h"

namespace clustershift::detail {

/// True for an OGR PostgreSQL connection string ("PG:service=planning", "PG:dbname=gis host=…").
bool isPostgresPath(const std::string& path);

/// True when a connection string carries a password (`password=…` or a URI with user:password@).
bool hasPassword(const std::string& connection);

/// Where a password goes instead of the scenario or the command line.
std::string passwordAdvice();

/// How messages name a connection: "service 'planning'" or the connection string without "PG:".
std::string describeConnection(const std::string& connection);

/// Opens source.layer ("schema.table", or "table" in the search path) of the database named by
/// source.path read-only. Messages name the service (or connection), the schema and the table.
/// Throws InputError for a password in the connection string or a missing table name, IoError
/// when the server cannot be reached or the table does not exist (listing the schema's tables).
OgrSource openPostgres(const DataSource& source, const std::string& what);

}  // namespace clustershift::detail
