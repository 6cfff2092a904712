// layers::problemText: the core's problems (codes and values) worded in the UI language. The
// problems come from the real readers and validate() over QGIS layers, as the Data tab gets them;
// English stays the core's (and the CLI's) exact wording.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "clustershift/auxiliary_data.h"
#include "clustershift/criterion.h"
#include "clustershift/pipeline.h"
#include "clustershift/scenario.h"
#include "clustershift_layers/labels.h"

#include <gtest/gtest.h>

#include <qgsfeature.h>
#include <qgsgeometry.h>
#include <qgsvectordataprovider.h>
#include <qgsvectorlayer.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <set>
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
      for (const QString& text : {paramLabel(spec, true), paramDescription(spec, true),
                                  paramRange(spec, true), unitLabel(spec.unit, true)})
        EXPECT_FALSE(latin.match(QString(text).remove(QStringLiteral("GDP"))).hasMatch())
            << id << "/" << spec.name << ": " << text.toStdString();
      EXPECT_EQ(paramDescription(spec, false).toStdString(), spec.doc);
    }
  }
  const std::unique_ptr<Criterion> pool = CriterionRegistry::instance().create("labour_pool");
  const ParamSpec radius = pool->parameters().front();
  EXPECT_EQ(paramLabel(radius, true), QStringLiteral("腹地半径"));
  EXPECT_EQ(paramRange(radius, true), QStringLiteral("大于 0 公里"));
  EXPECT_EQ(paramRange(radius, false), QStringLiteral("> 0"));
}

}  // namespace
}  // namespace clustershift::layers

