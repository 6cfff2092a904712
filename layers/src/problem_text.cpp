// problemText: a core Problem (code + values, clustershift/error.h) worded in the UI language with
// units. English is the core's own wording (what the CLI prints); Chinese comes from the table
// below. A problem without a code, or with a code not in the table, keeps its English wording.
#include <QRegularExpression>
#include <QStringList>

#include <map>

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

QString columnLabel(const std::string& column, bool zh) {
  static const std::map<std::string, std::pair<const char*, const char*>> kColumns = {
      {"id", {"id", "编号"}},
      {"name", {"name", "名称"}},
      {"name_zh", {"Chinese name", "中文名称"}},
      {"province", {"province", "省份"}},
      {"population", {"population", "人口"}},
      {"working_age", {"working-age population", "劳动年龄人口"}},
      {"gdp", {"GDP", "GDP"}},
      {"gdp_per_capita", {"GDP per capita", "人均GDP"}},
      {"y1", {"value added, primary", "第一产业增加值"}},
      {"y2", {"value added, secondary", "第二产业增加值"}},
      {"y3", {"value added, tertiary", "第三产业增加值"}},
      {"y2_share", {"secondary share", "第二产业占比"}},
      {"l1", {"employment, primary", "第一产业就业"}},
      {"l2", {"employment, secondary", "第二产业就业"}},
      {"l3", {"employment, tertiary", "第三产业就业"}},
      {"wage", {"average wage", "平均工资"}},
      {"rd", {"R&D spending", "研发投入"}},
      {"land_price", {"industrial land price", "工业用地价格"}},
      {"level", {"level", "园区级别"}},
      {"lead_industries", {"lead industries", "主导产业"}},
      {"lead_industries_jaccard", {"lead industries (overlap)", "主导产业重合度"}},
      {"area_ha", {"area (ha)", "面积（公顷）"}},
      {"available_ha", {"available land (ha)", "可用土地（公顷）"}},
      {"speed_kmh", {"speed (km/h)", "速度（公里/小时）"}},
      {"class", {"road class", "道路等级"}},
  };
  const auto it = kColumns.find(column);
  if (it == kColumns.end()) return QString::fromStdString(column);
  return QString::fromUtf8(zh ? it->second.second : it->second.first);
}

QString problemWhere(const std::string& where, bool zh) {
  const QString text = QString::fromStdString(where);
  if (!zh) return text;
  if (const auto it = zhPlaces().find(where); it != zhPlaces().end()) return QString::fromUtf8(it->second);
  QString out = text;
  static const QRegularExpression criteriaItem(QStringLiteral("^criteria\\[(\\d+)\\]\\.(\\w+)$"));
  if (const QRegularExpressionMatch m = criteriaItem.match(out); m.hasMatch())
    return QStringLiteral("第 %1 项评价指标").arg(m.captured(1).toInt() + 1);
  static const QRegularExpression criterion(QStringLiteral("^criterion '([^']*)'$"));
  if (const QRegularExpressionMatch m = criterion.match(out); m.hasMatch())
    return QStringLiteral("指标“%1”").arg(criterionLabel(m.captured(1).toStdString(), true));
  // The readers' locations: "<file/layer> fid=N field 'x'", "<label> park 'id'", "<label> region 'id'".
  static const QRegularExpression field(QStringLiteral(" field '([^']*)'$"));
  out.replace(field, QStringLiteral(" 字段“\\1”"));
  static const QRegularExpression park(QStringLiteral(" park '([^']*)'"));
  out.replace(park, QStringLiteral(" 园区“\\1”"));
  static const QRegularExpression region(QStringLiteral(" region '([^']*)'"));
  out.replace(region, QStringLiteral(" 地区“\\1”"));
  return out;
}

QString problemMessage(const Problem& p, bool zh) {
  if (!zh || p.code.empty()) return QString::fromStdString(p.message);
  const auto it = zhTemplates().find(p.code);
  if (it == zhTemplates().end()) return QString::fromStdString(p.message);
  QString text = render(QString::fromUtf8(it->second), p, zh);
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

QString problemText(const Problem& p, bool zh) {
  if (!zh) return QString::fromStdString(p.text());
  const QString message = problemMessage(p, zh);
  if (p.where.empty()) return message;
  return problemWhere(p.where, zh) + QStringLiteral("：") + message;
}

}  // namespace clustershift::layers
