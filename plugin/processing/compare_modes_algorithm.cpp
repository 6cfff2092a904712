#include "processing/compare_modes_algorithm.h"

#include "clustershift/effects.h"
#include "clustershift/pipeline.h"

#include <qgsfeaturesink.h>
#include <qgsprocessingparameters.h>

#include <memory>

namespace clustershift::processing {

namespace {
const QString kOutput = QStringLiteral("OUTPUT");
const QString kOutputCsv = QStringLiteral("OUTPUT_CSV");

bool isNumber(const std::string& text) {
  if (text.empty()) return true;  // empty cell: NULL in a numeric column
  bool ok = false;
  QString::fromStdString(text).toDouble(&ok);
  return ok;
}
}  // namespace

QString CompareModesAlgorithm::displayName() const { return tr("Compare transfer modes"); }

QString CompareModesAlgorithm::group() const { return tr("Site selection"); }

QString CompareModesAlgorithm::shortHelpString() const {
  return tr(
      "Projects the transfer effects of the scenario's cluster, source and host choice under all "
      "three modes (complete, partial, replication) and returns them side by side: moved output, "
      "jobs, multipliers, knowledge flow and the change of the structure indices at source and host.");
}

void CompareModesAlgorithm::initAlgorithm(const QVariantMap&) {
  addScenarioParameters();
  addParameter(
      new QgsProcessingParameterFeatureSink(kOutput, tr("Mode comparison"), QgsProcessing::TypeVector));
  addParameter(new QgsProcessingParameterFileDestination(kOutputCsv, tr("Comparison CSV"),
                                                         tr("CSV files (*.csv)"), QVariant(), true, false));
}

QVariantMap CompareModesAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                    QgsProcessingContext& context,
                                                    QgsProcessingFeedback* feedback) {
  return guarded([&] {
    ProcessingFeedback fb(feedback);
    fb.setPhase(0.0, 0.2);
    PreparedRun prepared = prepareRun(parameters, context, fb);
    const Inputs inputs = prepared.inputs;  // run() consumes its copy
    fb.setPhase(0.2, 0.7);
    const Results ranking = clustershift::run(prepared.scenario, std::move(prepared.inputs), fb);
    fb.pushWarnings(ranking.warnings);
    fb.setPhase(0.7, 1.0);
    const ModeComparison comparison = compareModes(prepared.scenario, inputs, ranking, fb);

    const std::vector<std::string>& columns = comparisonColumns();
    const std::vector<std::vector<std::string>> rows = comparisonRows(comparison);
    QgsFields fields;
    std::vector<bool> numeric(columns.size(), true);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      for (const auto& row : rows) numeric[c] = numeric[c] && c < row.size() && isNumber(row[c]);
      fields.append(
          QgsField(QString::fromStdString(columns[c]), numeric[c] ? QVariant::Double : QVariant::String));
    }
    QString destination;
    std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(parameters, kOutput, context, destination, fields,
                                                         QgsWkbTypes::NoGeometry,
                                                         QgsCoordinateReferenceSystem()));
    if (!sink) throw QgsProcessingException(invalidSinkError(parameters, kOutput));
    for (const auto& row : rows) {
      QgsFeature f(fields);
      QgsAttributes attributes;
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const QString cell = c < row.size() ? QString::fromStdString(row[c]) : QString();
        if (numeric[c])
          attributes << (cell.isEmpty() ? QVariant() : QVariant(cell.toDouble()));
        else
          attributes << QVariant(cell);
      }
      f.setAttributes(attributes);
      if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
        throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") + kOutput + QStringLiteral(": ") +
                                     tr("cannot write a row (%1)").arg(sink->lastError()));
    }
    QVariantMap outputs;
    outputs.insert(kOutput, destination);
    const QString csv = parameterAsFileOutput(parameters, kOutputCsv, context);
    if (!csv.isEmpty()) {
      writeComparisonCsv(csv.toUtf8().toStdString(), comparison);
      outputs.insert(kOutputCsv, csv);
    }
    feedback->pushInfo(QString::fromStdString(comparisonTable(comparison)));
    return outputs;
  });
}

}  // namespace clustershift::processing
