// layers::labels: what the plugin shows for the stable ids of a run, in Chinese and English.
#include "clustershift_layers/labels.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

#include <cmath>

#include "clustershift/criterion.h"
#include "clustershift/error.h"

#include "clustershift/effects.h"

namespace clustershift::layers {
namespace {

bool hasLatinWord(const QString& text) {
  // Ids, units and labels left in English: two or more Latin letters in a row (numbers, ×, % and
  // single-letter symbols such as U, C, T, D, H, ISU are allowed: ISU/TS are indicator names).
  static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
  QString stripped = text;
  for (const char* symbol : {"ISU", "TS", "GDP", "R&D"}) stripped.remove(QLatin1String(symbol));
  return word.match(stripped).hasMatch();
}

TEST(Labels, CriteriaInChineseHaveLabelAndUnitWithoutEnglish) {
  EXPECT_EQ(criterionLabelWithUnit("distance_source", true), QStringLiteral("与转出地距离（公里）"));
  EXPECT_EQ(criterionLabelWithUnit("labour_pool", true), QStringLiteral("劳动力储备（万人）"));
  EXPECT_EQ(criterionLabelWithUnit("distance_source", false),
            QStringLiteral("Distance to the source cluster (km)"));
  EXPECT_EQ(criterionLabelWithUnit("field:land_price", true), QStringLiteral("工业用地价格（元/平方米）"));
  EXPECT_EQ(criterionLabel("field:my_index", true),
            QStringLiteral("属性 my_index"));  // the planner's field name
  EXPECT_EQ(criterionLabelWithUnit("industrial_base", true),
            QStringLiteral("产业基础（区位商）"));  // unit once
  EXPECT_EQ(criterionLabel("no_such_criterion", true), QStringLiteral("no_such_criterion"));
  for (const std::string& id : CriterionRegistry::instance().ids()) {
    if (id.rfind("field:", 0) == 0) continue;
    EXPECT_FALSE(hasLatinWord(criterionLabelWithUnit(id, true)))
        << id << ": " << criterionLabelWithUnit(id, true).toStdString();
  }
}

TEST(Labels, ValuesCarryTheirUnitInTheUiLanguage) {
  EXPECT_EQ(valueWithUnit(35.24, "km", true), QStringLiteral("35.2 公里"));
  EXPECT_EQ(valueWithUnit(35.24, "km", false), QStringLiteral("35.2 km"));
  EXPECT_EQ(valueWithUnit(1.184, "ratio", true), QStringLiteral("1.18×"));
  EXPECT_EQ(valueWithUnit(0.125, "share", true), QStringLiteral("12.5 %"));
  EXPECT_EQ(valueWithUnit(std::nan(""), "km", true), QStringLiteral("–"));
}

TEST(Labels, EveryComparisonColumnHasAChineseLabel) {
  for (const std::string& column : comparisonColumns()) {
    if (column == "class_en") continue;  // the English class name, not shown in a Chinese UI
    const QString zh = comparisonColumnLabel(column, true);
    EXPECT_NE(zh, QString::fromStdString(column)) << column;
    EXPECT_FALSE(hasLatinWord(zh)) << column << ": " << zh.toStdString();
    EXPECT_NE(comparisonColumnLabel(column, false), QString::fromStdString(column)) << column;
  }
  EXPECT_EQ(comparisonColumnLabel("vc_source_p05", true), QStringLiteral("转出地价值链升级（5 %分位）"));
  EXPECT_EQ(comparisonColumnLabel("d_p95", false),
            QStringLiteral("Coupling coordination D (95th percentile)"));
  EXPECT_EQ(comparisonColumnLabel("moved_output_yuan100m", true), QStringLiteral("转移产值（亿元）"));
}

TEST(Labels, ResultTablesAreNamedInTheUiLanguageAndFoundBack) {
  for (const char* table : {"candidate_scores", "transfer_flows", "regions", "catchments", "region_effects",
                            "effects_timeline", "coupling", "sensitive_zones"}) {
    const QString zh = resultTableLabel(table, true), en = resultTableLabel(table, false);
    EXPECT_FALSE(hasLatinWord(zh)) << table;
    EXPECT_NE(en, QLatin1String(table)) << table;
    EXPECT_EQ(resultTableOfLabel(zh), table);
    EXPECT_EQ(resultTableOfLabel(en), table);
    EXPECT_EQ(resultTableOfLabel(QLatin1String(table)), table);
  }
  EXPECT_EQ(resultTableLabel("candidate_scores", true), QStringLiteral("候选园区评分"));
  EXPECT_EQ(resultTableOfLabel(QStringLiteral("my parks")), "");
}

TEST(Labels, BilingualLegendTextsShowOneLanguage) {
  EXPECT_EQ(legendText(QStringLiteral("excluded / 已排除"), true), QStringLiteral("已排除"));
  EXPECT_EQ(legendText(QStringLiteral("excluded / 已排除"), false), QStringLiteral("excluded"));
  EXPECT_EQ(legendText(QStringLiteral("P(top-k): ring size / 稳健性"), true), QStringLiteral("稳健性"));
  EXPECT_EQ(legendText(QStringLiteral("0.21 – 0.37"), true), QStringLiteral("0.21 – 0.37"));
  EXPECT_EQ(legendText(QStringLiteral("A / B"), true), QStringLiteral("A / B"));  // not bilingual
  // A label already in one language (a project saved in the other UI language) is turned back.
  EXPECT_EQ(legendText(QStringLiteral("已排除"), false), QStringLiteral("excluded"));
  EXPECT_EQ(legendText(QStringLiteral("source region"), true), QStringLiteral("转出地区"));
  // Diagram categories of region_effects: two pairs in one text.
  EXPECT_EQ(legendText(QStringLiteral("primary / 第一产业 before / 转移前"), true),
            QStringLiteral("第一产业 转移前"));
  EXPECT_EQ(legendText(QStringLiteral("primary / 第一产业 before / 转移前"), false),
            QStringLiteral("primary before"));
  EXPECT_EQ(legendText(QStringLiteral("other regions / 其他地区"), true), QStringLiteral("其他地区"));
}

TEST(Labels, ExclusionReasonsInChineseWithUnitsAndNoEnglish) {
  // The run's wording (core/src/pipeline/run.cpp, criteria/land.cpp), as in a demo GeoPackage.
  const std::vector<std::string> ids{"land", "environment", "labour_cost"};
  EXPECT_EQ(exclusionText("land_raw 0.07 < min 1.00 (available 48.6 ha < needed 691.2 ha)", ids, true),
            QStringLiteral("土地供给 0.07×，低于下限 1.00×（可用土地 48.6 公顷，需要 691.2 公顷）"));
  EXPECT_EQ(exclusionText("environment_raw 1.00 > max 0.25", ids, true),
            QStringLiteral("生态敏感区占比 100.0 %，高于上限 25.0 %"));
  EXPECT_EQ(exclusionText("in the source region", ids, true),
            QStringLiteral("位于转出地（转移须离开转出地）"));
  const QString several = exclusionText("outside every region; labour_cost: missing value", ids, true);
  EXPECT_EQ(several, QStringLiteral("不在任何地区内\n劳动力成本优势：缺少数值"));
  EXPECT_EQ(exclusionText("land_raw 0.07 < min 1.00 (available 48.6 ha < needed 691.2 ha)", ids, false),
            QStringLiteral(
                "Land availability 0.07×, below the minimum 1.00× (48.6 ha available, 691.2 ha needed)"));
  EXPECT_EQ(exclusionText("", ids, true), QString());
}

// The parameters as a run uses them (given values and defaults alike) in the methods table and
// the dock: the declared labels and units of the language, an empty map left out, lists joined.
TEST(Labels, ParameterValuesWithTheirDeclaredLabelsAndUnits) {
  const std::unique_ptr<Criterion> travel = CriterionRegistry::instance().create("travel_time_source");
  EXPECT_EQ(
      paramValuesText(*travel, {{"default_speed_kmh", 50}}, false),
      QStringLiteral("Default road speed 50 km/h; Speed off the network 20 km/h; Farthest distance to a "
                     "road 10 km; Road-end snapping tolerance 1 m"));
  EXPECT_EQ(paramValuesText(*travel, {{"class_speeds_kmh", {{"motorway", 100}}}}, true),
            QStringLiteral("默认道路速度 60 公里/小时；路网外速度 20 公里/小时；距道路的最远距离 10 公里；"
                           "道路端点合并容差 1 米；分等级道路速度 motorway 100 公里/小时"));
  EXPECT_THROW(paramValuesText(*travel, {{"max_snap_km", -1}}, false), InputError);
  const std::unique_ptr<Criterion> pairing = CriterionRegistry::instance().create("pairing");
  EXPECT_EQ(paramValuesText(*pairing, {{"partners", {"321300", "341300"}}}, true),
            QStringLiteral("对口合作地区 321300，341300"));
}

}  // namespace
}  // namespace clustershift::layers
