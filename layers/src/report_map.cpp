// The report's map item: its expression context kept per state while a SharedGlobalScope lives,
// and layers drawn ahead, on another thread, for a layout exported at once.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgslayout.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutreportcontext.h>
#include <qgslayoutrendercontext.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsvectorsimplifymethod.h>

#include <QImage>
#include <QPaintDevice>
#include <QPainter>

#include <memory>

namespace clustershift::layers::detail {
namespace {

bool sameSimplification(const QgsVectorSimplifyMethod& a, const QgsVectorSimplifyMethod& b) {
  return a.simplifyHints() == b.simplifyHints() && a.simplifyAlgorithm() == b.simplifyAlgorithm() &&
         a.threshold() == b.threshold() && a.tolerance() == b.tolerance() &&
         a.forceLocalOptimization() == b.forceLocalOptimization() && a.maximumScale() == b.maximumScale();
}

/// A map item whose expression context is built once per state while a SharedGlobalScope
/// lives. QGIS 3.22 builds the layout's reference map's context for every item it paints
/// (QgsLayoutUtils::createRenderContextForLayout), and that context asks PROJ to parse the map
/// CRS again (QgsCoordinateReferenceSystem::operation(), for @map_crs_projection): ~6 % of a
/// national report's CPU (perf, bench/national). The state is what the report's export changes
/// or could change: extent, rotation, size, CRS, layers, item id and the atlas feature.
/// Outside a guard (a layout kept in a QGIS project and edited there) nothing is kept.
///
/// It can also draw the bottom of its layer stack ahead (drawAhead). At national size the
/// overview's 20,000 parks and 2,850 regions take ~0.3 s to draw, one after the other, when its
/// page is exported; a report's other sections take about as long to build. Started when the
/// overview is built, QGIS's sequential renderer draws them, and composes them into one image,
/// on a thread of its own while this thread builds the rest. (The parallel renderer drew them
/// on threads too, but this thread then copied and composed their images: 0.1 s of a national
/// report, perf.) The finished renderer frees its inner job with deleteLater, which without an
/// event loop waits for the process's end: a few kB. Saved in a project, the item is a plain
/// map with all its layers.
class ReportMap final : public QgsLayoutItemMap {
 public:
  using QgsLayoutItemMap::QgsLayoutItemMap;

  QgsExpressionContext createExpressionContext() const override {
    if (!SharedGlobalScope::current()) {
      m_cached.reset();
      return QgsLayoutItemMap::createExpressionContext();
    }
    State state{SharedGlobalScope::generation(),
                extent(),
                mapRotation(),
                rect().size(),
                crs(),
                layers(),
                id(),
                layout() ? layout()->reportContext().feature().id() : FID_NULL,
                layout() ? layout()->reportContext().layer() : nullptr};
    if (!m_cached || !(state == m_state)) {
      m_cached = std::make_unique<QgsExpressionContext>(QgsLayoutItemMap::createExpressionContext());
      m_state = std::move(state);
    }
    return *m_cached;
  }

  bool drawAhead(const QList<QgsMapLayer*>& ahead) {
    m_ahead.reset();
    QList<QgsMapLayer*> drawn;  // in the map's order, top first
    for (QgsMapLayer* layer : layers())
      if (ahead.contains(layer)) drawn << layer;
    // Something must stay for QGIS to draw: a map item without layers draws the project's.
    if (drawn.isEmpty() || drawn.size() == layers().size() || !layout()) return false;
    auto next = std::make_unique<Ahead>();
    next->layers = drawn;
    next->drawnFor = currentView();
    // Output size in pixels as QgsLayoutItemMap::paint computes it for a device of kReportDpi.
    QgsMapSettings settings = mapSettings(extent(), rect().size() * kReportDpi / 25.4, kReportDpi, false);
    settings.setLayers(drawn);
    // The dense layers' styles force raster rendering so the PDF gets them as an image; in this
    // image that would only give each its own full-size image to compose (13.7 MB and its page
    // faults per layer at national size; perf, bench/national), so here they draw straight in.
    QMap<QString, QString> styles = layerStyleOverrides();
    for (QString& style : styles)
      style.replace(QLatin1String("forceraster=\"1\""), QLatin1String("forceraster=\"0\""));
    settings.setLayerStyleOverrides(styles);
    settings.setBackgroundColor(hasBackground() ? backgroundColor() : QColor(Qt::transparent));
    // The map settings of the report's export (exportReportPdf): no antialiasing, no advanced
    // effects (QGIS turns them off for forced vector output), one-pixel simplification; the
    // image is drawn like a layer QGIS rasterises.
    settings.setFlag(Qgis::MapSettingsFlag::Antialiasing, false);
    settings.setFlag(Qgis::MapSettingsFlag::UseAdvancedEffects, false);
    settings.setFlag(Qgis::MapSettingsFlag::ForceVectorOutput, false);
    settings.setFlag(Qgis::MapSettingsFlag::DrawSelection, false);
    settings.setFlag(Qgis::MapSettingsFlag::DrawLabeling, false);
    settings.setFlag(Qgis::MapSettingsFlag::RenderPartialOutput, false);
    settings.setSimplifyMethod(reportSimplifyMethod());
    next->job = std::make_unique<QgsMapRendererSequentialJob>(settings);
    next->job->start();
    m_ahead = std::move(next);
    return true;
  }

