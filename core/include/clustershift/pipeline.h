#pragma once
// One run: the same entry point serves plugin, processing algorithms and CLI.
#include <string>

#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

namespace clustershift {

/// Reads the scenario's data sources with OGR (any format), applies the field map,
/// transforms to lon/lat, repairs invalid geometry (warning), and collects every data
/// problem into Inputs::problems. Throws IoError when a source cannot be opened.
Inputs loadInputs(const Scenario& scenario, Feedback& feedback);

/// Checks inputs against what the scenario needs (fields for enabled criteria, source
/// region present, duplicate ids, parks outside regions, ...). Returns every problem.
std::vector<Problem> validate(const Scenario& scenario, const Inputs& inputs);

/// Joins, computes criteria, weights, aggregates, ranks, applies constraints.
/// Throws ValidationError when validate() finds fatal problems; Cancelled on cancel.
Results run(const Scenario& scenario, Inputs inputs, Feedback& feedback);

/// Library version string ("0.1.0").
const char* version();

}  // namespace clustershift
