// The mechanism-matrix page: for each transfer mode (all three when the run compared them) the
// signed value-chain, innovation and structure changes of the source and the host with their
// 5–95 % intervals from the Monte Carlo over the effect parameters, and the coupling D.
// Data: run_info ("mode_comparison" rows, else the run's own "effects").
#include "report_labels.h"  // first: see the note in layers.h

#include <qgsprintlayout.h>

#include <cmath>
#include <map>

#include "layers_detail.h"

namespace clustershift::layers::detail {
namespace {

using nlohmann::json;

const char* const kMechanisms[3] = {"vc", "inn", "str"};

/// A signed change as shown: vc and inn in %, str (ΔH) with four decimals.
QString shown(const char* mechanism, double v) {
  if (!std::isfinite(v)) return QStringLiteral("–");
  if (std::string(mechanism) == "str") return (v >= 0 ? QStringLiteral("+") : QString()) + QString::number(v, 'f', 4);
  return (v >= 0 ? QStringLiteral("+") : QString()) + QString::number(100 * v, 'f', 2) + QStringLiteral(" %");
}

MatrixCell cellOf(const char* mechanism, double v, double p05, double p95, double scale) {
  MatrixCell c;
  c.text = shown(mechanism, v);
  if (std::isfinite(p05) && std::isfinite(p95)) {
    c.interval = QStringLiteral("[%1, %2]").arg(shown(mechanism, p05), shown(mechanism, p95));
    c.uncertainSign = p05 < 0 && p95 > 0;
  }
  c.units = std::isfinite(v) && scale > 0 ? v / scale : 0;
  return c;
}

QColor classColor(int index) {
  const char* colors[] = {"#67001f", "#b2182b", "#d6604d", "#c2561a", "#a6761d",
                          "#66a61e", "#1b9e77", "#2c7fb8", "#2166ac", "#053061"};
  return QColor(QString::fromLatin1(colors[std::clamp(index, 0, 9)]));
}

/// Class index from its label (zh or en) in the comparison rows.
int classIndexOf(const QString& label) {
  static const char* const kZh[10] = {"极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
                                      "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"};
  for (int i = 0; i < 10; ++i)
    if (label == QString::fromUtf8(kZh[i])) return i;
  return 5;
}

}  // namespace

std::unique_ptr<QgsPrintLayout> buildMatrixLayout(const ReportContext& ctx) {
  const json& info = ctx.source.runInfo;
  if (!info.contains("effects") || !info["effects"].is_object()) return nullptr;
  const json& effects = info["effects"];
  const Texts& tx = ctx.tx;
  const json scales = effects.value("params", json::object()).value("mechanism_scale", json::object());
  auto scaleOf = [&](const char* m) { return scales.is_object() ? scales.value(m, 0.0) : 0.0; };
  const std::string ownMode = info.value("mode", std::string());

  std::vector<MatrixRow> rows;
  const json comparison = info.value("mode_comparison", json());
  if (comparison.is_object() && comparison.value("rows", json::array()).is_array() &&
      !comparison.value("rows", json::array()).empty()) {
    const json columns = comparison.value("columns", json::array());
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < columns.size(); ++i) at[columns[i].get<std::string>()] = i;
    for (const json& r : comparison["rows"]) {
      auto number = [&](const std::string& column) {
        const auto it = at.find(column);
        if (it == at.end() || it->second >= r.size()) return std::nan("");
        bool ok = false;
        const double v = jsonText(r[it->second]).toDouble(&ok);
        return ok ? v : std::nan("");
      };
      auto text = [&](const std::string& column) {
        const auto it = at.find(column);
        return it == at.end() || it->second >= r.size() ? QString() : jsonText(r[it->second]);
      };
      const std::string mode = text("mode").toStdString();
      MatrixRow row;
      row.label = modeLabel(tx, mode) + (mode == ownMode ? QStringLiteral(" ★") : QString());
      for (const char* side : {"source", "host"})
        for (const char* m : kMechanisms) {
          const std::string key = std::string(m) + "_" + side;
          row.cells.push_back(cellOf(m, number(key), number(key + "_p05"), number(key + "_p95"), scaleOf(m)));
        }
      const QString cls = text(tx.zh ? "class_zh" : "class_en");
      row.couplingColor = classColor(classIndexOf(text("class_zh")));
      row.coupling = QStringLiteral("D %1\n[%2–%3]\n%4")
                         .arg(formatNumber(number("d"), 3), formatNumber(number("d_p05"), 3), formatNumber(number("d_p95"), 3), cls);
      rows.push_back(row);
    }
  } else {
    // The run's own mode: source and first host region from the effects.
    const json regions = effects.value("regions", json::array());
    const json coupling = effects.value("coupling", json::array());
    if (!regions.is_array() || regions.size() < 2 || !coupling.is_array() || coupling.empty()) return nullptr;
    MatrixRow row;
    row.label = modeLabel(tx, ownMode) + QStringLiteral(" ★");
    for (size_t side = 0; side < 2; ++side) {
      const json& region = regions[side];
      const json mech = region.value("mechanisms", json::object());
      const json intervals = region.value("intervals", json::object());
      for (const char* m : kMechanisms) {
        const json in = intervals.value(m, json::object());
        row.cells.push_back(cellOf(m, jsonNumber(mech, m), jsonNumber(in, "p05"), jsonNumber(in, "p95"), scaleOf(m)));
      }
    }
    const json& c = coupling.front();
    const json u = c.value("uncertainty", json::object());
    row.couplingColor = classColor(c.value("class_index", 5));
    row.coupling = QStringLiteral("D %1\n[%2–%3]\n%4")
                       .arg(formatNumber(jsonNumber(c, "d"), 3), formatNumber(jsonNumber(u, "d_p05"), 3),
                            formatNumber(jsonNumber(u, "d_p95"), 3), jsonText(c.value(tx.zh ? "class_zh" : "class_en", json())));
    rows.push_back(row);
  }
  if (rows.empty()) return nullptr;

