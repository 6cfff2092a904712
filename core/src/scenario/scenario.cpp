// Scenario JSON (version 1): parse with every problem located by its JSON path, resolve
// data paths against the scenario folder, load cluster presets, serialise back.
#include "clustershift/scenario.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "clustershift/criterion.h"
#include "clustershift/methods.h"
#include "clustershift/data.h"
#include "clustershift/effects.h"
#include "clustershift/error.h"
#include "scenario/candidates.h"
#include "scenario/json_reader.h"
#include "scenario/source_location.h"
#include "util/format.h"

namespace clustershift {

using nlohmann::json;
namespace fs = std::filesystem;
using detail::indexPath;
using detail::joinPath;
using detail::JsonReader;

std::string DataSource::field(const std::string& coreColumn) const {
  auto it = fields.find(coreColumn);
  return it == fields.end() || it->second.empty() ? coreColumn : it->second;
}

std::string toString(TransferMode mode) {
  switch (mode) {
    case TransferMode::Complete: return "complete";
    case TransferMode::Partial: return "partial";
    case TransferMode::Replication: return "replication";
  }
  return "complete";
}

TransferMode transferModeFromString(const std::string& text) {
  if (text == "complete") return TransferMode::Complete;
  if (text == "partial") return TransferMode::Partial;
  if (text == "replication") return TransferMode::Replication;
  throw InputError("unknown transfer mode '" + text + "' (known: complete, partial, replication)");
}

std::string toString(Direction direction) {
  return direction == Direction::Benefit ? "benefit" : "cost";
}

std::string Scenario::titleFor(const std::string& language) const {
  auto it = title.find(language);
  if (it != title.end() && !it->second.empty()) return it->second;
  for (const char* fallback : {"en", "zh_CN"}) {
    it = title.find(fallback);
    if (it != title.end() && !it->second.empty()) return it->second;
  }
  for (const auto& [lang, text] : title) {
    if (!text.empty()) return text;
  }
  return name;
}

std::vector<const Segment*> Scenario::movedSegmentList() const {
  std::vector<const Segment*> moved;
  if (mode != TransferMode::Partial) {
    for (const Segment& s : cluster.segments) moved.push_back(&s);
    return moved;
  }
  if (movedSegments.empty()) {
    for (const Segment& s : cluster.segments) {
      if (s.movable) moved.push_back(&s);
    }
    return moved;
  }
  for (const Segment& s : cluster.segments) {
    if (std::find(movedSegments.begin(), movedSegments.end(), s.id) != movedSegments.end()) {
      moved.push_back(&s);
    }
  }
  return moved;
}

namespace {

const std::vector<std::string> kRegionFieldKeys = [] {
  std::vector<std::string> keys = {"id", "name", "name_zh", "province"};
  for (const std::string& c : regionColumns()) keys.push_back(c);
  return keys;
}();
const std::vector<std::string> kParkFieldKeys = [] {
  std::vector<std::string> keys = {"id", "name", "name_zh", "level", "lead_industries"};
  for (const std::string& c : parkColumns()) keys.push_back(c);
  return keys;
}();
const std::vector<std::string> kIndustryFieldKeys = {"region_id"};
const std::vector<std::string> kIoFieldKeys = {"sector"};
const std::vector<std::string> kZoneFieldKeys = {"id", "name"};
const std::vector<std::string> kRoadFieldKeys = {"class", "speed_kmh"};

std::string joinList(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

void parseDataSource(JsonReader& r, const json& j, const std::string& path,
                     const std::string& baseDir, const std::vector<std::string>& fieldKeys,
                     bool allowCoordinates, DataSource& out) {
  if (!r.object(j, path)) return;
  json keys = j;
  keys.erase("password");  // never allowed, but reported by parseSourceLocation with where to put it
  if (allowCoordinates) {
    r.allowedKeys(keys, path, {CLUSTERSHIFT_SOURCE_LOCATION_KEYS, "encoding", "coordinates", "fields"});
  } else {
    r.allowedKeys(keys, path, {CLUSTERSHIFT_SOURCE_LOCATION_KEYS, "encoding", "fields"});
  }
  detail::parseSourceLocation(r, j, path, baseDir, out);
  if (auto enc = r.string(j, path, "encoding")) out.encoding = *enc;
  if (allowCoordinates) {
    if (auto c = r.choice(j, path, "coordinates", {"wgs84", "gcj02", "bd09"})) out.coordinates = *c;
  }
  if (const json* fields = r.child(j, path, "fields")) {
    std::string fieldsPath = joinPath(path, "fields");
    for (auto it = fields->begin(); it != fields->end(); ++it) {
      std::string keyPath = joinPath(fieldsPath, it.key());
      if (std::find(fieldKeys.begin(), fieldKeys.end(), it.key()) == fieldKeys.end()) {
        r.fail(keyPath, "unknown column (allowed: " + joinList(fieldKeys) + ")");
        continue;
      }
      if (!it->is_string() || it->get<std::string>().empty()) {
        r.fail(keyPath, "expected a field name, got " + detail::describeJson(*it));
        continue;
      }
      out.fields[it.key()] = it->get<std::string>();
    }
  }
}

void parseSegment(JsonReader& r, const json& j, const std::string& path, Segment& s) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path,
                {"id", "name", "name_zh", "output_share", "job_share", "va_rate",
                 "knowledge_intensity", "jobs_per_ha", "movable"});
  if (auto v = r.string(j, path, "id", true)) {
    if (v->empty()) r.fail(joinPath(path, "id"), "must not be empty");
    s.id = *v;
  }
  if (auto v = r.string(j, path, "name")) s.name = *v;
  if (auto v = r.string(j, path, "name_zh")) s.nameZh = *v;
  auto unit = [&](const char* key, double& target, bool required) {
    if (auto v = r.number(j, path, key, required)) {
      if (*v < 0 || *v > 1) {
        r.fail(joinPath(path, key), "must be in [0, 1], got " + detail::numberText(*v));
      }
      target = *v;
    }
  };
  unit("output_share", s.outputShare, true);
  unit("job_share", s.jobShare, true);
  unit("va_rate", s.vaRate, true);
  unit("knowledge_intensity", s.knowledgeIntensity, false);
  if (auto v = r.number(j, path, "jobs_per_ha", true)) {
    if (!(*v > 0)) {
      r.fail(joinPath(path, "jobs_per_ha"), "must be > 0, got " + detail::numberText(*v));
    }
    s.jobsPerHa = *v;
  }
  if (auto v = r.boolean(j, path, "movable")) s.movable = *v;
}

void parseProfile(JsonReader& r, const json& j, const std::string& path, ClusterProfile& c) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path,
                {"id", "name", "name_zh", "industry", "output_yuan100m", "jobs", "rd_yuan100m",
                 "segments"});
  if (auto v = r.string(j, path, "id", true)) c.id = *v;
  if (auto v = r.string(j, path, "name")) c.name = *v;
  if (auto v = r.string(j, path, "name_zh")) c.nameZh = *v;
  if (auto v = r.string(j, path, "industry", true)) {
    if (v->empty()) r.fail(joinPath(path, "industry"), "must not be empty");
    c.industry = *v;
  }
  auto positive = [&](const char* key, double& target, bool required, bool allowZero) {
    if (auto v = r.number(j, path, key, required)) {
      if (allowZero ? *v < 0 : !(*v > 0)) {
        r.fail(joinPath(path, key), std::string(allowZero ? "must be >= 0" : "must be > 0") +
                                        ", got " + detail::numberText(*v));
      }
      target = *v;
    }
  };
  positive("output_yuan100m", c.outputYuan100m, true, false);
  positive("jobs", c.jobs, true, false);
  positive("rd_yuan100m", c.rdYuan100m, false, true);
  const json* segments = r.array(j, path, "segments", true);
  if (!segments) return;
  std::string segPath = joinPath(path, "segments");
  if (segments->empty()) {
    r.fail(segPath, "needs at least one segment");
    return;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < segments->size(); ++i) {
    Segment s;
    parseSegment(r, (*segments)[i], indexPath(segPath, i), s);
    if (!s.id.empty() && !ids.insert(s.id).second) {
      r.fail(joinPath(indexPath(segPath, i), "id"), "duplicate segment id '" + s.id + "'");
    }
    c.segments.push_back(s);
  }
  double outputSum = 0, jobSum = 0;
  for (const Segment& s : c.segments) {
    outputSum += s.outputShare;
    jobSum += s.jobShare;
  }
  // Shares are fractions of one cluster: they must add up to 1 (rounding tolerance 0.01).
  constexpr double kTolerance = 0.01;
  auto sumText = [](double v) { return util::formatNumber(v, 4); };
  if (std::fabs(outputSum - 1.0) > kTolerance) {
    r.fail(segPath, "output_share values sum to " + sumText(outputSum) + ", expected 1 (±0.01)");
  }
  if (std::fabs(jobSum - 1.0) > kTolerance) {
    r.fail(segPath, "job_share values sum to " + sumText(jobSum) + ", expected 1 (±0.01)");
  }
}

