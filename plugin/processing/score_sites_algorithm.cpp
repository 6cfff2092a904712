#include "processing/score_sites_algorithm.h"

#include "clustershift/pipeline.h"
#include "clustershift/postgres_output.h"
#include "clustershift_layers/layers.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsvectorlayer.h>

#include <QTemporaryDir>

#include <memory>

namespace clustershift::processing {

namespace {
const QString kOutput = QStringLiteral("OUTPUT");
const QString kOutputFolder = QStringLiteral("OUTPUT_FOLDER");
const QString kReports = QStringLiteral("WRITE_REPORTS");
const QString kOutputDb = QStringLiteral("OUTPUT_DB");
const QString kOutputSchema = QStringLiteral("OUTPUT_SCHEMA");
}  // namespace

QString ScoreSitesAlgorithm::displayName() const { return tr("Score candidate sites"); }

QString ScoreSitesAlgorithm::group() const { return tr("Site selection"); }

QString ScoreSitesAlgorithm::shortHelpString() const {
  return tr(
      "Ranks the industrial parks as hosts of a cluster moving out of the source region "
      "(multi-criteria decision analysis). Give a scenario file, or a cluster preset and the "
      "source region; the other parameters override the scenario. OUTPUT holds every park with "
      "score, rank, status (ok | excluded), the reason of an exclusion and each criterion's raw "
      "value, normalised value and contribution. OUTPUT_FOLDER (optional) receives the results "
      "GeoPackage with styles and a QGIS project, the input of 'Print report'. OUTPUT_DB and "
      "OUTPUT_SCHEMA (optional) also write the result layers, tables and styles into a PostgreSQL/"
      "PostGIS schema in one transaction (credentials from pg_service.conf, .pgpass or PGPASSWORD).");
}

void ScoreSitesAlgorithm::initAlgorithm(const QVariantMap&) {
  addScenarioParameters();
  addParameter(
      new QgsProcessingParameterFeatureSink(kOutput, tr("Candidate scores"), QgsProcessing::TypeVectorPoint));
  addParameter(new QgsProcessingParameterFolderDestination(
      kOutputFolder, tr("Results folder (GeoPackage, styles, project)"), QVariant(), true, false));
  addParameter(new QgsProcessingParameterBoolean(
      kReports, tr("Also write the PDF reports (zh_CN, en) into the results folder"), false, true));
  addParameter(new QgsProcessingParameterString(
      kOutputDb, tr("PostgreSQL database for the results (e.g. PG:service=planning; no password)"),
      QVariant(), false, true));
  addParameter(new QgsProcessingParameterString(kOutputSchema, tr("Schema for the results in the database"),
                                                QVariant(), false, true));
  addOutput(new QgsProcessingOutputString(QStringLiteral("TOP_PARK"), tr("Rank 1 park id")));
  addOutput(new QgsProcessingOutputNumber(QStringLiteral("FEASIBLE"), tr("Number of feasible parks")));
  addOutput(new QgsProcessingOutputFile(QStringLiteral("GEOPACKAGE"), tr("Results GeoPackage")));
  addOutput(new QgsProcessingOutputFile(QStringLiteral("PROJECT"), tr("Results project")));
}

QVariantMap ScoreSitesAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                  QgsProcessingContext& context,
                                                  QgsProcessingFeedback* feedback) {
  return guarded([&] {
    ProcessingFeedback fb(feedback);
    fb.setPhase(0.0, 0.2);
    PreparedRun prepared = prepareRun(parameters, context, fb);
    m_outputFolder = parameterAsString(parameters, kOutputFolder, context).trimmed();
    m_reports = parameterAsBoolean(parameters, kReports, context);
    m_outputDb = parameterAsString(parameters, kOutputDb, context).trimmed();
    m_outputSchema = parameterAsString(parameters, kOutputSchema, context).trimmed();
    if (!m_outputDb.isEmpty() && m_outputSchema.isEmpty()) fail(kOutputSchema, tr("required with OUTPUT_DB"));
    if (m_outputDb.isEmpty() && !m_outputSchema.isEmpty()) fail(kOutputDb, tr("required with OUTPUT_SCHEMA"));
    const bool writesResults = !m_outputFolder.isEmpty() || !m_outputDb.isEmpty();
    if (writesResults) m_inputs = prepared.inputs;  // run() consumes its copy
    fb.setPhase(0.2, writesResults ? 0.8 : 1.0);
    Results results = clustershift::run(prepared.scenario, std::move(prepared.inputs), fb);
    fb.pushWarnings(results.warnings);

    std::unique_ptr<QgsVectorLayer> layer(layers::makeCandidateLayer(results));
    QVariantMap outputs;
    outputs.insert(kOutput,
                   copyToSink(parameters, kOutput, context, layer.get(), feedback, &layers::styleCandidates));
    int feasible = 0;
    for (const ParkResult& p : results.parks) feasible += p.status == "ok" ? 1 : 0;
    const std::vector<int> order = results.ranking();
    const bool hasTop =
        !order.empty() && results.parks[static_cast<std::size_t>(order.front())].status == "ok";
    const QString top =
        hasTop ? QString::fromStdString(results.parks[static_cast<std::size_t>(order.front())].id)
               : QString();
    outputs.insert(QStringLiteral("TOP_PARK"), top);
    outputs.insert(QStringLiteral("FEASIBLE"), feasible);
    feedback->pushInfo(tr("%1 of %2 parks feasible; rank 1: %3")
                           .arg(feasible)
                           .arg(results.parks.size())
                           .arg(hasTop ? top : tr("none")));
    if (writesResults) m_results = std::move(results);
    m_outputs = outputs;
    return outputs;
  });
}

QVariantMap ScoreSitesAlgorithm::postProcessAlgorithm(QgsProcessingContext&,
                                                      QgsProcessingFeedback* feedback) {
  if (!m_results || !m_inputs) return m_outputs;
  return guarded([&] {
    ProcessingFeedback fb(feedback);
    fb.setPhase(0.8, 1.0);
    const QStringList languages =
        m_reports ? QStringList{QStringLiteral("zh_CN"), QStringLiteral("en")} : QStringList{};
    // Database only: the GeoPackage is the way into the database, written to a temporary folder.
    QTemporaryDir staging;
    const bool filesWanted = !m_outputFolder.isEmpty();
    if (!filesWanted && !staging.isValid())
      throw IoError("cannot create a temporary folder for the database export");
    const layers::OutputPaths paths =
        layers::writeOutputs(*m_inputs, *m_results, filesWanted ? m_outputFolder : staging.path(),
                             filesWanted ? languages : QStringList(), fb);
    QVariantMap outputs = m_outputs;
    if (filesWanted) {
      outputs.insert(kOutputFolder, m_outputFolder);
      outputs.insert(QStringLiteral("GEOPACKAGE"), paths.geopackage);
      outputs.insert(QStringLiteral("PROJECT"), paths.project);
      feedback->pushInfo(tr("Results written to %1").arg(paths.geopackage));
    }
    if (!m_outputDb.isEmpty()) {
      const std::vector<PublishedTable> tables = publishResultsToPostgres(
          paths.geopackage.toStdString(), m_outputDb.toStdString(), m_outputSchema.toStdString());
      feedback->pushInfo(
          tr("Results written to %1, schema %2 (%n table(s))", nullptr, static_cast<int>(tables.size()))
              .arg(m_outputDb, m_outputSchema));
    }
    m_results.reset();
    m_inputs.reset();
    return outputs;
  });
}

}  // namespace clustershift::processing
