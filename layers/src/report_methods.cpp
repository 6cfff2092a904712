// The mode comparison page (when run_info holds one) and the methods appendix: criteria,
// weighting (AHP matrix, λmax, CR), aggregation, robustness, effect parameters with their
// sources (docs/model.md), data sources and this run's validation warnings. The appendix
// flows over as many pages as it needs; tables are split between pages with their header
// repeated, so none runs off a page.
#include "report_labels.h"  // first: see the note in layers.h

#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgsprintlayout.h>
#include <qgslayouttablecolumn.h>
#include <qgstablecell.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "clustershift/criterion.h"
#include "clustershift/effects.h"
#include "clustershift/error.h"
#include "clustershift/methods.h"
#include "clustershift_layers/labels.h"
#include "layers_detail.h"

namespace clustershift::layers::detail {
namespace {

using nlohmann::json;

/// Horizontal alignment per column: "l", "r" or "c" per column ("" keeps addTable's choice:
/// numbers right, text left). Headers follow their column.
void alignColumns(QgsLayoutItemManualTable* table, const QString& align) {
  if (align.isEmpty()) return;
  auto flag = [&](int c) {
    const QChar a = c < align.size() ? align[c] : QLatin1Char('l');
    return a == QLatin1Char('r') ? Qt::AlignRight : a == QLatin1Char('c') ? Qt::AlignHCenter : Qt::AlignLeft;
  };
  QgsTableContents contents = table->tableContents();
  for (QgsTableRow& row : contents)
    for (int c = 0; c < row.size(); ++c) row[c].setHorizontalAlignment(flag(c));
  table->setTableContents(contents);
  // In place, after the contents (setting them rebuilds the drawn columns from the headers).
  for (QgsLayoutTableColumns* columns : {&table->headers(), &table->columns()})
    for (int c = 0; c < columns->size(); ++c) (*columns)[c].setHAlignment(flag(c));
}

/// Blocks placed top to bottom over pages that get the common frame.
class Flow {
 public:
  Flow(QgsPrintLayout* layout, const ReportContext& ctx, QString heading)
      : m_layout(layout), m_ctx(ctx), m_heading(std::move(heading)) {
    m_content = addPageFrame(m_layout, m_ctx, 0, m_heading);
    m_y = m_content.top();
  }
  double width() const { return m_content.width(); }
  double left() const { return m_content.left(); }
  double remaining() const { return m_content.bottom() - m_y; }
  double pageHeight() const { return m_content.height(); }
  void newPage() {
    m_page = addReportPage(m_layout, m_ctx);
    m_content = addPageFrame(m_layout, m_ctx, m_page, m_heading + m_ctx.tx.t(" (continued)", "（续）"));
    m_y = m_content.top();
  }
  void ensure(double heightMm) {
    if (heightMm > remaining() && m_y > m_content.top() + 0.1) newPage();
  }
  void space(double mm) { m_y += mm; }

  /// Section heading; kept together with at least `keepMm` of what follows.
  void heading(const QString& text, double keepMm = 20) {
    const double s = scaleOf(m_ctx);
    ensure(6.5 * s + keepMm);
    addLabel(m_layout, m_page, text, 10 * s, true, QRectF(left(), m_y, width(), 5.5 * s), QColor(31, 95, 140));
    m_y += 6.5 * s;
  }
  /// A wrapped paragraph.
  void paragraph(const QString& text, double sizePt = 7.5, const QColor& color = QColor(30, 30, 30)) {
    const double pt = sizePt * scaleOf(m_ctx);
    const QString wrapped = wrapText(text, pt, width());
    const double h = textHeightMm(wrapped, pt);
    ensure(h);
    addLabel(m_layout, m_page, wrapped, pt, false, QRectF(left(), m_y, width(), h), color);
    m_y += h + 1;
  }
  /// A table of the given column widths (fractions of the content width), split over pages with
  /// the header repeated: QGIS itself says how many rows fit (rows are pre-wrapped to the widths).
  /// align: one letter per column, l / r / c (empty: numbers right, text left).
  void table(const QStringList& headers, const std::vector<QStringList>& rows, const std::vector<double>& fractions,
             double sizePt = 7, const QString& align = QString()) {
    const double pt = sizePt * scaleOf(m_ctx);
    std::vector<double> widths;
    for (double f : fractions) widths.push_back(f * width());
    const TableChunks wrapped = splitTable(headers, rows, widths, pt, 1e9, 1e9);  // wrapping only: one chunk
    std::vector<QStringList> pending = wrapped.chunks.front();
    // Header and first row must fit, else start on a fresh page.
    const double minimum = tableRowHeightMm(wrapped.headers, pt, true) +
                           (pending.empty() ? 0.0 : tableRowHeightMm(pending.front(), pt));
    ensure(minimum);
    while (true) {
      QgsLayoutItemManualTable* t =
          addTable(m_layout, m_page, wrapped.headers, pending, QRectF(left(), m_y, width(), remaining()), pt, contentWidths(widths));
      alignColumns(t, align);
      const int fit = std::max(1, tableRowsFitting(t, remaining()));
      if (fit >= static_cast<int>(pending.size())) {
        m_y += fitTableFrame(t, remaining());
        break;
      }
      keepFirstRows(t, fit);
      fitTableFrame(t, remaining());
      pending.erase(pending.begin(), pending.begin() + fit);
      newPage();
    }
    m_y += 3;
  }

