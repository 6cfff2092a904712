// Renderers and labels of the result layers. Text uses the CJK-capable family of layers_detail.h.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <qgsarrowsymbollayer.h>
#include <qgsclassificationquantile.h>
#include <qgscolorramp.h>
#include <qgsexpression.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsfillsymbol.h>
#include <qgsfillsymbollayer.h>
#include <qgsgraduatedsymbolrenderer.h>
#include <qgslinesymbol.h>
#include <qgslinesymbollayer.h>
#include <qgsmarkersymbol.h>
#include <qgsmarkersymbollayer.h>
#include <qgspallabeling.h>
#include <qgsproperty.h>
#include <qgsrasterbandstats.h>
#include <qgsrasterlayer.h>
#include <qgsrastershader.h>
#include <qgssinglebandpseudocolorrenderer.h>
#include <qgsrulebasedlabeling.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgstextbuffersettings.h>
#include <qgstextformat.h>
#include <qgsvectorlayer.h>

#include "layers_detail.h"

namespace clustershift::layers {
namespace {

constexpr int kScoreClasses = 5;
constexpr int kLabelledRanks = 10;

/// ColorBrewer YlGnBu (Brewer 2003, colorbrewer2.org), a sequential ramp: light = low score.
QgsGradientColorRamp* scoreRamp() {
  QgsGradientStopsList stops;
  // Starts at the ramp's second class so the lowest scores still stand out from the pale region fill.
  stops << QgsGradientStop(0.33, QColor(QStringLiteral("#7fcdbb"))) << QgsGradientStop(0.67, QColor(QStringLiteral("#1d91c0")));
  return new QgsGradientColorRamp(QColor(QStringLiteral("#c7e9b4")), QColor(QStringLiteral("#0c2c84")), false, stops);
}

QgsMarkerSymbol* parkMarker(const QColor& fill, double sizeMm) {
  auto* layer = new QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase::Circle, sizeMm);
  layer->setColor(fill);
  layer->setStrokeColor(QColor(60, 60, 60));
  layer->setStrokeWidth(0.15);
  return new QgsMarkerSymbol(QgsSymbolLayerList() << layer);
}

QgsTextFormat textFormat(double sizePt, const QColor& color, bool bold, double bufferMm) {
  QgsTextFormat format;
  format.setFont(detail::font(sizePt, bold));
  format.setSize(sizePt);
  format.setSizeUnit(QgsUnitTypes::RenderPoints);
  format.setColor(color);
  if (bufferMm > 0) {
    QgsTextBufferSettings buffer;
    buffer.setEnabled(true);
    buffer.setSize(bufferMm);
    buffer.setSizeUnit(QgsUnitTypes::RenderMillimeters);
    buffer.setColor(Qt::white);
    format.setBuffer(buffer);
  }
  return format;
}

}  // namespace

