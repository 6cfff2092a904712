#pragma once
// clustershift:projecteffects — ranking plus the transfer effects on source and host regions.
#include "processing/algorithm_support.h"

namespace clustershift::processing {

/// Same inputs as scoresites plus the host choice (best | allocate | park id); outputs
/// region_effects (regions with role, indicators before/after/change, U), the yearly
/// effects_timeline and the coupling table.
class ProjectEffectsAlgorithm : public AlgorithmBase {
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)  // the plugin translations context (plugin/i18n)

 public:
  QString name() const override { return QStringLiteral("projecteffects"); }
  QString displayName() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("siteselection"); }
  QString shortHelpString() const override;
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new ProjectEffectsAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};

}  // namespace clustershift::processing
