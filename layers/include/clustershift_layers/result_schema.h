#pragma once
// The results GeoPackage, table by table: names, fields and units. Writers
// (layers/src/result_layers.cpp, run_info.cpp), the report (report_source.cpp) and the plugin
// read the names here, so a table or field is renamed in one place. The run_info JSON is
// described in layers/src/run_info.h.
#include <QString>

namespace clustershift::layers::schema {

enum class FieldType { Text, Real, Integer };

/// One field of a result table.
struct Field {
  const char* name;
  FieldType type;
  const char* unit;  ///< "" when dimensionless or text
};

// ---- table names ----------------------------------------------------------------------
inline constexpr char kCandidates[] = "candidate_scores";  ///< points: one row per candidate park
inline constexpr char kFlows[] = "transfer_flows";         ///< curved lines source -> ranked parks
inline constexpr char kRegions[] = "regions";              ///< the input regions with results
inline constexpr char kCatchments[] = "catchments";        ///< labour catchment circles of the top parks
inline constexpr char kRunInfo[] = "run_info";             ///< one row, field "json" (run_info.h)
inline constexpr char kRegionEffects[] = "region_effects";
inline constexpr char kEffectsTimeline[] = "effects_timeline";
inline constexpr char kCoupling[] = "coupling";
inline constexpr char kSensitiveZones[] = "sensitive_zones";

/// The name as a QString (QStringLiteral needs a literal).
inline QString name(const char* table) { return QString::fromLatin1(table); }

// ---- candidate_scores -----------------------------------------------------------------
/// Fixed fields, in order. Then per criterion <prefix>_raw (the criterion's unit), _norm (0–1)
/// and _contrib (score points), prefix = criterionFieldPrefix(id); then, with a robustness
/// analysis, kRobustnessFields.
inline constexpr Field kCandidateFields[] = {
    {"id", FieldType::Text, ""},      {"name", FieldType::Text, ""},
    {"name_zh", FieldType::Text, ""}, {"region_id", FieldType::Text, ""},
    {"region", FieldType::Text, ""},  {"score", FieldType::Real, "0–1"},
    {"rank", FieldType::Integer, ""}, {"status", FieldType::Text, ""},  ///< ranked | excluded | outside
    {"reason", FieldType::Text, ""},  {"explanation", FieldType::Text, ""},
};
inline constexpr const char* kCriterionSuffixes[] = {"_raw", "_norm", "_contrib"};
inline constexpr Field kRobustnessFields[] = {
    {"p_top1", FieldType::Real, "probability"}, {"p_topk", FieldType::Real, "probability"},
    {"rank_mean", FieldType::Real, "rank"},     {"rank_p05", FieldType::Real, "rank"},
    {"rank_p95", FieldType::Real, "rank"},
};

// ---- transfer_flows -------------------------------------------------------------------
inline constexpr Field kFlowFields[] = {
    {"park_id", FieldType::Text, ""},           {"name", FieldType::Text, ""},
    {"name_zh", FieldType::Text, ""},           {"rank", FieldType::Integer, ""},
    {"score", FieldType::Real, "0–1"},          {"distance_km", FieldType::Real, "km"},
    {"moved_output", FieldType::Real, "亿元"},  {"moved_va", FieldType::Real, "亿元"},
    {"moved_jobs", FieldType::Real, "persons"}, {"knowledge_flow", FieldType::Real, "亿元/yr"},
};

// ---- catchments, run_info -------------------------------------------------------------
inline constexpr Field kCatchmentFields[] = {
    {"park_id", FieldType::Text, ""},
    {"rank", FieldType::Integer, ""},
    {"radius_km", FieldType::Real, "km"},
};
inline constexpr Field kRunInfoFields[] = {{"json", FieldType::Text, ""}};

}  // namespace clustershift::layers::schema
