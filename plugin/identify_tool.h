#pragma once
// The ClusterShift identify tool: a click on the map finds the nearest scored park (within a few
// pixels) in any candidate_scores layer of the project and emits parkIdentified(); the plugin
// shows it in the park panel.
#include <qgsfeatureid.h>
#include <qgsmaptool.h>

class QgsVectorLayer;

namespace clustershift::plugin {

class IdentifyTool : public QgsMapTool {
  Q_OBJECT
 public:
  /// Pixels around the click searched for a park.
  static constexpr double kTolerancePx = 8.0;

  explicit IdentifyTool(QgsMapCanvas* canvas);

  void canvasReleaseEvent(QgsMapMouseEvent* e) override;
  Flags flags() const override { return QgsMapTool::AllowZoomRect; }

  /// The candidate_scores layers searched: custom property clustershift/role = candidate_scores
  /// or named candidate_scores, visible in the layer tree first.
  static QList<QgsVectorLayer*> candidateLayers();

 signals:
  /// The nearest park to the click.
  void parkIdentified(QgsVectorLayer* layer, QgsFeatureId fid);
  /// No park near the click; `reason` says why (no result layer, nothing within the tolerance).
  void nothingIdentified(const QString& reason);
};

}  // namespace clustershift::plugin
