#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "clustershift_layers/result_schema.h"

#include <gtest/gtest.h>

#include <qgsfeatureiterator.h>
#include <qgsgeometry.h>
#include <qgsrulebasedrenderer.h>
#include <qgssymbol.h>
#include <qgssymbollayer.h>
#include <qgsvectorlayer.h>

#include <iterator>
#include <memory>

namespace clustershift::layers {
namespace {

using testing::sampleInputs;
using testing::sampleResults;

QgsFeature featureWhere(QgsVectorLayer* layer, const QString& field, const QVariant& value) {
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f))
    if (f.attribute(field) == value) return f;
  return QgsFeature();
}

TEST(CandidateLayer, HasOneFeaturePerParkWithScoreRankAndCriterionFields) {
  const Inputs in = sampleInputs();
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(sampleResults(in)));
  ASSERT_TRUE(layer->isValid());
  EXPECT_EQ(layer->name(), QStringLiteral("candidate_scores"));
  EXPECT_EQ(layer->featureCount(), 8);
  EXPECT_EQ(layer->crs().authid(), QStringLiteral("EPSG:4326"));
  for (const char* name : {"id", "name", "name_zh", "region_id", "region", "score", "rank", "status", "reason",
                           "labour_cost_raw", "labour_cost_norm", "labour_cost_contrib", "field_land_price_raw",
                           "field_land_price_norm", "field_land_price_contrib"})
    EXPECT_GE(layer->fields().lookupField(QLatin1String(name)), 0) << name;
  // Robustness fields only when computed.
  EXPECT_LT(layer->fields().lookupField(QStringLiteral("p_top1")), 0);

  const QgsFeature best = featureWhere(layer.get(), QStringLiteral("id"), QStringLiteral("P1"));
  EXPECT_EQ(best.attribute(QStringLiteral("rank")).toInt(), 1);
  EXPECT_DOUBLE_EQ(best.attribute(QStringLiteral("score")).toDouble(), 0.91);
  EXPECT_EQ(best.attribute(QStringLiteral("name_zh")).toString(), QStringLiteral("第1经济开发区"));
  EXPECT_NEAR(best.geometry().asPoint().x(), 118.2, 1e-12);

  const QgsFeature excluded = featureWhere(layer.get(), QStringLiteral("id"), QStringLiteral("P4"));
  EXPECT_EQ(excluded.attribute(QStringLiteral("status")).toString(), QStringLiteral("excluded"));
  EXPECT_TRUE(excluded.attribute(QStringLiteral("score")).isNull());
  EXPECT_TRUE(excluded.attribute(QStringLiteral("rank")).isNull());
  EXPECT_TRUE(excluded.attribute(QStringLiteral("reason")).toString().startsWith(QStringLiteral("land: available")));
  // NaN criterion values are NULL, not NaN.
  EXPECT_TRUE(excluded.attribute(QStringLiteral("field_land_price_norm")).isNull());
}

TEST(CandidateLayer, AddsRobustnessFieldsWhenComputed) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.parks[0].pTop1 = 0.7;
  res.parks[0].rankMean = 1.4;
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(res));
  for (const char* name : {"p_top1", "p_topk", "rank_mean", "rank_p05", "rank_p95"})
    EXPECT_GE(layer->fields().lookupField(QLatin1String(name)), 0) << name;
  const QgsFeature best = featureWhere(layer.get(), QStringLiteral("id"), QStringLiteral("P1"));
  EXPECT_DOUBLE_EQ(best.attribute(QStringLiteral("p_top1")).toDouble(), 0.7);
  EXPECT_TRUE(best.attribute(QStringLiteral("p_topk")).isNull());
}

TEST(CandidateLayer, CarriesTheExplanationOfEachPark) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.parks[1].explanation = "behind P1 mainly on labour_cost (-0.120) and land (-0.050)";
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(res));
  ASSERT_GE(layer->fields().lookupField(QStringLiteral("explanation")), 0);
  const QgsFeature f = featureWhere(layer.get(), QStringLiteral("id"), QString::fromStdString(res.parks[1].id));
  EXPECT_EQ(f.attribute(QStringLiteral("explanation")).toString().toStdString(), res.parks[1].explanation);
}

