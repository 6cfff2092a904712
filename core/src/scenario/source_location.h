#pragma once
// Where a scenario data block's data lives: a file (path, layer or sheet, header_row) or a
// PostgreSQL table (a "PG:" path, or service + schema + table). Never a password.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clustershift/scenario.h"
#include "scenario/json_reader.h"

namespace clustershift::detail {

/// The keys parseSourceLocation reads, in the order "unknown key (allowed: …)" lists them.
const std::vector<std::string>& sourceLocationKeys();

/// A relative file path joined to the scenario folder; PG:, /vsi… and URLs unchanged.
std::string resolveDataPath(const std::string& path, const std::string& baseDir);

/// Reads path | service, layer | sheet | schema + table, header_row into out.path, out.layer and
/// out.headerRow. A service becomes path "PG:service=NAME"; schema + table become layer
/// "schema.table" (schema "public" when only table is given). Problems, located by JSON path:
/// neither or both of path and service; a password in a connection string or a "password" key
/// (the message says where to put it); schema/table on a file; layer together with sheet or
/// table; header_row below 1 or on something else than a spreadsheet.
void parseSourceLocation(JsonReader& r, const nlohmann::json& j, const std::string& path,
                         const std::string& baseDir, DataSource& out);

/// The location keys of d as the scenario file spells them back (path, layer, header_row).
void sourceLocationJson(const DataSource& d, nlohmann::json& j);

}  // namespace clustershift::detail
