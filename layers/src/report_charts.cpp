// Vector charts for the report: small SVG documents drawn with QPainter on a QSvgGenerator, shown
// by QgsLayoutItemPicture, so they stay vector graphics in the PDF.
#include "report_detail.h"  // first: see the note in layers.h

#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

#include "layers_detail.h"

namespace clustershift::layers::detail {
namespace {

// The SVG user unit is 0.1 mm: a chart of 120 x 60 mm is 1200 x 600 units; fonts are sized in
// points converted to these units (1 pt = 0.3528 mm), so the text prints at the stated size.
constexpr double kUnitsPerMm = 10.0;
constexpr double kMmPerPt = 25.4 / 72.0;

double ptUnits(double pt) { return pt * kMmPerPt * kUnitsPerMm; }

QFont chartFont(double pt, bool bold = false) {
  QFont f = font(pt, bold);
  f.setPixelSize(static_cast<int>(std::lround(ptUnits(pt))));
  return f;
}

/// Paints into an SVG document of sizeMm; returns the bytes when the painter is done.
class SvgCanvas {
 public:
  explicit SvgCanvas(const QSizeF& sizeMm) : m_size(sizeMm.width() * kUnitsPerMm, sizeMm.height() * kUnitsPerMm) {
    m_buffer.open(QIODevice::WriteOnly);
    m_generator.setOutputDevice(&m_buffer);
    m_generator.setSize(m_size.toSize());
    m_generator.setViewBox(QRectF(QPointF(0, 0), m_size));
    // 254 dpi = 10 units per mm: the document's width/height attributes come out in mm.
    m_generator.setResolution(254);
    m_painter.begin(&m_generator);
    m_painter.setRenderHint(QPainter::Antialiasing);
  }
  QPainter& painter() { return m_painter; }
  QSizeF size() const { return m_size; }
  QByteArray finish() {
    m_painter.end();
    return m_buffer.data();
  }