void styleCandidates(QgsVectorLayer* layer) {
  if (!layer) return;
  // Classify the feasible parks' scores only: the layer-based classifiers read the excluded
  // parks' NULL scores as 0 and would give them a class of their own. The classes then become
  // rules, so excluded parks can have their own grey rule.
  QList<double> scores;
  if (const int scoreIndex = layer->fields().lookupField(QStringLiteral("score")); scoreIndex >= 0) {
    QgsFeature f;
    // The score column alone: all 40-odd columns of 20,000 parks took 0.1 s (bench/national).
    QgsFeatureIterator it = layer->getFeatures(QgsFeatureRequest()
                                                   .setFlags(QgsFeatureRequest::NoGeometry)
                                                   .setSubsetOfAttributes(QgsAttributeList{scoreIndex}));
    while (it.nextFeature(f))
      if (!f.attribute(scoreIndex).isNull()) scores << f.attribute(scoreIndex).toDouble();
  }
  // Quantiles: equal numbers of parks per class, so the map reads as quintiles of the ranking.
  QgsClassificationQuantile method;
  method.setLabelPrecision(2);
  method.setLabelTrimTrailingZeroes(false);
  method.setLabelFormat(QStringLiteral("%1 – %2"));
  QgsRangeList ranges;
  if (!scores.isEmpty())
    for (const QgsClassificationRange& range : method.classes(scores, kScoreClasses))
      ranges << QgsRendererRange(range, parkMarker(QColor(QStringLiteral("#41b6c4")), 3.0));
  QgsGraduatedSymbolRenderer graduated(QStringLiteral("score"), ranges);
  graduated.setSourceSymbol(parkMarker(QColor(QStringLiteral("#41b6c4")), 3.0));
  graduated.updateColorRamp(scoreRamp());
  graduated.setSymbolSizes(2.2, 4.2);

  auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
  const QgsRangeList& classes = graduated.ranges();
  if (!classes.isEmpty()) {
    // Own filters rather than refineRuleRanges(): it rounds the bounds to 4 decimals, which left
    // the best park (score above the rounded maximum) unmatched, i.e. not drawn and not labelled.
    // Full precision, and the outer classes open-ended, so every score falls in exactly one class.
    auto bound = [](double v) { return QString::number(v, 'g', 17); };
    for (int i = 0; i < classes.size(); ++i) {
      QStringList terms;
      if (i > 0) terms << QStringLiteral("\"score\" > %1").arg(bound(classes[i].lowerValue()));
      if (i + 1 < classes.size()) terms << QStringLiteral("\"score\" <= %1").arg(bound(classes[i].upperValue()));
      if (terms.isEmpty()) terms << QStringLiteral("\"score\" IS NOT NULL");
      auto* rule = new QgsRuleBasedRenderer::Rule(classes[i].symbol()->clone(), 0, 0, terms.join(QStringLiteral(" AND ")),
                                                  classes[i].label());
      rule->setRuleKey(QStringLiteral("score_class_%1").arg(i + 1));
      root->appendChild(rule);
    }
  } else {  // nothing to classify (every park excluded): one plain rule
    root->appendChild(new QgsRuleBasedRenderer::Rule(parkMarker(QColor(QStringLiteral("#41b6c4")), 3.0), 0, 0,
                                                     QStringLiteral("\"status\" = 'ok'"), QStringLiteral("ok")));
  }
  // Drawn first (below the coloured ones) so dense clusters keep the ranked parks visible.
  auto* excluded = new QgsRuleBasedRenderer::Rule(parkMarker(QColor(190, 190, 190, 200), 1.8), 0, 0,
                                                  QStringLiteral("\"status\" = 'excluded'"),
                                                  QStringLiteral("excluded / 已排除"));
  excluded->setRuleKey(QStringLiteral("excluded"));
  root->insertChild(0, excluded);

  // Robustness (SMAA): a ring around each park whose size grows with P(top-k), drawn over the
  // score symbol, so a planner sees at a glance which recommendations survive other weights.
  if (layer->fields().lookupField(QStringLiteral("p_topk")) >= 0) {
    auto* ringLayer = new QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayerBase::Circle, 3.0);
    ringLayer->setColor(QColor(0, 0, 0, 0));
    ringLayer->setStrokeColor(QColor(200, 60, 30));
    ringLayer->setStrokeWidth(0.35);
    ringLayer->setDataDefinedProperty(QgsSymbolLayer::PropertySize,
                                      QgsProperty::fromExpression(QStringLiteral("3 + 5 * \"p_topk\"")));
    auto* ring = new QgsRuleBasedRenderer::Rule(new QgsMarkerSymbol(QgsSymbolLayerList() << ringLayer), 0, 0,
                                                QStringLiteral("\"p_topk\" > 0"),
                                                QStringLiteral("P(top-k): ring size / 稳健性"));
    ring->setRuleKey(QStringLiteral("robustness"));
    root->appendChild(ring);
  }
  layer->setRenderer(new QgsRuleBasedRenderer(root));

  // Rank labels for the top 10 only.
  auto* settings = new QgsPalLayerSettings();
  settings->fieldName = QStringLiteral("rank");
  settings->isExpression = false;
  settings->placement = QgsPalLayerSettings::OrderedPositionsAroundPoint;
  settings->dist = 0.6;
  settings->distUnits = QgsUnitTypes::RenderMillimeters;
  settings->displayAll = true;  // at most ten labels: never hide one
  settings->priority = 10;
  settings->setFormat(textFormat(8, QColor(20, 20, 20), true, 0.8));
  auto* labelRoot = new QgsRuleBasedLabeling::Rule(nullptr);
  labelRoot->appendChild(new QgsRuleBasedLabeling::Rule(
      settings, 0, 0, QStringLiteral("\"rank\" >= 1 AND \"rank\" <= %1").arg(kLabelledRanks),
      QStringLiteral("top %1 ranks").arg(kLabelledRanks)));
  layer->setLabeling(new QgsRuleBasedLabeling(labelRoot));
  layer->setLabelsEnabled(true);
  layer->triggerRepaint();
}

