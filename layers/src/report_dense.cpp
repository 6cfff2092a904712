// Dense layers on a report map (the overview, the effects maps of a national run): drawn as
// images at the export resolution, with their labels from a clone that reads only the labelled
// features.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfillsymbollayer.h>
#include <qgslayoutitemmap.h>
#include <qgsmaplayerstyle.h>
#include <qgsmarkersymbollayer.h>
#include <qgsproject.h>
#include <qgsrenderer.h>
#include <qgsrendercontext.h>
#include <qgsrulebasedlabeling.h>
#include <qgssymbol.h>
#include <qgsvectorlayer.h>

#include <memory>

namespace clustershift::layers::detail {
namespace {

/// Layers with more features than this are drawn as an image on a report map.
constexpr long long kRasterOverviewFeatures = 1000;
/// Size of a dense layer's filled markers on the overview, relative to the layer's style.
constexpr double kDenseMarkerScale = 0.6;
/// A dense layer's thin outlines (below kDenseOutlineUpToMm: the regions' 0.15 mm, not the
/// source region's 0.6 mm) are drawn one device pixel wide: Qt's raster engine draws such a pen
/// directly, while a wider one goes through its stroker (joins at every vertex): 0.15 s of a
/// national report's overview (perf, bench/national). At 300 dpi that is 0.08 mm on paper.
constexpr double kDenseOutlineMm = 0.95 * 25.4 / kReportDpi;
constexpr double kDenseOutlineUpToMm = 0.3;

// At the overview's scale thousands of park markers and region outlines (2,850 regions of ~200
// vertices, 20,000 parks at national size) are a texture, not shapes to pick out: as PDF vectors
// they made 6.8 of the 7.7 MB of a national report and most of its export time (path output and
// deflate of the page stream). Such layers are drawn as images at the export resolution on this
// map only, through a style override (the layer's own style with its renderer forced to raster):
// the project's layers and the candidate pages stay vector, labels (the top-10 ranks) stay text.
// Their filled markers are also drawn smaller (0.6 x) and without outline: overlapping outlined
// circles at national size made a solid mass, and their outlines and sizes took 0.45 s of a
// report's 2.4 s (bench/national). The legend shows the same override. Small runs (the sample)
// keep the layer's style and stay vector throughout.
/// More than n features? Counted by reading at most n + 1 ids: QgsVectorLayer::featureCount()
/// failed on a GeoPackage that QGIS holds open in WAL mode ("unable to open database file").
bool moreFeaturesThan(QgsVectorLayer* layer, long long n) {
  QgsFeatureRequest request;
  request.setFlags(QgsFeatureRequest::NoGeometry);
  request.setNoAttributes();
  request.setLimit(n + 1);
  QgsFeatureIterator it = layer->getFeatures(request);
  long long count = 0;
  QgsFeature f;
  while (count <= n && it.nextFeature(f)) ++count;
  return count > n;
}

/// A dense layer's labels, drawn from a clone that reads only the labelled features: with its
/// labels on, QGIS works out every feature's symbol, obstacle and label rule (0.08 s of a national
/// report's overview, perf), though ten are labelled. The labelling must be one rule whose filter
/// the provider can run as its subset (the top-10 ranks); nullptr otherwise, and the layer keeps
/// its labels. The clone, a report companion (reportCompanion) like the atlas catchments, is
/// drawn with the dense style, as vectors, over the layer's image.
QgsVectorLayer* denseLabels(const ReportContext& ctx, QgsVectorLayer* layer, const QString& denseStyle) {
  const auto* labeling = dynamic_cast<const QgsRuleBasedLabeling*>(layer->labeling());
  if (!layer->labelsEnabled() || !labeling || labeling->rootRule()->children().size() != 1) return nullptr;
  const QString filter = labeling->rootRule()->children().at(0)->filterExpression();
  if (filter.isEmpty()) return nullptr;
  return reportCompanion(ctx, *layer, QStringLiteral("report_labels"), ctx.tx.t("report labels", "报告标注"),
                         [&](QgsVectorLayer& labels) {
                           if (!labels.setSubsetString(filter)) return false;
                           QgsMapLayerStyle(denseStyle).writeToLayer(&labels);
                           if (labels.renderer()) labels.renderer()->setForceRasterRender(false);
                           labels.setLabelsEnabled(true);
                           return true;
                         });
}

}  // namespace

DenseLayers drawDenseLayersAsImages(const ReportContext& ctx, QgsLayoutItemMap* map,
                                    const QList<QgsMapLayer*>& layers) {
  QMap<QString, QString> overrides;
  DenseLayers dense;
  for (QgsMapLayer* layer : layers) {
    auto* vector = qobject_cast<QgsVectorLayer*>(layer);
    if (!vector || !vector->renderer() || vector->renderer()->forceRasterRender() ||
        !moreFeaturesThan(vector, kRasterOverviewFeatures))
      continue;
    // The override is read from the layer with a lighter renderer, then the layer gets its own back.
    std::unique_ptr<QgsFeatureRenderer> own(vector->renderer()->clone());
    const bool ownLabels = vector->labelsEnabled();
    vector->renderer()->setForceRasterRender(true);
    QgsRenderContext context;
    for (QgsSymbol* symbol : vector->renderer()->symbols(context))
      for (QgsSymbolLayer* symbolLayer : symbol->symbolLayers()) {
        if (auto* marker = dynamic_cast<QgsSimpleMarkerSymbolLayer*>(symbolLayer))
          if (marker->color().alpha() > 0) {  // a filled dot (not the P(top-k) ring)
            marker->setStrokeStyle(Qt::NoPen);
            marker->setSize(marker->size() * kDenseMarkerScale);
          }
        if (auto* fill = dynamic_cast<QgsSimpleFillSymbolLayer*>(symbolLayer))
          if (fill->strokeWidthUnit() == QgsUnitTypes::RenderMillimeters &&
              fill->strokeWidth() > kDenseOutlineMm && fill->strokeWidth() < kDenseOutlineUpToMm)
            fill->setStrokeWidth(kDenseOutlineMm);
      }
    QgsMapLayerStyle style;
    style.readFromLayer(vector);
    if (QgsVectorLayer* labels = denseLabels(ctx, vector, style.xmlData())) {
      dense.labels << labels;
      vector->setLabelsEnabled(false);
      style.readFromLayer(vector);
    }
    if (!vector->labelsEnabled()) dense.unlabelled << vector;
    vector->setRenderer(own.release());
    vector->setLabelsEnabled(ownLabels);
    overrides.insert(vector->id(), style.xmlData());
  }
  if (overrides.isEmpty()) return dense;
  map->setLayerStyleOverrides(overrides);
  map->setKeepLayerStyles(true);
  return dense;
}

}  // namespace clustershift::layers::detail
