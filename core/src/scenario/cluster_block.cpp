// The scenario's "cluster" block: a preset by name, a profile file or an inline profile of the
// cluster that moves, with its value-chain segments.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "clustershift/error.h"
#include "scenario/block.h"
#include "scenario/blocks.h"
#include "scenario/source_location.h"
#include "clustershift/util.h"

namespace clustershift {
namespace detail {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

/// Checks for a share in [0, 1].
std::string unitProblem(double v) {
  return v < 0 || v > 1 ? "must be in [0, 1], got " + numberText(v) : std::string();
}

const Block<Segment>& segmentBlock() {
  static const Block<Segment> kBlock({
      textField("id", &Segment::id, true, true),
      textField("name", &Segment::name),
      textField("name_zh", &Segment::nameZh),
      numberField("output_share", &Segment::outputShare, true, unitProblem),
      numberField("job_share", &Segment::jobShare, true, unitProblem),
      numberField("va_rate", &Segment::vaRate, true, unitProblem),
      numberField("knowledge_intensity", &Segment::knowledgeIntensity, false, unitProblem),
      numberField("jobs_per_ha", &Segment::jobsPerHa, true,
                  [](double v) { return !(v > 0) ? "must be > 0, got " + numberText(v) : std::string(); }),
      boolField("movable", &Segment::movable),
  });
  return kBlock;
}

std::string positiveProblem(double v) {
  return !(v > 0) ? "must be > 0, got " + numberText(v) : std::string();
}

/// The segments: at least one, unique ids, output and job shares each summing to 1.
void readSegments(JsonReader& r, const json& j, const std::string& path, const char* key, ClusterProfile& c) {
  const json* segments = r.array(j, path, key, true);
  if (!segments) return;
  const std::string segPath = joinPath(path, key);
  if (segments->empty()) {
    r.fail(segPath, "needs at least one segment", "no_segments");
    return;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < segments->size(); ++i) {
    Segment s;
    const std::string itemPath = indexPath(segPath, i);
    if (r.object((*segments)[i], itemPath)) segmentBlock().read(r, (*segments)[i], itemPath, s);
    if (!s.id.empty() && !ids.insert(s.id).second) {
      r.fail(joinPath(itemPath, "id"), "duplicate segment id '" + s.id + "'", "duplicate_segment",
             {{"id", s.id}});
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
    r.fail(segPath, "output_share values sum to " + sumText(outputSum) + ", expected 1 (±0.01)", "shares_sum",
           {{"key", "output_share"}, {"sum", sumText(outputSum)}});
  }
  if (std::fabs(jobSum - 1.0) > kTolerance) {
    r.fail(segPath, "job_share values sum to " + sumText(jobSum) + ", expected 1 (±0.01)", "shares_sum",
           {{"key", "job_share"}, {"sum", sumText(jobSum)}});
  }
}

const Block<ClusterProfile>& profileBlock() {
  static const Block<ClusterProfile> kBlock({
      textField("id", &ClusterProfile::id, true),
      textField("name", &ClusterProfile::name),
      textField("name_zh", &ClusterProfile::nameZh),
      textField("industry", &ClusterProfile::industry, true, true),
      numberField("output_yuan100m", &ClusterProfile::outputYuan100m, true, positiveProblem),
      numberField("jobs", &ClusterProfile::jobs, true, positiveProblem),
      numberField("rd_yuan100m", &ClusterProfile::rdYuan100m, false,
                  [](double v) { return v < 0 ? "must be >= 0, got " + numberText(v) : std::string(); }),
      {{"segments"},
       readSegments,
       [](const ClusterProfile& c, json& out, const char* key) {
         json segments = json::array();
         for (const Segment& s : c.segments) segments.push_back(segmentBlock().write(s));
         out[key] = segments;
       }},
  });
  return kBlock;
}

bool validPresetName(const std::string& name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           ch == '-';
  });
}

void readProfileFile(JsonReader& r, const std::string& file, const std::string& path, ClusterProfile& c) {
  json j;
  try {
    j = readJsonFile(file);
  } catch (const Error& e) {
    r.fail(path, e);
    return;
  }
  readProfile(r, j, fs::path(file).filename().string() + ":", c);
}

/// "preset": a profile file <name>.json on the preset search path; with an inline profile the
/// preset is only a label (what toJson writes).
void readPreset(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  auto preset = r.string(j, path, key);
  if (!preset) return;
  s.clusterPreset = *preset;
  if (j.contains("profile")) return;
  if (!validPresetName(*preset)) {
    r.fail(joinPath(path, key), "invalid preset name \"" + *preset + "\"", "invalid_preset_name",
           {{"got", *preset}});
    return;
  }
  const std::vector<std::string> searched = presetSearchPath();
  for (const std::string& dir : searched) {
    fs::path candidate = fs::path(dir) / (*preset + ".json");
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      readProfileFile(r, candidate.string(), joinPath(path, key), s.cluster);
      return;
    }
  }
  std::set<std::string> known;
  for (const std::string& dir : searched) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".json") known.insert(it->path().stem().string());
    }
  }
  const std::string knownList = joinList(std::vector<std::string>(known.begin(), known.end()));
  r.fail(
      joinPath(path, key),
      "unknown preset \"" + *preset + "\" (known: " + knownList + "; searched: " + joinList(searched) + ")",
      "unknown_preset", {{"got", *preset}, {"known", knownList}, {"searched", joinList(searched)}});
}

const Block<Scenario>& clusterBlock() {
  static const Block<Scenario> kBlock({
      {{"preset"}, readPreset, writeUnlessEmpty(&Scenario::clusterPreset)},
      {{"file"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (auto file = r.string(j, path, key)) {
           readProfileFile(r, resolveDataPath(*file, s.baseDir), joinPath(path, key), s.cluster);
         }
       },
       nullptr},  // toJson writes the profile read from the file inline
      {{"profile"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (j.contains(key)) readProfile(r, j.at(key), joinPath(path, key), s.cluster);
       },
       [](const Scenario& s, json& out, const char* key) { out[key] = profileBlock().write(s.cluster); }},
  });
  return kBlock;
}

}  // namespace

void readProfile(JsonReader& r, const json& j, const std::string& path, ClusterProfile& c) {
  if (r.object(j, path)) profileBlock().read(r, j, path, c);
}

void readCluster(JsonReader& r, const json& j, const std::string& path, Scenario& s) {
  if (!r.object(j, path)) return;
  clusterBlock().checkKeys(r, j, path);
  const bool hasPreset = j.contains("preset"), hasFile = j.contains("file"),
             hasProfile = j.contains("profile");
  if (hasFile && (hasPreset || hasProfile)) {
    r.fail(path, "give one of preset, file or profile", "cluster_source_twice");
    return;
  }
  if (!hasPreset && !hasFile && !hasProfile) {
    r.fail(path, "needs one of preset, file or profile", "cluster_source_missing");
    return;
  }
  clusterBlock().readFields(r, j, path, s);
}

json clusterJson(const Scenario& s) { return clusterBlock().write(s); }

}  // namespace detail

ClusterProfile parseClusterProfile(const nlohmann::json& j, const std::string& jsonPath) {
  std::vector<Problem> problems;
  detail::JsonReader r(problems);
  ClusterProfile profile;
  detail::readProfile(r, j, jsonPath, profile);
  if (r.hasFatal()) throw ValidationError(problems);
  return profile;
}

std::vector<std::string> presetSearchPath() {
  namespace fs = std::filesystem;
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

}  // namespace clustershift
