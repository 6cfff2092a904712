#pragma once
// Wording and small text helpers of the effects, mode-comparison and methods pages
// (report_effects.cpp, report_methods.cpp): indicator and mode names in both languages, reading
// run_info values, and text pre-wrapped to a column width (CJK text has no spaces to wrap at).
#include "report_detail.h"  // first: see the note in layers.h

#include <QString>
#include <QStringList>

#include <cmath>
#include <string>
#include <vector>

namespace clustershift::layers::detail {

/// Label of an effects indicator (effectIndicators() names, "u", "coupling_d").
QString indicatorLabel(const Texts& tx, const std::string& indicator);
/// Decimals an indicator value prints with; rd_intensity is shown in %.
int indicatorDecimals(const std::string& indicator);
/// "complete" -> "complete transfer" / "整体转移".
QString modeLabel(const Texts& tx, const std::string& mode);
/// The region's name in the report language from a run_info object with name / name_zh.
QString localName(const Texts& tx, const nlohmann::json& object, const char* en = "name", const char* zh = "name_zh");

/// Number of a JSON value (null and non-numbers: NaN).
inline double jsonNumber(const nlohmann::json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }
inline double jsonNumber(const nlohmann::json& object, const char* key) {
  return object.is_object() && object.contains(key) ? jsonNumber(object.at(key)) : std::nan("");
}
/// Text of a JSON value (strings as they are, numbers printed, null empty).
QString jsonText(const nlohmann::json& j);

/// `text` with line breaks inserted so that no line is wider than widthMm in the report font
/// of sizePt: at spaces for Latin text, between any two characters in CJK text.
QString wrapText(const QString& text, double sizePt, double widthMm, bool bold = false);
/// Height (mm) of a label showing the (wrapped) text at sizePt.
double textHeightMm(const QString& wrappedText, double sizePt);
/// Height (mm) a table row of the already wrapped cells takes in addTable's style.
double tableRowHeightMm(const QStringList& wrappedCells, double sizePt, bool bold = false);

/// Content rows of the table that fit in a frame of heightMm with its header (QGIS's own measure).
int tableRowsFitting(QgsLayoutItemManualTable* table, double heightMm);
/// Shrinks the table's frame to the height that shows every row (at most maxHeightMm) and
/// returns it (mm); maxHeightMm when not every row fits.
double fitTableFrame(QgsLayoutItemManualTable* table, double maxHeightMm);
/// Drops every content row after the first `rows`.
void keepFirstRows(QgsLayoutItemManualTable* table, int rows);

/// A table split over pages: rows pre-wrapped to the column widths, cut into chunks that fit.
struct TableChunks {
  QStringList headers;                          ///< wrapped
  std::vector<std::vector<QStringList>> chunks;  ///< rows per piece
  std::vector<double> heightsMm;                 ///< height of each piece incl. header
};
/// Cell margin of addTable (mm): QGIS adds it on both sides of a column's width.
constexpr double kTableCellMarginMm = 0.9;
/// Column widths to pass to addTable so the table spans exactly the given outer widths.
std::vector<double> contentWidths(const std::vector<double>& outerWidthsMm);
/// widthsMm: outer column widths (they sum to the table width).
/// firstHeightMm: space left on the current page; nextHeightMm: on a fresh page.
TableChunks splitTable(const QStringList& headers, const std::vector<QStringList>& rows, const std::vector<double>& widthsMm,
                       double sizePt, double firstHeightMm, double nextHeightMm);

}  // namespace clustershift::layers::detail
