// Scenario JSON (version 1): parse with every problem located by its JSON path, serialise back.
// Each block is one table of fields (block.h): the top level and the small blocks here, data,
// cluster and criteria in their own files (blocks.h).
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
#include "scenario/block.h"
#include "scenario/blocks.h"
#include "scenario/candidates.h"
#include "scenario/json_reader.h"

namespace clustershift {

using nlohmann::json;
namespace fs = std::filesystem;
using detail::Block;
using detail::Field;
using detail::indexPath;
using detail::joinList;
using detail::joinPath;
using detail::JsonReader;
using detail::numberText;
using detail::writeUnlessEmpty;

namespace {
/// The transfer modes' names in scenario files, in TransferMode order.
const std::vector<std::string>& modeNames() {
  static const std::vector<std::string> kNames = {"complete", "partial", "replication"};
  return kNames;
}
}  // namespace

std::string toString(TransferMode mode) { return modeNames().at(static_cast<std::size_t>(mode)); }

TransferMode transferModeFromString(const std::string& text) {
  const auto& names = modeNames();
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end())
    throw InputError("unknown transfer mode '" + text + "' (known: " + joinList(names) + ")");
  return static_cast<TransferMode>(it - names.begin());
}

std::string toString(Direction direction) { return direction == Direction::Benefit ? "benefit" : "cost"; }

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

/// A sub-object of the scenario read by its own block into one member.
template <class U>
Field<Scenario> childField(const char* key, const Block<U>& block, U Scenario::*member) {
  return {
      {key},
      [&block, member](JsonReader& r, const json& j, const std::string& path, const char* k, Scenario& s) {
        if (const json* c = r.child(j, path, k)) block.read(r, *c, joinPath(path, k), s.*member);
      },
      [&block, member](const Scenario& s, json& out, const char* k) { out[k] = block.write(s.*member); }};
}

const Block<Uncertainty>& uncertaintyBlock() {
  static const Block<Uncertainty> kBlock({
      detail::integerField("draws", &Uncertainty::draws, 0, 1000000, "must be in [0, 1000000]"),
      detail::integerField("seed", &Uncertainty::seed, 0, 4294967295LL, "must be in [0, 4294967295]"),
      detail::numberField("concentration", &Uncertainty::concentration, false,
                          [](double v) { return !(v >= 0) ? std::string("must be >= 0") : std::string(); }),
      detail::integerField("k", &Uncertainty::k, 1, 100000, "must be >= 1"),
  });
  return kBlock;
}

const Block<ReportOptions>& reportBlock() {
  static const Block<ReportOptions> kBlock({
      detail::choiceField("language", &ReportOptions::language, {"zh_CN", "en"}),
      detail::integerField("top_n", &ReportOptions::topN, 1, 1000, "must be in [1, 1000]"),
      detail::textField("author", &ReportOptions::author),
  });
  return kBlock;
}

/// "source": the region the cluster leaves, optionally a point in it (WGS84 degrees).
const Block<Scenario>& sourceBlock() {
  auto coordinate = [](const char* key, std::optional<double> Scenario::*member,
                       double limit) -> Field<Scenario> {
    return {
        {key},
        [member, limit](JsonReader& r, const json& j, const std::string& path, const char* k, Scenario& s) {
          s.*member = r.number(j, path, k);
          if (s.*member && (*(s.*member) < -limit || *(s.*member) > limit)) {
            r.fail(joinPath(path, k), "must be in [" + numberText(-limit) + ", " + numberText(limit) +
                                          "], got " + numberText(*(s.*member)));
          }
          if (member == &Scenario::sourceLat && s.sourceLon.has_value() != s.sourceLat.has_value()) {
            r.fail(path, "give both lon and lat or neither", "lon_lat_pair");
          }
        },
        [member](const Scenario& s, json& out, const char* k) {
          if (s.*member) out[k] = *(s.*member);
        }};
  };
  static const Block<Scenario> kBlock({
      detail::textField("region", &Scenario::sourceRegion, true, true),
      coordinate("lon", &Scenario::sourceLon, 180),
      coordinate("lat", &Scenario::sourceLat, 90),
  });
  return kBlock;
}

const Block<Scenario>& replicationBlock() {
  static const Block<Scenario> kBlock({
      detail::numberField("scale", &Scenario::replicationScale, false,
                          [](double v) {
                            return !(v > 0 && v <= 1) ? "must be in (0, 1], got " + numberText(v)
                                                      : std::string();
                          }),
      detail::textField("template_park", &Scenario::templatePark),
  });
  return kBlock;
}

void readTitle(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  if (!j.contains(key) || j.at(key).is_null()) return;
  const json& t = j.at(key);
  const std::string tPath = joinPath(path, key);
  if (t.is_string()) {
    s.title["en"] = t.get<std::string>();
  } else if (r.object(t, tPath)) {
    for (auto it = t.begin(); it != t.end(); ++it) {
      if (!it->is_string()) {
        r.expectedType(joinPath(tPath, it.key()), "string", *it);
        continue;
      }
      s.title[it.key()] = it->get<std::string>();
    }
  }
}

