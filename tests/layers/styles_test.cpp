#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"

#include <gtest/gtest.h>

#include <qgsexpression.h>
#include <qgsexpressioncontext.h>
#include <qgsfeatureiterator.h>
#include <qgspallabeling.h>
#include <qgsrulebasedlabeling.h>
#include <qgsrulebasedrenderer.h>
#include <qgssinglesymbolrenderer.h>
#include <qgssymbol.h>
#include <qgssymbollayer.h>
#include <qgsvectorlayer.h>

#include <memory>

namespace clustershift::layers {
namespace {

using testing::sampleInputs;
using testing::sampleResults;

QgsRuleBasedRenderer::Rule* childByKey(QgsRuleBasedRenderer::Rule* root, const QString& key) {
  for (QgsRuleBasedRenderer::Rule* r : root->children())
    if (r->ruleKey() == key) return r;
  return nullptr;
}

// A layer made only to be written (LayerStyle::Plain) keeps QGIS's default style and the same
// features; the styled one gets the rules.
TEST(StyleCandidates, PlainLayersAreNotStyledButHoldTheSameFeatures) {
  const Inputs in = sampleInputs();
  const Results results = sampleResults(in);
  std::unique_ptr<QgsVectorLayer> plain(makeCandidateLayer(results, LayerStyle::Plain));
  std::unique_ptr<QgsVectorLayer> styled(makeCandidateLayer(results));
  EXPECT_EQ(dynamic_cast<QgsRuleBasedRenderer*>(plain->renderer()), nullptr);
  EXPECT_FALSE(plain->labelsEnabled());
  EXPECT_NE(dynamic_cast<QgsRuleBasedRenderer*>(styled->renderer()), nullptr);
  EXPECT_EQ(plain->featureCount(), styled->featureCount());
  EXPECT_EQ(plain->fields().names(), styled->fields().names());
  std::unique_ptr<QgsVectorLayer> regions(makeRegionLayer(in, results, LayerStyle::Plain));
  EXPECT_EQ(dynamic_cast<QgsRuleBasedRenderer*>(regions->renderer()), nullptr);
  EXPECT_EQ(regions->featureCount(), static_cast<long long>(in.regions.size()));
}

TEST(StyleCandidates, FiveScoreClassesPlusAGreyExcludedRule) {
  const Inputs in = sampleInputs();
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(sampleResults(in)));  // styled on creation
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr) << layer->renderer()->type().toStdString();
  QgsRuleBasedRenderer::Rule* root = renderer->rootRule();
  ASSERT_EQ(root->children().size(), 6);  // 6 distinct scores -> 5 Jenks classes, + excluded
  QgsRuleBasedRenderer::Rule* excluded = childByKey(root, QStringLiteral("excluded"));
  ASSERT_NE(excluded, nullptr);
  EXPECT_EQ(excluded->filterExpression(), QStringLiteral("\"status\" = 'excluded'"));
  const QColor grey = excluded->symbol()->color();
  EXPECT_EQ(grey.red(), grey.green());
  EXPECT_EQ(grey.green(), grey.blue());
  // The score classes use the score field, and colours get darker with the score.
  int classes = 0;
  double previousLightness = 256;
  for (QgsRuleBasedRenderer::Rule* r : root->children()) {
    if (r == excluded) continue;
    ++classes;
    EXPECT_TRUE(r->filterExpression().contains(QStringLiteral("\"score\""))) << r->filterExpression().toStdString();
    const double lightness = r->symbol()->color().lightnessF() * 255;
    EXPECT_LT(lightness, previousLightness);
    previousLightness = lightness;
  }
  EXPECT_EQ(classes, 5);
}

TEST(StyleCandidates, EveryParkMatchesExactlyOneRule) {
  // Regression: rounded class bounds once left the best park outside every class (not drawn).
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.parks[0].score = 0.912345678901;  // the maximum, with more decimals than a label shows
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(res));
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr);
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f)) {
    QgsExpressionContext context;
    context.setFeature(f);
    context.setFields(layer->fields());
    int matches = 0;
    for (QgsRuleBasedRenderer::Rule* r : renderer->rootRule()->children()) {
      QgsExpression e(r->filterExpression());
      e.prepare(&context);
      matches += e.evaluate(&context).toBool() ? 1 : 0;
    }
    EXPECT_EQ(matches, 1) << f.attribute(QStringLiteral("id")).toString().toStdString();
  }
}

TEST(StyleCandidates, LabelsTheRankOfTheTopTenOnly) {
  const Inputs in = sampleInputs();
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(sampleResults(in)));
  EXPECT_TRUE(layer->labelsEnabled());
  auto* labeling = dynamic_cast<const QgsRuleBasedLabeling*>(layer->labeling());
  ASSERT_NE(labeling, nullptr);
  const auto& rules = labeling->rootRule()->children();
  ASSERT_EQ(rules.size(), 1);
  EXPECT_EQ(rules[0]->filterExpression(), QStringLiteral("\"rank\" >= 1 AND \"rank\" <= 10"));
  EXPECT_EQ(rules[0]->settings()->fieldName, QStringLiteral("rank"));
  EXPECT_EQ(rules[0]->settings()->format().font().family(), QStringLiteral("Noto Sans CJK SC"));
}

TEST(StyleCandidates, AllExcludedStillGetsARenderer) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  for (ParkResult& p : res.parks) {
    p.status = "excluded";
    p.score = kNaN;
    p.rank = 0;
  }
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(res));
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr);
  EXPECT_NE(childByKey(renderer->rootRule(), QStringLiteral("excluded")), nullptr);
}

TEST(StyleFlows, CurvedArrowWithWidthByRank) {
  const Inputs in = sampleInputs();
  std::unique_ptr<QgsVectorLayer> layer(makeFlowLayer(sampleResults(in)));
  auto* renderer = dynamic_cast<QgsSingleSymbolRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr);
  QgsSymbol* symbol = renderer->symbol();
  EXPECT_EQ(symbol->type(), Qgis::SymbolType::Line);
  ASSERT_EQ(symbol->symbolLayerCount(), 1);
  EXPECT_EQ(symbol->symbolLayer(0)->layerType(), QStringLiteral("ArrowLine"));
  EXPECT_TRUE(symbol->symbolLayer(0)->dataDefinedProperties().isActive(QgsSymbolLayer::PropertyArrowWidth));
}

TEST(StyleRegions, HighlightsTheSourceRegion) {
  const Inputs in = sampleInputs();
  std::unique_ptr<QgsVectorLayer> layer(makeRegionLayer(in, sampleResults(in)));
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr);
  QgsRuleBasedRenderer::Rule* source = childByKey(renderer->rootRule(), QStringLiteral("source"));
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->filterExpression(), QStringLiteral("\"id\" = '330300'"));
  QgsRuleBasedRenderer::Rule* other = childByKey(renderer->rootRule(), QStringLiteral("other"));
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->isElse());
}

}  // namespace
}  // namespace clustershift::layers
