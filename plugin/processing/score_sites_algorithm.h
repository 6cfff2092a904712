#pragma once
// clustershift:scoresites — rank the candidate parks for a cluster transfer.
#include "processing/algorithm_support.h"

#include <optional>

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

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new ScoreSitesAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
  /// The results folder is written here, on the main thread (it builds a QgsProject).
  QVariantMap postProcessAlgorithm(QgsProcessingContext& context, QgsProcessingFeedback* feedback) override;

 private:
  std::optional<Inputs> m_inputs;
  std::optional<Results> m_results;
  QString m_outputFolder;
  QString m_outputDb;      ///< OUTPUT_DB: "PG:service=planning"; empty = no database output
  QString m_outputSchema;  ///< OUTPUT_SCHEMA
  bool m_reports = false;
  QVariantMap m_outputs;
};

}  // namespace clustershift::processing
