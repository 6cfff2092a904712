#include "processing/score_sites_algorithm.h"

#include "clustershift/pipeline.h"
#include "clustershift/postgres_output.h"
#include "clustershift_layers/layers.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsvectorlayer.h>

#include <QTemporaryDir>

#include <memory>
#include <optional>

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
      "source region; without either, the scenario saved in the project by the ClusterShift panel "
      "is used. The other parameters override the scenario. OUTPUT holds every park with "
      "score, rank, status (ok | excluded), the reason of an exclusion and each criterion's raw "
      "value, normalised value and contribution. OUTPUT_FOLDER (optional) receives the results "
      "GeoPackage with styles and a QGIS project, the input of 'Print report'. OUTPUT_DB and "
      "OUTPUT_SCHEMA (optional) also write the result layers, tables and styles into a PostgreSQL/"
      "PostGIS schema in one transaction (credentials from pg_service.conf, .pgpass or PGPASSWORD). "
      "A failed write fails the algorithm and leaves earlier results as they were.");
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

bool ScoreSitesAlgorithm::prepareAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                                           QgsProcessingFeedback* feedback) {
  // Main thread: layer providers and the project are not thread safe.
  guarded([&] {
    ProcessingFeedback fb(feedback);
    fb.setPhase(0.0, 0.2);
    m_prepared = std::make_unique<PreparedRun>(prepareRun(parameters, context, fb));
    return QVariantMap();
  });
  return true;
}

QVariantMap ScoreSitesAlgorithm::postProcessAlgorithm(QgsProcessingContext&, QgsProcessingFeedback*) {
  m_prepared.reset();  // the materialised layers belong to the main thread
  return {};
}

QVariantMap ScoreSitesAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                  QgsProcessingContext& context,
                                                  QgsProcessingFeedback* feedback) {
  return guarded([&] {
    if (!m_prepared) throw QgsProcessingException(qualifiedName() + QStringLiteral(": not prepared"));
    ProcessingFeedback fb(feedback);
    PreparedRun& prepared = *m_prepared;
    fb.checkCanceled();
    const QString outputFolder = parameterAsString(parameters, kOutputFolder, context).trimmed();
    const bool reports = parameterAsBoolean(parameters, kReports, context);
    const QString outputDb = parameterAsString(parameters, kOutputDb, context).trimmed();
    const QString outputSchema = parameterAsString(parameters, kOutputSchema, context).trimmed();
    if (!outputDb.isEmpty() && outputSchema.isEmpty()) fail(kOutputSchema, tr("required with OUTPUT_DB"));
    if (outputDb.isEmpty() && !outputSchema.isEmpty()) fail(kOutputDb, tr("required with OUTPUT_SCHEMA"));
    const bool writesResults = !outputFolder.isEmpty() || !outputDb.isEmpty();
    std::optional<Inputs> inputs;
    if (writesResults) inputs = prepared.inputs;  // run() consumes its copy
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
    if (!writesResults) return outputs;

    // The results folder and the database: a failure here throws, and the algorithm fails.
    fb.setPhase(0.8, 1.0);
    const QStringList languages =
        reports ? QStringList{QStringLiteral("zh_CN"), QStringLiteral("en")} : QStringList{};
    // Database only: the GeoPackage is the way into the database, written to a temporary folder.
    QTemporaryDir staging;
    const bool filesWanted = !outputFolder.isEmpty();
    if (!filesWanted && !staging.isValid())
      throw IoError("cannot create a temporary folder for the database export");
    const layers::OutputPaths paths =
        layers::writeOutputs(*inputs, results, filesWanted ? outputFolder : staging.path(),
                             filesWanted ? languages : QStringList(), fb);
    if (filesWanted) {
      outputs.insert(kOutputFolder, outputFolder);
      outputs.insert(QStringLiteral("GEOPACKAGE"), paths.geopackage);
      outputs.insert(QStringLiteral("PROJECT"), paths.project);
      feedback->pushInfo(tr("Results written to %1").arg(paths.geopackage));
    }
    if (!outputDb.isEmpty()) {
      const std::vector<PublishedTable> tables = publishResultsToPostgres(
          paths.geopackage.toStdString(), outputDb.toStdString(), outputSchema.toStdString());
      feedback->pushInfo(
          tr("Results written to %1, schema %2 (%n table(s))", nullptr, static_cast<int>(tables.size()))
              .arg(outputDb, outputSchema));
    }
    return outputs;
  });
}

}  // namespace clustershift::processing
