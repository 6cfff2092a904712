// Wording and text helpers of the effects, mode-comparison and methods pages (report_labels.h).
#include "report_labels.h"  // first: see the note in layers.h

#include <qgslayoutframe.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutsize.h>
#include <qgslayoututils.h>
#include <qgsrendercontext.h>

#include <algorithm>

#include "layers_detail.h"

namespace clustershift::layers::detail {

QString indicatorLabel(const Texts& tx, const std::string& indicator) {
  if (indicator == "ts") return tx.t("TS (advancement, Y3/Y2)", "TS 产业结构高级化（Y3/Y2）");
  if (indicator == "isu") return tx.t("ISU (upgrading index)", "ISU 产业结构升级指数");
  if (indicator == "theil") return tx.t("Theil TL (0 = rational)", "泰尔指数 TL（0 为合理）");
  if (indicator == "h") return tx.t("H (productivity-weighted advancement)", "H 产业结构高度（劳动生产率加权）");
  if (indicator == "lp2") return tx.t("Industry VA per worker (10k yuan)", "第二产业劳均增加值（万元）");
  if (indicator == "vc") return tx.t("Value chain (Δ industry VA per worker)", "价值链（第二产业劳均增加值变化）");
  if (indicator == "inn") return tx.t("Innovation (Δ R&D intensity)", "创新（R&D 强度变化）");
  if (indicator == "str") return tx.t("Structure (Δ H)", "产业结构（H 变化）");
  if (indicator == "va_rate") return tx.t("Cluster VA rate", "集群增加值率");
  if (indicator == "rd_intensity") return tx.t("R&D intensity (%)", "R&D 强度（%）");
  if (indicator == "gdp") return tx.t("GDP (100 million yuan)", "地区生产总值（亿元）");
  if (indicator == "jobs") return tx.t("Employment (10k persons)", "就业人数（万人）");
  if (indicator == "u") return tx.t("Upgrading Ũ (0.5 = no change)", "升级指数 Ũ（0.5 为不变）");
  if (indicator == "coupling_d") return tx.t("Coupling coordination D", "耦合协调度 D");
  return QString::fromStdString(indicator);
}

int indicatorDecimals(const std::string& indicator) {
  if (indicator == "theil" || indicator == "h") return 4;
  if (indicator == "gdp") return 1;
  if (indicator == "jobs" || indicator == "rd_intensity") return 2;
  return 3;
}

QString modeLabel(const Texts& tx, const std::string& mode) {
  if (mode == "complete") return tx.t("complete transfer", "整体转移");
  if (mode == "partial") return tx.t("partial transfer", "部分转移");
  if (mode == "replication") return tx.t("replication", "复制扩张");
  return QString::fromStdString(mode);
}

QString localName(const Texts& tx, const nlohmann::json& object, const char* en, const char* zh) {
  if (!object.is_object()) return {};
  const QString zhName = jsonText(object.value(zh, nlohmann::json()));
  const QString enName = jsonText(object.value(en, nlohmann::json()));
  if (tx.zh && !zhName.isEmpty()) return zhName;
  if (!enName.isEmpty()) return enName;
  if (!zhName.isEmpty()) return zhName;
  return jsonText(object.value("id", nlohmann::json()));
}

QString jsonText(const nlohmann::json& j) {
  if (j.is_null()) return {};
  if (j.is_string()) return QString::fromStdString(j.get<std::string>());
  if (j.is_boolean()) return j.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
  if (j.is_number_integer()) return QString::number(j.get<long long>());
  if (j.is_number()) return QString::number(j.get<double>(), 'g', 6);
  return QString::fromStdString(j.dump());
}

namespace {

bool isCjk(QChar c) {
  const ushort u = c.unicode();
  return (u >= 0x2E80 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF) ||
         (u >= 0x3000 && u <= 0x303F);
}

}  // namespace

QString wrapText(const QString& text, double sizePt, double widthMm, bool bold) {
  const QFont f = font(sizePt, bold);
  // Slack: labels and tables render text a few per cent wider than QgsLayoutUtils measures it,
  // and their own wrapping must never break a line we consider to fit (that line would be cut).
  const double limit = std::max(2.0, widthMm * 0.94 - 0.3);
  QStringList out;
  for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
    // Tokens: a CJK character alone, a run of other characters, a space.
    QStringList tokens;
    QString run;
    for (const QChar c : paragraph) {
      if (isCjk(c) || c == QLatin1Char(' ')) {
        if (!run.isEmpty()) tokens << run, run.clear();
        tokens << QString(c);
      } else {
        run += c;
        if (c == QLatin1Char('/') || c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('_'))
          tokens << run, run.clear();  // allowed break after these in long identifiers and paths
      }
    }
    if (!run.isEmpty()) tokens << run;
    QString line;
    for (const QString& token : tokens) {
      const QString candidate = line + token;
      if (line.isEmpty() || QgsLayoutUtils::textWidthMM(f, candidate) <= limit) {
        line = candidate;
        continue;
      }
      out << line.trimmed();
      line = token == QLatin1String(" ") ? QString() : token;
      // A single token wider than the column (a long number or word): cut it by characters.
      while (QgsLayoutUtils::textWidthMM(f, line) > limit && line.size() > 1) {
        int n = line.size() - 1;
        while (n > 1 && QgsLayoutUtils::textWidthMM(f, line.left(n)) > limit) --n;
        out << line.left(n);
        line = line.mid(n);
      }
    }
    out << line.trimmed();
  }
  return out.join(QLatin1Char('\n'));
}

