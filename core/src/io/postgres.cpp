#include "io/postgres.h"

#include <cpl_string.h>

#include <algorithm>
#include <cctype>
#include <regex>

#include "clustershift/error.h"
#include "clustershift/util.h"

namespace clustershift::detail {

bool isPostgresPath(const std::string& path) { return path.rfind("PG:", 0) == 0; }

bool hasPassword(const std::string& connection) {
  // Keyword form (libpq conninfo): "password = x" anywhere; URI form: scheme://user:secret@host.
  static const std::regex keyword(R"((^|[\s:])password\s*=)", std::regex::icase);
  static const std::regex uri(R"(postgres(ql)?://[^/@\s]*:[^/@\s]*@)", std::regex::icase);
  return std::regex_search(connection, keyword) || std::regex_search(connection, uri);
}

std::string passwordAdvice() {
  return "a password must not be stored in a scenario or on the command line; put it in "
         "~/.pgpass (or the file named by PGPASSFILE), in the service's entry of pg_service.conf "
         "(PGSERVICEFILE), or in the PGPASSWORD environment variable";
}

std::string describeConnection(const std::string& connection) {
  static const std::regex service(R"((^|[\s:])service\s*=\s*([^\s]+))");
  std::smatch match;
  if (std::regex_search(connection, match, service)) return "service '" + match[2].str() + "'";
  // Never repeat a password, even one given by mistake.
  static const std::regex keyword(R"(((^|[\s:])password\s*=\s*)[^\s]*)", std::regex::icase);
  static const std::regex uri(R"((postgres(ql)?://[^/@\s:]*:)[^/@\s]*@)", std::regex::icase);
  std::string text = std::regex_replace(connection, keyword, "$1…");
  text = std::regex_replace(text, uri, "$1…@");
  return isPostgresPath(text) ? text.substr(3) : text;
}

namespace {

/// Text rows of a one-column query, empty on failure.
std::vector<std::string> queryColumn(GDALDatasetH ds, const std::string& sql) {
  std::vector<std::string> values;
  OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
  if (!result) return values;
  while (OGRFeatureH f = OGR_L_GetNextFeature(result)) {
    values.emplace_back(OGR_F_GetFieldAsString(f, 0));
    OGR_F_Destroy(f);
  }
  GDALDatasetReleaseResultSet(ds, result);
  return values;
}

}  // namespace

OgrSource openPostgres(const DataSource& source, const std::string& what) {
  ensureGdal();
  const std::string connection = describeConnection(source.path);
  if (hasPassword(source.path))
    throw InputError(what + ": PostgreSQL " + connection + ": " + passwordAdvice());
  if (source.layer.empty()) {
    throw InputError(what + ": PostgreSQL " + connection +
                     ": no table given (set \"schema\" and \"table\", or \"layer\": \"schema.table\")");
  }
  const std::size_t dot = source.layer.find('.');
  const std::string schema = dot == std::string::npos ? "public" : source.layer.substr(0, dot);
  const std::string table = dot == std::string::npos ? source.layer : source.layer.substr(dot + 1);
  const std::string where =
      what + ": PostgreSQL " + connection + ", schema '" + schema + "', table '" + table + "'";

  // Only the named table is listed, so opening does not scan a large database.
  CPLStringList options;
  options.AddNameValue("TABLES", source.layer.c_str());
  const char* const drivers[] = {"PostgreSQL", nullptr};
  GdalErrorCapture capture;
  GDALDatasetH ds =
      GDALOpenEx(source.path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, options.List(), nullptr);
  if (!ds) {
    std::string message = capture.lastMessage();
    message.erase(
        std::find_if(message.rbegin(), message.rend(), [](unsigned char c) { return !std::isspace(c); })
            .base(),
        message.end());
    throw IoError(where + ": cannot connect" + (message.empty() ? "" : " (" + message + ")"));
  }
  OgrSource out;
  out.dataset.reset(ds);
  out.driver = "PostgreSQL";
  out.recodeFrom.clear();  // the server converts to the client encoding (UTF-8)
  out.layer = GDALDatasetGetLayerByName(ds, source.layer.c_str());
  if (!out.layer) {
    const std::vector<std::string> schemas =
        queryColumn(ds, "SELECT nspname FROM pg_namespace WHERE nspname = " + util::sqlLiteral(schema));
    if (schemas.empty()) throw IoError(where + ": the schema does not exist");
    const std::vector<std::string> tables =
        queryColumn(ds, "SELECT table_name FROM information_schema.tables WHERE table_schema = " +
                            util::sqlLiteral(schema) + " ORDER BY table_name");
    std::string list;
    for (const std::string& t : tables) list += (list.empty() ? "" : ", ") + t;
    throw IoError(where + ": no such table (tables in the schema: " + (list.empty() ? "none" : list) + ")");
  }
  out.fileName = "PostgreSQL " + connection;
  out.layerName = schema + "." + table;
  out.label = out.layerName + " (" + out.fileName + ")";
  out.tableLabel = out.label;
  out.rowIdPrefix = "fid=";
  OGR_L_ResetReading(out.layer);
  return out;
}

}  // namespace clustershift::detail
