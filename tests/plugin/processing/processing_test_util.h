#pragma once
// Running the "clustershift" algorithms through QgsApplication::processingRegistry(), as the
// toolbox, batch mode, the Model Designer and qgis_process do.
#include "processing/provider.h"  // nlohmann/json before QGIS headers

#include <gtest/gtest.h>

#include <qgsapplication.h>
#include <qgsprocessingalgorithm.h>
#include <qgsprocessingcontext.h>
#include <qgsprocessingfeedback.h>
#include <qgsprocessingregistry.h>
#include <qgsprocessingutils.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <QDir>
#include <QString>
#include <QStringList>

#include <memory>

namespace clustershift::processing::testing {

/// Registers the provider once per process (the registry owns it).
inline void ensureProvider() {
  if (!QgsApplication::processingRegistry()->providerById(QStringLiteral("clustershift"))) {
    ASSERT_TRUE(QgsApplication::processingRegistry()->addProvider(new Provider));
  }
}

inline QString sampleData(const QString& file) {
  return QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data/") + file;
}
inline QString sampleLayer(const QString& name) {
  return sampleData(name + QStringLiteral(".gpkg|layername=") + name);
}
inline QString scenarioFile(const QString& name) {
  return sampleData(QStringLiteral("scenarios/") + name + QStringLiteral(".json"));
}

/// Fresh empty folder in the test sandbox.
inline QString scratchDir(const QString& name) {
  QDir dir(QStringLiteral(CLUSTERSHIFT_TEST_SANDBOX "/tmp/processing_tests/") + name);
  dir.removeRecursively();
  QDir().mkpath(dir.path());
  return dir.path();
}

/// Feedback that keeps the errors and warnings and can cancel after a number of progress steps.
class RecordingFeedback : public QgsProcessingFeedback {
 public:
  void reportError(const QString& error, bool fatal = false) override {
    errors << error;
    QgsProcessingFeedback::reportError(error, fatal);
  }
  void pushWarning(const QString& warning) override {
    warnings << warning;
    QgsProcessingFeedback::pushWarning(warning);
  }
  void pushInfo(const QString& info) override {
    infos << info;
    QgsProcessingFeedback::pushInfo(info);
  }
  QStringList errors, warnings, infos;
};

/// One algorithm run: outputs, success flag and the exception's message.
struct AlgorithmRun {
  QVariantMap outputs;
  bool ok = false;
  QString error;
  QStringList warnings;
  QStringList infos;
  std::unique_ptr<QgsProcessingContext> context;
  /// A layer output (layer id in the context's temporary store or a file path).
  QgsVectorLayer* layer(const QString& output) const {
    return qobject_cast<QgsVectorLayer*>(
        QgsProcessingUtils::mapLayerFromString(outputs.value(output).toString(), *context));
  }
};

/// Runs algorithm `id` (e.g. "clustershift:scoresites"); a given feedback can be pre-cancelled.
inline AlgorithmRun runAlgorithm(const QString& id, const QVariantMap& parameters,
                                 RecordingFeedback* feedback = nullptr) {
  ensureProvider();
  AlgorithmRun result;
  result.context = std::make_unique<QgsProcessingContext>();
  result.context->setProject(QgsProject::instance());
  const QgsProcessingAlgorithm* algorithm = QgsApplication::processingRegistry()->algorithmById(id);
  if (!algorithm) {
    result.error = QStringLiteral("no algorithm ") + id;
    return result;
  }
  RecordingFeedback own;
  RecordingFeedback* fb = feedback ? feedback : &own;
  QString message;
  if (!algorithm->checkParameterValues(parameters, *result.context, &message)) {
    result.error = message;
    return result;
  }
  try {
    result.outputs = algorithm->run(parameters, *result.context, fb, &result.ok, {}, false);
  } catch (const QgsProcessingException& e) {
    result.ok = false;
    result.error = e.what();
  }
  if (result.error.isEmpty() && !fb->errors.isEmpty()) result.error = fb->errors.join(QLatin1Char('\n'));
  result.warnings = fb->warnings;
  result.infos = fb->infos;
  return result;
}

/// The parameters of a sample scenario run (no SMAA draws: ranks do not depend on them).
inline QVariantMap scenarioParameters(const QString& scenario) {
  QVariantMap p;
  p.insert(QStringLiteral("REGIONS"), sampleLayer(QStringLiteral("regions")));
  p.insert(QStringLiteral("PARKS"), sampleLayer(QStringLiteral("parks")));
  p.insert(QStringLiteral("SCENARIO"), scenarioFile(scenario));
  p.insert(QStringLiteral("DRAWS"), 0);
  p.insert(QStringLiteral("OUTPUT"), QgsProcessing::TEMPORARY_OUTPUT);
  return p;
}

}  // namespace clustershift::processing::testing
