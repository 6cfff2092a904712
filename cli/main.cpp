// clustershift — the headless command. Thin: parse, call, map errors to exit codes
// (0 ok, 2 bad input, 3 I/O, 1 internal). Each subcommand registers itself (commands.h).
#include "clustershift/pipeline.h"  // first: brings the system nlohmann/json before any QGIS header

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli_support.h"
#include "commands.h"

namespace {

int runCommandLine(int argc, char** argv) {
  CLI::App app{"ClusterShift: where should an industrial cluster move? Scores candidate parks for a cluster "
               "transfer, writes styled GeoPackage layers, a QGIS project and a PDF report.",
               "clustershift"};
  app.set_version_flag("--version", std::string("clustershift ") + clustershift::version());
  app.require_subcommand(1);
  // Global flags, accepted before or after the subcommand (fallthrough).
  app.fallthrough();
  clustershift::cli::CliVerbosity& verbosity = clustershift::cli::cliVerbosity();
  app.add_flag("-q,--quiet", verbosity.quiet, "No progress on stderr (errors and warnings only)");
  app.add_flag("--timings", verbosity.timings, "Print each stage's wall time, CPU time and peak memory on stderr at the end");
  clustershift::cli::addListCriteriaFlag(app);
  int exitCode = 0;
  clustershift::cli::addRunCommands(app, exitCode);
  clustershift::cli::addMcdaCommand(app, exitCode);
  clustershift::cli::addIndicesCommand(app, exitCode);
  clustershift::cli::addCompareCommand(app, exitCode);
  clustershift::cli::addReportCommand(app, exitCode);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help/version (code 0) or the usage error
    return code == 0 ? 0 : 2;      // a usage error is bad input
  }
  return exitCode;
}

/// `clustershift --job-from-stdin`, started by a run ahead of its second report language
/// (layers::ReportProcess::waitingArguments): starts QGIS while the run computes, then runs the
/// command line it reads from standard input (one JSON array of arguments on one line). Input
/// closed before a line: nothing to do.
int runJobFromStdin(char* program) {
  clustershift::cli::QgisSession qgis;  // the job's own session then uses this one
  clustershift::layers::warmUpReportEngine();  // while the run writes the results the job reads
  std::string line;
  if (!std::getline(std::cin, line) || line.empty()) return 0;
  std::vector<std::string> args{program};
  try {
    const nlohmann::json job = nlohmann::json::parse(line);
    if (!job.is_array()) throw std::invalid_argument("a JSON " + std::string(job.type_name()));
    for (const nlohmann::json& arg : job) args.push_back(arg.get<std::string>());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: --job-from-stdin: not a JSON array of arguments (%s)\n", e.what());
    return 2;
  }
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return runCommandLine(static_cast<int>(args.size()), argv.data());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == clustershift::cli::kJobFromStdin) return runJobFromStdin(argv[0]);
  return runCommandLine(argc, argv);
}
