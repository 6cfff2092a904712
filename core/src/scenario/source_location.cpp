#include "scenario/source_location.h"

#include <filesystem>

#include "io/postgres.h"
#include "io/spreadsheet.h"

namespace clustershift::detail {

const std::vector<std::string>& sourceLocationKeys() {
  static const std::vector<std::string> kKeys = {"path",    "layer",  "sheet", "header_row",
                                                 "service", "schema", "table"};
  return kKeys;
}

namespace fs = std::filesystem;
using nlohmann::json;

std::string resolveDataPath(const std::string& path, const std::string& baseDir) {
  if (path.empty()) return path;
  // GDAL virtual file systems, database connections and URLs stay as they are.
  if (path.rfind("/vsi", 0) == 0 || isPostgresPath(path) || path.find("://") != std::string::npos)
    return path;
  fs::path p(path);
  if (p.is_absolute() || baseDir.empty()) return p.lexically_normal().string();
  return (fs::path(baseDir) / p).lexically_normal().string();
}

void parseSourceLocation(JsonReader& r, const json& j, const std::string& path, const std::string& baseDir,
                         DataSource& out) {
  if (j.contains("password")) r.fail(joinPath(path, "password"), passwordAdvice(), "password_in_scenario");
  const std::optional<std::string> file = r.string(j, path, "path");
  const std::optional<std::string> service = r.string(j, path, "service");
  if (file && service) {
    r.fail(joinPath(path, "service"), "give either \"path\" or \"service\", not both", "either_not_both",
           {{"a", "path"}, {"b", "service"}});
  } else if (!file && !service) {
    r.fail(joinPath(path, "path"),
           "missing required key (a file, a \"PG:\" connection string, or \"service\")",
           "missing_source_path");
  } else if (file && file->empty()) {
    r.fail(joinPath(path, "path"), "must not be empty", "must_not_be_empty");
  } else if (service && service->empty()) {
    r.fail(joinPath(path, "service"), "must not be empty", "must_not_be_empty");
  } else if (file && hasPassword(*file)) {
    r.fail(joinPath(path, "path"), "contains a password; " + passwordAdvice(), "password_in_scenario");
  } else {
    out.path = file ? resolveDataPath(*file, baseDir) : "PG:service=" + *service;
  }
  const bool database = service || (file && isPostgresPath(*file));

  const std::optional<std::string> layer = r.string(j, path, "layer");
  const std::optional<std::string> sheet = r.string(j, path, "sheet");
  const std::optional<std::string> schema = r.string(j, path, "schema");
  const std::optional<std::string> table = r.string(j, path, "table");
  if (layer) out.layer = *layer;
  if (sheet) {
    if (layer)
      r.fail(joinPath(path, "sheet"), "give either \"layer\" or \"sheet\", not both", "either_not_both",
             {{"a", "layer"}, {"b", "sheet"}});
    else if (database)
      r.fail(joinPath(path, "sheet"), "a database table has no sheets (use \"schema\" and \"table\")",
             "database_has_no_sheets");
    else
      out.layer = *sheet;
  }
  if ((schema || table) && !database) {
    r.fail(joinPath(path, schema ? "schema" : "table"),
           "only for a PostgreSQL source (\"service\" or a \"PG:\" path); a file names its layer with "
           "\"layer\"",
           "only_for_database");
  } else if (schema && !table) {
    r.fail(joinPath(path, "table"), "missing required key (the table in schema '" + *schema + "')",
           "missing_table", {{"schema", *schema}});
  } else if (table) {
    if (layer)
      r.fail(joinPath(path, "layer"), "give either \"layer\" or \"schema\" and \"table\", not both",
             "either_not_both", {{"a", "layer"}, {"b", "schema + table"}});
    else if (table->empty() || (schema && schema->empty()))
      r.fail(joinPath(path, "table"), "must not be empty", "must_not_be_empty");
    else
      out.layer = (schema ? *schema : std::string("public")) + "." + *table;
  } else if (database && !layer) {
    r.fail(joinPath(path, "table"),
           "missing required key (a PostgreSQL source names \"schema\" and \"table\")", "missing_table");
  }
  if (const std::optional<long long> header = r.integer(j, path, "header_row")) {
    if (*header < 1)
      r.fail(joinPath(path, "header_row"), "must be a row number (1 or more)", "out_of_bounds",
             {{"range", ">= 1"}});
    else if (!file || !isSpreadsheetPath(*file))
      r.fail(joinPath(path, "header_row"), "only for .xlsx and .ods tables", "only_for_spreadsheets");
    else
      out.headerRow = *header;
  }
}

void sourceLocationJson(const DataSource& d, json& j) {
  j["path"] = d.path;
  if (!d.layer.empty()) j["layer"] = d.layer;
  if (d.headerRow > 0) j["header_row"] = d.headerRow;
}

}  // namespace clustershift::detail
