#include "identify_tool.h"

#include <qgsapplication.h>
#include <qgsexception.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgsmapcanvas.h>
#include <qgsmapmouseevent.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <limits>
#include "clustershift_layers/result_schema.h"

namespace clustershift::plugin {

namespace {
const QString kRoleProperty = QStringLiteral("clustershift/role");
const QString kCandidateRole = layers::schema::name(layers::schema::kCandidates);
}  // namespace

IdentifyTool::IdentifyTool(QgsMapCanvas* canvas) : QgsMapTool(canvas) {
  setCursor(QgsApplication::getThemeCursor(QgsApplication::Cursor::Identify));
}

QList<QgsVectorLayer*> IdentifyTool::candidateLayers() {
  auto isCandidateLayer = [](QgsMapLayer* layer) {
    auto* vector = qobject_cast<QgsVectorLayer*>(layer);
    return vector && vector->isValid() &&
           (vector->customProperty(kRoleProperty).toString() == kCandidateRole ||
            vector->name() == kCandidateRole);
  };
  // Layer-tree order (top first), as the planner sees them drawn; visible layers before hidden
  // ones, layers outside the tree last. Several scenarios' results overlap at the same parks.
  QList<QgsVectorLayer*> visible, hidden;
  QgsProject* project = QgsProject::instance();
  for (QgsLayerTreeLayer* node : project->layerTreeRoot()->findLayers()) {
    if (!isCandidateLayer(node->layer())) continue;
    (node->isVisible() ? visible : hidden) << qobject_cast<QgsVectorLayer*>(node->layer());
  }
  for (QgsMapLayer* layer : project->mapLayers()) {
    auto* vector = qobject_cast<QgsVectorLayer*>(layer);
    if (isCandidateLayer(layer) && !visible.contains(vector) && !hidden.contains(vector)) hidden << vector;
  }
  return visible + hidden;
}

void IdentifyTool::canvasReleaseEvent(QgsMapMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return;
  const QList<QgsVectorLayer*> layers = candidateLayers();
  if (layers.isEmpty()) {
    emit nothingIdentified(
        tr("No ClusterShift result layer (candidate_scores) in the project. Run a scenario first."));
    return;
  }
  const QgsPointXY click = e->mapPoint();
  const double tolerance = kTolerancePx * mCanvas->mapUnitsPerPixel();
  const QgsRectangle searchMap(click.x() - tolerance, click.y() - tolerance, click.x() + tolerance,
                               click.y() + tolerance);

  QgsVectorLayer* bestLayer = nullptr;
  QgsFeatureId bestFid = FID_NULL;
  double bestDistance = std::numeric_limits<double>::max();
  // Visible layers come first: a hidden layer only wins when no visible one has a park nearby.
  const QgsLayerTree* root = QgsProject::instance()->layerTreeRoot();
  bool bestVisible = false;
  for (QgsVectorLayer* layer : layers) {
    const QgsLayerTreeLayer* node = root->findLayer(layer);
    const bool visible = node && node->isVisible();
    if (bestLayer && bestVisible && !visible) break;
    QgsRectangle searchLayer;
    try {
      searchLayer = toLayerCoordinates(layer, searchMap);
    } catch (const QgsCsException&) {
      continue;  // the click lies outside the layer CRS's valid area
    }
    QgsFeatureRequest request(searchLayer);
    request.setNoAttributes();
    QgsFeatureIterator it = layer->getFeatures(request);
    QgsFeature feature;
    while (it.nextFeature(feature)) {
      if (!feature.hasGeometry()) continue;
      QgsPointXY pointMap;
      try {
        const QgsGeometry geometry = feature.geometry();
        pointMap = toMapCoordinates(
            layer, geometry.isMultipart() ? geometry.centroid().asPoint() : geometry.asPoint());
      } catch (const QgsCsException&) {
        continue;
      }
      const double d = pointMap.distance(click);
      if (d <= tolerance && d < bestDistance) {
        bestDistance = d;
        bestLayer = layer;
        bestFid = feature.id();
        bestVisible = visible;
      }
    }
  }
  if (!bestLayer) {
    emit nothingIdentified(tr("No park within %1 pixels of the click.").arg(kTolerancePx, 0, 'f', 0));
    return;
  }
  emit parkIdentified(bestLayer, bestFid);
}

}  // namespace clustershift::plugin
