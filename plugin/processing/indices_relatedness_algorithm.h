#pragma once
// clustershift:indices_relatedness — RCA, proximity and relatedness density of a region ×
// industry output table (Hidalgo, Klinger, Barabási & Hausmann 2007).
#include "processing/algorithm_support.h"

namespace clustershift::processing {

/// MATRIX (CSV: first column region id, one column per industry, non-negative output) →
/// RCA and DENSITY (regions × industries) and PROXIMITY (industries × industries) as tables;
/// OUTPUT_FOLDER (optional) gets rca.csv, presence.csv, proximity.csv and density.csv as
/// `clustershift indices relatedness` writes them.
class IndicesRelatednessAlgorithm : public AlgorithmBase {
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)  // the plugin translations context (plugin/i18n)

 public:
  QString name() const override { return QStringLiteral("indices_relatedness"); }
  QString displayName() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("indices"); }
  QString shortHelpString() const override;
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new IndicesRelatednessAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};

}  // namespace clustershift::processing
