// loadInputs: every scenario data source through OGR into the core tables.
#include <exception>
#include <future>
#include <utility>

#include "clustershift/pipeline.h"
#include "io/ogr.h"
#include "io/readers.h"

namespace clustershift {

void registerDataDrivers() { detail::ensureGdal(); }

Inputs loadInputs(const Scenario& scenario, Feedback& feedback) {
  const DataSources& data = scenario.data;
  feedback.setProgress(0.0, "loading");
  // The regions (every boundary transformed and checked by GEOS: 0.3 s of the national bench's
  // 2,850 regions of ~200 vertices, perf) are read on a second thread while this one reads the
  // parks, tables, zones and roads. Each reader has its own dataset, GEOS context (per thread)
  // and problem list; the problems are joined in the order the sources were read in before.
  Inputs regions;
  std::future<void> regionsRead =
      std::async(std::launch::async, [&] { detail::readRegions(data.regions, regions); });
  Inputs inputs;
  std::exception_ptr failure;
  try {
    detail::readParks(data.parks, inputs);
    feedback.checkCanceled();
    feedback.setProgress(0.02, "loading");
    if (data.industryOutput)
      inputs.industryOutput = detail::readIndustryMatrix(*data.industryOutput, inputs.problems);
    if (data.ioTable) inputs.ioTable = detail::readIoTable(*data.ioTable, inputs.problems);
    if (data.exclusions) detail::readZones(*data.exclusions, inputs);
    if (data.roads) detail::readRoads(*data.roads, inputs);
  } catch (...) {
    failure = std::current_exception();
  }
  regionsRead.get();  // the regions' error first, as when they were read first
  if (failure) std::rethrow_exception(failure);
  inputs.regionsLabel = std::move(regions.regionsLabel);
  inputs.regions = std::move(regions.regions);
  regions.problems.insert(regions.problems.end(), std::make_move_iterator(inputs.problems.begin()),
                          std::make_move_iterator(inputs.problems.end()));
  inputs.problems = std::move(regions.problems);
  feedback.checkCanceled();
  feedback.setProgress(0.05, "loading");
  return inputs;
}

}  // namespace clustershift