bool validPresetName(const std::string& name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_' || ch == '-';
  });
}

/// Reads a JSON file (comments allowed). Throws IoError / InputError.
/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string plainJsonMessage(const json::exception& e) {
  std::string text = e.what();
  if (text.rfind("[json.exception.", 0) == 0) {
    const auto close = text.find("] ");
    if (close != std::string::npos) text = text.substr(close + 2);
  }
  return text;
}

/// Largest criterion weight accepted: far above any real use, far below overflow of their sum.
constexpr double kMaxWeight = 1e6;

json readJsonFile(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) throw InputError(path + ": is a folder, not a scenario file (give the .json file)");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open for reading");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
    throw InputError(path + ": is UTF-16 encoded; save it as UTF-8 (JSON files are read as UTF-8)");
  if (text.find('\0') != std::string::npos)
    throw InputError(path + ": contains NUL bytes (UTF-16 or a binary file?); save it as UTF-8 text");
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  try {
    return json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::out_of_range& e) {
    throw InputError(path + ": a number is out of range (" + plainJsonMessage(e) + ")");
  } catch (const json::exception& e) {
    throw InputError(path + ": invalid JSON: " + plainJsonMessage(e));
  }
}

void parseProfileFile(JsonReader& r, const std::string& file, const std::string& path,
                      ClusterProfile& c) {
  json j;
  try {
    j = readJsonFile(file);
  } catch (const Error& e) {
    r.fail(path, e.what());
    return;
  }
  parseProfile(r, j, fs::path(file).filename().string() + ":", c);
}

