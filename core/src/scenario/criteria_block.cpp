// The scenario's "criteria" entries (with their value functions) and the "weighting" block.
#include <algorithm>
#include <cmath>

#include "clustershift/criterion.h"
#include "clustershift/data.h"
#include "clustershift/methods.h"
#include "scenario/block.h"
#include "scenario/blocks.h"

namespace clustershift::detail {
namespace {

using nlohmann::json;

/// Largest criterion weight accepted: far above any real use, far below overflow of their sum.
constexpr double kMaxWeight = 1e6;

const std::vector<std::string>& valueFunctionTypeNames() {
  static const std::vector<std::string> kTypes = methodNames(valueFunctionTypes());
  return kTypes;
}

/// One parameter of a value function, kept in ValueFunction::params.
Field<ValueFunction> vfParam(const char* key) {
  return {{key},
          [](JsonReader& r, const json& j, const std::string& path, const char* k, ValueFunction& vf) {
            if (auto v = r.number(j, path, k)) vf.params[k] = *v;
          },
          [](const ValueFunction& vf, json& out, const char* k) {
            auto it = vf.params.find(k);
            if (it != vf.params.end()) out[k] = it->second;
          }};
}

const Block<ValueFunction>& valueFunctionBlock() {
  static const Block<ValueFunction> kBlock({
      {{"type"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, ValueFunction& vf) {
         if (auto t = r.choice(j, path, key, valueFunctionTypeNames(), true)) vf.type = *t;
       },
       [](const ValueFunction& vf, json& out, const char* key) { out[key] = vf.type; }},
      vfParam("lo"),
      vfParam("hi"),
      vfParam("mid"),
      vfParam("steepness"),
      vfParam("target"),
      vfParam("width"),
  });
  return kBlock;
}

/// A value function: a type name alone (for the types without parameters) or an object.
void readValueFunction(JsonReader& r, const json& j, const std::string& path, ValueFunction& vf) {
  const std::vector<std::string>& types = valueFunctionTypeNames();
  if (j.is_string()) {
    std::string type = j.get<std::string>();
    if (std::find(types.begin(), types.end(), type) == types.end()) {
      r.fail(path, "expected one of " + joinList(types) + ", got \"" + type + "\"", "not_one_of",
             {{"allowed", joinList(types)}, {"got", type}});
      return;
    }
    vf.type = type;
    if (type == "linear" || type == "sigmoid" || type == "gaussian") {
      r.fail(path, "value function '" + type + "' needs parameters: give an object",
             "value_function_needs_params", {{"type", type}});
    }
    return;
  }
  if (!r.object(j, path)) return;
  valueFunctionBlock().read(r, j, path, vf);
  auto need = [&](const char* key) {
    if (!vf.params.count(key))
      r.fail(joinPath(path, key), "required by value function '" + vf.type + "'",
             "required_by_value_function", {{"type", vf.type}});
  };
  if (vf.type == "linear") {
    need("lo");
    need("hi");
    if (vf.params.count("lo") && vf.params.count("hi") && vf.params["lo"] == vf.params["hi"]) {
      r.fail(path, "linear value function needs lo != hi", "linear_lo_equals_hi");
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

/// "min" / "max": an optional bound, written as null when absent.
Field<CriterionSpec> bound(const char* key, std::optional<double> CriterionSpec::*member) {
  return {{key},
          [member](JsonReader& r, const json& j, const std::string& path, const char* k, CriterionSpec& c) {
            c.*member = r.number(j, path, k);
            if (member == &CriterionSpec::max && c.min && c.max && *c.min > *c.max) {
              r.fail(path, "min " + numberText(*c.min) + " > max " + numberText(*c.max), "min_above_max",
                     {{"min", numberText(*c.min)}, {"max", numberText(*c.max)}});
            }
          },
          [member](const CriterionSpec& c, json& out, const char* k) {
            out[k] = c.*member ? json(*(c.*member)) : json(nullptr);
          }};
}

const Block<CriterionSpec>& criterionBlock() {
  static const Block<CriterionSpec> kBlock({
      {{"id"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, CriterionSpec& c) {
         auto id = r.string(j, path, key, true);
         if (!id) return;
         c.id = *id;
         const CriterionRegistry& registry = CriterionRegistry::instance();
         if (!registry.contains(*id)) {
           r.fail(joinPath(path, key),
                  "unknown criterion '" + *id + "' (known: " + joinList(registry.ids()) + ")",
                  "unknown_criterion", {{"id", *id}, {"known", joinList(registry.ids())}});
         }
       },
       [](const CriterionSpec& c, json& out, const char* key) { out[key] = c.id; }},
      boolField("enabled", &CriterionSpec::enabled),
      {{"direction"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, CriterionSpec& c) {
         if (auto d = r.choice(j, path, key, {"benefit", "cost"})) {
           c.direction = *d == "benefit" ? Direction::Benefit : Direction::Cost;
         }
       },
       [](const CriterionSpec& c, json& out, const char* key) {
         if (c.direction) out[key] = toString(*c.direction);
       }},
      {{"value_function"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, CriterionSpec& c) {
         if (j.contains(key) && !j.at(key).is_null()) {
           readValueFunction(r, j.at(key), joinPath(path, key), c.valueFunction);
         }
       },
       [](const CriterionSpec& c, json& out, const char* key) {
         out[key] = valueFunctionBlock().write(c.valueFunction);
       }},
      {{"weight"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, CriterionSpec& c) {
         auto w = r.number(j, path, key);
         if (!w) return;
         if (!std::isfinite(*w) || *w < 0) {
           r.fail(joinPath(path, key), "must be >= 0, got " + numberText(*w));
         } else if (*w > kMaxWeight) {
           // Weights are relative (rescaled to sum 1); a sum of huge ones overflows to infinity.
           r.fail(joinPath(path, key),
                  "must be at most 1e6 (weights are relative and rescaled to sum 1), got " + numberText(*w),
                  "weight_too_large", {{"got", numberText(*w)}});
         }
         c.weight = *w;
       },
       [](const CriterionSpec& c, json& out, const char* key) { out[key] = c.weight; }},
      bound("min", &CriterionSpec::min),
      bound("max", &CriterionSpec::max),
      {{"params"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, CriterionSpec& c) {
         if (j.contains(key) && !j.at(key).is_null()) {
           if (const json* p = r.child(j, path, key)) c.params = *p;
         }
       },
       [](const CriterionSpec& c, json& out, const char* key) {
         out[key] = c.params.is_null() ? json::object() : c.params;
       }},
  });
  return kBlock;
}

/// "matrix": the AHP pairwise comparison matrix, square, entries > 0.
void readMatrix(JsonReader& r, const json& j, const std::string& path, const char* key, Weighting& w) {
  const json* matrix = r.array(j, path, key);
  if (!matrix) return;
  const std::string mPath = joinPath(path, key);
  for (std::size_t i = 0; i < matrix->size(); ++i) {
    const json& row = (*matrix)[i];
    const std::string rowPath = indexPath(mPath, i);
    if (!row.is_array()) {
      r.expectedType(rowPath, "array", row);
      continue;
    }
    std::vector<double> values;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (!row[k].is_number()) {
        r.expectedType(indexPath(rowPath, k), "number", row[k]);
        values.push_back(kNaN);
        continue;
      }
      double v = row[k].get<double>();
      if (!(v > 0)) r.fail(indexPath(rowPath, k), "must be > 0, got " + numberText(v));
      values.push_back(v);
    }
    if (values.size() != matrix->size()) {
      r.fail(rowPath,
             "has " + std::to_string(values.size()) + " entries, expected " + std::to_string(matrix->size()) +
                 " (square matrix)",
             "matrix_row_length",
             {{"count", std::to_string(values.size())}, {"expected", std::to_string(matrix->size())}});
    }
    w.matrix.push_back(values);
  }
}

const Block<Weighting>& weightingBlock() {
  static const Block<Weighting> kBlock({
      choiceField("method", &Weighting::method, methodNames(weightingMethods())),
      {{"matrix"}, readMatrix, writeUnlessEmpty(&Weighting::matrix)},
      {{"alpha"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Weighting& w) {
         if (auto a = r.number(j, path, key)) {
           if (*a < 0 || *a > 1) r.fail(joinPath(path, key), "must be in [0, 1], got " + numberText(*a));
           w.alpha = *a;
         }
       },
       // alpha and objective only mean something for "blend".
       [](const Weighting& w, json& out, const char* key) {
         if (w.method == "blend") out[key] = w.alpha;
       }},
      {{"objective"},
       [](JsonReader& r, const json& j, const std::string& path, const char* key, Weighting& w) {
         if (auto o = r.choice(j, path, key, {"entropy", "critic"})) w.objective = *o;
       },
       [](const Weighting& w, json& out, const char* key) {
         if (w.method == "blend") out[key] = w.objective;
       }},
  });
  return kBlock;
}

}  // namespace

void readCriterion(JsonReader& r, const json& j, const std::string& path, CriterionSpec& c) {
  if (r.object(j, path)) criterionBlock().read(r, j, path, c);
}

json criterionJson(const CriterionSpec& c) { return criterionBlock().write(c); }

void readWeighting(JsonReader& r, const json& j, const std::string& path, Weighting& w) {
  if (r.object(j, path)) weightingBlock().read(r, j, path, w);
}

json weightingJson(const Weighting& w) { return weightingBlock().write(w); }

}  // namespace clustershift::detail
