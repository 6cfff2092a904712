// The report's map item: its expression context kept per state while a SharedGlobalScope lives,
// and layers drawn ahead, on another thread, for a layout exported at once.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgslayout.h>
#include <qgslayoutitemmap.h>
#include <qgslayoutreportcontext.h>
#include <qgslayoutrendercontext.h>
#include <qgsmaplayerstyle.h>
#include <qgsmaprenderersequentialjob.h>
#include <qgsmapsettings.h>
#include <qgsvectorsimplifymethod.h>

#include <QCryptographicHash>
#include <QDomDocument>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QThread>

#include <cstdio>
#include <memory>

namespace clustershift::layers::detail {
namespace {

/// A style's XML with each element's attributes in name order: QGIS writes them in the order of
/// a hash that each process seeds differently, also in the XML some attributes hold (a label
/// callout's line symbol).
void addCanonicalXml(QCryptographicHash& hash, const QDomNode& node) {
  if (node.isElement()) {
    const QDomElement element = node.toElement();
    hash.addData(element.tagName().toUtf8());
    const QDomNamedNodeMap attributes = element.attributes();
    QMap<QString, QString> sorted;
    for (int i = 0; i < attributes.count(); ++i) {
      const QDomAttr attribute = attributes.item(i).toAttr();
      sorted.insert(attribute.name(), attribute.value());
    }
    for (auto it = sorted.constBegin(); it != sorted.constEnd(); ++it) {
      hash.addData(it.key().toUtf8());
      hash.addData("=", 1);
      QDomDocument inner;
      if (it.value().startsWith(QLatin1Char('<')) && inner.setContent(it.value()))
        addCanonicalXml(hash, inner);
      else
        hash.addData(it.value().toUtf8());
      hash.addData("\n", 1);
    }
  } else if (node.isCharacterData()) {
    hash.addData(node.nodeValue().toUtf8());
  }
  hash.addData("(", 1);
  for (QDomNode child = node.firstChild(); !child.isNull(); child = child.nextSibling())
    addCanonicalXml(hash, child);
  hash.addData(")", 1);
}

/// What an image drawn ahead with `settings` depends on, the same in every process that opens
/// the same GeoPackage: the layers by source and style (not by their ids, which each process
/// makes up), extent, rotation, size, resolution, CRS, background, flags and simplification.
QByteArray imageKey(const QgsMapSettings& settings, const QList<QgsMapLayer*>& layers) {
  QCryptographicHash hash(QCryptographicHash::Sha256);
  auto add = [&hash](const QString& part) {
    hash.addData(part.toUtf8());
    hash.addData("\n", 1);
  };
  const QgsRectangle e = settings.extent();
  for (double v :
       {e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum(), settings.rotation(), settings.outputDpi()})
    add(QString::number(v, 'g', 17));
  add(QStringLiteral("%1x%2").arg(settings.outputSize().width()).arg(settings.outputSize().height()));
  add(settings.destinationCrs().toWkt(QgsCoordinateReferenceSystem::WKT_PREFERRED));
  add(settings.backgroundColor().name(QColor::HexArgb));
  add(QString::number(static_cast<int>(settings.flags())));
  const QgsVectorSimplifyMethod& simplify = settings.simplifyMethod();
  add(QStringLiteral("%1 %2 %3")
          .arg(static_cast<int>(simplify.simplifyHints()))
          .arg(simplify.threshold(), 0, 'g', 17)
          .arg(static_cast<int>(simplify.simplifyAlgorithm())));
  const QMap<QString, QString> styles = settings.layerStyleOverrides();
  for (QgsMapLayer* layer : layers) {
    add(layer->source());
    QString style = styles.value(layer->id());
    if (style.isEmpty()) {
      QgsMapLayerStyle own;
      own.readFromLayer(layer);
      style = own.xmlData();
    }
    const QByteArray digest = canonicalXmlDigest(style);
    if (digest.isEmpty()) return {};  // no key: the image is not shared
    add(QString::fromLatin1(digest));
  }
  return hash.result().toHex();
}

constexpr char kImageMagic[] = "ClusterShift report image 1";

/// Leaves `image` at `path` for another process of the run (SharedImage): a header (magic, key,
/// width, height, format, bytes per line), then the pixels; a null image leaves the header alone,
/// with an empty key, so that a reader stops waiting and draws its own. Written to a temporary
/// name, then renamed: a reader finds the whole file or none. Not synced: the file lives only in
/// the run's work folder, while the run lasts. Returns false when it could not be written.
bool writeSharedImage(const QString& path, const QByteArray& key, const QImage& image) {
  const QString partial = path + QStringLiteral(".part");
  QFile file(partial);
  if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return false;
  const QByteArray header = QByteArray(kImageMagic) + '\n' + (image.isNull() ? QByteArray() : key) + '\n' +
                            QByteArray::number(image.width()) + ' ' + QByteArray::number(image.height()) +
                            ' ' + QByteArray::number(static_cast<int>(image.format())) + ' ' +
                            QByteArray::number(static_cast<qlonglong>(image.bytesPerLine())) + '\n';
  const qint64 bytes = static_cast<qint64>(image.sizeInBytes());
  const bool written =
      file.write(header) == header.size() &&
      (image.isNull() || file.write(reinterpret_cast<const char*>(image.constBits()), bytes) == bytes);
  file.close();
  if (!written || file.error() != QFileDevice::NoError ||
      std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0) {
    QFile::remove(partial);
    return false;
  }
  return true;
}

/// The image another process left at `path` for the map whose key is `key`, waiting up to waitMs
/// for it to appear; a null image when none came, or it is another map's, or it is unreadable.
QImage readSharedImage(const QString& path, const QByteArray& key, int waitMs) {
  QElapsedTimer waited;
  waited.start();
  while (!QFileInfo::exists(path) && waited.elapsed() < waitMs) QThread::msleep(5);
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return {};
  if (file.readLine().trimmed() != kImageMagic || file.readLine().trimmed() != key) return {};
  const QList<QByteArray> size = file.readLine().trimmed().split(' ');
  if (size.size() != 4) return {};
  bool ok[4] = {false, false, false, false};
  const int width = size[0].toInt(&ok[0]), height = size[1].toInt(&ok[1]), format = size[2].toInt(&ok[2]);
  const qlonglong bytesPerLine = size[3].toLongLong(&ok[3]);
  // The two formats a drawing ahead gives (an opaque map's, a transparent one's).
  if (!(ok[0] && ok[1] && ok[2] && ok[3]) || width <= 0 || height <= 0 ||
      (format != QImage::Format_RGB32 && format != QImage::Format_ARGB32_Premultiplied))
    return {};
  QImage image(width, height, static_cast<QImage::Format>(format));
  if (image.isNull() || image.bytesPerLine() != bytesPerLine) return {};
  const qint64 bytes = static_cast<qint64>(image.sizeInBytes());
  if (file.read(reinterpret_cast<char*>(image.bits()), bytes) != bytes || !file.atEnd()) return {};
  return image;
}

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

