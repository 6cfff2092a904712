// clustershift — the headless command. Thin: parse, call, map errors to exit codes
// (0 ok, 2 bad input, 3 I/O, 1 internal). Each subcommand registers itself (commands.h).
#include "clustershift/pipeline.h"  // first: brings the system nlohmann/json before any QGIS header

#include <CLI/CLI.hpp>

#include <string>

#include "cli_support.h"
#include "commands.h"

int main(int argc, char** argv) {
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