double textHeightMm(const QString& wrappedText, double sizePt) {
  // Labels lay lines 1.45 em apart in Noto Sans CJK (ascent + descent); a little slack at the end.
  return (wrappedText.count(QLatin1Char('\n')) + 1) * sizePt * (25.4 / 72.0) * 1.45 + 0.8;
}

double tableRowHeightMm(const QStringList& wrappedCells, double sizePt, bool bold) {
  int lines = 1;
  for (const QString& cell : wrappedCells) lines = std::max<int>(lines, cell.count(QLatin1Char('\n')) + 1);
  (void)bold;
  // Measured on rendered tables (addTable, Noto Sans CJK SC): 5.3 mm for one line at 7 pt and
  // 3.2 mm per further line, i.e. 1.3 em per line plus the 0.9 mm cell margins and the grid.
  // A few percent more, so an estimate never cuts off a row.
  return lines * sizePt * (25.4 / 72.0) * 1.36 + 2.2;
}

std::vector<double> contentWidths(const std::vector<double>& outerWidthsMm) {
  std::vector<double> widths;
  for (double w : outerWidthsMm) widths.push_back(std::max(1.0, w - 2 * kTableCellMarginMm - 0.1));
  return widths;
}

namespace {

/// QgsLayoutTable::rowsVisible() is protected in QGIS 3.22; a pointer to the member taken in a
/// derived class's scope calls it on any table (no object of this type is ever made).
struct TableRows : QgsLayoutTable {
  static int fitting(QgsLayoutTable* table, QgsRenderContext& context, double heightMm) {
    using Fn = int (QgsLayoutTable::*)(QgsRenderContext&, double, int, bool, bool) const;
    return (table->*static_cast<Fn>(&TableRows::rowsVisible))(context, heightMm, 0, true, false);
  }
};

}  // namespace

int tableRowsFitting(QgsLayoutItemManualTable* table, double heightMm) {
  QgsRenderContext context = QgsLayoutUtils::createRenderContextForLayout(table->layout(), nullptr);
  return TableRows::fitting(table, context, heightMm);
}

double fitTableFrame(QgsLayoutItemManualTable* table, double maxHeightMm) {
  const int rows = table->tableContents().size();
  QgsRenderContext context = QgsLayoutUtils::createRenderContextForLayout(table->layout(), nullptr);
  double lo = 0, hi = maxHeightMm;
  if (TableRows::fitting(table, context, hi) < rows) return maxHeightMm;  // does not fit: leave as is
  for (int i = 0; i < 24 && hi - lo > 0.05; ++i) {
    const double mid = (lo + hi) / 2;
    (TableRows::fitting(table, context, mid) >= rows ? hi : lo) = mid;
  }
  if (qEnvironmentVariableIsSet("CLUSTERSHIFT_REPORT_DEBUG"))
    qWarning("table: %d rows, %.1f mm of %.1f mm", rows, hi, maxHeightMm);
  if (table->frameCount() > 0) {
    QgsLayoutFrame* frame = table->frame(0);
    frame->attemptResize(QgsLayoutSize(frame->sizeWithUnits().width(), hi + 0.2, QgsUnitTypes::LayoutMillimeters));
    table->recalculateFrameSizes();
  }
  return hi + 0.2;
}

void keepFirstRows(QgsLayoutItemManualTable* table, int rows) {
  table->setTableContents(table->tableContents().mid(0, rows));
}

TableChunks splitTable(const QStringList& headers, const std::vector<QStringList>& rows, const std::vector<double>& widthsMm,
                       double sizePt, double firstHeightMm, double nextHeightMm) {
  TableChunks result;
  auto widthOf = [&](int c) {
    // Column width minus the cell margins on both sides.
    return (c < static_cast<int>(widthsMm.size()) ? widthsMm[static_cast<size_t>(c)] : 30.0) - 2 * kTableCellMarginMm - 0.1;
  };
  // Headers stay on one line: QGIS 3.22 sizes the header row for one line of text.
  result.headers = headers;
  const double headerH = tableRowHeightMm(result.headers, sizePt, true);
  double available = firstHeightMm;
  double used = headerH;
  std::vector<QStringList> current;
  for (const QStringList& row : rows) {
    QStringList wrapped;
    for (int c = 0; c < headers.size(); ++c) wrapped << wrapText(c < row.size() ? row[c] : QString(), sizePt, widthOf(c));
    const double h = tableRowHeightMm(wrapped, sizePt);
    if (!current.empty() && used + h > available) {
      result.chunks.push_back(current);
      result.heightsMm.push_back(used);
      current.clear();
      used = headerH;
      available = nextHeightMm;
    } else if (current.empty() && result.chunks.empty() && used + h > available) {
      // Not even one row fits in the rest of the first page: start on a fresh page.
      result.chunks.emplace_back();
      result.heightsMm.push_back(0);
      available = nextHeightMm;
    }
    current.push_back(wrapped);
    used += h;
  }
  if (!current.empty() || result.chunks.empty()) {
    result.chunks.push_back(current);
    result.heightsMm.push_back(used);
  }
  return result;
}

}  // namespace clustershift::layers::detail