/// A key that only one transfer mode reads: a problem when the scenario's mode is another.
void requireMode(JsonReader& r, const std::string& path, const Scenario& s, TransferMode mode) {
  if (s.mode == mode) return;
  r.fail(path, "only allowed when mode is \"" + toString(mode) + "\" (mode is \"" + toString(s.mode) + "\")",
         "only_for_mode", {{"mode", toString(mode)}, {"current", toString(s.mode)}});
}

void readMovedSegments(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  const std::string mPath = joinPath(path, key);
  if (const json* moved = r.array(j, path, key)) {
    requireMode(r, mPath, s, TransferMode::Partial);
    for (std::size_t i = 0; i < moved->size(); ++i) {
      const json& v = (*moved)[i];
      if (!v.is_string()) {
        r.expectedType(indexPath(mPath, i), "string", v);
        continue;
      }
      std::string id = v.get<std::string>();
      bool known = std::any_of(s.cluster.segments.begin(), s.cluster.segments.end(),
                               [&](const Segment& seg) { return seg.id == id; });
      if (!known && !s.cluster.segments.empty()) {
        std::vector<std::string> ids;
        for (const Segment& seg : s.cluster.segments) ids.push_back(seg.id);
        r.fail(indexPath(mPath, i), "unknown segment '" + id + "' (cluster has: " + joinList(ids) + ")",
               "unknown_segment", {{"id", id}, {"known", joinList(ids)}});
      }
      s.movedSegments.push_back(id);
    }
  }
  if (s.mode == TransferMode::Partial && !s.cluster.segments.empty() && s.movedSegmentList().empty()) {
    r.fail(mPath, "no segment moves: list moved_segments or mark segments movable in the cluster",
           "no_segment_moves");
  }
}

void readReplication(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  const std::string rPath = joinPath(path, key);
  if (const json* rep = r.child(j, path, key)) {
    requireMode(r, rPath, s, TransferMode::Replication);
    replicationBlock().read(r, *rep, rPath, s);
  }
  if (s.mode == TransferMode::Replication && s.templatePark.empty()) {
    r.fail(joinPath(rPath, "template_park"), "required when mode is \"replication\"", "required_for_mode",
           {{"mode", "replication"}});
  }
}

void readCriteria(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  const json* criteria = r.array(j, path, key, true);
  if (!criteria) return;
  const std::string cPath = joinPath(path, key);
  std::set<std::string> ids;
  int enabled = 0;
  double weightSum = 0;
  for (std::size_t i = 0; i < criteria->size(); ++i) {
    CriterionSpec c;
    const std::string itemPath = indexPath(cPath, i);
    detail::readCriterion(r, (*criteria)[i], itemPath, c);
    if (!c.id.empty() && !ids.insert(c.id).second) {
      r.fail(joinPath(itemPath, "id"), "duplicate criterion '" + c.id + "'", "duplicate_criterion",
             {{"criterion", c.id}});
    }
    if (c.enabled) {
      ++enabled;
      weightSum += c.weight;
    }
    s.criteria.push_back(std::move(c));
  }
  if (enabled == 0) {
    r.fail(cPath, "needs at least one enabled criterion", "no_enabled_criterion");
  } else if (!(weightSum > 0)) {
    r.fail(cPath, "the weights of the enabled criteria are all 0", "weights_all_zero");
  }
}

/// "weighting", then the AHP matrix against the enabled criteria read before it.
void readWeightingOf(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  const std::string wPath = joinPath(path, key);
  if (const json* w = r.child(j, path, key)) detail::readWeighting(r, *w, wPath, s.weighting);
  const Weighting& w = s.weighting;
  if (w.method == "ahp" || (w.method == "blend" && !w.matrix.empty())) {
    const std::size_t enabled = static_cast<std::size_t>(std::count_if(
        s.criteria.begin(), s.criteria.end(), [](const CriterionSpec& c) { return c.enabled; }));
    if (w.matrix.empty() && w.method == "ahp") {
      r.fail(joinPath(wPath, "matrix"), "required when method is \"ahp\"", "matrix_required");
    } else if (w.matrix.size() != enabled) {
      r.fail(joinPath(wPath, "matrix"),
             "is " + std::to_string(w.matrix.size()) + "x" + std::to_string(w.matrix.size()) + ", expected " +
                 std::to_string(enabled) + "x" + std::to_string(enabled) + " (one row per enabled criterion)",
             "matrix_size",
             {{"size", std::to_string(w.matrix.size())}, {"expected", std::to_string(enabled)}});
    }
  }
}

/// "effects" is read by the effects model (effects.h); it is validated here so that
/// `clustershift validate` reports its problems with their JSON paths too.
void readEffects(JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
  const json* e = r.child(j, path, key);
  if (!e) return;
  s.effects = *e;
  try {
    (void)parseEffectsParams(*e, s.replicationScale);
  } catch (const ValidationError& error) {
    r.problems().insert(r.problems().end(), error.problems().begin(), error.problems().end());
  }
}

