#pragma once
// What a run produces. layers/ turns this into GeoPackage layers, a project and a report.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clustershift/data.h"
#include "clustershift/grid_geometry.h"
#include "clustershift/effects.h"
#include "clustershift/error.h"
#include "clustershift/scenario.h"

namespace clustershift {

/// Per criterion and park: raw value, normalised value [0,1], contribution to the score.
struct CriterionScore {
  double raw = kNaN;      ///< in the criterion's unit (Criterion::unit())
  double norm = kNaN;     ///< value function result, 0–1 (1 = best)
  double contrib = kNaN;  ///< weight · norm (score points)
};

struct ParkResult {
  int park = -1;  ///< index into Inputs::parks
  std::string id;
  std::string name;
  std::string nameZh;
  std::string regionId;    ///< empty when outside every region
  std::string regionName;
  double lon = kNaN, lat = kNaN;  ///< degrees (WGS84)
  double score = kNaN;            ///< 0–1 for wlc; NaN when excluded
  int rank = 0;            ///< 1 = best; 0 when excluded; ties share the better rank
  std::string status = "ok";  ///< ok | excluded
  std::string reason;      ///< why excluded (English; stable wording)
  std::vector<CriterionScore> criteria;  ///< same order as Results::criteria
  /// The two criteria that most separate the park from the next better-ranked one, e.g.
  /// "behind P2 mainly on labour_cost (-0.120) and land (-0.050)"; empty for rank 1 / excluded.
  std::string explanation;
  // Robustness (SMAA); NaN when not computed. Probabilities 0–1, ranks (1 = best).
  double pTop1 = kNaN, pTopK = kNaN, rankMean = kNaN, rankP05 = kNaN, rankP95 = kNaN;
};

/// Summary of one criterion used in the run.
struct CriterionInfo {
  std::string id;
  std::string label;      ///< English label
  std::string labelZh;
  std::string unit;
  Direction direction = Direction::Benefit;
  std::string valueFunction;
  double weight = 0;      ///< final normalised weight
};

/// A transfer flow from the source to one host park.
struct Flow {
  int park = -1;
  std::string parkId;
  int rank = 0;
  double score = kNaN;
  double fromLon = kNaN, fromLat = kNaN, toLon = kNaN, toLat = kNaN;  ///< degrees (WGS84)
  double distanceKm = kNaN;
  double movedOutputYuan100m = kNaN;    ///< effects: output moved to the host (亿元/yr)
  double movedVaYuan100m = kNaN;        ///< effects: value added moved (亿元/yr)
  double movedJobs = kNaN;              ///< effects: jobs moved (persons, not 10k persons)
  double knowledgeFlowYuan100m = kNaN;  ///< effects: knowledge flow source -> host (亿元/yr)
};

/// Every cell's score of a candidate grid (scenario.candidates.gridKm > 0), row-major from the
/// north-west corner, in a Lambert azimuthal equal-area plane; NaN where a cell is outside every
/// region or excluded. Written as a GeoTIFF by writeScoreGrid (pipeline.h).
struct ScoreGrid : GridGeometry {
  std::vector<float> score;         ///< width × height
  long long cells = 0;              ///< cells inside the regions (the candidates screened)
  long long scored = 0;             ///< cells with a score (not excluded)
};

struct Results {
  Scenario scenario;
  std::string sourceRegionId;
  std::string sourceRegionName;
  double sourceLon = kNaN, sourceLat = kNaN;  ///< degrees (WGS84)
  std::vector<CriterionInfo> criteria;
  std::map<std::string, double> weightingInfo;  ///< e.g. lambda_max, ci, cr for AHP
  std::vector<ParkResult> parks;   ///< same order as Inputs::parks
  std::vector<Flow> flows;         ///< source -> top 5 feasible parks
  std::vector<Problem> warnings;
  std::string runTime;             ///< ISO 8601 UTC
  std::optional<EffectsResult> effects;  ///< transfer effects (attachEffects, effects.h)
  std::optional<ModeComparison> modeComparison;  ///< the three modes side by side (compareModes), when asked for
  std::optional<ScoreGrid> scoreGrid;  ///< candidate grid runs: every cell's score; parks = the best cells

  /// Indices into parks sorted by rank (excluded last).
  std::vector<int> ranking() const;
};

}  // namespace clustershift