void parseCluster(JsonReader& r, const json& j, const std::string& path,
                  const std::string& baseDir, Scenario& s) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path, {"preset", "file", "profile"});
  bool hasPreset = j.contains("preset"), hasFile = j.contains("file"),
       hasProfile = j.contains("profile");
  if (hasFile && (hasPreset || hasProfile)) {
    r.fail(path, "give one of preset, file or profile");
    return;
  }
  if (!hasPreset && !hasFile && !hasProfile) {
    r.fail(path, "needs one of preset, file or profile");
    return;
  }
  if (hasPreset) {
    if (auto preset = r.string(j, path, "preset")) {
      s.clusterPreset = *preset;
      // With an inline profile the preset is only a label (what toJson writes).
      if (!hasProfile) {
        if (!validPresetName(*preset)) {
          r.fail(joinPath(path, "preset"), "invalid preset name \"" + *preset + "\"");
          return;
        }
        std::string found;
        std::vector<std::string> searched = presetSearchPath();
        for (const std::string& dir : searched) {
          fs::path candidate = fs::path(dir) / (*preset + ".json");
          std::error_code ec;
          if (fs::is_regular_file(candidate, ec)) {
            found = candidate.string();
            break;
          }
        }
        if (found.empty()) {
          std::set<std::string> known;
          for (const std::string& dir : searched) {
            std::error_code ec;
            for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
              if (it->path().extension() == ".json") known.insert(it->path().stem().string());
            }
          }
          r.fail(joinPath(path, "preset"),
                 "unknown preset \"" + *preset + "\" (known: " +
                     joinList(std::vector<std::string>(known.begin(), known.end())) +
                     "; searched: " + joinList(searched) + ")");
          return;
        }
        parseProfileFile(r, found, joinPath(path, "preset"), s.cluster);
      }
    }
  }
  if (hasFile) {
    if (auto file = r.string(j, path, "file")) {
      parseProfileFile(r, detail::resolveDataPath(*file, baseDir), joinPath(path, "file"), s.cluster);
    }
  }
  if (hasProfile) parseProfile(r, j.at("profile"), joinPath(path, "profile"), s.cluster);
}

