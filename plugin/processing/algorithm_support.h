#pragma once
// What the ClusterShift algorithms share: core Feedback over QgsProcessingFeedback, one
// place that turns clustershift errors into QgsProcessingException, copying a result layer
// into a feature sink, and the scenario parameters of scoresites / projecteffects /
// comparemodes (layers, field maps, scenario file or preset, source, mode, weighting...).
//
// clustershift headers first: they include the system nlohmann/json.hpp, whose include guard
// keeps QGIS's older bundled json_fwd.hpp out (see layers.h).
#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/results.h"
#include "clustershift/scenario.h"

#include <qgsprocessingalgorithm.h>
#include <qgsexception.h>

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QgsVectorLayer;

namespace clustershift::processing {

/// Core feedback forwarding progress (mapped into [start, end] of the algorithm's 0–100 %)
/// and cancellation to a QgsProcessingFeedback. Warnings are collected (the core may report
/// from worker threads) and pushed by pushWarnings() on the algorithm's thread.
class ProcessingFeedback : public Feedback {
 public:
  explicit ProcessingFeedback(QgsProcessingFeedback* feedback) : m_feedback(feedback) {}
  void setPhase(double start, double end);
  void setProgress(double fraction, const std::string& stage) override;
  bool isCanceled() const override;
  /// Pushes warnings to the log, at most maxShown of them plus a count of the rest.
  void pushWarnings(const std::vector<Problem>& warnings, std::size_t maxShown = 20);
  /// An information line in the algorithm's log.
  void pushInfo(const QString& text);

 private:
  QgsProcessingFeedback* m_feedback;
  std::mutex m_forwardMutex;
  double m_start = 0, m_end = 1;
};

/// Parameter names shared by the scenario algorithms.
namespace param {
inline const QString kRegions = QStringLiteral("REGIONS");
inline const QString kParks = QStringLiteral("PARKS");
inline const QString kZones = QStringLiteral("SENSITIVE_ZONES");
inline const QString kRoads = QStringLiteral("ROADS");
inline const QString kScenario = QStringLiteral("SCENARIO");
inline const QString kPreset = QStringLiteral("PRESET");
inline const QString kSourceRegion = QStringLiteral("SOURCE_REGION");
inline const QString kMode = QStringLiteral("MODE");
inline const QString kAggregation = QStringLiteral("AGGREGATION");
inline const QString kWeighting = QStringLiteral("WEIGHTING");
inline const QString kDraws = QStringLiteral("DRAWS");
inline const QString kMovedSegments = QStringLiteral("MOVED_SEGMENTS");
inline const QString kTemplatePark = QStringLiteral("TEMPLATE_PARK");
inline const QString kReplicationScale = QStringLiteral("REPLICATION_SCALE");
inline const QString kIndustryOutput = QStringLiteral("INDUSTRY_OUTPUT");
inline const QString kIoTable = QStringLiteral("IO_TABLE");
/// Field parameter of a region / park core column: REGIONS_FIELD_<KEY>, PARKS_FIELD_<KEY>.
QString regionField(const std::string& key);
QString parkField(const std::string& key);
}  // namespace param

/// Preset cluster names offered by the PRESET enum (after its first "from the scenario" entry):
/// the .json files of clustershift::presetSearchPath(), else the four shipped ones.
QStringList presetNames();

/// A scenario and its inputs prepared from the parameters. The materialised layers and the
/// temporary folder (copies of zones/roads for the core reader) live as long as this.
struct PreparedRun {
  Scenario scenario;
  Inputs inputs;
  std::unique_ptr<QgsVectorLayer> regions;
  std::unique_ptr<QgsVectorLayer> parks;
  std::unique_ptr<QTemporaryDir> scratch;
  PreparedRun();
  ~PreparedRun();
  PreparedRun(PreparedRun&&) noexcept;
  PreparedRun& operator=(PreparedRun&&) noexcept;
};

/// Base of the ClusterShift algorithms: group, help and the shared parameter handling.
class AlgorithmBase : public QgsProcessingAlgorithm {
  // tr() of every algorithm translates in the "ClusterShift" context (plugin/i18n).
  Q_DECLARE_TR_FUNCTIONS(ClusterShift)

 public:
  QString group() const override;
  QString groupId() const override;

 protected:
  /// "clustershift:<name>" — first word of every error message.
  QString qualifiedName() const { return QStringLiteral("clustershift:") + name(); }

  /// Runs body; clustershift errors become QgsProcessingException with the algorithm's id
  /// first ("clustershift:scoresites: ..."), every fatal problem of a ValidationError listed,
  /// cancellation as "cancelled".
  QVariantMap guarded(const std::function<QVariantMap()>& body) const;

  /// Copies a (memory) layer's features into the sink parameter `name`; returns its destination.
  /// When the output is loaded into the project afterwards (toolbox, batch), `style` is applied
  /// to it there (on the main thread), e.g. layers::styleCandidates.
  QString copyToSink(const QVariantMap& parameters, const QString& name, QgsProcessingContext& context,
                     QgsVectorLayer* layer, QgsProcessingFeedback* feedback,
                     std::function<void(QgsVectorLayer*)> style = {}) const;

  /// Adds the scenario parameters listed in param::.
  void addScenarioParameters();

  /// Builds the scenario: the SCENARIO file (or a default one for PRESET and SOURCE_REGION),
  /// with every set parameter overriding it; extraEffects is merged into its "effects" block.
  /// Reads the layers through layers::inputsFromLayers. Throws QgsProcessingException naming
  /// the parameter and value for bad parameters, clustershift errors for bad scenarios or data.
  PreparedRun prepareRun(const QVariantMap& parameters, QgsProcessingContext& context,
                         ProcessingFeedback& feedback,
                         const nlohmann::json& extraEffects = nlohmann::json::object()) const;

  /// Throws QgsProcessingException "<alg>: <PARAM>: <message>".
  [[noreturn]] void fail(const QString& parameter, const QString& message) const;
};

}  // namespace clustershift::processing
