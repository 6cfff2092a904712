// `clustershift compare SCENARIO [--out DIR]`: the scenario's cluster, source and host choice
// under complete, partial and replication transfer, side by side. Writes
// DIR/<scenario name>_compare.csv and prints the comparison as a table. Core only (QGIS is not started).
#include "clustershift/effects.h"  // clustershift headers first: see the note in layers.h
#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/output_guard.h"
#include "clustershift/pipeline.h"
#include "clustershift/scenario.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"

namespace clustershift::cli {
namespace {

struct CompareOptions {
  std::string scenario;
  std::string out = ".";
};

int compare(const CompareOptions& options) {
  const Scenario scenario = loadScenario(options.scenario);
  checkOutputsAgainstInputs({(std::filesystem::path(options.out) / (scenario.name + "_compare.csv")).string()},
                            scenarioInputs(scenario, options.scenario));
  Feedback feedback;
  const Inputs inputs = loadInputs(scenario, feedback);
  const Results ranking = run(scenario, inputs, feedback);
  const ModeComparison comparison = compareModes(scenario, inputs, ranking, feedback);

  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec) throw IoError(options.out + ": cannot create the output folder (" + ec.message() + ")");
  const std::string path = (std::filesystem::path(options.out) / (scenario.name + "_compare.csv")).string();
  writeComparisonCsv(path, comparison);

  std::printf("%s — %s\n", scenario.name.c_str(), scenario.titleFor("en").c_str());
  std::printf("%s", comparisonTable(comparison).c_str());
  std::printf("written: %s\n", path.c_str());
  const std::vector<Problem> warnings = feedback.warnings();
  if (!warnings.empty()) {
    std::fprintf(stderr, "%s: %zu warnings\n", scenario.name.c_str(), warnings.size());
    printProblems(warnings, 5);
  }
  return 0;
}

}  // namespace

void addCompareCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* sub = app.add_subcommand(
      "compare",
      "Project the transfer effects of a scenario under all three modes (complete, partial, "
      "replication) with the same host; write <name>_compare.csv and print the table");
  sub->add_option("scenario", options->scenario, "Scenario JSON file")->required()->check(CLI::ExistingFile);
  sub->add_option("--out", options->out, "Output folder (created if missing; default: current folder)");
  sub->callback([options, &exitCode] { exitCode = guarded([&] { return compare(*options); }); });
}

}  // namespace clustershift::cli