void parseValueFunction(JsonReader& r, const json& j, const std::string& path,
                        ValueFunction& vf) {
  static const std::vector<std::string> kTypes = methodNames(valueFunctionTypes());
  if (j.is_string()) {
    std::string type = j.get<std::string>();
    if (std::find(kTypes.begin(), kTypes.end(), type) == kTypes.end()) {
      r.fail(path, "expected one of " + joinList(kTypes) + ", got \"" + type + "\"");
      return;
    }
    vf.type = type;
    if (type == "linear" || type == "sigmoid" || type == "gaussian") {
      r.fail(path, "value function '" + type + "' needs parameters: give an object");
    }
    return;
  }
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path, {"type", "lo", "hi", "mid", "steepness", "target", "width"});
  if (auto t = r.choice(j, path, "type", kTypes, true)) vf.type = *t;
  for (const char* key : {"lo", "hi", "mid", "steepness", "target", "width"}) {
    if (auto v = r.number(j, path, key)) vf.params[key] = *v;
  }
  auto need = [&](const char* key) {
    if (!vf.params.count(key)) r.fail(joinPath(path, key), "required by value function '" + vf.type + "'");
  };
  if (vf.type == "linear") {
    need("lo");
    need("hi");
    if (vf.params.count("lo") && vf.params.count("hi") && vf.params["lo"] == vf.params["hi"]) {
      r.fail(path, "linear value function needs lo != hi");
    }
  } else if (vf.type == "sigmoid") {
    need("mid");
    need("steepness");
  } else if (vf.type == "gaussian") {
    need("target");
    need("width");
    if (vf.params.count("width") && !(vf.params["width"] > 0)) {
      r.fail(joinPath(path, "width"), "must be > 0");
    }
  }
}

void parseCriterion(JsonReader& r, const json& j, const std::string& path, CriterionSpec& c) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path,
                {"id", "enabled", "direction", "value_function", "weight", "min", "max", "params"});
  if (auto id = r.string(j, path, "id", true)) {
    c.id = *id;
    const CriterionRegistry& registry = CriterionRegistry::instance();
    if (!registry.contains(*id)) {
      r.fail(joinPath(path, "id"),
             "unknown criterion '" + *id + "' (known: " + joinList(registry.ids()) + ")");
    }
  }
  if (auto v = r.boolean(j, path, "enabled")) c.enabled = *v;
  if (auto d = r.choice(j, path, "direction", {"benefit", "cost"})) {
    c.direction = *d == "benefit" ? Direction::Benefit : Direction::Cost;
  }
  if (j.contains("value_function") && !j.at("value_function").is_null()) {
    parseValueFunction(r, j.at("value_function"), joinPath(path, "value_function"),
                       c.valueFunction);
  }
  if (auto w = r.number(j, path, "weight")) {
    if (!std::isfinite(*w) || *w < 0) {
      r.fail(joinPath(path, "weight"), "must be >= 0, got " + detail::numberText(*w));
    } else if (*w > kMaxWeight) {
      // Weights are relative (rescaled to sum 1); a sum of huge ones overflows to infinity.
      r.fail(joinPath(path, "weight"), "must be at most 1e6 (weights are relative and rescaled to sum 1), got " +
                                           detail::numberText(*w));
    }
    c.weight = *w;
  }
  c.min = r.number(j, path, "min");
  c.max = r.number(j, path, "max");
  if (c.min && c.max && *c.min > *c.max) {
    r.fail(path, "min " + detail::numberText(*c.min) + " > max " + detail::numberText(*c.max));
  }
  if (j.contains("params") && !j.at("params").is_null()) {
    if (const json* p = r.child(j, path, "params")) c.params = *p;
  }
}

void parseWeighting(JsonReader& r, const json& j, const std::string& path, Weighting& w) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path, {"method", "matrix", "alpha", "objective"});
  if (auto m = r.choice(j, path, "method", methodNames(weightingMethods()))) {
    w.method = *m;
  }
  if (const json* matrix = r.array(j, path, "matrix")) {
    std::string mPath = joinPath(path, "matrix");
    for (std::size_t i = 0; i < matrix->size(); ++i) {
      const json& row = (*matrix)[i];
      std::string rowPath = indexPath(mPath, i);
      if (!row.is_array()) {
        r.fail(rowPath, "expected an array, got " + detail::describeJson(row));
        continue;
      }
      std::vector<double> values;
      for (std::size_t k = 0; k < row.size(); ++k) {
        if (!row[k].is_number()) {
          r.fail(indexPath(rowPath, k), "expected a number, got " + detail::describeJson(row[k]));
          values.push_back(kNaN);
          continue;
        }
        double v = row[k].get<double>();
        if (!(v > 0)) r.fail(indexPath(rowPath, k), "must be > 0, got " + detail::numberText(v));
        values.push_back(v);
      }
      if (values.size() != matrix->size()) {
        r.fail(rowPath, "has " + std::to_string(values.size()) + " entries, expected " +
                            std::to_string(matrix->size()) + " (square matrix)");
      }
      w.matrix.push_back(values);
    }
  }
  if (auto a = r.number(j, path, "alpha")) {
    if (*a < 0 || *a > 1) r.fail(joinPath(path, "alpha"), "must be in [0, 1], got " + detail::numberText(*a));
    w.alpha = *a;
  }
  if (auto o = r.choice(j, path, "objective", {"entropy", "critic"})) w.objective = *o;
}

