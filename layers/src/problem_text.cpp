// problemText: a core Problem (code + values, clustershift/error.h) worded in the UI language with
// units. English is the core's own wording (what the CLI prints); Chinese comes from the table
// below. A problem without a code, or with a code not in the table, keeps its English wording.
#include <QRegularExpression>
#include <QStringList>

#include <map>
#include <optional>
#include <utility>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift_layers/labels.h"

namespace clustershift::layers {

namespace {

/// Chinese wording per code; {key} is replaced by the problem's value of that key (criterion ids
/// by their labels, columns by their labels, tables by their names).
const std::map<std::string, const char*>& zhTemplates() {
  static const std::map<std::string, const char*> kTemplates = {
      // readers (core/src/io/readers.cpp)
      {"no_attribute_table", "没有属性表（{reason}）"},
      {"field_not_found", "没有“{column}”对应的字段（现有字段：{fields}）"},
      {"mapped_field_not_found", "找不到字段“{field}”（由“{column}”列指定；现有字段：{fields}）"},
      {"null", "为空值"},
      {"empty", "为空"},
      {"text_in_numeric_column", "数值字段中的值不是数字（“{value}”）"},
      {"not_a_number", "不是数字（“{value}”）"},
      {"out_of_range", "超出数值范围（“{value}”）"},
      {"not_finite", "不是有限数值"},
      {"negative", "为负数（{value}）"},
      {"no_geometry_column", "没有几何字段"},
      {"csv_without_crs", "CSV 文件没有坐标参考系；经纬度列按 EPSG:4326 读取"},
      {"missing_crs", "缺少坐标参考系：请为图层定义坐标参考系（如 .prj 文件或 GeoPackage 中的空间参考）"},
      {"unreadable_crs", "无法读取坐标参考系（{detail}）"},
      {"unreadable_geometry", "几何无法读取"},
      {"cannot_transform", "无法转换到 EPSG:4326（{detail}）"},
      {"geometry_repaired", "几何无效，已自动修复（{detail}）"},
      {"zone_not_polygon", "几何不是面；该敏感区不计入"},
      {"zero_speed", "为 0；使用该道路等级的默认速度"},
      {"empty_geometry", "几何为空"},
      {"no_geometry", "没有几何"},
      {"region_not_polygon", "几何不是面"},
      {"available_exceeds_area", "可用面积 {available_ha} 公顷超过总面积 {area_ha} 公顷"},
      {"park_without_geometry", "没有几何；该园区被排除"},
      {"not_utf8", "{count} 个文本值不是 UTF-8 编码（第一个：{first}）"},
      // validate (core/src/pipeline/validate.cpp)
      {"empty_layer", "没有要素（空图层）"},
      {"empty_id", "编号为空"},
      {"duplicate_id", "编号“{id}”重复（另见 {also}）"},
      {"source_region_not_found", "在 {layer} 中找不到地区“{id}”"},
      {"template_park_not_found", "在 {layer} 中找不到园区“{id}”"},
      {"park_outside_regions", "园区“{id}”不在任何地区内；已排除"},
      {"no_park_in_regions", "没有园区位于 {layer} 的任何地区内（图层的坐标参考系与坐标是否一致？）"},
      {"ahp_inconsistent", "判断矩阵一致性比率 CR = {cr}，不小于 0.10"},
      // decision (core/src/mcda/decision.cpp)
      {"all_excluded", "全部 {count} 个候选园区均被排除；无法排序"},
      {"missing_replaced_by_mean", "{count} 个缺失值以原始值的平均值代替"},
      {"missing_replaced_by_worst", "{count} 个缺失值以最差的标准化值代替"},
      // criteria (core/src/criteria)
      {"region_column_missing", "没有“{column}”列对应的字段，{criterion}指标需要（请在地区字段中指定）"},
      {"park_column_missing", "没有“{column}”列对应的字段，{criterion}指标需要（请在园区字段中指定）"},
      {"source_value_missing", "转出地区“{id}”没有数值，{criterion}指标需要大于 0 的值"},
      {"source_value_not_positive", "转出地区“{id}”的数值为 {value}，{criterion}指标需要大于 0 的值"},
      {"criterion_all_null", "{criterion}：全部 {count} 个候选园区都没有数值"},
      {"park_without_location", "{criterion}：园区“{id}”没有位置；数值为空"},
      {"catchment_region_value_missing",
       "{criterion}：园区“{id}”{radius_km} "
       "公里范围内地区“{region}”（{region_name}）的“{column}”缺失；数值为空"},
      {"template_feature_missing", "{criterion}：模板园区“{id}”缺少“{feature}”；不计入特征画像"},
      {"park_lacks_features", "{criterion}：园区“{id}”缺少 {features}；数值为空"},
      {"park_lacks_features_no_region", "{criterion}：园区“{id}”缺少 {features}（没有所在地区）；数值为空"},
      {"park_far_from_roads",
       "{criterion}：园区“{id}”距最近的道路节点 {distance_km} 公里（上限 {max_km} 公里）；数值为空"},
      {"park_not_connected", "{criterion}：园区“{id}”所在的道路网与转出地不连通；数值为空"},
      {"park_outside_regions_for", "{criterion}：园区不在任何地区内"},
      {"host_needs_rd_gdp",
       "{criterion}：承接地区“{region}”需要研发投入不小于 0、GDP 大于 0（研发投入 {rd}，GDP {gdp}）"},
      {"host_without_inputs", "{criterion}：承接地区“{region}”没有“{industry}”任何投入产业的产值"},
      {"park_value_missing", "{criterion}：缺少“{column}”"},
      {"industry_output_value_missing", "{criterion}：{table} 中没有地区“{region}”、产业“{industry}”的数值"},
      {"host_without_wage", "{criterion}：承接地区“{region}”没有大于 0 的工资"},
      {"host_without_row", "{criterion}：承接地区“{region}”在 {table} 中没有数据行"},
      {"empty_cells_as_zero", "{criterion}：{count} 个空单元格按 0 计（第一个：{first}）"},
      {"parks_without_field_value", "{criterion}：{count} 个园区没有“{field}”的数值"},
      {"regions_left_out",
       "{criterion}：{count} 个地区因 GDP 缺失或没有驻地位置而未计入（第一个：“{first}”）"},
      {"table_required", "{criterion}：需要{table}"},
      {"cluster_without_industry", "{criterion}：产业集群没有产业代码"},
      {"industry_not_in_table", "{criterion}：集群产业“{industry}”不在 {table} 中"},
      {"field_criterion_without_field", "{criterion}：园区图层和 {regions} 中都没有数值字段“{field}”"},
      {"source_without_location",
       "{criterion}：转出地没有位置（请输入转出地经纬度，或选择有几何的转出地区）"},
      {"no_land_needed", "{criterion}：转移环节不需要用地（请检查就业人数和每公顷就业人数）"},
      {"source_far_from_roads",
       "{criterion}：转出地位置（{lon}，{lat}）距最近的道路节点 {distance_km} 公里（上限 {max_km} 公里）"},
      {"roads_required", "{criterion}：需要道路图层，但未加载"},
      {"partner_not_found", "{criterion}：对口地区“{id}”不在 {layer} 中"},
      // scenario file (core/src/scenario): the reader's shapes
      {"expected_type", "应为{expected}，实际为 {got}"},
      {"unknown_key", "未知的键（可用：{allowed}）"},
      {"missing_key", "缺少必需的键"},
      {"null_value", "不能为 null"},
      {"not_one_of", "应为 {allowed} 之一，实际为“{got}”"},
      {"out_of_bounds", "取值应{range}"},
      {"out_of_bounds_got", "取值应{range}，实际为 {got}"},
      {"must_not_be_empty", "不能为空"},
      // scenario file: the blocks
      {"lon_lat_pair", "经度和纬度须同时给出，或都不给"},
      {"only_for_mode", "仅在转移模式为“{mode}”时可用（当前为“{current}”）"},
      {"required_for_mode", "转移模式为“{mode}”时必须给出"},
      {"unknown_segment", "未知环节“{id}”（产业集群中的环节：{known}）"},
      {"no_segment_moves", "没有要转移的环节：请在情景中列出转移环节，或在产业集群中把环节标为可转移"},
      {"duplicate_criterion", "评价指标“{criterion}”重复"},
      {"no_enabled_criterion", "至少需要启用一个评价指标"},
      {"weights_all_zero", "启用的评价指标权重全为 0"},
      {"matrix_required", "赋权方法为层次分析法（AHP）时必须给出判断矩阵"},
      {"matrix_size", "判断矩阵为 {size}×{size}，应为 {expected}×{expected}（每个启用的评价指标一行）"},
      {"matrix_row_length", "有 {count} 个数，应为 {expected} 个（判断矩阵须为方阵）"},
      {"unsupported_version", "不支持的情景文件版本 {version}（本程序读取版本 {supported}）"},
      {"unknown_criterion", "未知的评价指标“{id}”（可用：{known}）"},
      {"value_function_needs_params", "价值函数“{type}”需要参数：请给出一个对象"},
      {"required_by_value_function", "价值函数“{type}”需要此参数"},
      {"linear_lo_equals_hi", "线性价值函数的下端与上端不能相等"},
      {"min_above_max", "下限 {min} 大于上限 {max}"},
      {"weight_too_large", "权重至多为 1000000（权重是相对值，会缩放为和为 1），实际为 {got}"},
      {"no_segments", "至少需要一个环节"},
      {"duplicate_segment", "环节编号“{id}”重复"},
      {"shares_sum", "各环节{key}之和为 {sum}，应为 1（±0.01）"},
      {"invalid_preset_name", "预设名称“{got}”无效"},
      {"unknown_preset", "未知的预设“{got}”（可用：{known}；查找位置：{searched}）"},
      {"cluster_source_twice", "预设、文件和环节构成只能给出其中之一"},
      {"cluster_source_missing", "需要给出预设、文件或环节构成之一"},
      {"unknown_column", "未知的列（可用：{allowed}）"},
      {"password_in_scenario",
       "情景文件和命令行中不能保存密码；请把密码放在 ~/.pgpass（或 PGPASSFILE 指定的文件）、pg_service.conf "
       "中该服务的条目（PGSERVICEFILE）或环境变量 PGPASSWORD 中"},
      {"either_not_both", "“{a}”与“{b}”只能给出其一"},
      {"missing_source_path", "缺少数据源：请给出文件路径、PG: 连接字符串或 PostgreSQL 服务名"},
      {"database_has_no_sheets", "数据库表没有工作表（请给出模式和表名）"},
      {"only_for_database", "仅用于 PostgreSQL 数据源（服务名或 PG: 路径）；文件用图层名指定图层"},
      {"missing_table", "缺少表名"},
      {"only_for_spreadsheets", "仅用于 .xlsx 和 .ods 表格"},
      // errors reading a file (thrown; layers::errorText)
      {"scenario_is_folder", "{file}：是文件夹，不是情景文件（请选择 .json 文件）"},
      {"cannot_open", "{file}：无法打开读取"},
      {"utf16_file", "{file}：是 UTF-16 编码；请另存为 UTF-8（JSON 文件按 UTF-8 读取）"},
      {"nul_bytes", "{file}：含有 NUL 字节（UTF-16 或二进制文件？）；请另存为 UTF-8 文本"},
      {"json_number_out_of_range", "{file}：有数字超出数值范围"},
      {"invalid_json", "{file}：不是有效的 JSON"},
      {"invalid_json_at", "{file}：不是有效的 JSON（第 {line} 行第 {column} 列有语法错误）"},
      {"no_path_given", "{data}：没有给出路径"},
      {"file_not_found", "{data}：{file}：找不到文件"},
      {"cannot_open_data", "{data}：{file}：无法作为矢量数据源打开"},
      {"no_layers", "{data}：{file}：没有图层"},
      {"no_such_layer", "{data}：{file}：没有图层“{layer}”（现有图层：{layers}）"},
      {"unclosed_quote", "引号（\"）开始后没有闭合"},
      // criterion options (core/src/criteria/param_spec.cpp); {param} by its label, {range} with its unit
      {"param_required", "{criterion}：必须给出选项“{param}”"},
      {"params_not_object", "{criterion}：选项应为一个对象，实际为 {got}"},
      {"param_unknown", "{criterion}：未知的选项“{param}”（可用：{known}）"},
      {"param_expected_type", "{criterion}：选项“{param}”应为{expected}，实际为 {got}"},
      {"param_out_of_range", "{criterion}：选项“{param}”应{range}，实际为 {got}"},
      // tables (core/src/io/table*.cpp)
      {"table_column_not_found", "没有“{column}”列（现有列：{columns}）"},
      {"table_no_rows", "没有数据行"},
      {"duplicate_row_id", "编号“{id}”重复"},
      {"io_not_square", "不是两个方向部门相同的方阵"},
      {"column_negative", "“{column}”列为负数（{value}）"},
      {"coefficients_sum", "系数之和为 {sum}（应小于 1）"},
      {"row_extra_cells", "有 {count} 个单元格，表头有 {header} 个（多出的单元格会被忽略）"},
      {"row_missing_cells", "有 {count} 个单元格，表头有 {header} 个（缺少单元格）"},
      {"empty_id_in_column", "“{column}”列中编号为空"},
      {"duplicate_id_in_column", "“{column}”列中编号“{id}”重复（第一次出现在 {first}）"},
      // effects (core/src/effects)
      {"no_io_table", "没有投入产出表：间接效应未计入（乘数按 1 计）"},
      {"industry_not_io_sector", "产业“{industry}”不是投入产出表中的部门：间接效应未计入"},
      {"io_without_national_output",
       "投入产出表没有全国总产出列（national_output）：FLQ 以研究区合计代替全国，会高估地区自给率"},
      {"region_without_sector_sizes", "地区“{region}”没有部门规模：间接效应未计入"},
      {"host_park_excluded", "园区“{id}”已被排除（{reason}）；仍按该园区测算效应"},
      {"capacity_unlimited", "缺少“{column}”字段：分配时按用地不受限计"},
      {"land_carries_share", "前 {count} 个园区的土地只能承载转移产能的 {percent} %；其余留在转出地"},
      {"available_land_share", "可用土地只能承载转移环节用地需求（{land_ha} 公顷）的 {percent} %"},
      {"host_in_source_region", "承接园区“{id}”位于转出地区内；其效应在当地相互抵消"},
      {"unknown_host_park", "未知园区“{id}”"},
      {"host_park_outside_regions", "园区“{id}”不在任何地区内"},
      {"no_feasible_host", "没有可承接的园区（所有园区均被排除或不在任何地区内）"},
      {"no_host_capacity", "没有承接园区分到产能"},
  };
  return kTemplates;
}

/// The scenario keys and other fixed places a problem may name.
const std::map<std::string, const char*>& zhPlaces() {
  static const std::map<std::string, const char*> kPlaces = {
      {"source", "转出地"},
      {"source.region", "转出地区"},
      {"replication.template_park", "模板园区"},
      {"weighting.matrix", "判断矩阵"},
      {"weighting", "权重"},
      {"cluster", "产业集群"},
      {"criteria", "评价指标"},
      {"decision", "决策"},
      {"effects", "转移效应"},
      {"data.roads", "道路图层"},
  };
  return kPlaces;
}

QString tableName(const std::string& table, bool zh) {
  if (table == "industry_output")
    return zh ? QStringLiteral("分地区分行业产值表") : QStringLiteral("industry output table");
  if (table == "io_table") return zh ? QStringLiteral("投入产出表") : QStringLiteral("input-output table");
  return QString::fromStdString(table);
}

/// A scenario-file key in words; keys it does not know stay as written (the planner typed them).
QString scenarioKeyWords(const QString& key) {
  static const std::map<QString, const char*> kKeys = {
      {QStringLiteral("version"), "版本"},
      {QStringLiteral("name"), "名称"},
      {QStringLiteral("title"), "标题"},
      {QStringLiteral("mode"), "转移模式"},
      {QStringLiteral("source"), "转出地"},
      {QStringLiteral("region"), "地区"},
      {QStringLiteral("lon"), "经度"},
      {QStringLiteral("lat"), "纬度"},
      {QStringLiteral("cluster"), "产业集群"},
      {QStringLiteral("preset"), "预设"},
      {QStringLiteral("file"), "文件"},
      {QStringLiteral("profile"), "环节构成"},
      {QStringLiteral("industry"), "产业代码"},
      {QStringLiteral("segments"), "环节"},
      {QStringLiteral("output_share"), "产值占比"},
      {QStringLiteral("job_share"), "就业占比"},
      {QStringLiteral("jobs_per_ha"), "每公顷就业"},
      {QStringLiteral("movable"), "可转移"},
      {QStringLiteral("moved_segments"), "转移环节"},
      {QStringLiteral("replication"), "复制扩张"},
      {QStringLiteral("scale"), "规模系数"},
      {QStringLiteral("template_park"), "模板园区"},
      {QStringLiteral("data"), "数据"},
      {QStringLiteral("regions"), "地区图层"},
      {QStringLiteral("parks"), "园区图层"},
      {QStringLiteral("exclusions"), "环境敏感区图层"},
      {QStringLiteral("roads"), "道路图层"},
      {QStringLiteral("industry_output"), "分地区分行业产值表"},
      {QStringLiteral("io_table"), "投入产出表"},
      {QStringLiteral("path"), "路径"},
      {QStringLiteral("layer"), "图层"},
      {QStringLiteral("sheet"), "工作表"},
      {QStringLiteral("header_row"), "表头行"},
      {QStringLiteral("service"), "服务名"},
      {QStringLiteral("schema"), "模式"},
      {QStringLiteral("table"), "表名"},
      {QStringLiteral("password"), "密码"},
      {QStringLiteral("fields"), "字段"},
      {QStringLiteral("coordinates"), "坐标"},
      {QStringLiteral("encoding"), "编码"},
      {QStringLiteral("criteria"), "评价指标"},
      {QStringLiteral("id"), "编号"},
      {QStringLiteral("enabled"), "启用"},
      {QStringLiteral("weight"), "权重"},
      {QStringLiteral("direction"), "方向"},
      {QStringLiteral("value_function"), "价值函数"},
      {QStringLiteral("params"), "选项"},
      {QStringLiteral("min"), "下限"},
      {QStringLiteral("max"), "上限"},
      {QStringLiteral("weighting"), "赋权"},
      {QStringLiteral("method"), "方法"},
      {QStringLiteral("matrix"), "判断矩阵"},
      {QStringLiteral("alpha"), "组合系数"},
      {QStringLiteral("objective"), "客观赋权方法"},
      {QStringLiteral("aggregation"), "集成方法"},
      {QStringLiteral("missing"), "缺失值"},
      {QStringLiteral("uncertainty"), "稳健性"},
      {QStringLiteral("draws"), "抽样次数"},
      {QStringLiteral("seed"), "随机种子"},
      {QStringLiteral("k"), "前 k 名"},
      {QStringLiteral("concentration"), "集中度"},
      {QStringLiteral("report"), "报告"},
      {QStringLiteral("language"), "语言"},
      {QStringLiteral("top_n"), "前 N 名"},
      {QStringLiteral("author"), "作者"},
      {QStringLiteral("candidates"), "候选网格"},
      {QStringLiteral("grid_km"), "网格边长"},
      {QStringLiteral("keep"), "保留数"},
      {QStringLiteral("spacing_km"), "间距"},
      {QStringLiteral("per_region"), "每地区上限"},
      {QStringLiteral("effects"), "转移效应"},
      {QStringLiteral("host"), "承接园区"},
  };
  const auto it = kKeys.find(key);
  return it == kKeys.end() ? key : QString::fromUtf8(it->second);
}

/// A scenario-file JSON path ("weighting.matrix[2][1]", "profile.json:segments[0].job_share") in
/// words joined by " › ", indices counted from 1; "" when `path` is not one (a file or layer place).
QString scenarioPathWords(const QString& path) {
  static const QRegularExpression shape(QStringLiteral(
      "^(?:([^:\\s]+\\.json):)?([A-Za-z_]\\w*(?:\\[\\d+\\])*(?:\\.[A-Za-z_]\\w*(?:\\[\\d+\\])*)*)$"));
  const QRegularExpressionMatch m = shape.match(path);
  if (!m.hasMatch()) return {};
  static const QRegularExpression part(QStringLiteral("^(\\w+)((?:\\[\\d+\\])*)$"));
  static const QRegularExpression index(QStringLiteral("\\[(\\d+)\\]"));
  const QStringList parts = m.captured(2).split(QLatin1Char('.'));
  // Only a path that starts at a top-level scenario key (or inside a named cluster profile file); a
  // bare word may be a layer's name ("parks").
  static const QStringList kTopLevel = {
      QStringLiteral("version"),        QStringLiteral("name"),        QStringLiteral("title"),
      QStringLiteral("mode"),           QStringLiteral("source"),      QStringLiteral("cluster"),
      QStringLiteral("moved_segments"), QStringLiteral("replication"), QStringLiteral("data"),
      QStringLiteral("criteria"),       QStringLiteral("weighting"),   QStringLiteral("aggregation"),
      QStringLiteral("missing"),        QStringLiteral("uncertainty"), QStringLiteral("report"),
      QStringLiteral("candidates"),     QStringLiteral("effects")};
  const QString top = part.match(parts.front()).captured(1);
  if (m.captured(1).isEmpty() && !kTopLevel.contains(top)) return {};
  QStringList words;
  for (const QString& p : parts) {
    const QRegularExpressionMatch pm = part.match(p);
    QString word = scenarioKeyWords(pm.captured(1));
    for (auto it = index.globalMatch(pm.captured(2)); it.hasNext();)
      word += QStringLiteral(" 第 %1 项").arg(it.next().captured(1).toInt() + 1);
    words << word;
  }
  return (m.captured(1).isEmpty() ? QString() : m.captured(1) + QStringLiteral("：")) +
         words.join(QStringLiteral(" › "));
}

/// A range in symbols ("[0, 1]", "(0, 1]", "> 0", ">= 1") in words, e.g. "在 [0, 1] 范围内", "大于 0".
QString rangeWords(const std::string& range, const std::string& unit) {
  const QString r = QString::fromStdString(range).trimmed();
  const QString u = unit.empty() ? QString() : QLatin1Char(' ') + unitLabel(unit, true);
  static const QRegularExpression compare(QStringLiteral("^(>=|<=|>|<)\\s*(.+)$"));
  if (const QRegularExpressionMatch m = compare.match(r); m.hasMatch()) {
    static const std::map<QString, const char*> kWords = {{QStringLiteral(">="), "不小于"},
                                                          {QStringLiteral("<="), "不大于"},
                                                          {QStringLiteral(">"), "大于"},
                                                          {QStringLiteral("<"), "小于"}};
    return QString::fromUtf8(kWords.at(m.captured(1))) + QLatin1Char(' ') + m.captured(2) + u;
  }
  return QStringLiteral("在 %1%2 范围内").arg(r, u);
}

/// A JSON value as the reader describes it ("an object", "an array", literals as written).
QString jsonWords(const std::string& value) {
  if (value == "an object") return QStringLiteral("对象");
  if (value == "an array") return QStringLiteral("数组");
  return QString::fromStdString(value);
}

QString expectedWords(const std::string& type) {
  static const std::map<std::string, const char*> kTypes = {{"number", "数字"},
                                                            {"integer", "整数"},
                                                            {"string", "文本"},
                                                            {"text", "文本"},
                                                            {"boolean", "逻辑值 true 或 false"},
                                                            {"object", "对象"},
                                                            {"array", "数组"},
                                                            {"field_name", "字段名"},
                                                            {"number_map", "“名称: 数字”形式的对象"},
                                                            {"text_list", "非空的文本列表"}};
  const auto it = kTypes.find(type);
  return it == kTypes.end() ? QString::fromStdString(type) : QString::fromUtf8(it->second);
}

QString modeWords(const std::string& mode) {
  if (mode == "complete") return QStringLiteral("整体转移");
  if (mode == "partial") return QStringLiteral("部分转移");
  if (mode == "replication") return QStringLiteral("复制扩张");
  return QString::fromStdString(mode);
}

/// A criterion option's declaration, or nullptr (unknown criterion or option).
std::optional<ParamSpec> paramSpecOf(const std::string& criterion, const std::string& name) {
  if (!CriterionRegistry::instance().contains(criterion)) return std::nullopt;
  for (const ParamSpec& spec : CriterionRegistry::instance().create(criterion)->parameters())
    if (spec.name == name) return spec;
  return std::nullopt;
}

/// The values a Chinese wording shows differently from the core's: option names by their labels,
/// ranges with units, JSON shapes and modes in words. Returns the problem with those values.
Problem wordedValues(const Problem& p) {
  Problem out = p;
  auto& v = out.values;
  auto has = [&](const char* key) { return v.count(key) > 0; };
  const bool param = p.code.rfind("param", 0) == 0;
  if (param && has("criterion") && has("param")) {
    const std::string criterion = v.at("criterion");
    if (const auto spec = paramSpecOf(criterion, v.at("param"))) {
      if (p.code == "param_out_of_range") v["range"] = paramRange(*spec, true).toStdString();
      v["param"] = paramLabel(*spec, true).toStdString();
    }
    if (has("known")) {
      QStringList labels;
      for (const QString& name : QString::fromStdString(v.at("known")).split(QStringLiteral(", "))) {
        const auto spec = paramSpecOf(criterion, name.toStdString());
        labels << (spec ? paramLabel(*spec, true) : name);
      }
      v["known"] = labels.join(QStringLiteral("、")).toStdString();
    }
  } else if (has("range")) {
    v["range"] = rangeWords(v.at("range"), has("unit") ? v.at("unit") : std::string()).toStdString();
  }
  if (has("expected") && (p.code == "expected_type" || p.code == "param_expected_type"))
    v["expected"] = expectedWords(v.at("expected")).toStdString();
  if (has("got") && (p.code == "expected_type" || p.code == "params_not_object"))
    v["got"] = jsonWords(v.at("got")).toStdString();
  for (const char* key : {"mode", "current"})
    if (has(key)) v[key] = modeWords(v.at(key)).toStdString();
  if (p.code == "shares_sum" && has("key"))
    v["key"] = v.at("key") == "output_share" ? "产值占比"
               : v.at("key") == "job_share"  ? "就业占比"
                                             : v.at("key");
  if (p.code == "host_park_excluded" && has("reason"))
    v["reason"] = exclusionText(v.at("reason"), {}, true)
                      .replace(QLatin1Char('\n'), QStringLiteral("；"))
                      .toStdString();
  if (has("data")) v["data"] = scenarioKeyWords(QString::fromStdString(v.at("data"))).toStdString();
  if (p.code == "unknown_criterion" && has("known")) {
    QStringList labels;
    for (const QString& id : QString::fromStdString(v.at("known")).split(QStringLiteral(", ")))
      labels << criterionLabel(id.toStdString(), true);
    v["known"] = labels.join(QStringLiteral("、")).toStdString();
  }
  if (p.code == "duplicate_id_in_column" && has("first"))
    v["first"] = problemWhere(v.at("first"), true).toStdString();
  return out;
}

QString render(const QString& pattern, const Problem& p, bool zh) {
  QString out = pattern;
  const bool ahp = p.code == "ahp_inconsistent";
  for (const auto& [key, value] : p.values) {
    const QString token = QLatin1Char('{') + QString::fromStdString(key) + QLatin1Char('}');
    if (!out.contains(token)) continue;
    QString shown = QString::fromStdString(value);
    if (key == "criterion" || (ahp && (key == "row" || key == "column"))) {
      shown = criterionLabel(value, zh);
    } else if (key == "column" || key == "feature") {
      shown = columnLabel(value, zh);
    } else if (key == "table") {
      shown = tableName(value, zh);
    } else if (key == "first" && p.code == "not_utf8") {
      shown = problemWhere(value, zh);
    } else if ((key == "rd" || key == "gdp") && value.empty()) {
      shown = zh ? QStringLiteral("缺失") : QStringLiteral("missing");
    }
    out.replace(token, shown);
  }
  return out;
}

/// The nested first warning of criterion_all_null, from its "first." values.
Problem firstOf(const Problem& p) {
  Problem first;
  const std::string prefix = "first.";
  for (const auto& [key, value] : p.values) {
    if (key.rfind(prefix, 0) != 0) continue;
    const std::string k = key.substr(prefix.size());
    if (k == "where") {
      first.where = value;
    } else if (k == "code") {
      first.code = value;
    } else if (k == "text") {
      first.message = value;
    } else {
      first.values[k] = value;
    }
  }
  // Without a Chinese wording the first warning is shown as the core wrote it (where included).
  if (first.code.empty() || !zhTemplates().count(first.code)) first.where.clear();
  return first;
}

}  // namespace

QString problemWhere(const std::string& where, bool zh) {
  const QString text = QString::fromStdString(where);
  if (!zh) return text;
  if (const auto it = zhPlaces().find(where); it != zhPlaces().end()) return QString::fromUtf8(it->second);
  QString out = text;
  static const QRegularExpression criteriaItem(QStringLiteral("^criteria\\[(\\d+)\\]\\.(\\w+)$"));
  if (const QRegularExpressionMatch m = criteriaItem.match(out); m.hasMatch()) {
    const QString key = scenarioKeyWords(m.captured(2));
    return QStringLiteral("第 %1 项评价指标").arg(m.captured(1).toInt() + 1) +
           (m.captured(2) == QLatin1String("id") ? QString() : QStringLiteral(" › ") + key);
  }
  if (const QString path = scenarioPathWords(out); !path.isEmpty()) return path;
  // An unreadable data source: "data.industry_output.path '/x/y.csv'".
  static const QRegularExpression dataPath(QStringLiteral("^data\\.(\\w+)\\.path '(.*)'$"));
  if (const QRegularExpressionMatch m = dataPath.match(out); m.hasMatch())
    return QStringLiteral("数据 › %1 › 路径“%2”").arg(scenarioKeyWords(m.captured(1)), m.captured(2));
  static const QRegularExpression criterion(QStringLiteral("^criterion '([^']*)'$"));
  if (const QRegularExpressionMatch m = criterion.match(out); m.hasMatch())
    return QStringLiteral("指标“%1”").arg(criterionLabel(m.captured(1).toStdString(), true));
  // The readers' locations: "<file/layer> fid=N field 'x'", "<label> park 'id'", "<label> region 'id'";
  // the table readers': "<file> line 3", "<book/sheet> row 7", "(sector 'x') column 'y'". In order.
  static const std::pair<QRegularExpression, QString> kPlaces[] = {
      {QRegularExpression(QStringLiteral(" field '([^']*)'$")), QStringLiteral(" 字段“\\1”")},
      {QRegularExpression(QStringLiteral(" park '([^']*)'")), QStringLiteral(" 园区“\\1”")},
      {QRegularExpression(QStringLiteral(" region '([^']*)'")), QStringLiteral(" 地区“\\1”")},
      {QRegularExpression(QStringLiteral(" (line|row) (\\d+)\\b")), QStringLiteral(" 第 \\2 行")},
      {QRegularExpression(QStringLiteral(" row '([^']*)'")), QStringLiteral(" 行“\\1”")},
      {QRegularExpression(QStringLiteral(" column '([^']*)'")), QStringLiteral(" 列“\\1”")},
      {QRegularExpression(QStringLiteral("\\(sector '([^']*)'\\)")), QStringLiteral("（部门“\\1”）")},
      {QRegularExpression(QStringLiteral("\\(region '([^']*)'\\)")), QStringLiteral("（地区“\\1”）")},
  };
  for (const auto& [pattern, words] : kPlaces) out.replace(pattern, words);
  return out;
}

QString problemMessage(const Problem& problem, bool zh) {
  if (!zh || problem.code.empty()) return QString::fromStdString(problem.message);
  const auto it = zhTemplates().find(problem.code);
  if (it == zhTemplates().end()) return QString::fromStdString(problem.message);
  const Problem p = wordedValues(problem);
  QString text = render(QString::fromUtf8(it->second), p, zh);
  auto value = [&p](const char* key) {
    const auto v = p.values.find(key);
    return v == p.values.end() ? std::string() : v->second;
  };
  if (p.code == "io_not_square") {
    if (!value("missing_columns").empty())
      text += QStringLiteral("；没有这些部门的列：") + QString::fromStdString(value("missing_columns"));
    if (!value("missing_rows").empty())
      text += QStringLiteral("；没有这些部门的行：") + QString::fromStdString(value("missing_rows"));
    if (!value("duplicate_rows").empty()) text += QStringLiteral("；行标签重复");
  } else if (p.code == "missing_table" && !value("schema").empty()) {
    text += QStringLiteral("（模式“%1”中的表）").arg(QString::fromStdString(value("schema")));
  } else if (p.code == "param_expected_type" && !value("entry").empty()) {
    text += QStringLiteral("（“%1”项）").arg(QString::fromStdString(value("entry")));
  }
  if (p.code == "ahp_inconsistent" && p.values.count("row") && p.values.count("to")) {
    text +=
        render(QStringLiteral("；把（{row}，{column}）由 {from} 改为 {to} 可使 CR 降至 {cr_after}"), p, zh);
  } else if (p.code == "not_utf8") {
    const auto enc = p.values.find("encoding");
    text += enc == p.values.end() || enc->second.empty()
                ? QStringLiteral(
                      "；文件未声明编码（没有 .cpg）：如为 GBK（中文 shapefile "
                      "常见），请在该数据源上设置编码 GBK")
                : QStringLiteral("；请检查编码“%1”").arg(QString::fromStdString(enc->second));
  } else if (p.code == "criterion_all_null" && p.values.count("first.text")) {
    text += QStringLiteral("（第一个：%1）").arg(problemText(firstOf(p), zh));
  }
  return text;
}

QString errorText(const std::exception& error, bool zh) {
  const auto* coded = dynamic_cast<const Error*>(&error);
  if (!coded || coded->code().empty()) return QString::fromUtf8(error.what());
  return problemText(errorProblem(*coded), zh);
}

bool hasChineseWording(const std::string& code) { return zhTemplates().count(code) > 0; }

QString problemText(const Problem& p, bool zh) {
  if (!zh) return QString::fromStdString(p.text());
  const QString message = problemMessage(p, zh);
  if (p.where.empty()) return message;
  return problemWhere(p.where, zh) + QStringLiteral("：") + message;
}

}  // namespace clustershift::layers
