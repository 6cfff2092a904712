#pragma once
// The blocks of the scenario file, one table of fields each (block.h), shared by
// parseScenario and toJson (scenario.cpp). Every reader collects its problems with their
// JSON paths in the JsonReader and goes on.
#include <string>

#include <nlohmann/json.hpp>

#include "clustershift/scenario.h"
#include "scenario/json_reader.h"

namespace clustershift::detail {

/// "data": regions and parks (required), industry_output, io_table, exclusions, roads.
/// Relative paths are resolved against baseDir.
void readData(JsonReader& r, const nlohmann::json& j, const std::string& path, const std::string& baseDir,
              DataSources& out);
nlohmann::json dataJson(const DataSources& d);

/// "cluster": one of preset, file (resolved against s.baseDir) or an inline profile; fills
/// s.cluster and s.clusterPreset.
void readCluster(JsonReader& r, const nlohmann::json& j, const std::string& path, Scenario& s);
/// {"profile": …, "preset": label when there is one}.
nlohmann::json clusterJson(const Scenario& s);
/// A cluster profile with its segments (shares checked to sum to 1).
void readProfile(JsonReader& r, const nlohmann::json& j, const std::string& path, ClusterProfile& c);

/// One entry of "criteria".
void readCriterion(JsonReader& r, const nlohmann::json& j, const std::string& path, CriterionSpec& c);
nlohmann::json criterionJson(const CriterionSpec& c);

/// "weighting": method, matrix, alpha, objective.
void readWeighting(JsonReader& r, const nlohmann::json& j, const std::string& path, Weighting& w);
nlohmann::json weightingJson(const Weighting& w);

}  // namespace clustershift::detail
