#include "pick_tool.h"

#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsvectorlayer.h>

#include <QKeyEvent>

namespace clustershift::plugin {

PickTool::PickTool(QgsMapCanvas* canvas) : QgsMapToolIdentifyFeature(canvas) {
  connect(this, qOverload<const QgsFeature&>(&QgsMapToolIdentifyFeature::featureIdentified), this,
          [this](const QgsFeature& feature) {
            // Hand the canvas back first: the receiver may start another pick.
            stop();
            emit picked(feature);
          });
}

void PickTool::start(QgsVectorLayer* layer) {
  setLayer(layer);
  QgsMapCanvas* canvas = this->canvas();
  if (!canvas) return;
  if (canvas->mapTool() != this) m_previous = canvas->mapTool();
  canvas->setMapTool(this);
}

void PickTool::stop() {
  QgsMapCanvas* canvas = this->canvas();
  if (!canvas || canvas->mapTool() != this) return;
  if (m_previous) {
    canvas->setMapTool(m_previous);
  } else {
    canvas->unsetMapTool(this);
  }
}

void PickTool::canvasReleaseEvent(QgsMapMouseEvent* e) {
  m_lastClick = e->mapPoint();  // before the base class identifies (and emits picked())
  QgsMapToolIdentifyFeature::canvasReleaseEvent(e);
}

void PickTool::keyReleaseEvent(QKeyEvent* e) {
  if (e->key() == Qt::Key_Escape) {
    stop();
    e->accept();
    return;
  }
  QgsMapToolIdentifyFeature::keyReleaseEvent(e);
}

}  // namespace clustershift::plugin
