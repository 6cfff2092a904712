// layers::problemText: the core's problems (codes and values) worded in the UI language. The
// problems come from the real readers and validate() over QGIS layers, as the Data tab gets them;
// English stays the core's (and the CLI's) exact wording.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "clustershift/criterion.h"
#include "clustershift/pipeline.h"
#include "clustershift_layers/labels.h"

#include <gtest/gtest.h>

#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QRegularExpression>

#include <algorithm>
#include <memory>

namespace clustershift::layers {
namespace {

std::unique_ptr<QgsVectorLayer> regionLayer() {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Polygon?crs=EPSG:4326&field=id:string&field=name:string&field=wage:double"),
      QStringLiteral("regions"), QStringLiteral("memory"));
  QgsFeatureList features;
  for (int k = 0; k < 2; ++k) {
    QgsFeature f(layer->fields());
    const double x0 = 120.0 + k;
    f.setGeometry(
        QgsGeometry::fromWkt(QStringLiteral("POLYGON((%1 28,%2 28,%2 29,%1 29,%1 28))").arg(x0).arg(x0 + 1)));
    f.setAttributes(QgsAttributes() << QStringLiteral("33030%1").arg(k) << QStringLiteral("R%1").arg(k)
                                    << 60000.0 + k);
    features << f;
  }
  layer->dataProvider()->addFeatures(features);
  return layer;
}

/// Two parks: P1 with a negative area, P2 fine; no available_ha field at all.
std::unique_ptr<QgsVectorLayer> parkLayer() {
  auto layer = std::make_unique<QgsVectorLayer>(
      QStringLiteral("Point?crs=EPSG:4326&field=id:string&field=name:string&field=area_ha:double"),
      QStringLiteral("parks"), QStringLiteral("memory"));
  QgsFeatureList features;
  for (int i = 0; i < 2; ++i) {
    QgsFeature f(layer->fields());
    f.setGeometry(QgsGeometry::fromPointXY(QgsPointXY(120.5 + i, 28.5)));
    f.setAttributes(QgsAttributes() << QStringLiteral("P%1").arg(i + 1)
                                    << QStringLiteral("Park %1").arg(i + 1) << (i == 0 ? -3.5 : 400.0));
    features << f;
  }
  layer->dataProvider()->addFeatures(features);
  return layer;
}

const Problem* findCode(const std::vector<Problem>& problems, const std::string& code) {
  const auto it =
      std::find_if(problems.begin(), problems.end(), [&](const Problem& p) { return p.code == code; });
  return it == problems.end() ? nullptr : &*it;
}

TEST(ProblemText, DataTabProblemsInChineseWithFileFieldAndValueKept) {
  auto regions = regionLayer();
  auto parks = parkLayer();
  Scenario scenario;
  scenario.sourceRegion = "330300";
  scenario.criteria.push_back(CriterionSpec{});
  scenario.criteria.back().id = "land";
  scenario.criteria.back().weight = 1.0;
  Feedback feedback;
  const Inputs inputs = inputsFromLayers(regions.get(), parks.get(), scenario, feedback);
  const std::vector<Problem> problems = validate(scenario, inputs);

  const Problem* negative = findCode(problems, "negative");
  ASSERT_NE(negative, nullptr);
  EXPECT_EQ(negative->values.at("value"), "-3.5");
  const std::string where = negative->where;  // "<layer label> fid=1 field 'area_ha'"
  ASSERT_NE(where.find(" field 'area_ha'"), std::string::npos) << where;
  const std::string label = where.substr(0, where.find(" fid="));
  // English: the core's wording, unchanged (what the CLI prints).
  EXPECT_EQ(problemText(*negative, false).toStdString(), negative->text());
  EXPECT_EQ(negative->message, "is negative (-3.5)");
  EXPECT_EQ(problemText(*negative, true),
            QString::fromStdString(label) + QStringLiteral(" fid=1 字段“area_ha”：为负数（-3.5）"));

  const Problem* column = findCode(problems, "park_column_missing");
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(column->message,
            "has no field for column 'available_ha', needed by criterion land (map it in data.parks.fields)");
  EXPECT_EQ(problemText(*column, true),
            QString::fromStdString(label) + QStringLiteral("：没有“可用土地（公顷）”列对应的字段，") +
                criterionLabel("land", true) + QStringLiteral("指标需要（请在园区字段中指定）"));

  // Every coded problem here reads without English words beyond the layer label, fid and the
  // layers' own field names.
  static const QRegularExpression latin(QStringLiteral("[A-Za-z]{2,}"));
  static const QRegularExpression kept(QStringLiteral("\\b(fid|id|name|wage|area_ha|regions|parks|GDP)\\b"));
  for (const Problem& p : problems) {
    if (p.code.empty()) continue;
    QString text = problemText(p, true);
    text.remove(QString::fromStdString(label)).remove(kept);
    EXPECT_FALSE(latin.match(text).hasMatch()) << p.code << ": " << text.toStdString();
  }
}

TEST(ProblemText, RunWarningsAndNestedFirstWarning) {
  Problem warning = codedProblem(Severity::Warning, "parks.gpkg/parks fid=7",
                                 "labour_cost: host region '330400' has no wage > 0", "P7",
                                 "host_without_wage", {{"criterion", "labour_cost"}, {"region", "330400"}});
  EXPECT_EQ(problemText(warning, false).toStdString(),
            "parks.gpkg/parks fid=7: labour_cost: host region '330400' has no wage > 0");
  EXPECT_EQ(problemText(warning, true), QStringLiteral("parks.gpkg/parks fid=7：") +
                                            criterionLabel("labour_cost", true) +
                                            QStringLiteral("：承接地区“330400”没有大于 0 的工资"));
  // A scenario key as the place, a criterion's label in the place.
  Problem replaced = codedProblem(Severity::Warning, "criterion 'labour_cost'",
                                  "2 missing value(s) replaced by the mean raw value", {},
                                  "missing_replaced_by_mean", {{"count", "2"}, {"criterion", "labour_cost"}});
  EXPECT_EQ(problemText(replaced, true), QStringLiteral("指标“") + criterionLabel("labour_cost", true) +
                                             QStringLiteral("”：2 个缺失值以原始值的平均值代替"));
  // No code: the English wording, in both languages.
  Problem plain{Severity::Warning, "effects", "something only the core words", ""};
  EXPECT_EQ(problemText(plain, true), QStringLiteral("转移效应：something only the core words"));
  EXPECT_EQ(problemText(plain, false), QStringLiteral("effects: something only the core words"));
}

TEST(ProblemText, ParamsHaveChineseLabelsDescriptionsAndRanges) {
  static const QRegularExpression latin(QStringLiteral("[A-Za-z]{2,}"));
  for (const std::string& id : CriterionRegistry::instance().ids()) {
    const std::unique_ptr<Criterion> c = CriterionRegistry::instance().create(id);
    for (const ParamSpec& spec : c->parameters()) {
      for (const QString& text : {paramLabel(id, spec, true), paramDescription(id, spec, true),
                                  paramRange(spec, true), unitLabel(spec.unit, true)})
        EXPECT_FALSE(latin.match(QString(text).remove(QStringLiteral("GDP"))).hasMatch())
            << id << "/" << spec.name << ": " << text.toStdString();
      EXPECT_EQ(paramDescription(id, spec, false).toStdString(), spec.doc);
    }
  }
  const std::unique_ptr<Criterion> pool = CriterionRegistry::instance().create("labour_pool");
  const ParamSpec radius = pool->parameters().front();
  EXPECT_EQ(paramLabel("labour_pool", radius, true), QStringLiteral("腹地半径"));
  EXPECT_EQ(paramRange(radius, true), QStringLiteral("大于 0 公里"));
  EXPECT_EQ(paramRange(radius, false), QStringLiteral("> 0"));
}

}  // namespace
}  // namespace clustershift::layers