void parseUncertainty(JsonReader& r, const json& j, const std::string& path, Uncertainty& u) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path, {"draws", "seed", "concentration", "k"});
  if (auto v = r.integer(j, path, "draws")) {
    if (*v < 0 || *v > 1000000) r.fail(joinPath(path, "draws"), "must be in [0, 1000000]");
    else u.draws = static_cast<int>(*v);
  }
  if (auto v = r.integer(j, path, "seed")) {
    if (*v < 0 || *v > 4294967295LL) r.fail(joinPath(path, "seed"), "must be in [0, 4294967295]");
    else u.seed = static_cast<unsigned>(*v);
  }
  if (auto v = r.number(j, path, "concentration")) {
    if (!(*v >= 0)) r.fail(joinPath(path, "concentration"), "must be >= 0");
    u.concentration = *v;
  }
  if (auto v = r.integer(j, path, "k")) {
    if (*v < 1 || *v > 100000) r.fail(joinPath(path, "k"), "must be >= 1");
    else u.k = static_cast<int>(*v);
  }
}

void parseReport(JsonReader& r, const json& j, const std::string& path, ReportOptions& o) {
  if (!r.object(j, path)) return;
  r.allowedKeys(j, path, {"language", "top_n", "author"});
  if (auto v = r.choice(j, path, "language", {"zh_CN", "en"})) o.language = *v;
  if (auto v = r.integer(j, path, "top_n")) {
    if (*v < 1 || *v > 1000) r.fail(joinPath(path, "top_n"), "must be in [1, 1000]");
    else o.topN = static_cast<int>(*v);
  }
  if (auto v = r.string(j, path, "author")) o.author = *v;
}

void parseData(JsonReader& r, const json& j, const std::string& baseDir, DataSources& d) {
  const std::string path = "data";
  r.allowedKeys(j, path, {"regions", "parks", "industry_output", "io_table", "exclusions", "roads"});
  if (!j.contains("regions")) r.fail(joinPath(path, "regions"), "missing required key");
  else parseDataSource(r, j.at("regions"), joinPath(path, "regions"), baseDir, kRegionFieldKeys, false, d.regions);
  if (!j.contains("parks")) r.fail(joinPath(path, "parks"), "missing required key");
  else parseDataSource(r, j.at("parks"), joinPath(path, "parks"), baseDir, kParkFieldKeys, true, d.parks);
  auto optional = [&](const char* key, const std::vector<std::string>& keys,
                      std::optional<DataSource>& target) {
    if (!j.contains(key) || j.at(key).is_null()) return;
    DataSource ds;
    parseDataSource(r, j.at(key), joinPath(path, key), baseDir, keys, false, ds);
    target = ds;
  };
  optional("industry_output", kIndustryFieldKeys, d.industryOutput);
  optional("io_table", kIoFieldKeys, d.ioTable);
  optional("exclusions", kZoneFieldKeys, d.exclusions);
  optional("roads", kRoadFieldKeys, d.roads);
}

json dataSourceJson(const DataSource& d, bool withCoordinates) {
  json j = json::object();
  detail::sourceLocationJson(d, j);
  if (!d.encoding.empty()) j["encoding"] = d.encoding;
  if (withCoordinates) j["coordinates"] = d.coordinates;
  if (!d.fields.empty()) {
    json f = json::object();
    for (const auto& [k, v] : d.fields) f[k] = v;
    j["fields"] = f;
  }
  return j;
}