 private:
  QSizeF m_size;
  QBuffer m_buffer;
  QSvgGenerator m_generator;
  QPainter m_painter;
};

/// A "nice" step (1, 2, 2.5, 5 x 10^k) giving about `ticks` intervals over span.
double niceStep(double span, int ticks) {
  if (!(span > 0)) return 1;
  const double raw = span / ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

QString tickText(double v, double step) {
  const int decimals = step >= 1 ? 0 : std::min(4, static_cast<int>(std::ceil(-std::log10(step))) + (std::fmod(step * 10, 1.0) != 0 ? 1 : 0));
  return QString::number(v, 'f', decimals);
}

}  // namespace

QByteArray barChartSvg(const std::vector<Bar>& bars, const QSizeF& sizeMm, const QString& valueFormat) {
  SvgCanvas canvas(sizeMm);
  QPainter& p = canvas.painter();
  const QSizeF size = canvas.size();
  const int n = static_cast<int>(bars.size());
  if (n == 0) return canvas.finish();

  // Font and row height: rows share the height; text no taller than 8 pt, no smaller than 5 pt.
  const double rowH = size.height() / n;
  const double maxPt = sizeMm.width() > 180 ? 10.0 : 8.0;  // A3 columns are wider: larger type
  const double fontPt = std::clamp(rowH / (kMmPerPt * kUnitsPerMm) * 0.55, 5.0, maxPt);
  const QFont f = chartFont(fontPt);
  p.setFont(f);
  const QFontMetricsF fm(f);

  // Label column: the widest label, at most 40 % of the width (longer labels are elided).
  double labelW = 0;
  for (const Bar& b : bars) labelW = std::max(labelW, fm.horizontalAdvance(b.label));
  labelW = std::min(labelW + ptUnits(fontPt) * 0.6, size.width() * 0.4);
  // Value column on the right.
  double valueW = 0;
  for (const Bar& b : bars) valueW = std::max(valueW, fm.horizontalAdvance(valueFormat.arg(formatNumber(b.value, 3))));
  // Room to spare: the PDF renderer's text metrics may differ slightly from QFontMetrics.
  valueW += ptUnits(fontPt) * 1.5;

  double lo = 0, hi = 0;
  for (const Bar& b : bars) {
    if (std::isfinite(b.value)) {
      lo = std::min(lo, b.value);
      hi = std::max(hi, b.value);
    }
  }
  if (hi - lo <= 0) hi = lo + 1;
  const double plotX = labelW, plotW = std::max(1.0, size.width() - labelW - valueW);
  const auto xOf = [&](double v) { return plotX + (v - lo) / (hi - lo) * plotW; };
  const double zeroX = xOf(0);

  for (int i = 0; i < n; ++i) {
    const Bar& b = bars[static_cast<size_t>(i)];
    const double y = i * rowH;
    // Label, right-aligned against the plot, vertically centred.
    p.setPen(QColor(40, 40, 40));
    const QString label = fm.elidedText(b.label, Qt::ElideRight, labelW - ptUnits(fontPt) * 0.4);
    p.drawText(QRectF(0, y, labelW - ptUnits(fontPt) * 0.4, rowH), Qt::AlignRight | Qt::AlignVCenter, label);
    if (std::isfinite(b.value)) {
      const double x1 = xOf(b.value);
      const double barH = std::min(rowH * 0.64, 5.0 * kUnitsPerMm);  // no thicker than 5 mm
      const QRectF bar(std::min(zeroX, x1), y + (rowH - barH) / 2, std::max(std::abs(x1 - zeroX), 1.0), barH);
      p.setPen(Qt::NoPen);
      p.setBrush(b.value < 0 ? QColor(QStringLiteral("#c0504d")) : QColor(QStringLiteral("#1f5f8c")));
      p.drawRect(bar);
    }
    p.setPen(QColor(40, 40, 40));
    p.drawText(QRectF(plotX + plotW + ptUnits(fontPt) * 0.3, y, valueW, rowH), Qt::AlignLeft | Qt::AlignVCenter,
               valueFormat.arg(formatNumber(b.value, 3)));
  }
  // Axis at zero.
  p.setPen(QPen(QColor(90, 90, 90), 2));
  p.drawLine(QPointF(zeroX, 0), QPointF(zeroX, size.height()));
  return canvas.finish();
}

QByteArray lineChartSvg(const QStringList& xLabels, const std::vector<Series>& series, const QSizeF& sizeMm,
                        const QString& yTitle) {
  SvgCanvas canvas(sizeMm);
  QPainter& p = canvas.painter();
  const QSizeF size = canvas.size();
  const double fontPt = std::clamp(sizeMm.height() / 10.0, 5.0, sizeMm.width() > 180 ? 9.5 : 7.5);
  const QFont f = chartFont(fontPt);
  p.setFont(f);
  const QFontMetricsF fm(f);
  const double lineH = fm.height();

  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Series& s : series)
    for (double v : s.values)
      if (std::isfinite(v)) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
  if (!std::isfinite(lo)) lo = 0, hi = 1;
  if (hi - lo <= 0) {
    const double pad = std::abs(hi) > 0 ? std::abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const double step = niceStep(hi - lo, 4);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;

  // Legend rows below the plot: as many series per row as fit.
  const double swatch = lineH * 1.2;
  std::vector<int> legendRow(series.size(), 0);
  int legendRows = series.empty() ? 0 : 1;
  {
    double x = 0;
    for (size_t k = 0; k < series.size(); ++k) {
      const double w = swatch + lineH * 0.4 + fm.horizontalAdvance(series[k].name) + lineH;
      if (x > 0 && x + w > size.width()) {
        ++legendRows;
        x = 0;
      }
      legendRow[k] = legendRows - 1;
      x += w;
    }
  }

  double tickW = 0;
  for (double v = lo; v <= hi + step * 0.5; v += step) tickW = std::max(tickW, fm.horizontalAdvance(tickText(v, step)));
  const double titleH = yTitle.isEmpty() ? 0 : lineH * 1.2;
  const double left = tickW + lineH * 0.6, right = lineH * 0.8;
  const double top = titleH + lineH * 0.5;
  const double bottom = lineH * 1.6 + legendRows * lineH * 1.3;
  const QRectF plot(left, top, std::max(1.0, size.width() - left - right), std::max(1.0, size.height() - top - bottom));
  const auto yOf = [&](double v) { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); };
  const int nx = static_cast<int>(xLabels.size());
  const auto xOf = [&](int i) { return nx <= 1 ? plot.center().x() : plot.left() + plot.width() * i / (nx - 1); };

