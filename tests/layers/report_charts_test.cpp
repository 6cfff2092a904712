// The report's vector charts (layers/src/report_charts.cpp): valid SVG documents of the asked
// size, one bar per input, one line per series.
#include "report_detail.h"  // first: see the note in layers.h

#include <gtest/gtest.h>

#include <qgslayoutitemmanualtable.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgstablecell.h>

#include <QDomDocument>
#include <QSvgRenderer>

#include <cmath>

namespace clustershift::layers::detail {
namespace {

/// Elements of the SVG whose fill is the given colour (QSvgGenerator writes fill="#rrggbb"
/// on the <g> around each shape it paints).
int shapesFilledWith(const QByteArray& svg, const QString& color) {
  QDomDocument doc;
  if (!doc.setContent(svg)) return -1;
  int count = 0;
  const QDomNodeList groups = doc.elementsByTagName(QStringLiteral("g"));
  for (int i = 0; i < groups.size(); ++i) {
    const QDomElement g = groups.at(i).toElement();
    if (g.attribute(QStringLiteral("fill")).compare(color, Qt::CaseInsensitive) != 0) continue;
    for (QDomElement child = g.firstChildElement(); !child.isNull(); child = child.nextSiblingElement())
      if (child.tagName() == QLatin1String("path") || child.tagName() == QLatin1String("rect") ||
          child.tagName() == QLatin1String("polygon"))
        ++count;
  }
  return count;
}

QString allText(const QByteArray& svg) {
  QDomDocument doc;
  doc.setContent(svg);
  QString text;
  const QDomNodeList nodes = doc.elementsByTagName(QStringLiteral("text"));
  for (int i = 0; i < nodes.size(); ++i) text += nodes.at(i).toElement().text();
  return text;  // no separator: Qt splits a mixed Latin/CJK string into one <text> per script run
}

TEST(BarChartSvg, ParsesAndDrawsOneBarPerInput) {
  const std::vector<Bar> bars{{QStringLiteral("劳动力成本"), 0.31}, {QStringLiteral("Land"), 0.12},
                              {QStringLiteral("Distance to source"), 0.05}, {QStringLiteral("Policy"), 0.2}};
  const QByteArray svg = barChartSvg(bars, QSizeF(120, 40));
  QSvgRenderer renderer(svg);
  
  ASSERT_TRUE(renderer.isValid()) << svg.left(400).toStdString();
  EXPECT_EQ(shapesFilledWith(svg, QStringLiteral("#1f5f8c")), 4);  // positive bars
  const QString text = allText(svg);
  for (const Bar& b : bars) EXPECT_TRUE(text.contains(b.label)) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("0.310")));
}

TEST(BarChartSvg, DocumentIsSizedInMillimetres) {
  const QByteArray svg = barChartSvg({{QStringLiteral("a"), 1.0}}, QSizeF(120, 40));
  QDomDocument doc;
  ASSERT_TRUE(doc.setContent(svg));
  const QDomElement root = doc.documentElement();
  EXPECT_EQ(root.attribute(QStringLiteral("width")), QStringLiteral("120mm"));
  EXPECT_EQ(root.attribute(QStringLiteral("height")), QStringLiteral("40mm"));
  QSvgRenderer renderer(svg);
  EXPECT_NEAR(renderer.viewBoxF().width() / renderer.viewBoxF().height(), 3.0, 1e-6);
}

TEST(BarChartSvg, NegativeValuesGetTheirOwnColourAndMissingValuesNoBar) {
  const QByteArray svg =
      barChartSvg({{QStringLiteral("up"), 0.4}, {QStringLiteral("down"), -0.2}, {QStringLiteral("none"), std::nan("")}},
                  QSizeF(100, 30));
  ASSERT_TRUE(QSvgRenderer(svg).isValid());
  EXPECT_EQ(shapesFilledWith(svg, QStringLiteral("#1f5f8c")), 1);
  EXPECT_EQ(shapesFilledWith(svg, QStringLiteral("#c0504d")), 1);
  EXPECT_TRUE(allText(svg).contains(QStringLiteral("–")));  // the missing value is shown as a dash
}

TEST(BarChartSvg, NoBarsIsStillAValidDocument) {
  EXPECT_TRUE(QSvgRenderer(barChartSvg({}, QSizeF(50, 20))).isValid());
}

TEST(LineChartSvg, ParsesAndNamesEverySeriesAndYear) {
  const QStringList years{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
  const std::vector<Series> series{{QStringLiteral("U 温州市"), {0, 0.1, 0.3, 0.42}, QColor(QStringLiteral("#1f5f8c"))},
                                   {QStringLiteral("D coupling"), {0, 0.2, 0.5, std::nan("")}, QColor(QStringLiteral("#c0504d"))}};
  const QByteArray svg = lineChartSvg(years, series, QSizeF(120, 50), QStringLiteral("index"));
  ASSERT_TRUE(QSvgRenderer(svg).isValid()) << svg.left(400).toStdString();
  const QString text = allText(svg);
  for (const Series& s : series) EXPECT_TRUE(text.contains(s.name)) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("0123")));  // the x labels, in order
  EXPECT_TRUE(text.contains(QStringLiteral("index")));
}

TEST(ReportTable, LongChineseCellsAreBrokenIntoLinesThatFitTheColumn) {
  QgsProject project;
  QgsPrintLayout layout(&project);
  layout.initializeDefaults();
  const QString name = QStringLiteral("江西省上饶市国家级经济技术开发区鞋业智能制造与现代物流协同创新示范产业园");
  QgsLayoutItemManualTable* table = addTable(&layout, 0, {QStringLiteral("排名"), QStringLiteral("园区")},
                                             {{QStringLiteral("1"), name}, {QStringLiteral("2"), QStringLiteral("Short Park")}},
                                             QRectF(10, 10, 60, 40), 7.5, {10, 50});
  const QgsTableContents contents = table->tableContents();
  ASSERT_EQ(contents.size(), 2);
  const QString wrapped = contents[0][1].content().toString();
  const QStringList lines = wrapped.split(QLatin1Char('\n'));
  EXPECT_GE(lines.size(), 2);
  EXPECT_EQ(lines.join(QString()), name);  // nothing lost, only breaks inserted
  const double emMm = 7.5 * 25.4 / 72;
  for (const QString& line : lines) EXPECT_LE(textEms(line) * emMm, 50.0) << line.toStdString();
  EXPECT_EQ(contents[1][1].content().toString(), QStringLiteral("Short Park"));  // Latin text: QGIS wraps at spaces
  EXPECT_EQ(contents[0][0].horizontalAlignment(), Qt::AlignRight);                // numbers right-aligned
}

TEST(ReportTable, TextEmsCountsCjkAsOneAndLatinAsAboutHalf) {
  EXPECT_DOUBLE_EQ(textEms(QStringLiteral("园区")), 2.0);
  EXPECT_NEAR(textEms(QStringLiteral("ab")), 1.1, 1e-9);
}

}  // namespace
}  // namespace clustershift::layers::detail