TEST(CandidateStyle, RobustnessRingSizedByProbabilityOfTopK) {
  const Inputs in = sampleInputs();
  Results res = sampleResults(in);
  res.parks[0].pTop1 = 0.6;  // robustness computes all fields together
  res.parks[0].pTopK = 0.9;
  std::unique_ptr<QgsVectorLayer> layer(makeCandidateLayer(res));
  styleCandidates(layer.get());
  auto* renderer = dynamic_cast<QgsRuleBasedRenderer*>(layer->renderer());
  ASSERT_NE(renderer, nullptr);
  QgsRuleBasedRenderer::Rule* ring = renderer->rootRule()->findRuleByKey(QStringLiteral("robustness"));
  ASSERT_NE(ring, nullptr);
  EXPECT_EQ(ring->filterExpression(), QStringLiteral("\"p_topk\" > 0"));
  const QgsProperty size = ring->symbol()->symbolLayer(0)->dataDefinedProperties().property(QgsSymbolLayer::PropertySize);
  EXPECT_TRUE(size.isActive());
  EXPECT_TRUE(size.expressionString().contains(QStringLiteral("p_topk")));
  // Without robustness fields there is no ring rule.
  const Results plain = sampleResults(in);
  std::unique_ptr<QgsVectorLayer> plainLayer(makeCandidateLayer(plain));
  styleCandidates(plainLayer.get());
  auto* plainRenderer = dynamic_cast<QgsRuleBasedRenderer*>(plainLayer->renderer());
  ASSERT_NE(plainRenderer, nullptr);
  EXPECT_EQ(plainRenderer->rootRule()->findRuleByKey(QStringLiteral("robustness")), nullptr);
}

TEST(ResultSchema, WritersFollowTheSchemaFieldByField) {
  const Inputs in = sampleInputs();
  const Results res = sampleResults(in);
  std::unique_ptr<QgsVectorLayer> candidates(makeCandidateLayer(res));
  int i = 0;
  for (const schema::Field& f : schema::kCandidateFields)
    EXPECT_EQ(candidates->fields().at(i++).name(), QLatin1String(f.name)) << f.name;
  // Then the criteria, three fields each, in the schema's suffix order.
  EXPECT_EQ(candidates->fields().at(i + 1).name(), QStringLiteral("labour_cost_norm"));
  std::unique_ptr<QgsVectorLayer> flows(makeFlowLayer(res));
  ASSERT_EQ(flows->fields().count(), static_cast<int>(std::size(schema::kFlowFields)));
  i = 0;
  for (const schema::Field& f : schema::kFlowFields) {
    EXPECT_EQ(flows->fields().at(i).name(), QLatin1String(f.name));
    EXPECT_EQ(flows->fields().at(i++).type(), f.type == schema::FieldType::Text      ? QVariant::String
                                              : f.type == schema::FieldType::Integer ? QVariant::Int
                                                                                     : QVariant::Double);
  }
}

TEST(FlowLayer, CurvedLinesRunFromTheSourceToEachOfTheTopFive) {
  const Inputs in = sampleInputs();
  const Results res = sampleResults(in);
  std::unique_ptr<QgsVectorLayer> layer(makeFlowLayer(res));
  ASSERT_TRUE(layer->isValid());
  EXPECT_EQ(layer->name(), QStringLiteral("transfer_flows"));
  EXPECT_EQ(layer->featureCount(), 5);
  QgsFeature f;
  QgsFeatureIterator it = layer->getFeatures();
  while (it.nextFeature(f)) {
    const QgsPolylineXY line = f.geometry().asPolyline();
    ASSERT_EQ(line.size(), 33);
    EXPECT_NEAR(line.front().x(), 118.5, 1e-12);
    EXPECT_NEAR(line.front().y(), 26.5, 1e-12);
    const Flow& flow = res.flows[static_cast<size_t>(f.attribute(QStringLiteral("rank")).toInt() - 1)];
    EXPECT_NEAR(line.back().x(), flow.toLon, 1e-12);
    EXPECT_NEAR(line.back().y(), flow.toLat, 1e-12);
    // Curved: the middle vertex lies off the straight chord.
    const QgsPointXY mid = line[16];
    const QgsPointXY chordMid((line.front().x() + line.back().x()) / 2, (line.front().y() + line.back().y()) / 2);
    const double chord = line.front().distance(line.back());
    EXPECT_GT(mid.distance(chordMid), 0.05 * chord);
    EXPECT_EQ(f.attribute(QStringLiteral("park_id")).toString().toStdString(), flow.parkId);
  }
}

TEST(RegionLayer, CopiesRegionsAndMarksTheSource) {
  const Inputs in = sampleInputs();
  std::unique_ptr<QgsVectorLayer> layer(makeRegionLayer(in, sampleResults(in)));
  ASSERT_TRUE(layer->isValid());
  EXPECT_EQ(layer->featureCount(), 6);
  EXPECT_EQ(layer->wkbType(), QgsWkbTypes::MultiPolygon);
  const QgsFeature source = featureWhere(layer.get(), QStringLiteral("is_source"), 1);
  EXPECT_EQ(source.attribute(QStringLiteral("id")).toString(), QStringLiteral("330300"));
  EXPECT_EQ(source.attribute(QStringLiteral("name_zh")).toString(), QStringLiteral("温州市"));
  EXPECT_DOUBLE_EQ(source.attribute(QStringLiteral("wage")).toDouble(), 60000);
  EXPECT_NEAR(source.geometry().area(), 1.0, 1e-9);
}

}  // namespace
}  // namespace clustershift::layers
