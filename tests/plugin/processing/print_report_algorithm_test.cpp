// clustershift:printreport over a results GeoPackage written by scoresites.
#include "processing_test_util.h"

#include <QFile>
#include <QFileInfo>

namespace clustershift::processing::testing {
namespace {

TEST(PrintReport, PdfFromTheScoreSitesResultsFolder) {
  QVariantMap p = scenarioParameters(QStringLiteral("wenzhou_footwear_complete"));
  const QString dir = scratchDir(QStringLiteral("print_report"));
  p.insert(QStringLiteral("OUTPUT_FOLDER"), dir);
  const AlgorithmRun scores = runAlgorithm(QStringLiteral("clustershift:scoresites"), p);
  ASSERT_TRUE(scores.ok) << scores.error.toStdString();
  const QString gpkg = scores.outputs.value(QStringLiteral("GEOPACKAGE")).toString();
  ASSERT_TRUE(QFileInfo(gpkg).isFile());

  QVariantMap r;
  r.insert(QStringLiteral("RESULTS"), gpkg);
  r.insert(QStringLiteral("LANGUAGE"), 1);  // en
  r.insert(QStringLiteral("PAPER"), 0);     // A4
  r.insert(QStringLiteral("TOP_N"), 2);
  r.insert(QStringLiteral("AUTHOR"), QStringLiteral("Processing test"));
  const QString pdf = dir + QStringLiteral("/report_en.pdf");
  r.insert(QStringLiteral("OUTPUT"), pdf);
  const AlgorithmRun run = runAlgorithm(QStringLiteral("clustershift:printreport"), r);
  ASSERT_TRUE(run.ok) << run.error.toStdString();
  EXPECT_EQ(run.outputs.value(QStringLiteral("OUTPUT")).toString(), pdf);
  EXPECT_GE(run.outputs.value(QStringLiteral("PAGES")).toInt(), 3);  // overview + 2 candidate pages at least
  QFile file(pdf);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  EXPECT_TRUE(file.read(5).startsWith("%PDF-"));
}

TEST(PrintReport, MissingResultsFileIsNamed) {
  QVariantMap r;
  const QString missing = scratchDir(QStringLiteral("print_missing")) + QStringLiteral("/nothing.gpkg");
  r.insert(QStringLiteral("RESULTS"), missing);
  r.insert(QStringLiteral("OUTPUT"),
           scratchDir(QStringLiteral("print_missing_out")) + QStringLiteral("/r.pdf"));
  const AlgorithmRun run = runAlgorithm(QStringLiteral("clustershift:printreport"), r);
  EXPECT_FALSE(run.ok);
  EXPECT_TRUE(run.error.contains(QStringLiteral("RESULTS"))) << run.error.toStdString();
  EXPECT_TRUE(run.error.contains(QStringLiteral("nothing.gpkg"))) << run.error.toStdString();
}

}  // namespace
}  // namespace clustershift::processing::testing
