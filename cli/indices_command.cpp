// `clustershift indices relatedness|structure|io`: economic indices on a planner's own
// yearbook tables (CSV), no GIS. Thin: parse options, read CSV through core, call the
// functions of clustershift/indices.h, write CSV.
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "clustershift/error.h"
#include "clustershift/indices.h"
#include "clustershift/output_guard.h"
#include "command_guard.h"
#include "commands.h"

namespace clustershift::cli {
namespace {

namespace fs = std::filesystem;

struct RelatednessOptions {
  std::string matrix;
  std::string out;
  double threshold = 1.0;
};

struct StructureOptions {
  std::string table;
  std::string out;
  std::vector<std::string> fields;
};

struct IoOptions {
  std::string coefficients;
  std::string transactions;
  std::string output;
  std::string out;
};

void makeDirectory(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw IoError(dir + ": cannot create directory (" + ec.message() + ")");
}

std::string join(const std::string& dir, const std::string& file) {
  return (fs::path(dir) / file).string();
}

void warn(const std::string& message) { std::cerr << "clustershift indices: warning: " << message << "\n"; }

// Every cell present and non-negative; errors name file, row, column and value.
Eigen::MatrixXd nonNegativeMatrix(const CsvTable& table) {
  const Eigen::MatrixXd m = table.matrix();
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c)
      if (m(r, c) < 0)
        throw InputError(table.where(static_cast<int>(r), static_cast<int>(c)) + ": value is negative (" +
                         std::to_string(m(r, c)) + ")");
  return m;
}

// ---- relatedness -------------------------------------------------------------------------

// Output files in a folder must not be one of the inputs (e.g. --out . next to rca.csv as input).
void checkFolderOutputs(const std::string& dir, const std::vector<std::string>& names,
                        const std::vector<NamedInput>& inputs) {
  std::vector<std::string> outputs;
  for (const auto& n : names) outputs.push_back(join(dir, n));
  checkOutputsAgainstInputs(outputs, inputs);
}

void runRelatedness(const RelatednessOptions& o) {
  checkFolderOutputs(o.out, {"rca.csv", "presence.csv", "proximity.csv", "density.csv"}, {{"matrix", o.matrix}});
  const CsvTable table = readCsvTable(o.matrix);
  const Eigen::MatrixXd x = nonNegativeMatrix(table);
  if (!(x.sum() > 0)) throw InputError(o.matrix + ": all values are zero");
  const Relatedness r = computeRelatedness(x, o.threshold);
  makeDirectory(o.out);
  writeCsvTable(join(o.out, "rca.csv"), makeCsvTable(table.idColumn, table.rowIds, table.columns, r.rca));
  writeCsvTable(join(o.out, "presence.csv"),
                makeCsvTable(table.idColumn, table.rowIds, table.columns, r.presence));
  writeCsvTable(join(o.out, "proximity.csv"),
                makeCsvTable("industry", table.columns, table.columns, r.proximity));
  writeCsvTable(join(o.out, "density.csv"),
                makeCsvTable(table.idColumn, table.rowIds, table.columns, r.density));
}

// ---- structure ---------------------------------------------------------------------------

void runStructure(const StructureOptions& o) {
  static const std::vector<std::string> kKeys = {"id", "y1", "y2", "y3", "l1", "l2", "l3"};
  std::map<std::string, std::string> map;
  for (const auto& k : kKeys) map[k] = k;
  for (const auto& f : o.fields) {
    const auto eq = f.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == f.size())
      throw InputError("--fields: expected KEY=COLUMN, got '" + f + "'");
    const std::string key = f.substr(0, eq);
    if (map.count(key) == 0)
      throw InputError("--fields: unknown key '" + key + "' (known: id, y1, y2, y3, l1, l2, l3)");
    map[key] = f.substr(eq + 1);
  }
  checkOutputsAgainstInputs({o.out}, {{"table", o.table}});
  CsvReadOptions read;
  read.idColumn = map["id"];
  for (const auto& k : {"y1", "y2", "y3", "l1", "l2", "l3"}) read.columns.push_back(map[k]);
  const CsvTable table = readCsvTable(o.table, read);

  Eigen::MatrixXd result(static_cast<Eigen::Index>(table.rowIds.size()), 3);
  for (std::size_t r = 0; r < table.rowIds.size(); ++r) {
    const auto& v = table.values[r];
    for (std::size_t c = 0; c < 6; ++c)
      if (v[c] < 0)
        throw InputError(table.where(static_cast<int>(r), static_cast<int>(c)) + ": value is negative (" +
                         std::to_string(v[c]) + ")");
    const StructureIndices s = structureIndices({v[0], v[1], v[2]}, {v[3], v[4], v[5]});
    for (const auto& w : s.warnings) warn(table.where(static_cast<int>(r), -1) + ": " + w);
    const auto row = static_cast<Eigen::Index>(r);
    result(row, 0) = s.ts;
    result(row, 1) = s.isu;
    result(row, 2) = s.theil;
  }
  const fs::path parent = fs::path(o.out).parent_path();
  if (!parent.empty()) makeDirectory(parent.string());
  writeCsvTable(o.out, makeCsvTable("id", table.rowIds, {"ts", "isu", "theil"}, result));
}

// ---- io ----------------------------------------------------------------------------------

