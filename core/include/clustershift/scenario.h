#pragma once
// The scenario: everything one run needs, read from a versioned JSON file.
// Unknown keys and wrong types are InputErrors whose message starts with the JSON path,
// e.g. "criteria[2].weight: expected a number, got \"high\"".
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace clustershift {

constexpr int kScenarioVersion = 1;

/// One OGR data source and the mapping of core columns to its field names.
/// A database table is path "PG:service=planning" (or another libpq connection string without
/// a password) and layer "schema.table"; a spreadsheet table is an .xlsx/.ods path and layer
/// the sheet name.
struct DataSource {
  std::string path;      ///< absolute after loading (resolved against the scenario's folder)
  std::string layer;     ///< empty: the first layer (sheet); "schema.table" for PostgreSQL
  long long headerRow = 0;  ///< spreadsheets: 1-based row naming the columns; 0 = detect
  std::string encoding;  ///< e.g. "GBK" for DBFs without .cpg; empty: as GDAL detects
  std::string coordinates = "wgs84";  ///< wgs84 | gcj02 | bd09 (park points from web maps)
  /// core column -> source field. Missing entries default to the core column name.
  std::map<std::string, std::string> fields;
  std::string field(const std::string& coreColumn) const;
};

struct DataSources {
  DataSource regions;
  DataSource parks;
  std::optional<DataSource> industryOutput;  ///< CSV/table: region id × industry output
  std::optional<DataSource> ioTable;         ///< CSV: technical coefficients
  std::optional<DataSource> exclusions;      ///< sensitive-zone polygons
  std::optional<DataSource> roads;
};

/// One value-chain link of a cluster (R&D, production, brand...).
struct Segment {
  std::string id;
  std::string name;
  std::string nameZh;
  double outputShare = 0;         ///< share of cluster output, [0,1]
  double jobShare = 0;            ///< share of cluster jobs, [0,1]
  double vaRate = 0;              ///< value added / output, [0,1]
  double knowledgeIntensity = 0;  ///< [0,1]
  double jobsPerHa = 0;           ///< land need: jobs per hectare of park land (> 0)
  bool movable = false;           ///< moves by default in a partial transfer
};

/// A cluster profile (sample_data/clusters/*.json or inline in the scenario).
struct ClusterProfile {
  std::string id;
  std::string name;
  std::string nameZh;
  std::string industry;        ///< industry code as in the industry-output table
  double outputYuan100m = 0;   ///< annual output X (亿元)
  double jobs = 0;             ///< employment E (persons)
  double rdYuan100m = 0;       ///< the cluster's annual R&D spending at the source (亿元)
  std::vector<Segment> segments;
};

enum class TransferMode { Complete, Partial, Replication };
std::string toString(TransferMode mode);
TransferMode transferModeFromString(const std::string& text);  // throws InputError

enum class Direction { Benefit, Cost };
std::string toString(Direction direction);

/// Value function turning raw criterion values into [0,1] scores.
struct ValueFunction {
  std::string type = "minmax";  ///< minmax | vector | none | linear | sigmoid | gaussian
  std::map<std::string, double> params;  ///< lo, hi | mid, steepness | target, width
};

/// One criterion as the scenario configures it.
struct CriterionSpec {
  std::string id;  ///< registry id, e.g. "labour_cost" or "field:gdp_per_capita"
  bool enabled = true;
  std::optional<Direction> direction;  ///< empty: the criterion's default
  ValueFunction valueFunction;
  double weight = 1.0;
  std::optional<double> min;  ///< hard constraint on the raw value
  std::optional<double> max;
  nlohmann::json params = nlohmann::json::object();  ///< criterion-specific options (radius_km...)
};

struct Weighting {
  std::string method = "direct";  ///< direct | ahp | entropy | critic | blend
  std::vector<std::vector<double>> matrix;  ///< AHP pairwise matrix, criteria order
  double alpha = 0.5;             ///< blend: alpha*subjective + (1-alpha)*objective
  std::string objective = "entropy";  ///< blend: entropy | critic
};

struct Uncertainty {
  int draws = 0;               ///< 0: no robustness analysis
  unsigned seed = 42;
  double concentration = 50;   ///< Dirichlet kappa; 0 = uniform on the simplex
  int k = 5;                   ///< P(top-k)
};

struct ReportOptions {
  std::string language = "zh_CN";  ///< zh_CN | en
  int topN = 10;
  std::string author;
};

/// Candidate sites other than the park layer's own features (docs/model.md, "Candidate sites").
/// With gridKm > 0 a regular grid of gridKm × gridKm cells over the regions (in an equal-area
/// plane) replaces the parks as candidates, e.g. to find land for a new co-built park (飞地园区).
struct CandidateOptions {
  double gridKm = 0;     ///< cell side (km); 0: the park layer's features are the candidates
  int keep = 1000;       ///< grid: best cells kept as candidates (GeoPackage, report)
  bool raster = true;    ///< grid: also write every cell's score as a GeoTIFF
  double spacingKm = 5;  ///< grid: no two kept cells closer than this (centre to centre); 0: off
  int perRegion = 3;     ///< grid: at most this many kept cells in one region; 0: no limit
};

struct Scenario {
  int version = kScenarioVersion;
  std::string name;  ///< machine name: file stem style, used for output names
  std::map<std::string, std::string> title;  ///< language -> title ("zh_CN", "en")
  std::string description;
  std::string baseDir;  ///< folder the scenario was read from

  DataSources data;
  ClusterProfile cluster;
  std::string clusterPreset;  ///< preset name when the profile came from one

  std::string sourceRegion;            ///< region id (GB/T 2260 code in the sample)
  std::optional<double> sourceLon;     ///< explicit cluster location (degrees)
  std::optional<double> sourceLat;

  TransferMode mode = TransferMode::Complete;
  std::vector<std::string> movedSegments;  ///< partial: ids; empty -> the movable ones
  double replicationScale = 0.5;           ///< lambda
  std::string templatePark;                ///< replication: park id

  std::vector<CriterionSpec> criteria;
  Weighting weighting;
  std::string aggregation = "wlc";  ///< wlc | wpm | topsis
  std::string missing = "exclude";  ///< policy for NULL raw values: exclude | worst | mean
  Uncertainty uncertainty;
  nlohmann::json effects = nlohmann::json::object();  ///< effects block (parsed by effects code)
  ReportOptions report;
  CandidateOptions candidates;

  std::string titleFor(const std::string& language) const;
  /// The segments that move under the mode (all for complete/replication).
  std::vector<const Segment*> movedSegmentList() const;
};

/// Parses a scenario. baseDir resolves relative data paths and cluster profile files.
/// Throws ValidationError listing every problem, each with its JSON path.
Scenario parseScenario(const nlohmann::json& json, const std::string& baseDir);
/// Reads and parses a scenario file. Throws IoError when unreadable, ValidationError otherwise.
Scenario loadScenario(const std::string& path);
/// Serialises a scenario (round-trips through parseScenario).
nlohmann::json toJson(const Scenario& scenario);

/// Parses a cluster profile object; path prefix used in messages.
ClusterProfile parseClusterProfile(const nlohmann::json& json, const std::string& jsonPath);
/// Folder holding preset cluster profiles (<name>.json): $CLUSTERSHIFT_DATA/clusters,
/// then the installed share folder, then the source tree's sample_data/clusters.
std::vector<std::string> presetSearchPath();

}  // namespace clustershift
