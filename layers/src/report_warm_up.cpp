// warmUpReportEngine: QGIS's and Qt's one-time set-up for a report, done while the caller would
// otherwise wait.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgslayoutexporter.h>
#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayouttablecolumn.h>
#include <qgslayoutitemscalebar.h>
#include <qgslayoutitemshape.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>

#include <QImage>

#include "layers_detail.h"
#include "report_detail.h"

namespace clustershift::layers {
namespace {

void warmUp() {
  // One small page with an item of each kind whose first use costs most (perf, the national
  // bench's report): a label (its QWebPage starts WebKit, ~0.1 s), a shape (the symbol defaults
  // and the font database, ~0.07 s), a scale bar, a table; drawn into a small image with the
  // report's font in Latin and CJK text, so that font files are opened and their glyphs
  // shaped before the first real page.
  QgsProject project;
  QgsPrintLayout layout(&project);
  layout.initializeDefaults();
  auto* label = new QgsLayoutItemLabel(&layout);
  label->setText(QStringLiteral("ClusterShift 产业集群转移 0123456789"));
  label->setFont(detail::font(9, true));
  layout.addLayoutItem(label);
  label->attemptSetSceneRect(QRectF(10, 10, 120, 10));
  auto* shape = new QgsLayoutItemShape(&layout);
  shape->setShapeType(QgsLayoutItemShape::Rectangle);
  layout.addLayoutItem(shape);
  shape->attemptSetSceneRect(QRectF(10, 25, 120, 1));
  auto* bar = new QgsLayoutItemScaleBar(&layout);
  bar->applyDefaultSettings();
  layout.addLayoutItem(bar);
  auto* table = new QgsLayoutItemManualTable(&layout);
  layout.addMultiFrame(table);
  QgsLayoutTableColumns columns;
  columns << QgsLayoutTableColumn(QStringLiteral("名称 name"));
  table->setHeaders(columns);
  table->setTableContents({{QgsTableCell(QStringLiteral("温州 Wenzhou"))}});
  auto* frame = new QgsLayoutFrame(&layout, table);
  frame->attemptSetSceneRect(QRectF(10, 30, 60, 20));
  table->addFrame(frame);
  QgsLayoutExporter exporter(&layout);
  exporter.renderPageToImage(0, QSize(), 25);  // dpi: a small image is enough
}

}  // namespace

void warmUpReportEngine() noexcept {
  try {
    warmUp();
  } catch (...) {
    // Only a head start: whatever fails here, the report itself meets and reports.
  }
}

}  // namespace clustershift::layers
