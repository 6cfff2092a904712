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
//   "weighting": {"method": "direct|ahp|entropy|critic|blend", "info": {"lambda_max": .., "ci": .., "cr":
//   ..},
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
// Added keys (also format 1; readers must not rely on them being present):
//   "cluster": {.., "industry": "C19", "output_yuan100m": 300, "jobs": 120000},
//   "criteria"[i]: {.., "min": 1.0 | null, "max": null, "value_function_params": {..} (when set)},
//   "weighting": {.., "alpha": 0.5, "objective": "entropy"} (blend only),
//   "effects": {.., "moved": {"segments": [..], "scale", "output_yuan100m", "va_yuan100m", "jobs",
//                             "land_ha", "rd_yuan100m", "source_loses"},
//               "hosts": [{"park_id", "park_name", "park_name_zh", "region_id", "rank", "share",
//                          "distance_km", "output_multiplier", "employment_multiplier",
//                          "indirect_va_yuan100m", "indirect_jobs", "absorptive",
//                          "knowledge_flow_yuan100m"}],
//               "regions"[i]: {.., "u_parts": {indicator: u_i}}},
//   "counts": {"regions": 50, "parks": 80, "ranked": 61, "zones": 6, "roads": 40},
//   "inputs_fingerprint": "<sha-256 hex of inputsFingerprint()>",
//   "warnings"[i]: {.., "code": "negative", "values": {"value": "-3.2"}} (coded problems only)
// Numbers that are NaN in the run are null.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgscoordinatereferencesystem.h>
#include <qgsrectangle.h>

namespace clustershift::layers::detail {

/// fingerprint: inputsFingerprint(inputs), or empty to compute it here.
nlohmann::json runInfoJson(const Inputs& inputs, const Results& results,
                           const QString& fingerprint = QString());
/// "run_info" table layer (no geometry) holding runInfoJson. Caller owns it.
QgsVectorLayer* makeRunInfoLayer(const nlohmann::json& info);
/// Parses the layer's single row. Throws InputError naming the layer when absent or invalid.
nlohmann::json readRunInfo(QgsVectorLayer* layer);

/// "catchments": the labour catchment circle (geodesic, catchment_km) around each of the top
/// parks (rank <= topN, default every ranked park up to 10), fields park_id, rank, radius_km.
QgsVectorLayer* makeCatchmentLayer(const Results& results, double radiusKm, int topN = 10);
/// "sensitive_zones": copy of the input zones (id, name, kind) or nullptr when there are none.
QgsVectorLayer* makeSensitiveZonesLayer(const Inputs& inputs);

/// Maps a part's progress 0..1 to [start, end] of the caller's feedback and forwards cancel
/// (writeOutputs and exportReportFromGeoPackage around exportReportPdf).
class ScaledFeedback : public Feedback {
 public:
  ScaledFeedback(Feedback& parent, double start, double end) : m_parent(parent), m_start(start), m_end(end) {}
  void setProgress(double fraction, const std::string& stage) override {
    Feedback::setProgress(fraction, stage);
    m_parent.setProgress(m_start + (m_end - m_start) * fraction, stage);
  }
  bool isCanceled() const override { return m_parent.isCanceled(); }

 private:
  Feedback& m_parent;
  double m_start, m_end;
};

}  // namespace clustershift::layers::detail
