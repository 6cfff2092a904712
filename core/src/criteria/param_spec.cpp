// Declared criterion parameters (Criterion::parameters()): the one validation of a
// criterion's params and the defaults filled in for compute().
#include <cmath>
#include <string>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift/util.h"

namespace clustershift {
namespace {

using nlohmann::json;

std::string knownList(const std::vector<ParamSpec>& specs) {
  std::string list;
  for (const ParamSpec& s : specs) list += (list.empty() ? "" : ", ") + s.name;
  return list.empty() ? "none" : list;
}

bool inRange(const ParamSpec& spec, double v) {
  if (!std::isfinite(v)) return false;
  if (spec.minExclusive ? !(v > spec.min) : !(v >= spec.min)) return false;
  return v <= spec.max;
}

// Problem with one number of `spec` (the value, or one value of a NumberMap), or "".
std::string numberProblem(const ParamSpec& spec, const json& v) {
  if (!v.is_number()) return "expected a number, got " + v.dump();
  const double d = v.get<double>();
  if (spec.type == ParamType::Integer && d != std::floor(d))
    return "expected a whole number, got " + v.dump();
  if (!inRange(spec, d)) return "must be " + paramRangeText(spec) + ", got " + v.dump();
  return {};
}

}  // namespace

const char* paramTypeName(ParamType type) {
  switch (type) {
    case ParamType::Number:
      return "number";
    case ParamType::Integer:
      return "integer";
    case ParamType::Boolean:
      return "boolean";
    case ParamType::NumberMap:
      return "number map";
    case ParamType::TextList:
      return "text list";
  }
  return "?";
}

std::string paramRangeText(const ParamSpec& spec) {
  const bool lo = std::isfinite(spec.min);
  const bool hi = std::isfinite(spec.max);
  if (lo && hi) return util::formatNumber(spec.min) + " – " + util::formatNumber(spec.max);
  if (lo) return std::string(spec.minExclusive ? "> " : ">= ") + util::formatNumber(spec.min);
  if (hi) return "<= " + util::formatNumber(spec.max);
  return "any";
}

std::vector<std::string> paramProblems(const Criterion& criterion, const json& params) {
  std::vector<std::string> problems;
  const std::string id = criterion.id();
  if (params.is_null()) {
    for (const ParamSpec& spec : criterion.parameters())
      if (spec.required) problems.push_back(id + ": params." + spec.name + " is required (" + spec.doc + ")");
    return problems;
  }
  if (!params.is_object()) {
    problems.push_back(id + ": params: expected an object, got " + params.dump());
    return problems;
  }
  const std::vector<ParamSpec> specs = criterion.parameters();
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string where = id + ": params." + it.key() + ": ";
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& s : specs) {
      if (s.name == it.key()) spec = &s;
    }
    if (spec == nullptr) {
      problems.push_back(where + "unknown parameter (known: " + knownList(specs) + ")");
      continue;
    }
    const json& v = it.value();
    if (v.is_null()) continue;  // null: the default
    switch (spec->type) {
      case ParamType::Boolean:
        if (!v.is_boolean()) problems.push_back(where + "expected true or false, got " + v.dump());
        break;
      case ParamType::Number:
      case ParamType::Integer: {
        const std::string p = numberProblem(*spec, v);
        if (!p.empty()) problems.push_back(where + p);
        break;
      }
      case ParamType::NumberMap:
        if (!v.is_object()) {
          problems.push_back(where + "expected an object {name: number}, got " + v.dump());
          break;
        }
        for (auto e = v.begin(); e != v.end(); ++e) {
          const std::string p = numberProblem(*spec, e.value());
          if (!p.empty()) problems.push_back(id + ": params." + it.key() + "." + e.key() + ": " + p);
        }
        break;
      case ParamType::TextList:
        if (!v.is_array() || v.empty()) {
          problems.push_back(where + "expected a non-empty list of texts, got " + v.dump());
          break;
        }
        for (std::size_t k = 0; k < v.size(); ++k) {
          if (!v[k].is_string() || v[k].get<std::string>().empty())
            problems.push_back(id + ": params." + it.key() + "[" + std::to_string(k) +
                               "]: expected a text, got " + v[k].dump());
        }
        break;
    }
  }
  for (const ParamSpec& spec : specs) {
    if (spec.required && (!params.contains(spec.name) || params.at(spec.name).is_null()))
      problems.push_back(id + ": params." + spec.name + " is required (" + spec.doc + ")");
  }
  return problems;
}

json resolveParams(const Criterion& criterion, const json& params) {
  const std::vector<std::string> problems = paramProblems(criterion, params);
  if (!problems.empty()) {
    std::string text;
    for (const std::string& p : problems) text += (text.empty() ? "" : "; ") + p;
    throw InputError(text);
  }
  json resolved = json::object();
  for (const ParamSpec& spec : criterion.parameters()) {
    if (params.is_object() && params.contains(spec.name) && !params.at(spec.name).is_null()) {
      resolved[spec.name] = params.at(spec.name);
    } else if (!spec.defaultValue.is_null()) {
      resolved[spec.name] = spec.defaultValue;
    }
  }
  return resolved;
}

std::string paramsText(const Criterion& criterion, const json& params) {
  const json resolved = resolveParams(criterion, params);
  std::string text;
  for (const ParamSpec& spec : criterion.parameters()) {
    if (!resolved.contains(spec.name)) continue;
    const json& v = resolved.at(spec.name);
    std::string value;
    if (v.is_object()) {
      if (v.empty()) continue;
      for (auto e = v.begin(); e != v.end(); ++e)
        value +=
            (value.empty() ? "{" : ", ") + e.key() + ": " + util::formatNumber(e.value().get<double>(), 10);
      value += "}";
    } else if (v.is_array()) {
      for (const json& e : v)
        value += (value.empty() ? "" : ", ") + (e.is_string() ? e.get<std::string>() : e.dump());
    } else if (v.is_number()) {
      value = util::formatNumber(v.get<double>(), 10);
    } else {
      value = v.dump();
    }
    text += (text.empty() ? "" : ", ") + spec.name + " " + value + (spec.unit.empty() ? "" : " " + spec.unit);
  }
  return text;
}

std::vector<Problem> checkCriterion(const Criterion& criterion, const CriterionContext& context,
                                    const json& params) {
  std::vector<Problem> problems;
  for (std::string& message : paramProblems(criterion, params))
    problems.push_back(Problem{Severity::Fatal, "", std::move(message), {}});
  for (Problem& p : criterion.check(context, params)) problems.push_back(std::move(p));
  return problems;
}

}  // namespace clustershift
