#pragma once
// The run_info table of a results GeoPackage: one row, one text field "json" holding what the
// layers alone do not (scenario, criteria, weights, warnings, effect parameters, mode
// comparison), so a report can be made from the GeoPackage without rerunning.
//
// JSON schema (format 1); absent optional parts are null:
// {
//   "format": 1,
//   "run_time": "2026-11-27T03:00:00Z",
//   "scenario": { ...clustershift::toJson(Scenario)... },
//   "title": {"zh_CN": "...", "en": "..."},
//   "cluster": {"name": "...", "name_zh": "...", "preset": "footwear"},
//   "mode": "complete" | "partial" | "replication",
//   "moved_segments": [{"id": "...", "name": "...", "name_zh": "..."}],
//   "replication_scale": 0.5, "template_park": "P..." ,
//   "source": {"id": "330300", "name": "Wenzhou", "name_zh": "温州市", "lon": 120.6, "lat": 28.0},
//   "criteria": [{"id": "labour_cost", "label": "...", "label_zh": "...", "unit": "...",
//                 "direction": "benefit" | "cost", "value_function": "linear", "weight": 0.2,
//                 "params": {...the scenario's criterion params...}}],
//   "weighting": {"method": "direct|ahp|entropy|critic|blend", "info": {"lambda_max": .., "ci": .., "cr": ..},
//                 "ahp_matrix": [[...]] | null},
//   "aggregation": "wlc|wpm|topsis", "missing": "exclude|worst|mean",
//   "robustness": {"draws": 2000, "k": 5, "concentration": 50, "seed": 42} | null,
//   "catchment_km": 50,
//   "warnings": [{"severity": "warning", "file": "...", "layer": "...", "feature": "...",
//                 "field": "...", "value": "...", "message": "...", "text": "<one line>"}],
//   "effects": {"params": {...toJson(EffectsParams)...}, "mode": "...", "unallocated_share": 0,
//               "regions": [{"id", "name", "name_zh", "role", "u",
//                            "before": {indicator: value}, "after": {indicator: value}}],
//               "coupling": [{"source", "host", "u_source", "u_host", "c", "t", "d",
//                             "class_index", "class_zh", "class_en"}]} | null,
//   "mode_comparison": {"columns": [...comparisonColumns()...], "rows": [[...text cells...]]} | null,
//   "data_sources": {"regions": "...", "parks": "...", ...file names, no folders...}
// }
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

namespace clustershift::layers::detail {

nlohmann::json runInfoJson(const Inputs& inputs, const Results& results);
/// "run_info" table layer (no geometry) holding runInfoJson. Caller owns it.
QgsVectorLayer* makeRunInfoLayer(const nlohmann::json& info);
/// Parses the layer's single row. Throws InputError naming the layer when absent or invalid.
nlohmann::json readRunInfo(QgsVectorLayer* layer);

/// "catchments": the labour catchment circle (geodesic, catchment_km) around each of the top
/// parks (rank <= topN, default every ranked park up to 10), fields park_id, rank, radius_km.
QgsVectorLayer* makeCatchmentLayer(const Results& results, double radiusKm, int topN = 10);
/// "sensitive_zones": copy of the input zones (id, name, kind) or nullptr when there are none.
QgsVectorLayer* makeSensitiveZonesLayer(const Inputs& inputs);

}  // namespace clustershift::layers::detail
