#pragma once
// What the plugin and the reports show for the stable ids of a run, in the UI language: criterion
// labels and units, the result tables (layer names), the mode-comparison columns and exclusion
// reasons. The ids stay in scenario files, field names and GeoPackage tables; these are only the
// words on screen. "zh" picks Chinese, anything else English.
#include <QString>

#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace clustershift {
struct Problem;
struct ParamSpec;
class Criterion;
}  // namespace clustershift

namespace clustershift::layers {

/// A criterion's label: the registry's label/labelZh, "Attribute x"/"属性 x" for field:x; the id
/// itself for an unknown id.
QString criterionLabel(const std::string& id, bool zh);
/// A unit of the registry or of a result field in the UI language: km → 公里, ratio → 倍,
/// share → 占比, 10k persons → 万人, 亿元/yr → 亿元/年, … (unknown units unchanged).
QString unitLabel(const std::string& unit, bool zh);
/// "label (unit)" for the criteria table; only the label when the unit is empty.
QString criterionLabelWithUnit(const std::string& id, bool zh);
/// A number with `decimals` digits after the point; "–" when NaN (no value).
QString numberText(double value, int decimals);
/// A share (0–1) as a percentage with one decimal: 0.125 → "12.5 %"; "–" when NaN.
QString shareText(double share);
/// A value with its unit for reading: ratios "1.18×", shares "12.5 %", "35 km"/"35 公里".
QString valueWithUnit(double value, const std::string& unit, bool zh);

/// The name of a result table as a layer name: candidate_scores → "Candidate scores" /
/// "候选园区评分"; an unknown table's own name.
QString resultTableLabel(const std::string& table, bool zh);
/// One language of a bilingual legend text "English / 中文" (the result styles write both); any
/// other text unchanged.
QString legendText(const QString& bilingual, bool zh);

/// The result table whose label (in either language) or own name is `layerName`; "" if none.
std::string resultTableOfLabel(const QString& layerName);

/// Label of a mode-comparison column (effects comparisonColumns()), with its unit, e.g.
/// moved_output_yuan100m → "转移产值（亿元）", vc_source_p05 → "转出地价值链升级（5 %分位）".
/// Unknown columns: the column name.
QString comparisonColumnLabel(const std::string& column, bool zh);

/// The park's exclusion reasons (the reason field: run wording) in the UI language with units,
/// one per line; `criterionIds` are the run's criteria (for field prefixes). Unknown wording is
/// kept as written.
QString exclusionText(const std::string& reason, const std::vector<std::string>& criterionIds, bool zh);

/// A region or park column of the data blocks (available_ha → "可用土地（公顷）"); unknown columns as
/// they are.
QString columnLabel(const std::string& column, bool zh);

/// A core problem (warning or error) in the UI language: "where: message". English is the core's
/// own wording (Problem::text(), what the CLI prints); Chinese is worded from the problem's code and
/// values with units, file, layer, fid, field and value kept. A problem without a known code keeps
/// its English wording. (problem_text.cpp)
QString problemText(const Problem& problem, bool zh);
/// A caught error in the UI language: a core Error with a code is worded like a problem (its
/// "where" value as the place); any other error, or English, is what().
QString errorText(const std::exception& error, bool zh);
/// Whether problemText() has a Chinese wording for `code` (tests: every code the core makes has one).
bool hasChineseWording(const std::string& code);
/// Only the message part of problemText().
QString problemMessage(const Problem& problem, bool zh);
/// The location part: scenario keys named ("weighting.matrix" → "判断矩阵"), "field 'x'" → "字段“x”".
QString problemWhere(const std::string& where, bool zh);

/// A declared criterion option (ParamSpec) on screen: its label ("radius_km" → "腹地半径"), its
/// description and its range, in the UI language; the name itself and the English doc when no
/// label is known. Units through unitLabel().
QString paramLabel(const ParamSpec& spec, bool zh);
QString paramDescription(const ParamSpec& spec, bool zh);
QString paramRange(const ParamSpec& spec, bool zh);
/// A criterion's options as a run uses them (declared defaults filled in), in the UI language:
/// "腹地半径 50 公里；计算线程数 0", "Catchment radius 50 km; Worker threads 0"; switches yes/no
/// (是/否); map and list values keep the planner's keys. Throws what resolveParams throws.
QString paramValuesText(const Criterion& criterion, const nlohmann::json& params, bool zh);

}  // namespace clustershift::layers
