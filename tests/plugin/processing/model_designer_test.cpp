// The algorithms chained in a Processing model, as the Model Designer builds one:
// scoresites (results folder) → printreport (its GEOPACKAGE output as RESULTS).
#include "processing_test_util.h"

#include <qgsprocessingmodelalgorithm.h>
#include <qgsprocessingmodelchildalgorithm.h>
#include <qgsprocessingmodelchildparametersource.h>

#include <QFile>
#include <QFileInfo>

namespace clustershift::processing::testing {
namespace {

using Source = QgsProcessingModelChildParameterSource;

TEST(ModelDesigner, ScoreSitesFeedsPrintReport) {
  ensureProvider();
  const QString dir = scratchDir(QStringLiteral("model"));
  const QString pdf = dir + QStringLiteral("/report.pdf");

  QgsProcessingModelAlgorithm model(QStringLiteral("clustershift_chain"), QStringLiteral("tests"));
  QgsProcessingModelChildAlgorithm score(QStringLiteral("clustershift:scoresites"));
  score.setChildId(QStringLiteral("score"));
  score.addParameterSources(QStringLiteral("REGIONS"),
                            {Source::fromStaticValue(sampleLayer(QStringLiteral("regions")))});
  score.addParameterSources(QStringLiteral("PARKS"),
                            {Source::fromStaticValue(sampleLayer(QStringLiteral("parks")))});
  score.addParameterSources(
      QStringLiteral("SCENARIO"),
      {Source::fromStaticValue(scenarioFile(QStringLiteral("guangzhou_leather_partial")))});
  score.addParameterSources(QStringLiteral("DRAWS"), {Source::fromStaticValue(0)});
  score.addParameterSources(QStringLiteral("OUTPUT_FOLDER"),
                            {Source::fromStaticValue(dir + QStringLiteral("/results"))});
  model.addChildAlgorithm(score);

  QgsProcessingModelChildAlgorithm report(QStringLiteral("clustershift:printreport"));
  report.setChildId(QStringLiteral("report"));
  report.addParameterSources(
      QStringLiteral("RESULTS"),
      {Source::fromChildOutput(QStringLiteral("score"), QStringLiteral("GEOPACKAGE"))});
  report.addParameterSources(QStringLiteral("LANGUAGE"), {Source::fromStaticValue(0)});  // zh_CN
  report.addParameterSources(QStringLiteral("TOP_N"), {Source::fromStaticValue(2)});
  report.addParameterSources(QStringLiteral("OUTPUT"), {Source::fromStaticValue(pdf)});
  model.addChildAlgorithm(report);
  EXPECT_TRUE(model.dependsOnChildAlgorithms(QStringLiteral("report")).contains(QStringLiteral("score")));

  QgsProcessingContext context;
  context.setProject(QgsProject::instance());
  RecordingFeedback feedback;
  bool ok = false;
  model.run(QVariantMap(), context, &feedback, &ok);
  ASSERT_TRUE(ok) << feedback.errors.join(QLatin1Char('\n')).toStdString();
  EXPECT_TRUE(QFileInfo(dir + QStringLiteral("/results/guangzhou_leather_partial.gpkg")).isFile());
  QFile file(pdf);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << pdf.toStdString();
  EXPECT_TRUE(file.read(5).startsWith("%PDF-"));
}

}  // namespace
}  // namespace clustershift::processing::testing
