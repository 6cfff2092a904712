// Declared criterion parameters (Criterion::parameters()): the one validation of a
// criterion's params and the defaults filled in for compute().
#include <cmath>
#include <map>
#include <optional>
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

/// One problem of a criterion's params: the English text (criterion id, JSON path and what is
/// wrong, as paramProblems() returns it) with its code and values for the UI's wording.
Problem paramProblem(const std::string& id, const std::string& param, const std::string& text,
                     std::string code, std::map<std::string, std::string> values = {}) {
  values["criterion"] = id;
  if (!param.empty()) values["param"] = param;
  return codedProblem(Severity::Fatal, "", id + ": params" + (param.empty() ? "" : "." + param) + text, {},
                      std::move(code), std::move(values));
}

/// Problem with one number of `spec` (the value, or one value of a NumberMap), or none.
std::optional<Problem> numberProblem(const std::string& id, const std::string& param, const ParamSpec& spec,
                                     const json& v, std::map<std::string, std::string> values) {
  values["got"] = v.dump();
  if (!v.is_number()) {
    values["expected"] = "number";
    return paramProblem(id, param, ": expected a number, got " + v.dump(), "param_expected_type", values);
  }
  const double d = v.get<double>();
  if (spec.type == ParamType::Integer && d != std::floor(d)) {
    values["expected"] = "integer";
    return paramProblem(id, param, ": expected a whole number, got " + v.dump(), "param_expected_type",
                        values);
  }
  if (!inRange(spec, d))
    return paramProblem(id, param, ": must be " + paramRangeText(spec) + ", got " + v.dump(),
                        "param_out_of_range", values);
  return std::nullopt;
}

std::vector<Problem> codedParamProblems(const Criterion& criterion, const json& params) {
  std::vector<Problem> problems;
  const std::string id = criterion.id();
  auto required = [&](const ParamSpec& spec) {
    problems.push_back(paramProblem(id, spec.name, " is required (" + spec.doc + ")", "param_required"));
  };
  if (params.is_null()) {
    for (const ParamSpec& spec : criterion.parameters())
      if (spec.required) required(spec);
    return problems;
  }
  if (!params.is_object()) {
    problems.push_back(paramProblem(id, "", ": expected an object, got " + params.dump(), "params_not_object",
                                    {{"got", params.dump()}}));
    return problems;
  }
  const std::vector<ParamSpec> specs = criterion.parameters();
  for (auto it = params.begin(); it != params.end(); ++it) {
    const std::string& name = it.key();
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (spec == nullptr) {
      problems.push_back(paramProblem(id, name, ": unknown parameter (known: " + knownList(specs) + ")",
                                      "param_unknown", {{"known", knownList(specs)}}));
      continue;
    }
    const json& v = it.value();
    if (v.is_null()) continue;  // null: the default
    switch (spec->type) {
      case ParamType::Boolean:
        if (!v.is_boolean())
          problems.push_back(paramProblem(id, name, ": expected true or false, got " + v.dump(),
                                          "param_expected_type",
                                          {{"expected", "boolean"}, {"got", v.dump()}}));
        break;
      case ParamType::Number:
      case ParamType::Integer:
        if (auto p = numberProblem(id, name, *spec, v, {})) problems.push_back(std::move(*p));
        break;
      case ParamType::NumberMap:
        if (!v.is_object()) {
          problems.push_back(paramProblem(id, name, ": expected an object {name: number}, got " + v.dump(),
                                          "param_expected_type",
                                          {{"expected", "number_map"}, {"got", v.dump()}}));
          break;
        }
        for (auto e = v.begin(); e != v.end(); ++e) {
          if (auto p = numberProblem(id, name + "." + e.key(), *spec, e.value(), {{"entry", e.key()}})) {
            p->values["param"] = name;
            problems.push_back(std::move(*p));
          }
        }
        break;
      case ParamType::TextList:
        if (!v.is_array() || v.empty()) {
          problems.push_back(paramProblem(id, name, ": expected a non-empty list of texts, got " + v.dump(),
                                          "param_expected_type",
                                          {{"expected", "text_list"}, {"got", v.dump()}}));
          break;
        }
        for (std::size_t k = 0; k < v.size(); ++k) {
          if (!v[k].is_string() || v[k].get<std::string>().empty()) {
            Problem p = paramProblem(id, name + "[" + std::to_string(k) + "]",
                                     ": expected a text, got " + v[k].dump(), "param_expected_type",
                                     {{"expected", "text"}, {"got", v[k].dump()}});
            p.values["param"] = name;
            problems.push_back(std::move(p));
          }
        }
        break;
    }
  }
  for (const ParamSpec& spec : specs) {
    if (spec.required && (!params.contains(spec.name) || params.at(spec.name).is_null())) required(spec);
  }
  return problems;
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
  for (const Problem& p : codedParamProblems(criterion, params)) problems.push_back(p.message);
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

std::vector<Problem> checkCriterion(const Criterion& criterion, const CriterionContext& context,
                                    const json& params) {
  std::vector<Problem> problems = codedParamProblems(criterion, params);
  for (Problem& p : criterion.check(context, params)) problems.push_back(std::move(p));
  return problems;
}

}  // namespace clustershift
