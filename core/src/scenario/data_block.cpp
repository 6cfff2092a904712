// The scenario's "data" block: where regions, parks, tables and zones live and which of
// their fields hold the columns the model reads.
#include <algorithm>
#include <optional>

#include "clustershift/data.h"
#include "scenario/block.h"
#include "scenario/blocks.h"
#include "scenario/source_location.h"

namespace clustershift {

std::string DataSource::field(const std::string& coreColumn) const {
  auto it = fields.find(coreColumn);
  return it == fields.end() || it->second.empty() ? coreColumn : it->second;
}

namespace detail {
namespace {

using nlohmann::json;

/// The block of one data source. Only parks carry "coordinates" (the datum of their points);
/// `fieldKeys` are the core columns its "fields" map may rename; baseDir resolves relative
/// paths (not used for writing).
Block<DataSource> sourceBlock(const std::vector<std::string>& fieldKeys, bool withCoordinates,
                              const std::string& baseDir) {
  std::vector<Field<DataSource>> fields = {
      {sourceLocationKeys(),
       [baseDir](JsonReader& r, const json& j, const std::string& path, const char*, DataSource& d) {
         parseSourceLocation(r, j, path, baseDir, d);
       },
       [](const DataSource& d, json& out, const char*) { sourceLocationJson(d, out); }},
      {{"encoding"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, DataSource& d) {
         if (auto enc = r.string(j, path, key)) d.encoding = *enc;
       },
       writeUnlessEmpty(&DataSource::encoding)}};
  if (withCoordinates)
    fields.push_back(choiceField("coordinates", &DataSource::coordinates, {"wgs84", "gcj02", "bd09"}));
  fields.push_back(
      {{"fields"},
       [fieldKeys](JsonReader& r, const json& j, const std::string& path, const char* key, DataSource& d) {
         const json* map = r.child(j, path, key);
         if (!map) return;
         const std::string fieldsPath = joinPath(path, key);
         for (auto it = map->begin(); it != map->end(); ++it) {
           const std::string keyPath = joinPath(fieldsPath, it.key());
           if (std::find(fieldKeys.begin(), fieldKeys.end(), it.key()) == fieldKeys.end()) {
             r.fail(keyPath, "unknown column (allowed: " + joinList(fieldKeys) + ")", "unknown_column",
                    {{"allowed", joinList(fieldKeys)}});
             continue;
           }
           if (!it->is_string() || it->get<std::string>().empty()) {
             r.fail(keyPath, "expected a field name, got " + describeJson(*it), "expected_type",
                    {{"expected", "field_name"}, {"got", describeJson(*it)}});
             continue;
           }
           d.fields[it.key()] = it->get<std::string>();
         }
       },
       [](const DataSource& d, json& out, const char* key) {
         if (d.fields.empty()) return;
         json map = json::object();
         for (const auto& [k, v] : d.fields) map[k] = v;
         out[key] = map;
       }});
  return Block<DataSource>(std::move(fields));
}

void readSource(JsonReader& r, const json& j, const std::string& path, const Block<DataSource>& block,
                DataSource& out) {
  if (!r.object(j, path)) return;
  json keys = j;
  keys.erase("password");  // never allowed, but reported by parseSourceLocation with where to put it
  block.checkKeys(r, keys, path);
  block.readFields(r, j, path, out);
}

/// A required source (regions, parks).
Field<DataSources> required(const char* key, DataSource DataSources::*member,
                            const std::vector<std::string>& fieldKeys, bool withCoordinates,
                            const std::string& baseDir) {
  return {{key},
          [=](JsonReader& r, const json& j, const std::string& path, const char* k, DataSources& d) {
            if (!j.contains(k))
              r.fail(joinPath(path, k), "missing required key", "missing_key");
            else
              readSource(r, j.at(k), joinPath(path, k), sourceBlock(fieldKeys, withCoordinates, baseDir),
                         d.*member);
          },
          [=](const DataSources& d, json& out, const char* k) {
            out[k] = sourceBlock(fieldKeys, withCoordinates, "").write(d.*member);
          }};
}

/// An optional table or layer; null = absent.
Field<DataSources> optional(const char* key, std::optional<DataSource> DataSources::*member,
                            std::vector<std::string> fieldKeys, const std::string& baseDir) {
  return {{key},
          [=](JsonReader& r, const json& j, const std::string& path, const char* k, DataSources& d) {
            if (!j.contains(k) || j.at(k).is_null()) return;
            DataSource ds;
            readSource(r, j.at(k), joinPath(path, k), sourceBlock(fieldKeys, false, baseDir), ds);
            d.*member = ds;
          },
          [=](const DataSources& d, json& out, const char* k) {
            if (d.*member) out[k] = sourceBlock(fieldKeys, false, "").write(*(d.*member));
          }};
}

Block<DataSources> dataBlock(const std::string& baseDir) {
  return Block<DataSources>(
      {required("regions", &DataSources::regions, regionFieldKeys(), false, baseDir),
       required("parks", &DataSources::parks, parkFieldKeys(), true, baseDir),
       optional("industry_output", &DataSources::industryOutput, {"region_id"}, baseDir),
       optional("io_table", &DataSources::ioTable, {"sector"}, baseDir),
       optional("exclusions", &DataSources::exclusions, {"id", "name"}, baseDir),
       optional("roads", &DataSources::roads, {"class", "speed_kmh"}, baseDir)});
}

}  // namespace

void readData(JsonReader& r, const json& j, const std::string& path, const std::string& baseDir,
              DataSources& out) {
  dataBlock(baseDir).read(r, j, path, out);
}

json dataJson(const DataSources& d) { return dataBlock("").write(d); }

}  // namespace detail
}  // namespace clustershift