  bool drawAhead(const QList<QgsMapLayer*>& ahead, const SharedImage& share) {
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
    if (!share.path.isEmpty()) {
      next->key = imageKey(settings, drawn);
      if (!next->key.isEmpty()) next->share = share;  // a style that does not parse: drawn here, not shared
    }
    const SharedImage& shared = next->share;
    if (shared.path.isEmpty() || shared.write) {
      next->job = std::make_unique<QgsMapRendererSequentialJob>(settings);
      next->job->start();
    } else {
      next->settings = std::make_unique<QgsMapSettings>(settings);  // drawn at export if no image comes
    }
    m_ahead = std::move(next);
    return true;
  }

  void paint(QPainter* painter, const QStyleOptionGraphicsItem* style, QWidget* widget) override {
    if (!m_ahead) {
      QgsLayoutItemMap::paint(painter, style, widget);
      return;
    }
    if (!aheadStillFits(painter)) {
      // The map changed: its drawing is cancelled, QGIS draws it; a reader waiting for its
      // image is told at once that none comes.
      if (m_ahead->share.write && !m_ahead->share.path.isEmpty())
        writeSharedImage(m_ahead->share.path, {}, QImage());
      m_ahead.reset();
      QgsLayoutItemMap::paint(painter, style, widget);
      return;
    }
    if (m_ahead->job) {
      takeDrawnImage();
      if (!m_ahead->share.path.isEmpty() &&
          !writeSharedImage(m_ahead->share.path, m_ahead->key, m_ahead->image))
        writeSharedImage(m_ahead->share.path, {}, QImage());  // no room for the image: at least the word
    } else if (m_ahead->settings) {
      m_ahead->image = readSharedImage(m_ahead->share.path, m_ahead->key, m_ahead->share.waitMs);
      if (m_ahead->image.isNull()) {
        m_ahead->job = std::make_unique<QgsMapRendererSequentialJob>(*m_ahead->settings);
        m_ahead->job->start();
        takeDrawnImage();
      }
      m_ahead->settings.reset();
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
    SharedImage share;
    QByteArray key;                            ///< imageKey, when shared
    std::unique_ptr<QgsMapSettings> settings;  ///< an image to be read (share.write false): until then
    Ahead() = default;
    Ahead(const Ahead&) = delete;
    Ahead& operator=(const Ahead&) = delete;
    ~Ahead() {
      if (job) job->cancel();  // waits for its thread
    }
  };

  /// The finished drawing's image, without its alpha channel when drawn on an opaque background
  /// (the PDF then gets no soft mask).
  void takeDrawnImage() {
    m_ahead->job->waitForFinished();
    m_ahead->image = m_ahead->job->renderedImage();
    m_ahead->job.reset();
    if (m_ahead->drawnFor.background && m_ahead->drawnFor.backgroundColor.alpha() == 255)
      m_ahead->image = std::move(m_ahead->image).convertToFormat(QImage::Format_RGB32);
  }

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

QByteArray canonicalXmlDigest(const QString& xml) {
  QDomDocument document;
  if (!document.setContent(xml)) return {};
  QCryptographicHash hash(QCryptographicHash::Sha256);
  addCanonicalXml(hash, document);
  return hash.result().toHex();
}

QgsLayoutItemMap* newReportMap(QgsLayout* layout) { return new ReportMap(layout); }

bool drawLayersAhead(QgsLayoutItemMap* map, const QList<QgsMapLayer*>& layers, const SharedImage& share) {
  auto* reportMap = dynamic_cast<ReportMap*>(map);
  return reportMap && reportMap->drawAhead(layers, share);
}

}  // namespace clustershift::layers::detail