/// The scenario file's top level. Order matters: mode before moved_segments and replication,
/// cluster before moved_segments, criteria before weighting, replication before effects.
const Block<Scenario>& scenarioBlock() {
  static const Block<Scenario> kBlock({
      {{"version"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (auto v = r.integer(j, path, key, true)) {
           if (*v != kScenarioVersion) {
             r.fail(joinPath(path, key),
                    "unsupported version " + std::to_string(*v) + " (this build reads " +
                        std::to_string(kScenarioVersion) + ")",
                    "unsupported_version",
                    {{"version", std::to_string(*v)}, {"supported", std::to_string(kScenarioVersion)}});
           }
           s.version = static_cast<int>(*v);
         }
       },
       [](const Scenario& s, json& out, const char* key) { out[key] = s.version; }},
      detail::textField("name", &Scenario::name),
      {{"title"},
       readTitle,
       [](const Scenario& s, json& out, const char* key) {
         if (s.title.empty()) return;
         json t = json::object();
         for (const auto& [k, v] : s.title) t[k] = v;
         out[key] = t;
       }},
      {{"description"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (auto v = r.string(j, path, key)) s.description = *v;
       },
       writeUnlessEmpty(&Scenario::description)},
      {{"data"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (const json* d = r.child(j, path, key, true))
           detail::readData(r, *d, joinPath(path, key), s.baseDir, s.data);
       },
       [](const Scenario& s, json& out, const char* key) { out[key] = detail::dataJson(s.data); }},
      {{"cluster"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (const json* c = r.child(j, path, key, true)) detail::readCluster(r, *c, joinPath(path, key), s);
       },
       [](const Scenario& s, json& out, const char* key) { out[key] = detail::clusterJson(s); }},
      {{"source"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (const json* c = r.child(j, path, key, true)) sourceBlock().read(r, *c, joinPath(path, key), s);
       },
       [](const Scenario& s, json& out, const char* key) { out[key] = sourceBlock().write(s); }},
      {{"mode"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Scenario& s) {
         if (auto m = r.choice(j, path, key, modeNames())) {
           s.mode = transferModeFromString(*m);
         }
       },
       [](const Scenario& s, json& out, const char* key) { out[key] = toString(s.mode); }},
      {{"moved_segments"},
       readMovedSegments,
       [](const Scenario& s, json& out, const char* key) {
         if (s.mode == TransferMode::Partial && !s.movedSegments.empty()) out[key] = s.movedSegments;
       }},
      {{"replication"},
       readReplication,
       [](const Scenario& s, json& out, const char* key) {
         if (s.mode == TransferMode::Replication) out[key] = replicationBlock().write(s);
       }},
      {{"criteria"},
       readCriteria,
       [](const Scenario& s, json& out, const char* key) {
         json criteria = json::array();
         for (const CriterionSpec& c : s.criteria) criteria.push_back(detail::criterionJson(c));
         out[key] = criteria;
       }},
      {{"weighting"},
       readWeightingOf,
       [](const Scenario& s, json& out, const char* key) { out[key] = detail::weightingJson(s.weighting); }},
      detail::choiceField("aggregation", &Scenario::aggregation, methodNames(aggregations())),
      detail::choiceField("missing", &Scenario::missing, methodNames(missingPolicies())),
      childField("uncertainty", uncertaintyBlock(), &Scenario::uncertainty),
      {{"effects"},
       readEffects,
       [](const Scenario& s, json& out, const char* key) {
         out[key] = s.effects.is_null() ? json::object() : s.effects;
       }},
      childField("report", reportBlock(), &Scenario::report),
      {{"candidates"},
       [](JsonReader& r, const json& j, const std::string& path, const char* k, Scenario& s) {
         if (const json* c = r.child(j, path, k))
           detail::parseCandidates(r, *c, joinPath(path, k), s.candidates);
       },
       [](const Scenario& s, json& out, const char* key) {
         if (s.candidates.gridKm > 0) out[key] = detail::candidatesJson(s.candidates);
       }},
  });
  return kBlock;
}

}  // namespace

Scenario parseScenario(const json& j, const std::string& baseDir) {
  std::vector<Problem> problems;
  JsonReader r(problems);
  Scenario s;
  s.baseDir = baseDir;
  if (!r.object(j, "")) throw ValidationError(problems);
  scenarioBlock().read(r, j, "", s);
  if (r.hasFatal()) throw ValidationError(problems);
  return s;
}

Scenario loadScenario(const std::string& path) {
  json j = detail::readJsonFile(path);
  fs::path p = fs::absolute(fs::path(path)).lexically_normal();
  Scenario s = parseScenario(j, p.parent_path().string());
  if (s.name.empty()) s.name = p.stem().string();
  return s;
}

json toJson(const Scenario& s) { return scenarioBlock().write(s); }

}  // namespace clustershift
