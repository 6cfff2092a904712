#pragma once
// clustershift:printreport — the PDF report of a results GeoPackage.
#include "processing/algorithm_support.h"

namespace clustershift::processing {

/// RESULTS (a GeoPackage written by scoresites' OUTPUT_FOLDER, the plugin or `clustershift run`)
/// → PDF through layers::exportReportFromGeoPackage. Runs on the main thread (print layouts).
class PrintReportAlgorithm : public AlgorithmBase {
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)  // the plugin translations context (plugin/i18n)

 public:
  QString name() const override { return QStringLiteral("printreport"); }
  QString displayName() const override;
  QString group() const override;
  QString groupId() const override { return QStringLiteral("report"); }
  QString shortHelpString() const override;
  Flags flags() const override { return AlgorithmBase::flags() | FlagNoThreading; }
  void initAlgorithm(const QVariantMap& configuration = QVariantMap()) override;

 protected:
  QgsProcessingAlgorithm* createInstance() const override { return new PrintReportAlgorithm(); }
  QVariantMap processAlgorithm(const QVariantMap& parameters, QgsProcessingContext& context,
                               QgsProcessingFeedback* feedback) override;
};

}  // namespace clustershift::processing
