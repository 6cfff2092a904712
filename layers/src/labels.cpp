// labels: the words on screen for the stable ids of a run (criteria, units, result tables,
// mode-comparison columns, data-block columns, exclusion reasons), in English or Chinese.
#include "clustershift_layers/labels.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <exception>
#include <memory>

#include "clustershift/criterion.h"
#include "clustershift/exclusion.h"

namespace clustershift::layers {

namespace {

/// One row of a descriptor table: id, English, Chinese.
struct Words {
  const char* id;
  const char* en;
  const char* zh;
};

const Words* find(const Words* begin, const Words* end, const std::string& id) {
  for (const Words* w = begin; w != end; ++w)
    if (id == w->id) return w;
  return nullptr;
}

QString pick(const Words& w, bool zh) { return QString::fromUtf8(zh ? w.zh : w.en); }

constexpr Words kUnits[] = {
    {"km", "km", "公里"},
    {"min", "min", "分钟"},
    {"ratio", "ratio", "倍"},
    {"share", "share", "占比"},
    {"score", "score", "分值"},
    {"10k persons", "10k persons", "万人"},
    {"persons", "persons", "人"},
    {"LQ", "location quotient", "区位商"},
    {"weighted LQ", "weighted location quotient", "加权区位商"},
    {"density (0-1)", "0–1", "0–1"},
    {"yuan/year", "yuan/year", "元/年"},
    {"0/1", "yes/no (1/0)", "是/否（1/0）"},
    {"cosine", "cosine similarity", "余弦相似度"},
    {"R&D / GDP", "R&D / GDP", "研发投入/GDP"},
    {"亿元 (distance-weighted GDP)", "100 million yuan (distance-weighted GDP)", "亿元（距离加权GDP）"},
    {"亿元", "100 million yuan", "亿元"},
    {"亿元/yr", "100 million yuan/yr", "亿元/年"},
    {"yuan/m²", "yuan/m²", "元/平方米"},
    {"ha", "ha", "公顷"},
    {"m", "m", "米"},
    {"km/h", "km/h", "公里/小时"},
    {"RCA", "RCA", "比较优势指数"},
    {"probability", "probability", "概率"},
    {"rank", "rank", "名次"},
    {"0–1", "0–1", "0–1"},
};

constexpr Words kTables[] = {
    {"candidate_scores", "Candidate scores", "候选园区评分"},
    {"transfer_flows", "Transfer flows", "转移流向"},
    {"regions", "Regions", "地区"},
    {"catchments", "Labour catchments", "劳动力腹地"},
    {"region_effects", "Region effects", "地区效应"},
    {"effects_timeline", "Effects over time", "效应时间序列"},
    {"coupling", "Coupling coordination", "耦合协调度"},
    {"sensitive_zones", "Sensitive zones", "生态敏感区"},
    {"run_info", "Run information", "运行信息"},
};

// The columns of effects comparisonColumns() (core/src/effects/compare.cpp), units in the label.
constexpr Words kComparisonColumns[] = {
    {"mode", "Transfer mode", "转移模式"},
    {"host_park", "Host park", "承接园区"},
    {"host_region", "Host region", "承接地区"},
    {"moved_segments", "Moved segments", "转移环节"},
    {"moved_output_yuan100m", "Moved output (100 million yuan)", "转移产值（亿元）"},
    {"moved_va_yuan100m", "Moved value added (100 million yuan)", "转移增加值（亿元）"},
    {"moved_jobs", "Moved jobs (persons)", "转移就业（人）"},
    {"indirect_va_yuan100m", "Indirect value added (100 million yuan)", "间接增加值（亿元）"},
    {"indirect_jobs", "Indirect jobs (persons)", "间接就业（人）"},
    {"output_multiplier", "Output multiplier", "产出乘数"},
    {"knowledge_flow_yuan100m", "Knowledge flow (100 million yuan/yr)", "知识流动（亿元/年）"},
    {"reverse_flow_yuan100m", "Reverse knowledge flow (100 million yuan/yr)", "反向知识流动（亿元/年）"},
    {"spillover_va_yuan100m", "Spill-over to host firms (100 million yuan)", "对承接地企业的溢出（亿元）"},
    {"source_supplier_va_loss_yuan100m", "Source supplier value added lost (100 million yuan)",
     "转出地配套企业增加值损失（亿元）"},
    {"source_supplier_jobs_loss", "Source supplier jobs lost (persons)", "转出地配套企业就业损失（人）"},
    {"shared_va_yuan100m", "Value added shared with the source (100 million yuan)",
     "与转出地分享的增加值（亿元）"},
    {"shared_tax_yuan100m", "Tax shared with the source (100 million yuan)", "与转出地分享的税收（亿元）"},
    {"source_gdp_change_yuan100m", "Source GDP change (100 million yuan)", "转出地GDP变化（亿元）"},
    {"host_gdp_change_yuan100m", "Host GDP change (100 million yuan)", "承接地GDP变化（亿元）"},
    {"source_isu_before", "Source structure upgrading ISU, before", "转出地产业结构高级化ISU（转移前）"},
    {"source_isu_after", "Source structure upgrading ISU, after", "转出地产业结构高级化ISU（转移后）"},
    {"host_isu_before", "Host structure upgrading ISU, before", "承接地产业结构高级化ISU（转移前）"},
    {"host_isu_after", "Host structure upgrading ISU, after", "承接地产业结构高级化ISU（转移后）"},
    {"source_h_before", "Source structural advancement H, before", "转出地产业结构高度H（转移前）"},
    {"source_h_after", "Source structural advancement H, after", "转出地产业结构高度H（转移后）"},
    {"host_h_before", "Host structural advancement H, before", "承接地产业结构高度H（转移前）"},
    {"host_h_after", "Host structural advancement H, after", "承接地产业结构高度H（转移后）"},
    {"source_lp2_before", "Source manufacturing productivity, before (10k yuan/person)",
     "转出地工业劳动生产率（转移前，万元/人）"},
    {"source_lp2_after", "Source manufacturing productivity, after (10k yuan/person)",
     "转出地工业劳动生产率（转移后，万元/人）"},
    {"host_lp2_before", "Host manufacturing productivity, before (10k yuan/person)",
     "承接地工业劳动生产率（转移前，万元/人）"},
    {"host_lp2_after", "Host manufacturing productivity, after (10k yuan/person)",
     "承接地工业劳动生产率（转移后，万元/人）"},
    {"source_ts_change", "Source tertiary/secondary ratio TS, change", "转出地三二产比TS变化"},
    {"host_ts_change", "Host tertiary/secondary ratio TS, change", "承接地三二产比TS变化"},
    {"source_theil_change", "Source Theil index, change", "转出地泰尔指数变化"},
    {"host_theil_change", "Host Theil index, change", "承接地泰尔指数变化"},
    {"source_rd_intensity_change", "Source R&D intensity, change", "转出地研发强度变化"},
    {"host_rd_intensity_change", "Host R&D intensity, change", "承接地研发强度变化"},
    {"source_jobs_change_10k", "Source jobs change (10k persons)", "转出地就业变化（万人）"},
    {"host_jobs_change_10k", "Host jobs change (10k persons)", "承接地就业变化（万人）"},
    {"vc_source", "Source value-chain upgrading", "转出地价值链升级"},
    {"inn_source", "Source innovation upgrading", "转出地创新升级"},
    {"str_source", "Source structure upgrading", "转出地结构升级"},
    {"vc_host", "Host value-chain upgrading", "承接地价值链升级"},
    {"inn_host", "Host innovation upgrading", "承接地创新升级"},
    {"str_host", "Host structure upgrading", "承接地结构升级"},
    {"u_source", "Source upgrading index U", "转出地升级指数U"},
    {"u_host", "Host upgrading index U", "承接地升级指数U"},
    {"c", "Coupling degree C", "耦合度C"},
    {"t", "Coordination index T", "综合协调指数T"},
    {"d", "Coupling coordination D", "耦合协调度D"},
    {"class_zh", "Coordination class (Chinese)", "协调等级"},
    {"class_en", "Coordination class (English)", "协调等级（英文）"},
    {"p_class", "Probability of the class", "该等级的概率"},
    {"draws", "Monte Carlo draws", "蒙特卡洛抽样次数"},
};

// The region, park and road columns of the data blocks (DataSource fields), units in the label.
constexpr Words kColumns[] = {
    {"id", "id", "编号"},
    {"name", "name", "名称"},
    {"name_zh", "Chinese name", "中文名称"},
    {"province", "province", "省份"},
    {"population", "population", "人口"},
    {"working_age", "working-age population", "劳动年龄人口"},
    {"gdp", "GDP", "GDP"},
    {"gdp_per_capita", "GDP per capita", "人均GDP"},
    {"y1", "value added, primary", "第一产业增加值"},
    {"y2", "value added, secondary", "第二产业增加值"},
    {"y3", "value added, tertiary", "第三产业增加值"},
    {"y2_share", "secondary share", "第二产业占比"},
    {"l1", "employment, primary", "第一产业就业"},
    {"l2", "employment, secondary", "第二产业就业"},
    {"l3", "employment, tertiary", "第三产业就业"},
    {"wage", "average wage", "平均工资"},
    {"rd", "R&D spending", "研发投入"},
    {"land_price", "industrial land price", "工业用地价格"},
    {"level", "level", "园区级别"},
    {"lead_industries", "lead industries", "主导产业"},
    {"lead_industries_jaccard", "lead industries (overlap)", "主导产业重合度"},
    {"area_ha", "area (ha)", "面积（公顷）"},
    {"available_ha", "available land (ha)", "可用土地（公顷）"},
    {"speed_kmh", "speed (km/h)", "速度（公里/小时）"},
    {"class", "road class", "道路等级"},
};

template <std::size_t N>
const Words* lookup(const Words (&table)[N], const std::string& id) {
  return find(table, table + N, id);
}

QString plainNumber(double x) {
  const double a = std::abs(x);
  return QString::number(x, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
}

}  // namespace

QString criterionLabel(const std::string& id, bool zh) {
  const bool field = id.rfind("field:", 0) == 0;
  try {
    if (const std::unique_ptr<Criterion> c = CriterionRegistry::instance().create(id)) {
      const std::string label = zh ? c->labelZh() : c->label();
      // field:<name> of a column the registry knows (land_price → 工业用地价格) has a label of its
      // own; any other field is named as the planner's attribute.
      if (!field || label != id.substr(6)) return QString::fromStdString(label);
    }
  } catch (const std::exception&) {
  }
  if (field) {
    QString name = QString::fromStdString(id.substr(6));
    if (name == QLatin1String("<name>") && zh) name = QStringLiteral("<字段名>");  // the registry's pattern
    return zh ? QStringLiteral("属性 %1").arg(name) : QStringLiteral("Attribute %1").arg(name);
  }
  return QString::fromStdString(id);
}

QString unitLabel(const std::string& unit, bool zh) {
  if (const Words* w = lookup(kUnits, unit)) return pick(*w, zh);
  return QString::fromStdString(unit);
}

QString criterionLabelWithUnit(const std::string& id, bool zh) {
  const QString label = criterionLabel(id, zh);
  std::string unit;
  try {
    if (const std::unique_ptr<Criterion> c = CriterionRegistry::instance().create(id)) unit = c->unit();
  } catch (const std::exception&) {
  }
  // No unit, or one the label already names ("产业基础（区位商）").
  if (unit.empty() || label.contains(unitLabel(unit, zh))) return label;
  return zh ? QStringLiteral("%1（%2）").arg(label, unitLabel(unit, zh))
            : QStringLiteral("%1 (%2)").arg(label, unitLabel(unit, zh));
}

QString numberText(double value, int decimals) {
  return std::isnan(value) ? QStringLiteral("–") : QString::number(value, 'f', decimals);
}

QString shareText(double share) {
  return std::isnan(share) ? QStringLiteral("–") : QStringLiteral("%1 %").arg(share * 100.0, 0, 'f', 1);
}

QString valueWithUnit(double value, const std::string& unit, bool zh) {
  if (std::isnan(value)) return QStringLiteral("–");
  if (unit == "ratio") return plainNumber(value) + QStringLiteral("×");
  if (unit == "share") return shareText(value);
  if (unit.empty() || unit == "score" || unit == "0–1") return plainNumber(value);
  return plainNumber(value) + QLatin1Char(' ') + unitLabel(unit, zh);
}

QString resultTableLabel(const std::string& table, bool zh) {
  if (const Words* w = lookup(kTables, table)) return pick(*w, zh);
  return QString::fromStdString(table);
}

// The bilingual legend texts of the result styles (styles.cpp, effects_layers.cpp): a label already
// turned into one language is found here and turned into the other.
constexpr Words kLegendTexts[] = {
    {"excluded", "excluded", "已排除"},      {"ring", "P(top-k): ring size", "稳健性"},
    {"source", "source region", "转出地区"}, {"regions", "regions", "地区"},
    {"other", "other regions", "其他地区"},
};

QString legendText(const QString& bilingual, bool zh) {
  for (const Words& w : kLegendTexts)
    if (bilingual == QString::fromUtf8(w.en) || bilingual == QString::fromUtf8(w.zh)) return pick(w, zh);
  // Every "English / 中文" pair in the text, e.g. "primary / 第一产业 before / 转移前".
  static const QRegularExpression pair(
      QStringLiteral("([A-Za-z][A-Za-z0-9 ()\\-:,.]*?) / ([^A-Za-z/ ]*[\\x{4e00}-\\x{9fff}][^A-Za-z/ ]*)"));
  QString out;
  int last = 0;
  QRegularExpressionMatchIterator it = pair.globalMatch(bilingual);
  while (it.hasNext()) {
    const QRegularExpressionMatch m = it.next();
    out += bilingual.mid(last, m.capturedStart() - last) + m.captured(zh ? 2 : 1);
    last = m.capturedEnd();
  }
  return out + bilingual.mid(last);
}

std::string resultTableOfLabel(const QString& layerName) {
  for (const Words& w : kTables)
    if (layerName == QLatin1String(w.id) || layerName == QString::fromUtf8(w.en) ||
        layerName == QString::fromUtf8(w.zh))
      return w.id;
  return {};
}

QString comparisonColumnLabel(const std::string& column, bool zh) {
  if (const Words* w = lookup(kComparisonColumns, column)) return pick(*w, zh);
  for (const char* suffix : {"_p05", "_p95"}) {
    const std::string s = suffix;
    if (column.size() > s.size() && column.compare(column.size() - s.size(), s.size(), s) == 0) {
      if (const Words* w = lookup(kComparisonColumns, column.substr(0, column.size() - s.size()))) {
        const QString percentile = s == "_p05" ? QStringLiteral("5") : QStringLiteral("95");
        return zh ? QStringLiteral("%1（%2 %分位）").arg(pick(*w, zh), percentile)
                  : QStringLiteral("%1 (%2th percentile)").arg(pick(*w, zh), percentile);
      }
    }
  }
  return QString::fromStdString(column);
}

QString columnLabel(const std::string& column, bool zh) {
  if (const Words* w = lookup(kColumns, column)) return pick(*w, zh);
  return QString::fromStdString(column);
}

QString exclusionText(const std::string& reason, const std::vector<std::string>& criterionIds, bool zh) {
  QStringList lines;
  for (const ExclusionReason& r : exclusionReasons(reason, criterionIds)) {
    std::string unit;
    try {
      if (!r.criterion.empty())
        if (const std::unique_ptr<Criterion> c = CriterionRegistry::instance().create(r.criterion))
          unit = c->unit();
    } catch (const std::exception&) {
    }
    const QString label = criterionLabel(r.criterion, zh);
    if (r.code == "no_location") {
      lines << (zh ? QStringLiteral("没有位置") : QStringLiteral("No location"));
    } else if (r.code == "outside_regions") {
      lines << (zh ? QStringLiteral("不在任何地区内") : QStringLiteral("Outside every region"));
    } else if (r.code == "source_region") {
      lines << (zh ? QStringLiteral("位于转出地（转移须离开转出地）")
                   : QStringLiteral("In the source region (a transfer leaves it)"));
    } else if (r.code == "missing_value") {
      lines << (zh ? QStringLiteral("%1：缺少数值").arg(label) : QStringLiteral("%1: no value").arg(label));
    } else if (r.code == "below_min" || r.code == "above_max") {
      const bool below = r.code == "below_min";
      QString line =
          zh ? QStringLiteral("%1 %2，%3%4")
                   .arg(label, valueWithUnit(r.value, unit, zh),
                        below ? QStringLiteral("低于下限 ") : QStringLiteral("高于上限 "),
                        valueWithUnit(r.limit, unit, zh))
             : QStringLiteral("%1 %2, %3 %4")
                   .arg(label, valueWithUnit(r.value, unit, zh),
                        below ? QStringLiteral("below the minimum") : QStringLiteral("above the maximum"),
                        valueWithUnit(r.limit, unit, zh));
      const auto available = r.values.find("available_ha"), needed = r.values.find("needed_ha");
      if (available != r.values.end() && needed != r.values.end()) {
        line += zh ? QStringLiteral("（可用土地 %1 公顷，需要 %2 公顷）")
                         .arg(available->second, 0, 'f', 1)
                         .arg(needed->second, 0, 'f', 1)
                   : QStringLiteral(" (%1 ha available, %2 ha needed)")
                         .arg(available->second, 0, 'f', 1)
                         .arg(needed->second, 0, 'f', 1);
      }
      lines << line;
    } else {
      lines << QString::fromStdString(r.text);
    }
  }
  return lines.join(QLatin1Char('\n'));
}

QString paramLabel(const ParamSpec& spec, bool zh) {
  const std::string& label = zh ? spec.labelZh : spec.label;
  return QString::fromStdString(label.empty() ? spec.name : label);
}

QString paramDescription(const ParamSpec& spec, bool zh) {
  return QString::fromStdString(zh && !spec.docZh.empty() ? spec.docZh : spec.doc);
}

QString paramValuesText(const Criterion& criterion, const nlohmann::json& params, bool zh) {
  const nlohmann::json resolved = resolveParams(criterion, params);
  const QString comma = zh ? QStringLiteral("，") : QStringLiteral(", ");
  QStringList parts;
  for (const ParamSpec& spec : criterion.parameters()) {
    if (!resolved.contains(spec.name)) continue;
    const nlohmann::json& v = resolved.at(spec.name);
    const QString unit = spec.unit.empty() ? QString() : QLatin1Char(' ') + unitLabel(spec.unit, zh);
    QString value;
    if (v.is_object()) {
      if (v.empty()) continue;
      QStringList pairs;
      for (auto e = v.begin(); e != v.end(); ++e)
        pairs << QStringLiteral("%1 %2")
                     .arg(QString::fromStdString(e.key()))
                     .arg(e.value().get<double>(), 0, 'g', 10);
      value = pairs.join(comma) + unit;
    } else if (v.is_array()) {
      QStringList items;
      for (const nlohmann::json& e : v)
        items << QString::fromStdString(e.is_string() ? e.get<std::string>() : e.dump());
      value = items.join(comma);
    } else if (v.is_boolean()) {
      value = v.get<bool>() ? (zh ? QStringLiteral("是") : QStringLiteral("yes"))
                            : (zh ? QStringLiteral("否") : QStringLiteral("no"));
    } else if (v.is_number()) {
      value = QString::number(v.get<double>(), 'g', 10) + unit;
    } else {
      value = QString::fromStdString(v.dump());
    }
    parts << paramLabel(spec, zh) + QLatin1Char(' ') + value;
  }
  return parts.join(zh ? QStringLiteral("；") : QStringLiteral("; "));
}

QString paramRange(const ParamSpec& spec, bool zh) {
  if (!zh) return QString::fromStdString(paramRangeText(spec));
  const bool lo = std::isfinite(spec.min), hi = std::isfinite(spec.max);
  const QString unit = spec.unit.empty() ? QString() : QLatin1Char(' ') + unitLabel(spec.unit, zh);
  const auto number = [](double v) { return QString::number(v, 'g', 12); };
  if (lo && hi) return QStringLiteral("%1 – %2%3").arg(number(spec.min), number(spec.max), unit);
  if (lo)
    return (spec.minExclusive ? QStringLiteral("大于 %1%2") : QStringLiteral("不小于 %1%2"))
        .arg(number(spec.min), unit);
  if (hi) return QStringLiteral("不大于 %1%2").arg(number(spec.max), unit);
  return QStringLiteral("任意值");
}

}  // namespace clustershift::layers
