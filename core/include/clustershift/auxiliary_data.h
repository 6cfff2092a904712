#pragma once
// The scenario's tables and optional layers (industry output, IO table, sensitive zones,
// roads), read with the same OGR readers as loadInputs. For callers that take the regions
// and parks from elsewhere (QGIS layers in layers/ and the plugin).
#include "clustershift/data.h"
#include "clustershift/scenario.h"

namespace clustershift {

/// Reads every auxiliary source the scenario names into `inputs`. Data problems go to
/// inputs.problems; a source that cannot be opened becomes a fatal problem at
/// "data.<role>.path" (instead of an IoError as in loadInputs), so every problem is listed.
void loadAuxiliaryData(const Scenario& scenario, Inputs& inputs);

}  // namespace clustershift