json profileJson(const ClusterProfile& c) {
  json segments = json::array();
  for (const Segment& s : c.segments) {
    segments.push_back({{"id", s.id},
                        {"name", s.name},
                        {"name_zh", s.nameZh},
                        {"output_share", s.outputShare},
                        {"job_share", s.jobShare},
                        {"va_rate", s.vaRate},
                        {"knowledge_intensity", s.knowledgeIntensity},
                        {"jobs_per_ha", s.jobsPerHa},
                        {"movable", s.movable}});
  }
  return {{"id", c.id},
          {"name", c.name},
          {"name_zh", c.nameZh},
          {"industry", c.industry},
          {"output_yuan100m", c.outputYuan100m},
          {"jobs", c.jobs},
          {"rd_yuan100m", c.rdYuan100m},
          {"segments", segments}};
}

}  // namespace

ClusterProfile parseClusterProfile(const json& j, const std::string& jsonPath) {
  std::vector<Problem> problems;
  JsonReader r(problems);
  ClusterProfile profile;
  parseProfile(r, j, jsonPath, profile);
  if (r.hasFatal()) throw ValidationError(problems);
  return profile;
}

std::vector<std::string> presetSearchPath() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("CLUSTERSHIFT_DATA"); env && *env) {
    dirs.push_back((fs::path(env) / "clusters").string());
  }
#ifdef CLUSTERSHIFT_INSTALL_DATA_DIR
  dirs.push_back((fs::path(CLUSTERSHIFT_INSTALL_DATA_DIR) / "clusters").string());
#endif
#ifdef CLUSTERSHIFT_SOURCE_DATA_DIR
  dirs.push_back((fs::path(CLUSTERSHIFT_SOURCE_DATA_DIR) / "clusters").string());
#endif
  return dirs;
}

