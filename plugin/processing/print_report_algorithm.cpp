#include "processing/print_report_algorithm.h"

#include "clustershift_layers/layers.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>

#include <QFileInfo>

namespace clustershift::processing {

namespace {
const QString kResults = QStringLiteral("RESULTS");
const QString kLanguage = QStringLiteral("LANGUAGE");
const QString kPaper = QStringLiteral("PAPER");
const QString kTopN = QStringLiteral("TOP_N");
const QString kAuthor = QStringLiteral("AUTHOR");
const QString kOutput = QStringLiteral("OUTPUT");
const QStringList kLanguages = {QStringLiteral("zh_CN"), QStringLiteral("en")};
const QStringList kPapers = {QStringLiteral("A4"), QStringLiteral("A3")};
}  // namespace

QString PrintReportAlgorithm::displayName() const { return tr("Print report"); }

QString PrintReportAlgorithm::group() const { return tr("Report"); }

QString PrintReportAlgorithm::shortHelpString() const {
  return tr(
      "Prints the planning report (overview map, candidate pages for the top N parks, effects, "
      "mode comparison, methods) of a results GeoPackage as one PDF, in Chinese or English, on A4 "
      "or A3 landscape. The GeoPackage comes from 'Score candidate sites' (results folder), the "
      "plugin or `clustershift run`.");
}

void PrintReportAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFile(kResults, tr("Results GeoPackage"),
                                              QgsProcessingParameterFile::File, QStringLiteral("gpkg"),
                                              QVariant(), false, tr("GeoPackage (*.gpkg)")));
  addParameter(new QgsProcessingParameterEnum(kLanguage, tr("Language"), kLanguages, false, 0, false));
  addParameter(new QgsProcessingParameterEnum(kPaper, tr("Paper (landscape)"), kPapers, false, 0, false));
  addParameter(new QgsProcessingParameterNumber(kTopN, tr("Candidate pages (top N parks)"),
                                                QgsProcessingParameterNumber::Integer, 5, false, 1, 50));
  addParameter(new QgsProcessingParameterString(kAuthor, tr("Author"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterFileDestination(kOutput, tr("Report PDF"), tr("PDF files (*.pdf)")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("PAGES"), tr("Pages")));
}

QVariantMap PrintReportAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                   QgsProcessingContext& context,
                                                   QgsProcessingFeedback* feedback) {
  return guarded([&] {
    const QString gpkg = parameterAsFile(parameters, kResults, context);
    if (!QFileInfo(gpkg).isFile()) fail(kResults, tr("file '%1' not found").arg(gpkg));
    layers::ReportOptions options;
    options.language = kLanguages.value(parameterAsEnum(parameters, kLanguage, context), kLanguages.front());
    options.paper = kPapers.value(parameterAsEnum(parameters, kPaper, context), kPapers.front());
    options.topN = parameterAsInt(parameters, kTopN, context);
    options.author = parameterAsString(parameters, kAuthor, context);
    const QString pdf = parameterAsFileOutput(parameters, kOutput, context);
    if (pdf.isEmpty()) fail(kOutput, tr("no output file given"));
    ProcessingFeedback fb(feedback);
    const int pages =
        layers::exportReportFromGeoPackage(QFileInfo(gpkg).absoluteFilePath(), pdf, options, fb);
    feedback->pushInfo(tr("%1 pages written to %2").arg(pages).arg(pdf));
    QVariantMap outputs;
    outputs.insert(kOutput, pdf);
    outputs.insert(QStringLiteral("PAGES"), pages);
    return outputs;
  });
}

}  // namespace clustershift::processing
