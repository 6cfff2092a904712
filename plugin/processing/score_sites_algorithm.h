#pragma once
// clustershift:scoresites — rank the candidate parks for a cluster transfer.
#include "processing/algorithm_support.h"

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
  /// On the main thread: the results folder builds a QgsProject and prints the PDF report, and it
  /// is written inside processAlgorithm so that any write failure fails the algorithm (an
  /// exception in postProcessAlgorithm is only logged by QGIS, which then reports success).
  Flags flags() const override { return AlgorithmBase::flags() | FlagNoThreading; }

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new ScoreSitesAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};

}  // namespace clustershift::processing