namespace clustershift::layers {
namespace {

// Latin words left in a Chinese text after removing what may stay: symbols and abbreviations the
// UI keeps (GDP, AHP, JSON, …) and the ids a test typed (`kept`).
QStringList englishWords(QString text, const QStringList& kept = {}) {
  for (const QString& k : kept) text.remove(k);
  static const QRegularExpression allowed(QStringLiteral("GDP|AHP|JSON|UTF|PG|PostgreSQL"));
  text.remove(allowed);
  QStringList words;
  static const QRegularExpression latin(QStringLiteral("[A-Za-z]{2,}"));
  for (auto it = latin.globalMatch(text); it.hasNext();) words << it.next().captured(0);
  return words;
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
  const QString path = dir.filePath(name);
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(text);
  return path;
}

TEST(ProblemText, EveryCodeInTheArchitectureTableHasAChineseWording) {
  // docs/architecture.md, "Problem codes": the codes the core makes, one table (first column).
  QFile doc(QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/docs/architecture.md"));
  ASSERT_TRUE(doc.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(doc.readAll());
  const int start = text.indexOf(QStringLiteral("## Problem codes"));
  ASSERT_GE(start, 0);
  const QString section = text.mid(start, text.indexOf(QStringLiteral("\n## "), start + 5) - start);
  static const QRegularExpression code(QStringLiteral("`([a-z0-9_]+)(\\[_([a-z_]+)\\])?`"));
  QStringList codes;
  for (const QString& line : section.split(QLatin1Char('\n'))) {
    if (!line.startsWith(QStringLiteral("| `"))) continue;
    const QString first = line.section(QLatin1Char('|'), 1, 1);
    for (auto it = code.globalMatch(first); it.hasNext();) {
      const QRegularExpressionMatch m = it.next();
      codes << m.captured(1);
      if (m.capturedLength(3)) codes << m.captured(1) + QLatin1Char('_') + m.captured(3);
    }
  }
  EXPECT_GT(codes.size(), 140) << "the table lists every code";
  for (const QString& c : codes) EXPECT_TRUE(hasChineseWording(c.toStdString())) << c.toStdString();
}

TEST(ProblemText, BrokenScenarioFileWordedInChineseWithPlacesInWords) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("broken.json"), R"({
    "version": 2,
    "name": "broken",
    "data": {"regions": {"path": "regions.gpkg"}, "parks": {"layer": "parks"}},
    "cluster": {"preset": "footwear"},
    "source": {"region": "330300", "lon": 200},
    "mode": "complete",
    "moved_segments": ["assembly"],
    "criteria": [{"id": "labour_cost", "weight": -1}, {"id": "no_such", "weight": 1},
                 {"id": "land", "weight": 0.5, "enabled": "yes"}],
    "weighting": {"method": "ahp"},
    "report": {"top_n": 0},
    "colour": "red"
  })");
  std::vector<Problem> problems;
  try {
    loadScenario(path.toStdString());
    FAIL() << "a broken scenario loaded";
  } catch (const ValidationError& e) {
    problems = e.problems();
  }
  ASSERT_GE(problems.size(), 10u);
  std::map<std::string, QString> zh;
  for (const Problem& p : problems) {
    EXPECT_FALSE(p.code.empty()) << "no code: " << p.text();
    EXPECT_TRUE(hasChineseWording(p.code)) << p.code;
    const QString text = problemText(p, true);
    zh[p.where] = text;
    // Only what the file's author typed stays: the unknown key, the unknown criterion id, literals
    // (true, false), and the keys a scenario may have, listed after an unknown one.
    QString words = text;
    if (p.code == "unknown_key") words.remove(QRegularExpression(QStringLiteral("（可用：.*）")));
    EXPECT_TRUE(
        englishWords(words, {QStringLiteral("colour"), QStringLiteral("no_such"), QStringLiteral("yes"),
                             QStringLiteral("broken.json"), QStringLiteral("assembly"),
                             QStringLiteral("true"), QStringLiteral("false")})
            .isEmpty())
        << text.toStdString();
    EXPECT_EQ(problemText(p, false).toStdString(), p.text());  // English: the CLI's words, unchanged
  }
  EXPECT_EQ(zh["source.lon"], QStringLiteral("转出地 › 经度：取值应在 [-180, 180] 范围内，实际为 200"));
  EXPECT_EQ(zh["source"], QStringLiteral("转出地：经度和纬度须同时给出，或都不给"));
  EXPECT_EQ(zh["criteria[0].weight"], QStringLiteral("第 1 项评价指标 › 权重：取值应不小于 0，实际为 -1"));
  EXPECT_EQ(zh["criteria[2].enabled"],
            QStringLiteral("第 3 项评价指标 › 启用：应为逻辑值 true 或 false，实际为 \"yes\""));
  EXPECT_TRUE(
      zh["criteria[1].id"].startsWith(QStringLiteral("第 2 项评价指标：未知的评价指标“no_such”（可用：")))
      << zh["criteria[1].id"].toStdString();
  EXPECT_TRUE(zh["criteria[1].id"].contains(criterionLabel("labour_cost", true)));
  EXPECT_EQ(zh["version"], QStringLiteral("版本：不支持的情景文件版本 2（本程序读取版本 1）"));
  EXPECT_EQ(zh["moved_segments"],
            QStringLiteral("转移环节：仅在转移模式为“部分转移”时可用（当前为“整体转移”）"));
  EXPECT_EQ(zh["weighting.matrix"],
            QStringLiteral("判断矩阵：赋权方法为层次分析法（AHP）时必须给出判断矩阵"));
  EXPECT_EQ(zh["report.top_n"], QStringLiteral("报告 › 前 N 名：取值应在 [1, 1000] 范围内"));
  EXPECT_TRUE(zh["data.parks.path"].startsWith(QStringLiteral("数据 › 园区图层 › 路径：缺少数据源")))
      << zh["data.parks.path"].toStdString();
  EXPECT_TRUE(zh["colour"].startsWith(QStringLiteral("colour：未知的键（可用：")));
}

TEST(ProblemText, ErrorsReadingAFileWordedInChinese) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = writeFile(dir, QStringLiteral("bad.json"), "{\n  \"version\": 1,\n  \"name\": }\n");
  auto caught = [](const QString& file) -> QString {
    try {
      loadScenario(file.toStdString());
    } catch (const ValidationError& e) {
      return QStringLiteral("validation");
    } catch (const std::exception& e) {
      EXPECT_NE(dynamic_cast<const Error*>(&e), nullptr);
      EXPECT_EQ(errorText(e, false), QString::fromUtf8(e.what()));
      return errorText(e, true);
    }
    return {};
  };
  EXPECT_EQ(caught(path), path + QStringLiteral("：不是有效的 JSON（第 3 行第 11 列有语法错误）"));
  EXPECT_EQ(caught(dir.path()), dir.path() + QStringLiteral("：是文件夹，不是情景文件（请选择 .json 文件）"));
  EXPECT_EQ(caught(dir.filePath(QStringLiteral("none.json"))),
            dir.filePath(QStringLiteral("none.json")) + QStringLiteral("：无法打开读取"));
  // A plain std::exception: its own text.
  EXPECT_EQ(errorText(std::runtime_error("plain"), true), QStringLiteral("plain"));
}