  void paint(QPainter* painter, const QStyleOptionGraphicsItem* style, QWidget* widget) override {
    if (!m_ahead) {
      QgsLayoutItemMap::paint(painter, style, widget);
      return;
    }
    if (!aheadStillFits(painter)) {
      m_ahead.reset();  // the map changed: its drawing is cancelled, QGIS draws it
      QgsLayoutItemMap::paint(painter, style, widget);
      return;
    }
    if (m_ahead->job) {
      m_ahead->job->waitForFinished();
      m_ahead->image = m_ahead->job->renderedImage();
      m_ahead->job.reset();
      // Drawn on an opaque background: without its alpha channel the PDF gets no soft mask.
      if (m_ahead->drawnFor.background && m_ahead->drawnFor.backgroundColor.alpha() == 255)
        m_ahead->image = std::move(m_ahead->image).convertToFormat(QImage::Format_RGB32);
    }
    painter->save();
    painter->setRenderHint(
        QPainter::LosslessImageRendering,
        layout()->renderContext().testFlag(QgsLayoutRenderContext::FlagLosslessImageRendering));
    painter->drawImage(QRectF(QPointF(0, 0), rect().size()), m_ahead->image);
    painter->restore();
    // QGIS draws the rest (the layers above, labels, frame) over the image, without background.
    const QList<QgsMapLayer*> all = layers();
    QList<QgsMapLayer*> rest;
    for (QgsMapLayer* layer : all)
      if (!m_ahead->layers.contains(layer)) rest << layer;
    const bool background = hasBackground();
    setBackgroundEnabled(false);
    setLayers(rest);
    QgsLayoutItemMap::paint(painter, style, widget);
    setLayers(all);
    setBackgroundEnabled(background);
    m_ahead.reset();  // drawn once; a layout kept in a project does not hold the image
  }

 private:
  struct State {
    unsigned generation = 0;
    QgsRectangle extent;
    double rotation = 0;
    QSizeF size;
    QgsCoordinateReferenceSystem crs;
    QList<QgsMapLayer*> layers;
    QString id;
    QgsFeatureId atlasFeature = FID_NULL;
    QgsVectorLayer* atlasLayer = nullptr;
    bool operator==(const State& o) const {
      return generation == o.generation && extent == o.extent && rotation == o.rotation && size == o.size &&
             crs == o.crs && layers == o.layers && id == o.id && atlasFeature == o.atlasFeature &&
             atlasLayer == o.atlasLayer;
    }
  };

  /// What an image drawn ahead depends on in the item.
  struct View {
    QgsRectangle extent;
    double rotation = 0;
    QSizeF size;
    QgsCoordinateReferenceSystem crs;
    QList<QgsMapLayer*> layers;
    QMap<QString, QString> styles;
    bool background = false;
    QColor backgroundColor;
    bool operator==(const View& o) const {
      return extent == o.extent && rotation == o.rotation && size == o.size && crs == o.crs &&
             layers == o.layers && styles == o.styles && background == o.background &&
             backgroundColor == o.backgroundColor;
    }
  };

  struct Ahead {
    QList<QgsMapLayer*> layers;  ///< drawn into the image
    View drawnFor;
    std::unique_ptr<QgsMapRendererSequentialJob> job;  ///< until the image is taken
    QImage image;
    Ahead() = default;
    Ahead(const Ahead&) = delete;
    Ahead& operator=(const Ahead&) = delete;
    ~Ahead() {
      if (job) job->cancel();  // waits for its thread
    }
  };

  View currentView() const {
    return {extent(), mapRotation(),         rect().size(),   crs(),
            layers(), layerStyleOverrides(), hasBackground(), backgroundColor()};
  }

  /// The image still shows what QGIS would draw: an export (not the designer's preview) at
  /// kReportDpi, no antialiasing or advanced effects, the report's simplification, not an atlas
  /// page, the map as it was when drawing started.
  bool aheadStillFits(QPainter* painter) const {
    const QgsLayout* l = layout();
    if (!l || !painter || !painter->device()) return false;
    const QgsLayoutRenderContext& render = l->renderContext();
    return !render.isPreviewRender() && painter->device()->logicalDpiX() == static_cast<int>(kReportDpi) &&
           render.dpi() == kReportDpi && !render.testFlag(QgsLayoutRenderContext::FlagAntialiasing) &&
           !render.testFlag(QgsLayoutRenderContext::FlagUseAdvancedEffects) &&
           sameSimplification(render.simplifyMethod(), reportSimplifyMethod()) &&
           !l->reportContext().layer() && currentView() == m_ahead->drawnFor;
  }

  mutable std::unique_ptr<QgsExpressionContext> m_cached;
  mutable State m_state;
  std::unique_ptr<Ahead> m_ahead;
};

}  // namespace

QgsLayoutItemMap* newReportMap(QgsLayout* layout) { return new ReportMap(layout); }

bool drawLayersAhead(QgsLayoutItemMap* map, const QList<QgsMapLayer*>& layers) {
  auto* reportMap = dynamic_cast<ReportMap*>(map);
  return reportMap && reportMap->drawAhead(layers);
}

}  // namespace clustershift::layers::detail
