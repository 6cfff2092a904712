// clustershift --list-criteria: every registered criterion with its declared parameters
// (Criterion::parameters()), the same declaration that validate, the plugin and the report
// read. Needs no QGIS.
#include "clustershift/criterion.h"  // first: brings the system nlohmann/json before any QGIS header

#include <CLI/CLI.hpp>

#include <string>

#include "commands.h"
#include "clustershift/util.h"

namespace clustershift::cli {

namespace {

std::string defaultText(const nlohmann::json& v) {
  if (v.is_null()) return "automatic";
  if (v.is_object() && v.empty()) return "none";
  if (v.is_number()) return util::formatNumber(v.get<double>());  // 50, not 50.0
  return v.dump();
}

void listCriteria() {
  const CriterionRegistry& registry = CriterionRegistry::instance();
  for (const std::string& id : registry.ids()) {
    const bool prefix = id.find('<') != std::string::npos;
    const auto criterion = registry.create(prefix ? id.substr(0, id.find('<')) + "name" : id);
    std::printf("%s\n  %s (%s); unit: %s; default direction: %s\n", id.c_str(),
                prefix ? "A numeric park or region field" : criterion->label().c_str(),
                prefix ? "数值字段" : criterion->labelZh().c_str(),
                prefix ? "the field's" : criterion->unit().c_str(),
                criterion->defaultDirection() == Direction::Cost ? "cost" : "benefit");
    for (const ParamSpec& spec : criterion->parameters()) {
      const bool ranged = spec.type != ParamType::Boolean && spec.type != ParamType::TextList;
      const std::string range = ranged ? ", " + paramRangeText(spec) : "";
      std::printf("  params.%s — %s (%s): %s%s%s, default %s%s. %s\n", spec.name.c_str(), spec.label.c_str(),
                  spec.labelZh.c_str(), paramTypeName(spec.type), spec.unit.empty() ? "" : " in ",
                  spec.unit.c_str(),
                  (spec.required ? std::string("none (required)") : defaultText(spec.defaultValue)).c_str(),
                  range.c_str(), spec.doc.c_str());
    }
  }
}

}  // namespace

void addListCriteriaFlag(CLI::App& app) {
  app.add_flag_callback(
      "--list-criteria",
      [] {
        listCriteria();
        throw CLI::Success();
      },
      "List the criteria with their parameters (type, unit, default, range) and exit");
}

}  // namespace clustershift::cli
