#pragma once
// clustershift:scoresites — rank the candidate parks for a cluster transfer.
#include "processing/algorithm_support.h"

#include <memory>

namespace clustershift::processing {

/// Regions + parks (+ zones, roads) and a scenario file or preset → candidate_scores (score,
/// rank, status, reason, per-criterion raw/norm/contrib, robustness) as a sink; optionally the
/// full results folder (GeoPackage with styles, project; PDFs when asked) via writeOutputs.
class ScoreSitesAlgorithm : public AlgorithmBase {
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)  // the plugin translations context (plugin/i18n)

 public:
  QString name() const override { return QStringLiteral("scoresites"); }
  QString displayName() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("siteselection"); }
  QString shortHelpString() const override;
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;
  // Runs in Processing's background thread (the toolbox stays responsive, with progress and
  // cancel): the layers and the project's saved scenario are read in prepareAlgorithm (main
  // thread); the run and the results folder (GeoPackage, project, PDFs as the dock's tasks write
  // them) in processAlgorithm, so that any write failure fails the algorithm (an exception in
  // postProcessAlgorithm is only logged by QGIS, which then reports success). A cancelled run
  // leaves an earlier results folder as it was (layers::writeOutputs publishes atomically).

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new ScoreSitesAlgorithm(); }
  bool prepareAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                        QgsProcessingFeedback* feedback) override;
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
  QVariantMap postProcessAlgorithm(QgsProcessingContext& context, QgsProcessingFeedback* feedback) override;

 private:
  /// Read on the main thread by prepareAlgorithm; its layers are released there too.
  std::unique_ptr<PreparedRun> m_prepared;
};

}  // namespace clustershift::processing