Scenario parseScenario(const json& j, const std::string& baseDir) {
  std::vector<Problem> problems;
  JsonReader r(problems);
  Scenario s;
  s.baseDir = baseDir;
  if (!r.object(j, "")) throw ValidationError(problems);
  r.allowedKeys(j, "",
                {"version", "name", "title", "description", "data", "cluster", "source", "mode",
                 "moved_segments", "replication", "criteria", "weighting", "aggregation",
                 "missing", "uncertainty", "effects", "report", "candidates"});

  if (auto v = r.integer(j, "", "version", true)) {
    if (*v != kScenarioVersion) {
      r.fail("version", "unsupported version " + std::to_string(*v) + " (this build reads " +
                            std::to_string(kScenarioVersion) + ")");
    }
    s.version = static_cast<int>(*v);
  }
  if (auto v = r.string(j, "", "name")) s.name = *v;
  if (j.contains("title") && !j.at("title").is_null()) {
    const json& t = j.at("title");
    if (t.is_string()) {
      s.title["en"] = t.get<std::string>();
    } else if (r.object(t, "title")) {
      for (auto it = t.begin(); it != t.end(); ++it) {
        if (!it->is_string()) {
          r.fail(joinPath("title", it.key()), "expected a string, got " + detail::describeJson(*it));
          continue;
        }
        s.title[it.key()] = it->get<std::string>();
      }
    }
  }
  if (auto v = r.string(j, "", "description")) s.description = *v;

  if (const json* data = r.child(j, "", "data", true)) parseData(r, *data, baseDir, s.data);
  if (const json* cluster = r.child(j, "", "cluster", true)) {
    parseCluster(r, *cluster, "cluster", baseDir, s);
  }

  if (const json* source = r.child(j, "", "source", true)) {
    r.allowedKeys(*source, "source", {"region", "lon", "lat"});
    if (auto v = r.string(*source, "source", "region", true)) {
      if (v->empty()) r.fail("source.region", "must not be empty");
      s.sourceRegion = *v;
    }
    s.sourceLon = r.number(*source, "source", "lon");
    s.sourceLat = r.number(*source, "source", "lat");
    if (s.sourceLon && (*s.sourceLon < -180 || *s.sourceLon > 180)) {
      r.fail("source.lon", "must be in [-180, 180], got " + detail::numberText(*s.sourceLon));
    }
    if (s.sourceLat && (*s.sourceLat < -90 || *s.sourceLat > 90)) {
      r.fail("source.lat", "must be in [-90, 90], got " + detail::numberText(*s.sourceLat));
    }
    if (s.sourceLon.has_value() != s.sourceLat.has_value()) {
      r.fail("source", "give both lon and lat or neither");
    }
  }

  if (auto m = r.choice(j, "", "mode", {"complete", "partial", "replication"})) {
    s.mode = transferModeFromString(*m);
  }

  if (const json* moved = r.array(j, "", "moved_segments")) {
    if (s.mode != TransferMode::Partial) {
      r.fail("moved_segments", "only allowed when mode is \"partial\" (mode is \"" +
                                   toString(s.mode) + "\")");
    }
    for (std::size_t i = 0; i < moved->size(); ++i) {
      const json& v = (*moved)[i];
      if (!v.is_string()) {
        r.fail(indexPath("moved_segments", i), "expected a string, got " + detail::numberText(v));
        continue;
      }
      std::string id = v.get<std::string>();
      bool known = std::any_of(s.cluster.segments.begin(), s.cluster.segments.end(),
                               [&](const Segment& seg) { return seg.id == id; });
      if (!known && !s.cluster.segments.empty()) {
        std::vector<std::string> ids;
        for (const Segment& seg : s.cluster.segments) ids.push_back(seg.id);
        r.fail(indexPath("moved_segments", i),
               "unknown segment '" + id + "' (cluster has: " + joinList(ids) + ")");
      }
      s.movedSegments.push_back(id);
    }
  }
  if (s.mode == TransferMode::Partial && !s.cluster.segments.empty() &&
      s.movedSegmentList().empty()) {
    r.fail("moved_segments",
           "no segment moves: list moved_segments or mark segments movable in the cluster");
  }

  if (const json* rep = r.child(j, "", "replication")) {
    if (s.mode != TransferMode::Replication) {
      r.fail("replication", "only allowed when mode is \"replication\" (mode is \"" +
                                toString(s.mode) + "\")");
    }
    r.allowedKeys(*rep, "replication", {"scale", "template_park"});
    if (auto v = r.number(*rep, "replication", "scale")) {
      if (!(*v > 0 && *v <= 1)) {
        r.fail("replication.scale", "must be in (0, 1], got " + detail::numberText(*v));
      }
      s.replicationScale = *v;
    }
    if (auto v = r.string(*rep, "replication", "template_park")) s.templatePark = *v;
  }
  if (s.mode == TransferMode::Replication && s.templatePark.empty()) {
    r.fail("replication.template_park", "required when mode is \"replication\"");
  }

  if (const json* criteria = r.array(j, "", "criteria", true)) {
    std::set<std::string> ids;
    int enabled = 0;
    double weightSum = 0;
    for (std::size_t i = 0; i < criteria->size(); ++i) {
      CriterionSpec c;
      std::string path = indexPath("criteria", i);
      parseCriterion(r, (*criteria)[i], path, c);
      if (!c.id.empty() && !ids.insert(c.id).second) {
        r.fail(joinPath(path, "id"), "duplicate criterion '" + c.id + "'");
      }
      if (c.enabled) {
        ++enabled;
        weightSum += c.weight;
      }
      s.criteria.push_back(std::move(c));
    }
    if (enabled == 0) {
      r.fail("criteria", "needs at least one enabled criterion");
    } else if (!(weightSum > 0)) {
      r.fail("criteria", "the weights of the enabled criteria are all 0");
    }
  }
  if (const json* w = r.child(j, "", "weighting")) parseWeighting(r, *w, "weighting", s.weighting);
  if (s.weighting.method == "ahp" || (s.weighting.method == "blend" && !s.weighting.matrix.empty())) {
    std::size_t enabled = static_cast<std::size_t>(std::count_if(
        s.criteria.begin(), s.criteria.end(), [](const CriterionSpec& c) { return c.enabled; }));
    if (s.weighting.matrix.empty() && s.weighting.method == "ahp") {
      r.fail("weighting.matrix", "required when method is \"ahp\"");
    } else if (s.weighting.matrix.size() != enabled) {
      r.fail("weighting.matrix", "is " + std::to_string(s.weighting.matrix.size()) + "x" +
                                     std::to_string(s.weighting.matrix.size()) + ", expected " +
                                     std::to_string(enabled) + "x" + std::to_string(enabled) +
                                     " (one row per enabled criterion)");
    }
  }
  if (auto v = r.choice(j, "", "aggregation", methodNames(aggregations()))) s.aggregation = *v;
  if (auto v = r.choice(j, "", "missing", methodNames(missingPolicies()))) s.missing = *v;
  if (const json* u = r.child(j, "", "uncertainty")) parseUncertainty(r, *u, "uncertainty", s.uncertainty);
  if (const json* e = r.child(j, "", "effects")) {
    s.effects = *e;
    // The effects block is read by the effects model (effects.h); validate it here so that
    // `clustershift validate` reports its problems with their JSON paths too.
    try {
      (void)parseEffectsParams(*e, s.replicationScale);
    } catch (const ValidationError& error) {
      problems.insert(problems.end(), error.problems().begin(), error.problems().end());
    }
  }
  if (const json* rep = r.child(j, "", "report")) parseReport(r, *rep, "report", s.report);
  if (const json* c = r.child(j, "", "candidates")) detail::parseCandidates(r, *c, "candidates", s.candidates);

  if (r.hasFatal()) throw ValidationError(problems);
  return s;
}