// Total outputs x from a labelled CSV: one value column (or one named x / output), rows
// matched to the sectors by label.
Eigen::VectorXd readOutputs(const std::string& path, const std::vector<std::string>& sectors) {
  const CsvTable t = readCsvTable(path);
  int column = 0;
  if (t.columns.size() > 1) {
    column = -1;
    for (const char* name : {"x", "output", "total_output"})
      if (column < 0) column = t.columnIndex(name);
    if (column < 0)
      throw InputError(path + ": expected one value column (or one named x, output or total_output)");
  }
  if (t.rowIds.size() != sectors.size())
    throw InputError(path + ": has " + std::to_string(t.rowIds.size()) + " sectors, the transactions table " +
                     std::to_string(sectors.size()));
  Eigen::VectorXd x(static_cast<Eigen::Index>(sectors.size()));
  for (std::size_t i = 0; i < sectors.size(); ++i) {
    const int row = t.rowIndex(sectors[i]);
    if (row < 0) throw InputError(path + ": no row for sector '" + sectors[i] + "'");
    const double v = t.values[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
    if (std::isnan(v)) throw InputError(t.where(row, column) + ": value is empty");
    x(static_cast<Eigen::Index>(i)) = v;
  }
  return x;
}

void runIo(const IoOptions& o) {
  checkFolderOutputs(o.out, {"coefficients.csv", "leontief.csv", "multipliers.csv"},
                     {{"coefficient table", o.coefficients}, {"transactions table", o.transactions},
                      {"output table", o.output}});
  std::vector<std::string> sectors;
  std::string idColumn = "sector";
  Eigen::MatrixXd a;
  if (!o.coefficients.empty()) {
    const CsvTable t = readCsvTable(o.coefficients);
    const IoTable io = ioTableFromCsv(t);
    sectors = io.sectors;
    idColumn = t.idColumn;
    a = toMatrix(io);
  } else {
    const CsvTable t = readCsvTable(o.transactions);
    const IoTable z = ioTableFromCsv(t, "transactions table");
    sectors = z.sectors;
    idColumn = t.idColumn;
    a = technicalCoefficients(toMatrix(z), readOutputs(o.output, sectors), sectors);
  }
  const Eigen::MatrixXd l = leontiefInverse(a, sectors);
  const Eigen::VectorXd m = outputMultipliers(l);
  makeDirectory(o.out);
  if (o.coefficients.empty())
    writeCsvTable(join(o.out, "coefficients.csv"), makeCsvTable(idColumn, sectors, sectors, a));
  writeCsvTable(join(o.out, "leontief.csv"), makeCsvTable(idColumn, sectors, sectors, l));
  writeCsvTable(join(o.out, "multipliers.csv"), makeCsvTable(idColumn, sectors, {"multiplier"}, m));
}

}  // namespace

void addIndicesCommand(CLI::App& app, int& exitCode) {
  CLI::App* indices = app.add_subcommand(
      "indices", "Economic indices on your own tables (CSV): relatedness, structure, input-output");
  indices->require_subcommand(1);

  auto rel = std::make_shared<RelatednessOptions>();
  CLI::App* relSub = indices->add_subcommand(
      "relatedness",
      "RCA, presence, proximity and relatedness density (Hidalgo et al. 2007) from a region x industry "
      "output table -> rca.csv, presence.csv, proximity.csv, density.csv");
  relSub->add_option("MATRIX", rel->matrix, "CSV: first column region id, one column per industry")
      ->required();
  relSub->add_option("--out", rel->out, "Output folder")->required();
  relSub->add_option("--threshold", rel->threshold, "RCA threshold for presence (default 1)")
      ->check(CLI::Range(1e-9, 1e9));
  relSub->callback(
      [rel, &exitCode] { exitCode = guardedCommand("indices relatedness", [&] { runRelatedness(*rel); }); });

  auto st = std::make_shared<StructureOptions>();
  CLI::App* stSub = indices->add_subcommand(
      "structure",
      "Structure indices TS = Y3/Y2, ISU = sum s*Ys/Y and Theil (Gan, Zheng & Yu 2011) per region -> "
      "id, ts, isu, theil");
  stSub->add_option("TABLE", st->table, "CSV with columns id, y1, y2, y3 (value added), l1, l2, l3 (jobs)")
      ->required();
  stSub->add_option("--out", st->out, "Output CSV")->required();
  stSub->add_option("--fields", st->fields,
                    "Other column names, comma-separated KEY=COLUMN (keys id, y1..y3, l1..l3), "
                    "e.g. id=code,y1=va_primary")
      ->delimiter(',');
  stSub->callback(
      [st, &exitCode] { exitCode = guardedCommand("indices structure", [&] { runStructure(*st); }); });

  auto io = std::make_shared<IoOptions>();
  CLI::App* ioSub = indices->add_subcommand(
      "io",
      "Leontief inverse (I - A)^-1 and output multipliers (column sums) -> leontief.csv, multipliers.csv");
  auto* aOpt = ioSub->add_option("A", io->coefficients,
                                 "CSV of technical coefficients a_ij (n x n, same labels on both axes)");
  auto* zOpt = ioSub->add_option("--transactions", io->transactions,
                                 "CSV of inter-industry transactions Z instead of A (needs --output)");
  auto* xOpt = ioSub->add_option("--output", io->output,
                                 "CSV of total outputs x per sector (label column + one value column)");
  ioSub->add_option("--out", io->out, "Output folder")->required();
  aOpt->excludes(zOpt);
  zOpt->excludes(aOpt);
  zOpt->needs(xOpt);
  xOpt->needs(zOpt);
  ioSub->callback([io, &exitCode] {
    if (io->coefficients.empty() && io->transactions.empty()) {
      std::cerr << "clustershift indices io: give a coefficient table A.csv or --transactions Z.csv "
                   "--output x.csv\n";
      exitCode = 2;
      return;
    }
    exitCode = guardedCommand("indices io", [&] { runIo(*io); });
  });
}

}  // namespace clustershift::cli
