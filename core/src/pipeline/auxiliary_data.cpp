// loadAuxiliaryData: the scenario's tables and optional layers, every problem collected.
#include "clustershift/auxiliary_data.h"

#include "clustershift/error.h"
#include "io/readers.h"

namespace clustershift {
namespace {

/// Runs one reader; an unopenable source becomes a fatal problem naming the scenario key.
template <typename Read>
void collect(const char* role, const DataSource& source, Inputs& inputs, Read read) {
  try {
    read();
  } catch (const IoError& e) {
    Problem p = errorProblem(e);  // its code and values, for the UI's wording
    p.where = std::string("data.") + role + ".path '" + source.path + "'";
    p.message = e.what();
    inputs.problems.push_back(std::move(p));
  }
}

}  // namespace

void loadAuxiliaryData(const Scenario& scenario, Inputs& inputs) {
  const DataSources& data = scenario.data;
  if (data.industryOutput)
    collect("industry_output", *data.industryOutput, inputs,
            [&] { inputs.industryOutput = detail::readIndustryMatrix(*data.industryOutput, inputs.problems); });
  if (data.ioTable)
    collect("io_table", *data.ioTable, inputs,
            [&] { inputs.ioTable = detail::readIoTable(*data.ioTable, inputs.problems); });
  if (data.exclusions)
    collect("exclusions", *data.exclusions, inputs, [&] { detail::readZones(*data.exclusions, inputs); });
  if (data.roads) collect("roads", *data.roads, inputs, [&] { detail::readRoads(*data.roads, inputs); });
}

}  // namespace clustershift
