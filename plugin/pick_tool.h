#pragma once
// One-shot map tool of the dock: the next click on a feature of the given layer (a region
// polygon for the source region, a park for the replication template) emits picked() and
// hands the canvas back to the tool that was active before. Esc cancels.
#include <qgsfeature.h>
#include <qgsmaptoolidentifyfeature.h>
#include <qgspointxy.h>

#include <QPointer>

namespace clustershift::plugin {

class PickTool : public QgsMapToolIdentifyFeature {
  Q_OBJECT
 public:
  explicit PickTool(QgsMapCanvas* canvas);
  /// Makes this the canvas tool for one pick on `layer` (remembers the current tool).
  void start(QgsVectorLayer* layer);
  /// Gives the canvas back to the previous tool when this one is active.
  void stop();
  void keyReleaseEvent(QKeyEvent* e) override;
  void canvasReleaseEvent(QgsMapMouseEvent* e) override;
  /// Where the last click was, in the canvas CRS.
  QgsPointXY lastClick() const { return m_lastClick; }

 signals:
  void picked(const QgsFeature& feature);

 private:
  QPointer<QgsMapTool> m_previous;
  QgsPointXY m_lastClick;
};

}  // namespace clustershift::plugin
