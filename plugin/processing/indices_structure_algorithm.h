#pragma once
// clustershift:indices_structure — TS, ISU and Theil per region (Gan, Zheng & Yu 2011).
#include "processing/algorithm_support.h"

namespace clustershift::processing {

/// INPUT: the region layer or any table (a CSV works) with an id and sector value added
/// Y1..Y3 (亿元) and employment L1..L3 (10k persons), chosen by field parameters → OUTPUT with
/// the input's geometry and id, ts, isu, theil.
class IndicesStructureAlgorithm : public AlgorithmBase {
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)  // the plugin translations context (plugin/i18n)

 public:
  QString name() const override { return QStringLiteral("indices_structure"); }
  QString displayName() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("indices"); }
  QString shortHelpString() const override;
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new IndicesStructureAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};

}  // namespace clustershift::processing
