#include "processing/provider.h"

#include <qgsapplication.h>
#include <qgsprocessingregistry.h>

#include <QCoreApplication>
#include <QIcon>
#include <QTranslator>

#include "processing/compare_modes_algorithm.h"
#include "processing/indices_relatedness_algorithm.h"
#include "processing/indices_structure_algorithm.h"
#include "processing/print_report_algorithm.h"
#include "processing/project_effects_algorithm.h"
#include "processing/score_sites_algorithm.h"

// AUTORCC resources of a shared library are registered by a static initialiser; name it
// explicitly too, in case the linker dropped that object.
static void initProcessingResources() { Q_INIT_RESOURCE(processing); }

namespace clustershift::processing {

Provider::Provider() = default;

Provider::~Provider() {
  if (m_translator) QCoreApplication::removeTranslator(m_translator.get());
}

bool Provider::load() {
  // Parameter descriptions are translated when the algorithms are created: translator first.
  if (!m_translator && uiLocale().startsWith(QLatin1String("zh"))) {
    auto translator = std::make_unique<QTranslator>();
    if (translator->load(QStringLiteral(":/clustershift_processing/i18n/clustershift_processing_zh_CN.qm")) &&
        QCoreApplication::installTranslator(translator.get()))
      m_translator = std::move(translator);
  }
  return QgsProcessingProvider::load();
}

QString Provider::uiLocale() const { return QgsApplication::locale(); }

QString Provider::id() const { return QStringLiteral("clustershift"); }

QString Provider::name() const { return QStringLiteral("ClusterShift"); }

QString Provider::longName() const {
  return QCoreApplication::translate("ClusterShift", "ClusterShift – industrial cluster transfer planning");
}

QString Provider::svgIconPath() const {
  initProcessingResources();
  return QStringLiteral(":/clustershift_processing/clustershift.svg");
}

QIcon Provider::icon() const { return QIcon(svgIconPath()); }

void Provider::loadAlgorithms() {
  addAlgorithm(new ScoreSitesAlgorithm());
  addAlgorithm(new ProjectEffectsAlgorithm());
  addAlgorithm(new CompareModesAlgorithm());
  addAlgorithm(new PrintReportAlgorithm());
  addAlgorithm(new IndicesRelatednessAlgorithm());
  addAlgorithm(new IndicesStructureAlgorithm());
}

}  // namespace clustershift::processing

int clustershiftRegisterProcessingProvider() {
  QgsProcessingRegistry* registry = QgsApplication::processingRegistry();
  if (!registry) return 0;
  if (registry->providerById(QStringLiteral("clustershift"))) return 1;
  return registry->addProvider(new clustershift::processing::Provider) ? 1 : 0;
}

void clustershiftUnregisterProcessingProvider() {
  if (QgsProcessingRegistry* registry = QgsApplication::processingRegistry())
    if (QgsProcessingProvider* p = registry->providerById(QStringLiteral("clustershift")))
      registry->removeProvider(p);
}
