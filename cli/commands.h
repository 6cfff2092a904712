#pragma once
// Each subcommand lives in its own file and adds itself to the app here.
// The callback stores the process exit code in `exitCode` (0 ok, 2 bad input, 3 I/O, 1 internal).
namespace CLI {
class App;
}

namespace clustershift::cli {

void addRunCommands(CLI::App& app, int& exitCode);      ///< demo, run, validate (run_commands.cpp)
void addMcdaCommand(CLI::App& app, int& exitCode);      ///< mcda (mcda_command.cpp)
void addIndicesCommand(CLI::App& app, int& exitCode);   ///< indices relatedness|structure|io (indices_command.cpp)

void addCompareCommand(CLI::App& app, int& exitCode);   ///< compare (compare_command.cpp)
void addReportCommand(CLI::App& app, int& exitCode);    ///< report (report_command.cpp)
void addListCriteriaFlag(CLI::App& app);                ///< --list-criteria (list_criteria.cpp)

}  // namespace clustershift::cli