  p.setPen(QColor(60, 60, 60));
  if (!yTitle.isEmpty()) p.drawText(QRectF(0, 0, size.width(), titleH), Qt::AlignLeft | Qt::AlignVCenter, yTitle);
  // Grid and y ticks.
  for (double v = lo; v <= hi + step * 0.5; v += step) {
    const double y = yOf(v);
    p.setPen(QPen(QColor(215, 215, 215), 1));
    p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    p.setPen(QColor(60, 60, 60));
    p.drawText(QRectF(0, y - lineH / 2, tickW, lineH), Qt::AlignRight | Qt::AlignVCenter, tickText(v, step));
  }
  // x labels: every one when they fit, else every k-th.
  double labelW = 0;
  for (const QString& l : xLabels) labelW = std::max(labelW, fm.horizontalAdvance(l));
  const int every = nx <= 1 ? 1 : std::max(1, static_cast<int>(std::ceil((labelW + lineH) * (nx - 1) / plot.width())));
  for (int i = 0; i < nx; i += every) {
    const double x = xOf(i);
    p.setPen(QPen(QColor(90, 90, 90), 1));
    p.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + lineH * 0.25));
    p.setPen(QColor(60, 60, 60));
    p.drawText(QRectF(x - labelW, plot.bottom() + lineH * 0.3, 2 * labelW, lineH), Qt::AlignHCenter | Qt::AlignTop, xLabels[i]);
  }
  p.setPen(QPen(QColor(90, 90, 90), 1.5));
  p.drawLine(plot.bottomLeft(), plot.bottomRight());
  p.drawLine(plot.bottomLeft(), plot.topLeft());

  // Series.
  for (const Series& s : series) {
    QPainterPath path;
    bool pen = false;
    for (int i = 0; i < nx && i < static_cast<int>(s.values.size()); ++i) {
      const double v = s.values[static_cast<size_t>(i)];
      if (!std::isfinite(v)) {
        pen = false;
        continue;
      }
      const QPointF pt(xOf(i), yOf(v));
      if (pen) path.lineTo(pt);
      else path.moveTo(pt);
      pen = true;
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(s.color, lineH * 0.18, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.drawPath(path);
  }

  // Legend.
  std::vector<double> rowX(static_cast<size_t>(legendRows), 0.0);
  for (size_t k = 0; k < series.size(); ++k) {
    const double y = plot.bottom() + lineH * 1.6 + legendRow[k] * lineH * 1.3;
    double& x = rowX[static_cast<size_t>(legendRow[k])];
    p.setPen(QPen(series[k].color, lineH * 0.25));
    p.drawLine(QPointF(x, y + lineH / 2), QPointF(x + swatch, y + lineH / 2));
    p.setPen(QColor(40, 40, 40));
    const double tw = fm.horizontalAdvance(series[k].name);
    p.drawText(QRectF(x + swatch + lineH * 0.4, y, tw + 2, lineH), Qt::AlignLeft | Qt::AlignVCenter, series[k].name);
    x += swatch + lineH * 0.4 + tw + lineH;
  }
  return canvas.finish();
}

QByteArray mechanismMatrixSvg(const QStringList& groupHeaders, const QStringList& columnHeaders,
                              const std::vector<MatrixRow>& rows, const QSizeF& sizeMm) {
  SvgCanvas canvas(sizeMm);
  QPainter& p = canvas.painter();
  const QSizeF size = canvas.size();
  const int nCells = static_cast<int>(columnHeaders.size());  // six mechanism columns
  if (rows.empty() || nCells == 0) return canvas.finish();
  const double labelW = size.width() * 0.13;
  const double couplingW = size.width() * 0.17;
  const double cellW = (size.width() - labelW - couplingW) / nCells;
  const double groupH = ptUnits(9) * 1.6;
  const double headH = ptUnits(8) * 3.2;
  const double rowH = (size.height() - groupH - headH) / static_cast<double>(rows.size());
  const QFont groupFont = chartFont(9, true), headFont = chartFont(7.5, true), valueFont = chartFont(9, true),
              smallFont = chartFont(6.5), labelFont = chartFont(8.5, true);
  // Diverging, colour-blind safe (ColorBrewer PuOr ends): purple = gain, orange = loss.
  const QColor gain(QStringLiteral("#5e3c99")), loss(QStringLiteral("#e66101"));
  auto fillOf = [&](double units) {
    const double t = std::clamp(std::abs(units) / 2.0, 0.0, 1.0) * 0.85;
    const QColor end = units >= 0 ? gain : loss;
    return QColor::fromRgbF(1 - t * (1 - end.redF()), 1 - t * (1 - end.greenF()), 1 - t * (1 - end.blueF()));
  };
  p.setPen(QColor(31, 95, 140));
  p.setFont(groupFont);
  const int perGroup = nCells / std::max(1, static_cast<int>(groupHeaders.size()));
  for (int g = 0; g < groupHeaders.size(); ++g)
    p.drawText(QRectF(labelW + g * perGroup * cellW, 0, perGroup * cellW, groupH), Qt::AlignCenter, groupHeaders[g]);
  p.setPen(QColor(40, 40, 40));
  p.setFont(headFont);
  for (int c = 0; c < nCells; ++c)
    p.drawText(QRectF(labelW + c * cellW, groupH, cellW, headH), Qt::AlignCenter | Qt::TextWordWrap, columnHeaders[c]);
  for (size_t r = 0; r < rows.size(); ++r) {
    const MatrixRow& row = rows[r];
    const double y = groupH + headH + static_cast<double>(r) * rowH;
    p.setPen(QColor(30, 30, 30));
    p.setFont(labelFont);
    p.drawText(QRectF(0, y, labelW - ptUnits(4), rowH), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, row.label);
    for (int c = 0; c < nCells && c < static_cast<int>(row.cells.size()); ++c) {
      const MatrixCell& cell = row.cells[static_cast<size_t>(c)];
      const QRectF box(labelW + c * cellW + 4, y + 4, cellW - 8, rowH - 8);
      p.setBrush(fillOf(cell.units));
      QPen frame(QColor(120, 120, 120), cell.uncertainSign ? 6 : 2);
      if (cell.uncertainSign) frame.setStyle(Qt::DashLine);
      p.setPen(frame);
      p.drawRect(box);
      const QColor ink = std::abs(cell.units) > 1.2 ? QColor(Qt::white) : QColor(20, 20, 20);
      p.setPen(ink);
      p.setFont(valueFont);
      p.drawText(QRectF(box.x(), box.y(), box.width(), box.height() * 0.58), Qt::AlignHCenter | Qt::AlignBottom, cell.text);
      p.setFont(smallFont);
      p.drawText(QRectF(box.x(), box.y() + box.height() * 0.6, box.width(), box.height() * 0.4), Qt::AlignHCenter | Qt::AlignTop,
                 cell.interval);
    }
    const QRectF dBox(labelW + nCells * cellW + 6, y + 4, couplingW - 8, rowH - 8);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(row.couplingColor, 6));
    p.drawRect(dBox);
    p.setFont(chartFont(8, true));
    p.setPen(row.couplingColor);
    p.drawText(dBox.adjusted(8, 4, -8, -4), Qt::AlignCenter | Qt::TextWordWrap, row.coupling);
  }
  return canvas.finish();
}

}  // namespace clustershift::layers::detail