TEST(ProblemText, TableProblemsWordedInChineseWithFileRowAndColumnKept) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString csv = writeFile(dir, QStringLiteral("output.csv"),
                                "region_id,footwear,leather\n330300,1.5,abc\n330300,2,3\n330400,-1\n");
  Scenario scenario;
  scenario.data.industryOutput = DataSource{};
  scenario.data.industryOutput->path = csv.toStdString();
  Inputs inputs;
  loadAuxiliaryData(scenario, inputs);
  std::set<std::string> codes;
  for (const Problem& p : inputs.problems) {
    codes.insert(p.code);
    EXPECT_TRUE(hasChineseWording(p.code)) << p.text();
    const QString text = problemText(p, true);
    EXPECT_TRUE(englishWords(text, {csv, QFileInfo(csv).fileName(), QStringLiteral("footwear"),
                                    QStringLiteral("leather"), QStringLiteral("abc")})
                    .isEmpty())
        << text.toStdString();
  }
  EXPECT_TRUE(codes.count("row_missing_cells")) << inputs.problems.size();
  EXPECT_TRUE(codes.count("duplicate_row_id"));
  EXPECT_TRUE(codes.count("not_a_number"));
  // A source that is not there: the scenario key and the file named, in words.
  Scenario missing;
  missing.data.ioTable = DataSource{};
  missing.data.ioTable->path = dir.filePath(QStringLiteral("none.csv")).toStdString();
  Inputs none;
  loadAuxiliaryData(missing, none);
  ASSERT_EQ(none.problems.size(), 1u);
  EXPECT_EQ(none.problems[0].code, "file_not_found");
  EXPECT_EQ(problemText(none.problems[0], true),
            QStringLiteral("数据 › 投入产出表 › 路径“%1”：投入产出表：%1：找不到文件")
                .arg(dir.filePath(QStringLiteral("none.csv"))));
}

TEST(ProblemText, CriterionOptionProblemsByLabelWithRangeAndUnit) {
  const std::unique_ptr<Criterion> pool = CriterionRegistry::instance().create("labour_pool");
  const nlohmann::json params = {{"radius_km", 0}, {"bogus", 1}};
  const std::vector<std::string> english = paramProblems(*pool, params);
  ASSERT_EQ(english.size(), 2u);
  Scenario scenario;
  Inputs inputs;
  Feedback feedback;
  const CriterionContext context{scenario, inputs, -1, kNaN, kNaN, feedback};
  std::vector<Problem> coded;
  for (const Problem& p : checkCriterion(*pool, context, params))
    if (p.code.rfind("param", 0) == 0) coded.push_back(p);
  ASSERT_EQ(coded.size(), 2u);
  // The coded problems say in English exactly what paramProblems() says (what the CLI prints).
  std::vector<std::string> texts;
  for (const Problem& p : coded) texts.push_back(p.text());
  std::sort(texts.begin(), texts.end());
  std::vector<std::string> expected = english;
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(texts, expected);
  std::map<std::string, QString> zh;
  for (const Problem& p : coded) zh[p.code] = problemText(p, true);
  const QString label = criterionLabel("labour_pool", true);
  EXPECT_EQ(zh["param_out_of_range"], label + QStringLiteral("：选项“腹地半径”应大于 0 公里，实际为 0"));
  EXPECT_TRUE(zh["param_unknown"].startsWith(label + QStringLiteral("：未知的选项“bogus”（可用：腹地半径、")))
      << zh["param_unknown"].toStdString();
  EXPECT_TRUE(englishWords(zh["param_unknown"], {QStringLiteral("bogus")}).isEmpty())
      << zh["param_unknown"].toStdString();
}

}  // namespace
}  // namespace clustershift::layers
