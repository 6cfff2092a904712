#pragma once
// The scenario's "candidates" block: {"grid_km": 1, "keep": 1000, "raster": true}.
#include <string>

#include <nlohmann/json.hpp>

#include "clustershift/scenario.h"
#include "scenario/json_reader.h"

namespace clustershift::detail {

/// Reads the block at `path` into `options`, every problem with its JSON path.
void parseCandidates(JsonReader& reader, const nlohmann::json& json, const std::string& path,
                     CandidateOptions& options);
/// The block as parseCandidates reads it.
nlohmann::json candidatesJson(const CandidateOptions& options);

}  // namespace clustershift::detail