 private:
  QgsPrintLayout* m_layout;
  const ReportContext& m_ctx;
  QString m_heading;
  QRectF m_content;
  int m_page = 0;
  double m_y = 0;
};

QString directionLabel(const Texts& tx, const std::string& d) {
  return d == "cost" ? tx.t("cost (lower is better)", "成本型（越低越好）") : tx.t("benefit (higher is better)", "效益型（越高越好）");
}

/// The methods appendix's words for a name of a descriptor table (clustershift/methods.h): its
/// description; an unknown name as written.
QString methodDescription(const Texts& tx, const std::vector<MethodInfo>& table, const std::string& name) {
  for (const MethodInfo& m : table)
    if (name == m.name) return tx.t(m.description, m.descriptionZh);
  return QString::fromStdString(name);
}

QString valueFunctionLabel(const Texts& tx, const json& c) {
  QString label =
      methodDescription(tx, valueFunctionTypes(), c.value("value_function", std::string("minmax")));
  if (c.contains("value_function_params") && c["value_function_params"].is_object() && !c["value_function_params"].empty())
    label += QStringLiteral(" ") + QString::fromStdString(c["value_function_params"].dump());
  return label;
}

QString constraintText(const Texts& tx, const json& c) {
  QStringList parts;
  if (c.contains("min") && c["min"].is_number()) parts << QStringLiteral("≥ %1").arg(jsonText(c["min"]));
  if (c.contains("max") && c["max"].is_number()) parts << QStringLiteral("≤ %1").arg(jsonText(c["max"]));
  return parts.isEmpty() ? tx.t("–", "–") : parts.join(QStringLiteral(", "));
}

QString missingLabel(const Texts& tx, const std::string& m) {
  if (m == "exclude")
    return tx.c("parks with a missing value are excluded", "缺失值的园区被排除",
                "cells with a missing value are excluded", "缺失值的网格单元被排除");
  if (m == "worst") return tx.t("a missing value scores as the worst", "缺失值按最差值计");
  if (m == "mean") return tx.t("a missing value scores as the mean", "缺失值按均值计");
  return QString::fromStdString(m);
}

QString compactJson(const json& j) {
  if (j.is_object()) {
    QStringList parts;
    for (auto it = j.begin(); it != j.end(); ++it) parts << QString::fromStdString(it.key()) + QStringLiteral(" ") + compactJson(it.value());
    return parts.join(QStringLiteral(", "));
  }
  if (j.is_number_float()) return QString::number(j.get<double>(), 'g', 4);
  return jsonText(j);
}

/// An effect parameter's value in the report's language: a switch reads yes/no (是/否), a map
/// "key value" pairs (its switches too), anything else as compactJson.
QString effectValueText(const Texts& tx, const json& j) {
  if (j.is_boolean()) return j.get<bool>() ? tx.t("yes", "是") : tx.t("no", "否");
  if (j.is_object()) {
    QStringList parts;
    for (auto it = j.begin(); it != j.end(); ++it)
      parts << QString::fromStdString(it.key()) + QStringLiteral(" ") + effectValueText(tx, it.value());
    return parts.join(QStringLiteral(", "));
  }
  return compactJson(j);
}

/// A criterion's parameters as the run used them, worded by their declaration
/// (Criterion::parameters(): label, unit) in the report's language: "腹地半径 50 公里",
/// "Catchment radius 50 km"; switches read yes/no (是/否). Map and list values keep the planner's
/// keys. Criteria no longer registered, or params the declaration refuses, show the stored JSON.
QString criterionParamsText(const Texts& tx, const json& c) {
  const json given = c.value("params", json::object());
  const std::string id = c.value("id", std::string());
  try {
    if (clustershift::CriterionRegistry::instance().contains(id)) {
      const auto criterion = clustershift::CriterionRegistry::instance().create(id);
      const QString text = paramValuesText(*criterion, given, tx.zh);
      return text.isEmpty() ? QStringLiteral("–") : text;
    }
  } catch (const clustershift::Error&) {
  }
  return given.is_object() && !given.empty() ? compactJson(given) : QStringLiteral("–");
}

}  // namespace

std::unique_ptr<QgsPrintLayout> buildComparisonLayout(const ReportContext& ctx) {
  const json& info = ctx.source.runInfo;
  if (!info.contains("mode_comparison") || !info["mode_comparison"].is_object()) return nullptr;
  const json& comparison = info["mode_comparison"];
  const json columns = comparison.value("columns", json::array());
  const json rows = comparison.value("rows", json::array());
  if (!columns.is_array() || !rows.is_array() || rows.empty()) return nullptr;
  const Texts& tx = ctx.tx;
  std::unique_ptr<QgsPrintLayout> layout = newReportLayout(ctx, tx.t("Mode comparison", "转移方式比较"));
  Flow flow(layout.get(), ctx, tx.t("Mode comparison: complete, partial and replication", "转移方式比较：整体转移、部分转移与复制扩张"));
  flow.paragraph(tx.t("The same cluster, source and host choice under each transfer mode (effects model, docs/model.md). "
                      "The scenario's own mode is marked ★.",
                      "相同集群、转出地与承接园区选择下三种转移方式的效应（效应模型见 docs/model.md）。本情景采用的方式以 ★ 标出。"),
                 7.5, QColor(70, 70, 70));
  // Transposed: one row per indicator, one column per mode (the CSV has one row per mode).
  const std::string ownMode = info.value("mode", std::string());
  QStringList headers{tx.t("Indicator", "指标")};
  for (const json& row : rows) {
    const std::string mode = row.is_array() && !row.empty() ? row[0].get<std::string>() : std::string();
    headers << modeLabel(tx, mode) + (mode == ownMode ? QStringLiteral(" ★") : QString());
  }
  std::map<QString, QString> hostNames;
  const json effects = info.value("effects", json());
  if (effects.is_object()) {
    for (const json& h : effects.value("hosts", json::array()))
      hostNames[jsonText(h.value("park_id", json()))] = localName(tx, h, "park_name", "park_name_zh");
    for (const json& r : effects.value("regions", json::array())) hostNames[jsonText(r.value("id", json()))] = localName(tx, r);
  }
  // Segment ids to names in the report language, from the scenario's cluster profile.
  std::map<QString, QString> segmentNames;
  const json profile = info.value("scenario", json::object()).value("cluster", json::object()).value("profile", json());
  if (profile.is_object())
    for (const json& seg : profile.value("segments", json::array()))
      segmentNames[jsonText(seg.value("id", json()))] = localName(tx, seg);
  std::vector<QStringList> table;
  for (size_t c = 1; c < columns.size(); ++c) {
    const std::string column = columns[c].get<std::string>();
    if (column == (tx.zh ? "class_en" : "class_zh")) continue;  // the class once, in the report language
    // Mechanisms and every interval are on the mechanism-matrix page; the draws count and the
    // class probabilities too.
    const auto endsWith = [&](const char* suffix) {
      const std::string sfx(suffix);
      return column.size() >= sfx.size() && column.compare(column.size() - sfx.size(), sfx.size(), sfx) == 0;
    };
    // H and industry VA per worker before/after are in the CSV; their changes are the matrix's.
    if (column.find("_h_") != std::string::npos || column.find("_lp2_") != std::string::npos || column == "c" ||
        column == "t" || column == "source_supplier_jobs_loss" || column == "shared_tax_yuan100m")
      continue;
    if (endsWith("_p05") || endsWith("_p95") || column == "p_class" || column == "draws" ||
        column.rfind("vc_", 0) == 0 || column.rfind("inn_", 0) == 0 || column.rfind("str_", 0) == 0)
      continue;
    QStringList cells{comparisonColumnLabel(column, tx.zh)};
    for (const json& row : rows) {
      QString cell = row.is_array() && c < row.size() ? jsonText(row[c]) : QString();
      if (column == "moved_segments") {
        QStringList names;
        for (const QString& id : cell.split(QLatin1Char(';'), Qt::SkipEmptyParts))
          names << (segmentNames.count(id) ? segmentNames.at(id) : id);
        cell = names.join(tx.t("; ", "、"));
      }
      if (column == "host_park" || column == "host_region") {
        // Ids to names: every mode uses the same host choice, which the run's effects name.
        QStringList names;
        for (const QString& id : cell.split(QLatin1Char(';'), Qt::SkipEmptyParts))
          names << (hostNames.count(id) ? hostNames.at(id) + QStringLiteral(" (") + id + QLatin1Char(')') : id);
        cell = names.join(QStringLiteral("; "));
      }
      cells << cell;
    }
    table.push_back(cells);
  }
  const double modeShare = 0.64 / std::max<double>(1.0, static_cast<double>(rows.size()));
  std::vector<double> fractions{0.36};
  for (size_t i = 0; i < rows.size(); ++i) fractions.push_back(modeShare);
  flow.table(headers, table, fractions, 6.5);
  flow.paragraph(tx.t("Replication: the source is the hub (its R&D, design and brand grow) and is credited its share of the "
                      "replica's VA and tax. The signed mechanisms with their intervals are on the mechanism-matrix page.",
                      "复制式转移：转出地为总部（研发、设计与品牌环节扩大），并分享复制园区的增加值与税收。带区间的各升级机制见“升级机制矩阵”页。"),
                 6.5, QColor(90, 90, 90));
  return layout;
}

std::unique_ptr<QgsPrintLayout> buildMethodsLayout(const ReportContext& ctx) {
  const json& info = ctx.source.runInfo;
  const Texts& tx = ctx.tx;
  std::unique_ptr<QgsPrintLayout> layout = newReportLayout(ctx, tx.t("Methods", "方法附录"));
  Flow flow(layout.get(), ctx, tx.t("Methods appendix", "方法附录"));

  // --- criteria ---
  flow.heading(tx.t("1 Criteria, directions, value functions and weights", "1 评价指标、方向、价值函数与权重"));
  std::vector<QStringList> criteriaRows;
  for (const json& c : info.value("criteria", json::array())) {
    const QString label = localName(tx, c, "label", "label_zh");
    const QString params = criterionParamsText(tx, c);
    criteriaRows.push_back({label, jsonText(c.value("id", json())),
                            unitLabel(jsonText(c.value("unit", json())).toStdString(), tx.zh),
                            directionLabel(tx, c.value("direction", std::string("benefit"))),
                            valueFunctionLabel(tx, c), formatNumber(jsonNumber(c, "weight"), 3),
                            constraintText(tx, c), params});
  }
  flow.table({tx.t("Criterion", "指标"), tx.t("Id", "标识"), tx.t("Unit", "单位"), tx.t("Direction", "方向"),
              tx.t("Value function", "价值函数"), tx.t("Weight", "权重"), tx.t("Hard limit", "硬约束"), tx.t("Parameters", "参数")},
             criteriaRows, {0.17, 0.13, 0.08, 0.14, 0.16, 0.06, 0.08, 0.18}, 7, QStringLiteral("lllllrll"));

  // --- weighting ---
  const json weighting = info.value("weighting", json::object());
  const std::string method = weighting.value("method", std::string("direct"));
  flow.heading(tx.t("2 Weighting", "2 赋权方法"), 10);
  QString weightText = methodDescription(tx, weightingMethods(), method);
  if (method == "blend")
    weightText += tx.t(" (α = %1 subjective, objective: %2)", "（主观权重占 α = %1，客观方法：%2）")
                      .arg(jsonText(weighting.value("alpha", json())), jsonText(weighting.value("objective", json())));
  flow.paragraph(weightText);
  const json matrix = weighting.value("ahp_matrix", json());
  if (method == "ahp" && matrix.is_array() && !matrix.empty()) {
    const json criteria = info.value("criteria", json::array());
    QStringList headers{QString()};
    std::vector<QStringList> rows;
    for (size_t i = 0; i < matrix.size(); ++i) {
      // Numbered columns: full criterion names do not fit a header of a ninth of the page.
      const QString code = QStringLiteral("C%1").arg(i + 1);
      const QString name = i < criteria.size() ? localName(tx, criteria[i], "label", "label_zh") : QString();
      headers << code;
      QStringList row{code + QStringLiteral(" ") + name};
      for (const json& v : matrix[i]) {
        const double x = jsonNumber(v);
        // Reciprocals read as fractions, as in Saaty's scale.
        row << (x > 0 && x < 1 && std::abs(1 / x - std::round(1 / x)) < 1e-6 ? QStringLiteral("1/%1").arg(std::lround(1 / x))
                                                                              : formatNumber(x, std::abs(x - std::round(x)) < 1e-9 ? 0 : 2));
      }
      rows.push_back(row);
    }
    std::vector<double> fractions(matrix.size() + 1, std::min(0.09, 0.8 / static_cast<double>(matrix.size() + 1)));
    fractions[0] = std::min(0.2, fractions[0] * 2);
    flow.table(headers, rows, fractions, 6.5, QStringLiteral("l") + QString(static_cast<int>(matrix.size()), QLatin1Char('c')));
    const json wi = weighting.value("info", json::object());
    const double cr = jsonNumber(wi, "cr");
    flow.paragraph(QStringLiteral("λmax = %1 · CI = %2 · CR = %3 %4")
                       .arg(formatNumber(jsonNumber(wi, "lambda_max"), 3), formatNumber(jsonNumber(wi, "ci"), 3), formatNumber(cr, 3),
                            std::isfinite(cr) ? (cr < 0.1 ? tx.t("(consistent: CR < 0.10)", "（一致性可接受：CR < 0.10）")
                                                          : tx.t("(inconsistent: CR ≥ 0.10, revise the judgements)", "（一致性不可接受：CR ≥ 0.10，应修正判断）"))
                                              : QString()));
  }

  // --- aggregation and robustness ---
  flow.heading(tx.t("3 Aggregation and missing values", "3 集成方法与缺失值"), 10);
  flow.paragraph(methodDescription(tx, aggregations(), info.value("aggregation", std::string("wlc"))) +
                 tx.t("; ", "；") + missingLabel(tx, info.value("missing", std::string("exclude"))) +
                 tx.t(".", "。"));
  flow.heading(tx.t("4 Robustness", "4 稳健性分析"), 10);
  const json robustness = info.value("robustness", json());
  if (robustness.is_object())
    flow.paragraph(tx.t("SMAA-style weight sampling (Lahdelma & Salminen 2001): %1 draws of weights from a Dirichlet distribution "
                        "centred on the weights above (concentration κ = %2, seed %3); P(top-%4) is the share of draws in which "
                        "a park ranks among the first %4, the rank interval spans the 5th to 95th percentile.",
                        "SMAA 式权重抽样（Lahdelma & Salminen 2001）：以上述权重为中心的狄利克雷分布抽样 %1 次（集中度 κ = %2，随机种子 %3）；"
                        "P(前%4) 为园区位列前 %4 名的抽样比例，排名区间为第 5 至第 95 百分位。")
                       .arg(jsonText(robustness.value("draws", json())), jsonText(robustness.value("concentration", json())),
                            jsonText(robustness.value("seed", json())), jsonText(robustness.value("k", json()))));
  else
    flow.paragraph(tx.t("Not computed in this run (uncertainty.draws = 0).", "本次运行未进行（uncertainty.draws = 0）。"));
  flow.paragraph(
      tx.c("Labour catchment on the candidate pages: geodesic circle of %1 km around the park.",
           "候选园区页的劳动力通勤圈：园区周围半径 %1 km 的测地圆。",
           "Labour catchment on the candidate pages: geodesic circle of %1 km around the cell centre.",
           "候选网格单元页的劳动力通勤圈：网格单元中心周围半径 %1 km 的测地圆。")
          .arg(formatNumber(catchmentKm(info), 0)));

  // --- effect parameters ---
  const json effects = info.value("effects", json());
  if (effects.is_object()) {
    flow.heading(tx.t("5 Effect parameters and their sources", "5 效应模型参数及来源"));
    const json params = effects.value("params", json::object());
    std::vector<QStringList> rows;
    for (const EffectParamDoc& d : effectParamDocs()) {
      if (!params.contains(d.key)) continue;
      rows.push_back({QString::fromUtf8(d.key), QString::fromUtf8(d.symbol), tx.t(d.meaning, d.meaningZh),
                      effectValueText(tx, params[d.key]), tx.t(d.source, d.sourceZh)});
    }
    flow.table({tx.t("Key", "参数"), tx.t("Symbol", "符号"), tx.t("Meaning", "含义"), tx.t("Value in this run", "本次取值"),
                tx.t("Source", "来源")},
               rows, {0.16, 0.06, 0.28, 0.28, 0.22}, 6.5, QStringLiteral("lllll"));
    flow.paragraph(tx.t("Planning assumptions are round values for plausible orders of magnitude, not estimates; test the "
                        "sensitivity of any conclusion to them. Formulas: docs/model.md, section \"Transfer effects\".",
                        "规划假设为给出合理量级的取整数值，并非估计值；结论应检验其对这些参数的敏感性。公式见 docs/model.md“转移效应”一节。"),
                   6.5, QColor(90, 90, 90));
  }

  // --- data sources ---
  flow.heading(tx.t(effects.is_object() ? "6 Data sources" : "5 Data sources", effects.is_object() ? "6 数据来源" : "5 数据来源"), 15);
  std::vector<QStringList> sourceRows;
  const std::map<std::string, std::pair<const char*, const char*>> roles = {
      {"regions", {"regions", "行政区"}},
      {"parks", {"candidate parks", "候选园区"}},
      {"industry_output", {"industry output by region", "分地区行业产值"}},
      {"io_table", {"input–output coefficients", "投入产出直接消耗系数"}},
      {"exclusions", {"sensitive zones", "生态敏感区"}},
      {"roads", {"roads", "道路"}}};
  const json sources = info.value("data_sources", json::object());
  const json counts = info.value("counts", json::object());
  for (auto it = sources.begin(); it != sources.end(); ++it) {
    const auto role = roles.find(it.key());
    const char* countKey = it.key() == "exclusions" ? "zones" : it.key().c_str();
    QString roleText = role == roles.end() ? QString::fromStdString(it.key())
                                           : tx.t(role->second.first, role->second.second);
    if (it.key() == "parks" && tx.cells)
      roleText = tx.t("parks (the candidates are the grid's cells)", "园区（候选为网格单元）");
    sourceRows.push_back({roleText, jsonText(it.value()),
                          counts.contains(countKey) ? jsonText(counts[countKey]) : QStringLiteral("–")});
  }
  flow.table({tx.t("Data", "数据"), tx.t("File", "文件"), tx.t("Features", "要素数")}, sourceRows, {0.3, 0.5, 0.2}, 7,
             QStringLiteral("llr"));
  flow.paragraph(tx.t("Sample data: illustrative statistics of yearbook order of magnitude and schematic boundaries.",
                      "示例数据：统计数据为年鉴量级的示意值，行政区边界为示意性边界。"),
                 6.5, QColor(90, 90, 90));

  // --- warnings ---
  const json warnings = info.value("warnings", json::array());
  flow.heading(tx.t(effects.is_object() ? "7 Validation warnings of this run" : "6 Validation warnings of this run",
                    effects.is_object() ? "7 本次运行的校验警告" : "6 本次运行的校验警告"),
               10);
  if (!warnings.is_array() || warnings.empty()) {
    flow.paragraph(tx.t("None.", "无。"));
  } else {
    constexpr size_t kMaxWarnings = 80;  // beyond this the appendix lists only the count
    std::vector<QStringList> rows;
    for (size_t i = 0; i < warnings.size() && i < kMaxWarnings; ++i) {
      const json& w = warnings[i];
      QStringList where;
      for (const char* key : {"file", "layer"})
        if (!jsonText(w.value(key, json())).isEmpty()) where << jsonText(w[key]);
      QString place = where.join(QLatin1Char('/'));
      if (!jsonText(w.value("feature", json())).isEmpty()) place += (place.isEmpty() ? QString() : QStringLiteral(" ")) + jsonText(w["feature"]);
      if (!jsonText(w.value("field", json())).isEmpty()) place += QStringLiteral(" · ") + jsonText(w["field"]);
      const QString severity = w.value("severity", std::string("warning")) == "fatal" ? tx.t("error", "错误") : tx.t("warning", "警告");
      rows.push_back({QString::number(i + 1), severity, place, jsonText(w.value("message", json()))});
    }
    flow.table({QStringLiteral("#"), tx.t("Severity", "级别"), tx.t("Where", "位置"), tx.t("Message", "说明")}, rows,
               {0.04, 0.07, 0.29, 0.60}, 6.5, QStringLiteral("rlll"));
    if (warnings.size() > kMaxWarnings)
      flow.paragraph(tx.t("… and %1 more warnings (run_info table of the GeoPackage).", "……另有 %1 条警告（见 GeoPackage 的 run_info 表）。")
                         .arg(warnings.size() - kMaxWarnings));
  }
  return layout;
}

}  // namespace clustershift::layers::detail
