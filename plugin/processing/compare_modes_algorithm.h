#pragma once
// clustershift:comparemodes — the same transfer under complete, partial and replication.
#include "processing/algorithm_support.h"

namespace clustershift::processing {

/// Same inputs as scoresites; OUTPUT is the comparison table (one row per mode, no geometry,
/// columns of clustershift::comparisonColumns()), OUTPUT_CSV optionally the CLI's CSV.
class CompareModesAlgorithm : public AlgorithmBase {
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)  // the plugin translations context (plugin/i18n)

 public:
  QString name() const override { return QStringLiteral("comparemodes"); }
  QString displayName() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("siteselection"); }
  QString shortHelpString() const override;
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new CompareModesAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};

}  // namespace clustershift::processing
