// loadInputs: every scenario data source through OGR into the core tables.
#include <algorithm>

#include "clustershift/pipeline.h"
#include "io/ogr.h"
#include "io/readers.h"

namespace clustershift {

void registerDataDrivers() { detail::ensureGdal(); }

Inputs loadInputs(const Scenario& scenario, Feedback& feedback) {
  Inputs inputs;
  const DataSources& data = scenario.data;
  feedback.setProgress(0.0, "loading");
  detail::readRegions(data.regions, inputs);
  feedback.checkCanceled();
  feedback.setProgress(0.02, "loading");
  detail::readParks(data.parks, inputs);
  feedback.checkCanceled();
  feedback.setProgress(0.04, "loading");
  if (data.industryOutput) {
    inputs.industryOutput = detail::readIndustryMatrix(*data.industryOutput, inputs.problems);
  }
  if (data.ioTable) inputs.ioTable = detail::readIoTable(*data.ioTable, inputs.problems);
  if (data.exclusions) detail::readZones(*data.exclusions, inputs);
  if (data.roads) detail::readRoads(*data.roads, inputs);
  feedback.checkCanceled();
  feedback.setProgress(0.05, "loading");
  return inputs;
}

}  // namespace clustershift
