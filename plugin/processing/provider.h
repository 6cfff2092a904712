#pragma once
// The "clustershift" processing provider: ClusterShift's runs as Processing algorithms
// (toolbox, batch mode, Model Designer, qgis_process through the Python shim).
//
// The desktop plugin adds it in initGui and removes it in unload:
//   QgsApplication::processingRegistry()->addProvider(new clustershift::processing::Provider);
// The registry owns the provider.
//
// nlohmann/json first: its include guard keeps QGIS's older bundled json_fwd.hpp (pulled in by
// QGIS headers) out; the other order breaks every later clustershift header (see layers.h).
#include <nlohmann/json.hpp>

#include <qgsprocessingprovider.h>

#include <memory>

class QTranslator;

namespace clustershift::processing {

class Provider : public QgsProcessingProvider {
 public:
  Provider();
  ~Provider() override;
  /// Installs the zh_CN translation of the algorithms when QGIS runs in Chinese, then loads them.
  bool load() override;
  QString id() const override;    ///< "clustershift"
  QString name() const override;  ///< "ClusterShift"
  QString longName() const override;
  QIcon icon() const override;
  QString svgIconPath() const override;
  bool supportsNonFileBasedOutput() const override { return true; }

 protected:
  void loadAlgorithms() override;
  /// The QGIS user-interface locale (QgsApplication::locale()), e.g. "zh_CN".
  virtual QString uiLocale() const;

 private:
  std::unique_ptr<QTranslator> m_translator;  ///< installed while the provider lives
};

}  // namespace clustershift::processing

/// For qgis_process's Python shim (ctypes): adds a Provider to the processing registry of the
/// running QGIS once. Returns 1 on success (or when already registered), 0 without a registry.
extern "C" __attribute__((visibility("default"))) int clustershiftRegisterProcessingProvider();
/// Removes the provider added by clustershiftRegisterProcessingProvider (no-op otherwise).
extern "C" __attribute__((visibility("default"))) void clustershiftUnregisterProcessingProvider();