Scenario loadScenario(const std::string& path) {
  json j = readJsonFile(path);
  fs::path p = fs::absolute(fs::path(path)).lexically_normal();
  Scenario s = parseScenario(j, p.parent_path().string());
  if (s.name.empty()) s.name = p.stem().string();
  return s;
}

json toJson(const Scenario& s) {
  json j;
  j["version"] = s.version;
  j["name"] = s.name;
  if (!s.title.empty()) {
    json t = json::object();
    for (const auto& [k, v] : s.title) t[k] = v;
    j["title"] = t;
  }
  if (!s.description.empty()) j["description"] = s.description;
  json data = {{"regions", dataSourceJson(s.data.regions, false)},
               {"parks", dataSourceJson(s.data.parks, true)}};
  if (s.data.industryOutput) data["industry_output"] = dataSourceJson(*s.data.industryOutput, false);
  if (s.data.ioTable) data["io_table"] = dataSourceJson(*s.data.ioTable, false);
  if (s.data.exclusions) data["exclusions"] = dataSourceJson(*s.data.exclusions, false);
  if (s.data.roads) data["roads"] = dataSourceJson(*s.data.roads, false);
  j["data"] = data;
  json cluster = {{"profile", profileJson(s.cluster)}};
  if (!s.clusterPreset.empty()) cluster["preset"] = s.clusterPreset;
  j["cluster"] = cluster;
  json source = {{"region", s.sourceRegion}};
  if (s.sourceLon) source["lon"] = *s.sourceLon;
  if (s.sourceLat) source["lat"] = *s.sourceLat;
  j["source"] = source;
  j["mode"] = toString(s.mode);
  if (s.mode == TransferMode::Partial && !s.movedSegments.empty()) {
    j["moved_segments"] = s.movedSegments;
  }
  if (s.mode == TransferMode::Replication) {
    j["replication"] = {{"scale", s.replicationScale}, {"template_park", s.templatePark}};
  }
  json criteria = json::array();
  for (const CriterionSpec& c : s.criteria) {
    json cj = {{"id", c.id}, {"enabled", c.enabled}, {"weight", c.weight}};
    if (c.direction) cj["direction"] = toString(*c.direction);
    json vf = {{"type", c.valueFunction.type}};
    for (const auto& [k, v] : c.valueFunction.params) vf[k] = v;
    cj["value_function"] = vf;
    cj["min"] = c.min ? json(*c.min) : json(nullptr);
    cj["max"] = c.max ? json(*c.max) : json(nullptr);
    cj["params"] = c.params.is_null() ? json::object() : c.params;
    criteria.push_back(cj);
  }
  j["criteria"] = criteria;
  json weighting = {{"method", s.weighting.method}};
  if (!s.weighting.matrix.empty()) weighting["matrix"] = s.weighting.matrix;
  if (s.weighting.method == "blend") {
    weighting["alpha"] = s.weighting.alpha;
    weighting["objective"] = s.weighting.objective;
  }
  j["weighting"] = weighting;
  j["aggregation"] = s.aggregation;
  j["missing"] = s.missing;
  j["uncertainty"] = {{"draws", s.uncertainty.draws},
                      {"seed", s.uncertainty.seed},
                      {"concentration", s.uncertainty.concentration},
                      {"k", s.uncertainty.k}};
  j["effects"] = s.effects.is_null() ? json::object() : s.effects;
  j["report"] = {{"language", s.report.language},
                 {"top_n", s.report.topN},
                 {"author", s.report.author}};
  if (s.candidates.gridKm > 0) j["candidates"] = detail::candidatesJson(s.candidates);
  return j;
}

}  // namespace clustershift
