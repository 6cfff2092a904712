#pragma once
// Inputs are sacred: before anything is written, every output path is resolved (real path,
// and the same file through symbolic or hard links) against every input of the command.
// A collision is an input error naming both files.
#include <string>
#include <vector>

#include "clustershift/scenario.h"

namespace clustershift {

/// One input of a command: what it is ("table", "data.parks", "scenario") and its path.
struct NamedInput {
  std::string role;
  std::string path;
};

/// True when a and b are the same file: the same inode (symbolic or hard link) when both
/// exist, else the same path once symbolic links in the existing part are resolved.
bool samePlace(const std::string& a, const std::string& b);

/// The files that make up an input on disk: the file itself, the sidecars a format keeps next
/// to it (a shapefile's .shx/.dbf/.prj/.cpg..., a GeoPackage's -wal/-shm/-journal, a CSV's
/// .csvt) and GDAL's .aux.xml.
std::vector<std::string> inputFamily(const std::string& path);

/// Every file a scenario reads: the scenario file (when given) and each data source.
std::vector<NamedInput> scenarioInputs(const Scenario& scenario, const std::string& scenarioFile = {});

/// Throws InputError listing every output that is an input or one of its sidecars
/// ("--out t.csv: would overwrite the input table t.csv (same file); choose another output").
void checkOutputsAgainstInputs(const std::vector<std::string>& outputs,
                               const std::vector<NamedInput>& inputs);

}  // namespace clustershift

namespace clustershift {

/// A file about to be replaced must be one of ours: throws InputError when `path` exists and does
/// not start with `magic` ("%PDF-" for a report), naming the file and what it looks like instead.
void checkReplaceable(const std::string& path, const std::string& magic, const std::string& what);

}  // namespace clustershift