  std::unique_ptr<QgsPrintLayout> layout = newReportLayout(ctx, tx.t("Mechanism matrix", "升级机制矩阵"));
  QgsPrintLayout* l = layout.get();
  const QRectF c = addPageFrame(l, ctx, 0, tx.t("Upgrading mechanisms of both regions by transfer mode", "分转移方式的两地产业升级机制"));
  const double s = ctx.pageMm.width() > 300 ? 1.25 : 1.0;
  const QString intro = tx.t(
      "Signed changes from the before/after accounts (docs/model.md, \"Transfer effects\"): value chain = change of the region's "
      "industry VA per worker, innovation = change of R&D intensity, structure = change of the productivity-weighted "
      "advancement index H. Below each value its 5–95 % interval over the Monte Carlo draws of the effect parameters; a dashed "
      "frame means the interval crosses 0 (the sign depends on the assumptions). Purple = gain, orange = loss.",
      "依据转移前后核算账户计算的带符号变化（docs/model.md“转移效应”）：价值链 = 第二产业劳均增加值变化，创新 = R&D 强度变化，"
      "结构 = 劳动生产率加权的产业结构高度 H 的变化。数值下方为效应参数蒙特卡洛抽样的 5–95 % 区间；虚线框表示区间跨越 0（符号取决于假设）。"
      "紫色 = 提升，橙色 = 下降。");
  const QString wrapped = wrapText(intro, 7.5 * s, c.width());
  const double introH = textHeightMm(wrapped, 7.5 * s);
  addLabel(l, 0, wrapped, 7.5 * s, false, QRectF(c.x(), c.y(), c.width(), introH), QColor(60, 60, 60));
  const QStringList groups{tx.t("Source", "转出地"), tx.t("Host", "承接地")};
  QStringList heads;
  for (int side = 0; side < 2; ++side)
    heads << tx.t("value chain", "价值链") << tx.t("innovation", "创新") << tx.t("structure (ΔH)", "结构（ΔH）");
  const double matrixH = std::min(c.height() - introH - 14 * s, 22.0 * s + 34.0 * s * static_cast<double>(rows.size()));
  const QSizeF size(c.width(), matrixH);
  addSvg(l, 0, mechanismMatrixSvg(groups, heads, rows, size), QRectF(c.x(), c.y() + introH + 3, size.width(), size.height()));
  const QString foot = tx.t(
      "What the research asserts for a developed source and a less-industrialised host: complete — source structure ↑, host "
      "structure and value chain ↑; partial — source value chain and innovation ↑, host value chain ↑; replication — source "
      "innovation and value chain ↑, host structure ↑. Here every sign comes from the data; where the host is more productive or "
      "past industrialisation the signs turn.",
      "研究结论（发达的转出地、工业化程度较低的承接地）：完全转移——转出地结构↑，承接地结构与价值链↑；不完全转移——转出地价值链与创新↑，"
      "承接地价值链↑；复制式转移——转出地创新与价值链↑，承接地结构↑。本表每个符号均由数据计算得出；承接地生产率更高或已完成工业化时符号会反转。");
  const QString footWrapped = wrapText(foot, 7 * s, c.width());
  addLabel(l, 0, footWrapped, 7 * s, false,
           QRectF(c.x(), c.y() + introH + 5 + matrixH, c.width(), textHeightMm(footWrapped, 7 * s)), QColor(80, 80, 80));
  return layout;
}

}  // namespace clustershift::layers::detail