void styleScoreRaster(QgsRasterLayer* layer) {
  const QgsRasterBandStats stats =
      layer->dataProvider()->bandStatistics(1, QgsRasterBandStats::Min | QgsRasterBandStats::Max);
  auto* ramp = new QgsColorRampShader(stats.minimumValue, stats.maximumValue,
                                      new QgsGradientColorRamp(QColor(247, 252, 245), QColor(0, 90, 50)));
  ramp->classifyColorRamp(5, 1);
  auto* shader = new QgsRasterShader(stats.minimumValue, stats.maximumValue);
  shader->setRasterShaderFunction(ramp);
  layer->setRenderer(new QgsSingleBandPseudoColorRenderer(layer->dataProvider(), 1, shader));
}

void styleFlows(QgsVectorLayer* layer) {
  if (!layer) return;
  const QColor color(217, 72, 1, 215);  // ColorBrewer Oranges, dark
  // One curved arrow per flow: an arc through the line's first, middle and last vertices, which
  // follows the densified Bézier closely, with the head at the host park.
  auto* arrow = new QgsArrowSymbolLayer();
  arrow->setIsCurved(true);
  arrow->setIsRepeated(false);
  arrow->setHeadType(QgsArrowSymbolLayer::HeadSingle);
  arrow->setArrowType(QgsArrowSymbolLayer::ArrowPlain);
  arrow->setArrowWidthUnit(QgsUnitTypes::RenderMillimeters);
  arrow->setArrowStartWidthUnit(QgsUnitTypes::RenderMillimeters);
  arrow->setHeadLengthUnit(QgsUnitTypes::RenderMillimeters);
  arrow->setHeadThicknessUnit(QgsUnitTypes::RenderMillimeters);
  arrow->setArrowWidth(1.0);
  arrow->setArrowStartWidth(1.0);
  arrow->setHeadLength(4.5);
  arrow->setHeadThickness(1.6);
  // Width by moved output when the effects model filled it (0.6 mm .. 2.4 mm, linear in
  // 亿元 up to the layer's largest flow), else by rank: rank 1 thickest (1.6 mm), rank 5 0.6 mm.
  const QgsProperty width = QgsProperty::fromExpression(QStringLiteral(
      "coalesce(scale_linear(\"moved_output\", 0, maximum(\"moved_output\"), 0.6, 2.4), "
      "max(0.5, 1.6 - 0.25 * (coalesce(\"rank\", 5) - 1)))"));
  arrow->setDataDefinedProperty(QgsSymbolLayer::PropertyArrowWidth, width);
  arrow->setDataDefinedProperty(QgsSymbolLayer::PropertyArrowStartWidth, width);
  auto* fill = new QgsSimpleFillSymbolLayer(color, Qt::SolidPattern, color.darker(130), Qt::SolidLine, 0.1);
  arrow->setSubSymbol(new QgsFillSymbol(QgsSymbolLayerList() << fill));
  auto* symbol = new QgsLineSymbol(QgsSymbolLayerList() << arrow);
  layer->setRenderer(new QgsSingleSymbolRenderer(symbol));
  layer->triggerRepaint();
}

void styleRegions(QgsVectorLayer* layer, const QString& sourceRegionId) {
  if (!layer) return;
  auto* plain = new QgsSimpleFillSymbolLayer(QColor(QStringLiteral("#f4f1ea")), Qt::SolidPattern,
                                             QColor(QStringLiteral("#b8b2a6")), Qt::SolidLine, 0.15);
  auto* source = new QgsSimpleFillSymbolLayer(QColor(QStringLiteral("#fcbba1")), Qt::SolidPattern,
                                              QColor(QStringLiteral("#cb181d")), Qt::SolidLine, 0.6);
  auto* root = new QgsRuleBasedRenderer::Rule(nullptr);
  const QString isSource = QStringLiteral("\"id\" = %1").arg(QgsExpression::quotedValue(sourceRegionId));
  auto* sourceRule = new QgsRuleBasedRenderer::Rule(new QgsFillSymbol(QgsSymbolLayerList() << source), 0, 0, isSource,
                                                    QStringLiteral("source region / 转出地区"));
  sourceRule->setRuleKey(QStringLiteral("source"));
  auto* otherRule = new QgsRuleBasedRenderer::Rule(new QgsFillSymbol(QgsSymbolLayerList() << plain), 0, 0, QString(),
                                                   QStringLiteral("regions / 地区"), QString(), true);
  otherRule->setRuleKey(QStringLiteral("other"));
  root->appendChild(otherRule);
  root->appendChild(sourceRule);  // drawn last: its outline is not hidden by neighbours
  layer->setRenderer(new QgsRuleBasedRenderer(root));
  layer->triggerRepaint();
}

}  // namespace clustershift::layers
