#include "processing/project_effects_algorithm.h"

#include "clustershift/effects.h"
#include "clustershift/pipeline.h"
#include "clustershift_layers/layers.h"

#include <qgsprocessingoutputs.h>
#include <qgsprocessingparameters.h>
#include <qgsvectorlayer.h>

#include <memory>

namespace clustershift::processing {

namespace {
const QString kHost = QStringLiteral("HOST");
const QString kHostCount = QStringLiteral("HOST_COUNT");
const QString kOutput = QStringLiteral("OUTPUT");
const QString kTimeline = QStringLiteral("TIMELINE");
const QString kCoupling = QStringLiteral("COUPLING");
}  // namespace

QString ProjectEffectsAlgorithm::displayName() const { return tr("Project transfer effects"); }

QString ProjectEffectsAlgorithm::group() const { return tr("Site selection"); }

QString ProjectEffectsAlgorithm::shortHelpString() const {
  return tr(
      "Ranks the parks as 'Score candidate sites' does, then projects what the transfer does to "
      "the source and the host region(s): value chain, input-output multipliers, knowledge flow, "
      "structure indices (TS, ISU, Theil), the upgrading index U and the coupling coordination "
      "degree. HOST: 'best' (rank 1 park), 'allocate' (split over the top HOST_COUNT parks) or a "
      "park id; empty = the scenario's choice.");
}

void ProjectEffectsAlgorithm::initAlgorithm(const QVariantMap&) {
  addScenarioParameters();
  addParameter(new QgsProcessingParameterString(
      kHost, tr("Host (best | allocate | park id; empty = the scenario's)"), QVariant(), false, true));
  addParameter(new QgsProcessingParameterNumber(kHostCount, tr("Hosts when allocating (0 = the scenario's)"),
                                                QgsProcessingParameterNumber::Integer, 0, true, 0, 50));
  addParameter(
      new QgsProcessingParameterFeatureSink(kOutput, tr("Region effects"), QgsProcessing::TypeVectorPolygon));
  addParameter(
      new QgsProcessingParameterFeatureSink(kTimeline, tr("Effects timeline"), QgsProcessing::TypeVector));
  addParameter(new QgsProcessingParameterFeatureSink(kCoupling, tr("Coupling coordination"),
                                                     QgsProcessing::TypeVector));
  addOutput(new QgsProcessingOutputString(QStringLiteral("HOST_PARK"), tr("Host park id (first host)")));
}

QVariantMap ProjectEffectsAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                      QgsProcessingContext& context,
                                                      QgsProcessingFeedback* feedback) {
  return guarded([&] {
    nlohmann::json effects = nlohmann::json::object();
    if (const QString host = parameterAsString(parameters, kHost, context).trimmed(); !host.isEmpty())
      effects["host"] = host.toStdString();
    if (const int n = parameterAsInt(parameters, kHostCount, context); n > 0) effects["host_count"] = n;

    ProcessingFeedback fb(feedback);
    fb.setPhase(0.0, 0.2);
    PreparedRun prepared = prepareRun(parameters, context, fb, effects);
    const Inputs inputs = prepared.inputs;  // run() consumes its copy; the layers need the regions
    fb.setPhase(0.2, 0.9);
    Results results = clustershift::run(prepared.scenario, std::move(prepared.inputs), fb);
    fb.pushWarnings(results.warnings);
    if (!results.effects) {
      QString why = tr("no feasible host park");
      for (const Problem& p : results.warnings)
        if (p.where == "effects") why = QString::fromStdString(p.message);
      throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") +
                                   tr("effects not computed: %1").arg(why));
    }

    QVariantMap outputs;
    std::unique_ptr<QgsVectorLayer> regionEffects(layers::makeRegionEffectsLayer(inputs, results));
    outputs.insert(kOutput, copyToSink(parameters, kOutput, context, regionEffects.get(), feedback,
                                       &layers::styleRegionEffects));
    std::unique_ptr<QgsVectorLayer> timeline(layers::makeEffectsTimelineLayer(results));
    outputs.insert(kTimeline, copyToSink(parameters, kTimeline, context, timeline.get(), feedback));
    std::unique_ptr<QgsVectorLayer> coupling(layers::makeCouplingLayer(results));
    outputs.insert(kCoupling, copyToSink(parameters, kCoupling, context, coupling.get(), feedback));
    const QString host = results.effects->hosts.empty()
                             ? QString()
                             : QString::fromStdString(results.effects->hosts.front().parkId);
    outputs.insert(QStringLiteral("HOST_PARK"), host);
    for (const Coupling& c : results.effects->coupling)
      feedback->pushInfo(tr("%1 → %2: U source %3, U host %4, D %5 (%6)")
                             .arg(QString::fromStdString(c.sourceId), QString::fromStdString(c.hostId))
                             .arg(c.uSource, 0, 'f', 3)
                             .arg(c.uHost, 0, 'f', 3)
                             .arg(c.d, 0, 'f', 3)
                             .arg(QString::fromStdString(c.cls.labelEn)));
    return outputs;
  });
}

}  // namespace clustershift::processing
