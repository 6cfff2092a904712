// The processing provider header first: it brings nlohmann/json before any QGIS header (see layers.h).
#include "processing/provider.h"

#include "clustershift_plugin.h"

#include <qgis.h>  // QGISEXTERN
#include <qgisinterface.h>
#include <qgsapplication.h>
#include <qgsfeature.h>
#include <qgsfeaturerequest.h>
#include <qgshighlight.h>
#include <qgsmapcanvas.h>
#include <qgsmessagebar.h>
#include <qgsmessagelog.h>
#include <qgsprocessingprovider.h>
#include <qgsprocessingregistry.h>
#include <qgsproject.h>
#include <qgssettings.h>
#include <qgsvectorlayer.h>

#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QLocale>
#include <QMainWindow>
#include <QToolBar>
#include <QLibraryInfo>
#include <QTranslator>
#include <QTimer>
#include <QMessageBox>

#include "clustershift_layers/layers.h"
#include "dock_widget.h"
#include "identify_tool.h"
#include "park_panel.h"
#include "project_state.h"

namespace {

const QString kName = QStringLiteral("ClusterShift");
const QString kDescription = QStringLiteral(
    "Industrial cluster transfer: scores candidate host parks, maps transfer flows, prints a report");
const QString kCategory = QStringLiteral("Plugins");
const QString kVersion = QStringLiteral(CLUSTERSHIFT_VERSION);
const QString kIcon = QStringLiteral(":/clustershift/icons/clustershift.svg");
const QString kMenu = QStringLiteral("&ClusterShift");
/// Compiled translations are embedded (plugin/i18n, built by CMake with lrelease).
const QString kTranslationDir = QStringLiteral(":/clustershift/i18n");

}  // namespace

namespace clustershift::plugin {

ClusterShiftPlugin::ClusterShiftPlugin(QgisInterface* iface)
    : QgisPlugin(kName, kDescription, kCategory, kVersion, QgisPlugin::UI), m_iface(iface) {}

// unload() has removed everything from QGIS; QGIS keeps this object after unloading, so the
// destructor must not touch the interface.
ClusterShiftPlugin::~ClusterShiftPlugin() = default;

QString ClusterShiftPlugin::uiLocale() {
  const QgsSettings settings;
  QString locale;
  if (settings.value(QStringLiteral("locale/overrideFlag"), false).toBool())
    locale = settings.value(QStringLiteral("locale/userLocale"), QString()).toString();
  if (locale.isEmpty()) locale = QgsApplication::locale();
  if (locale.isEmpty()) locale = QLocale().name();
  // QGIS's own language list names Simplified Chinese "zh-Hans" (after its qgis_zh-Hans.qm); the
  // system locale gives "zh_CN" or the bare "zh". The only Chinese translation is zh_CN.
  if (locale.startsWith(QLatin1String("zh"))) locale = QStringLiteral("zh_CN");
  return locale;
}

void ClusterShiftPlugin::installTranslator() {
  m_locale = uiLocale();
  auto translator = std::make_unique<QTranslator>();
  // load() falls back from clustershift_zh_CN to clustershift_zh; English needs no file.
  if (translator->load(QStringLiteral("clustershift_") + m_locale, kTranslationDir) &&
      QCoreApplication::installTranslator(translator.get()))
    m_translator = std::move(translator);
  // QGIS loads Qt's own translation as qt_<its locale name>; for "zh-Hans" there is no such file,
  // and the dialogs' standard buttons stay English. Load Qt's (qttranslations5-l10n) if needed.
  if (m_locale != QLatin1String("en") && !m_locale.startsWith(QLatin1String("en_")) &&
      QCoreApplication::translate("QPlatformTheme", "Cancel") == QLatin1String("Cancel")) {
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qt_") + m_locale, QLibraryInfo::location(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt.get()))
      m_qtTranslator = std::move(qt);
  }
}

void ClusterShiftPlugin::initGui() {
  installTranslator();  // before any tr(): the actions and the dock read it

  m_dockAction = new QAction(QIcon(kIcon), tr("ClusterShift: cluster transfer sites…"), this);
  m_dockAction->setObjectName(QStringLiteral("mActionClusterShiftDock"));
  m_dockAction->setToolTip(
      tr("Open the ClusterShift panel: score host parks for an industrial cluster transfer"));
  connect(m_dockAction, &QAction::triggered, this, &ClusterShiftPlugin::showDock);

  m_identifyAction = new QAction(QgsApplication::getThemeIcon(QStringLiteral("/mActionIdentify.svg")),
                                 tr("Identify ClusterShift park"), this);
  m_identifyAction->setObjectName(QStringLiteral("mActionClusterShiftIdentify"));
  m_identifyAction->setCheckable(true);
  m_identifyAction->setToolTip(
      tr("Click a park on the map to see its score, rank, robustness and criterion contributions"));
  connect(m_identifyAction, &QAction::toggled, this, &ClusterShiftPlugin::identifyToggled);

  m_iface->addPluginToMenu(kMenu, m_dockAction);
  m_iface->addPluginToMenu(kMenu, m_identifyAction);
  m_toolbar = m_iface->addToolBar(tr("ClusterShift"));
  m_toolbar->setObjectName(QStringLiteral("mClusterShiftToolBar"));
  m_toolbar->addAction(m_dockAction);
  m_toolbar->addAction(m_identifyAction);

  m_identifyTool = new IdentifyTool(m_iface->mapCanvas());
  m_identifyTool->setAction(m_identifyAction);
  connect(m_identifyTool, &IdentifyTool::parkIdentified, this, &ClusterShiftPlugin::parkIdentified);
  connect(m_identifyTool, &IdentifyTool::nothingIdentified, this, &ClusterShiftPlugin::nothingIdentified);

  m_projectRead =
      connect(QgsProject::instance(), &QgsProject::readProject, this, &ClusterShiftPlugin::projectRead);

  m_provider = new clustershift::processing::Provider;
  if (!QgsApplication::processingRegistry()->addProvider(m_provider))
    m_provider = nullptr;  // registry deleted it

  QgsMessageLog::logMessage(tr("ClusterShift %1 loaded").arg(kVersion), kName, Qgis::MessageLevel::Info,
                            false);
}

void ClusterShiftPlugin::unload() {
  disconnect(m_projectRead);  // QGIS keeps this object after unload: no late reactions
  QgsMapCanvas* canvas = m_iface->mapCanvas();
  if (m_identifyTool) {
    if (canvas && canvas->mapTool() == m_identifyTool) canvas->unsetMapTool(m_identifyTool);
    delete m_identifyTool;
  }
  clearHighlight();
  if (m_dock) {
    m_iface->removeDockWidget(m_dock);
    delete m_dock;
  }
  if (m_panel) {
    m_iface->removeDockWidget(m_panel);
    delete m_panel;
  }
  for (QAction** action : {&m_dockAction, &m_identifyAction}) {
    if (!*action) continue;
    m_iface->removePluginMenu(kMenu, *action);
    delete *action;
    *action = nullptr;
  }
  delete m_toolbar;  // QMainWindow forgets a deleted tool bar (and its View ▸ Toolbars entry)
  if (m_provider) {
    QgsApplication::processingRegistry()->removeProvider(m_provider);  // deletes it
    m_provider = nullptr;
  }
  if (m_translator) {
    QCoreApplication::removeTranslator(m_translator.get());
    m_translator.reset();
  }
}

void ClusterShiftPlugin::showDock() {
  if (!m_dock) {
    m_dock = new ClusterShiftDock(m_iface, m_iface->mainWindow());
    m_iface->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    // Room for the scenario titles and the log without horizontal scrolling.
    if (auto* window = qobject_cast<QMainWindow*>(m_iface->mainWindow())) {
      window->resizeDocks({m_dock}, {400}, Qt::Horizontal);
    }
  }
  m_dock->setUserVisible(true);
  m_dock->show();
  m_dock->raise();
}

void ClusterShiftPlugin::projectRead() {
  // An open dock restores the scenario itself (it listens to readProject too).
  if (!m_dock && !readProjectState(QgsProject::instance()).isEmpty()) showDock();
  // After the project has finished loading: a question during readProject would interrupt it.
  if (layers::isUnregisteredStudyAreaCrs(QgsProject::instance()->crs()))
    QTimer::singleShot(0, this, &ClusterShiftPlugin::offerStudyAreaCrs);
}

void ClusterShiftPlugin::offerStudyAreaCrs() {
  QgsProject* project = QgsProject::instance();
  const QgsCoordinateReferenceSystem crs = project->crs();
  if (!layers::isUnregisteredStudyAreaCrs(crs)) return;
  const QString name = layers::studyAreaCrsName(crs, m_locale == QLatin1String("zh_CN"));
  const QMessageBox::StandardButton answer = QMessageBox::question(
      m_iface->mainWindow(), tr("Study-area projection"),
      tr("The project's map projection is an equal-area projection fitted to the study area; QGIS does "
         "not know it by name (the status bar says “Unknown CRS”).\n\nRegister it in QGIS as the user "
         "projection “%1” (Settings ▸ Custom Projections)? QGIS then shows its name and code here and in "
         "other projects.")
          .arg(name));
  if (answer != QMessageBox::Yes) return;
  const QgsCoordinateReferenceSystem user = layers::registerStudyAreaCrs(crs, name);
  if (user.authid().isEmpty()) {
    m_iface->messageBar()->pushWarning(tr("ClusterShift"),
                                       tr("The projection could not be registered in QGIS."));
    return;
  }
  project->setCrs(user);
  m_iface->messageBar()->pushSuccess(tr("ClusterShift"),
                                     tr("Projection registered as %1 (%2).").arg(user.authid(), name));
}

ParkPanel* ClusterShiftPlugin::panel() {
  if (!m_panel) {
    m_panel = new ParkPanel(m_locale, m_iface->mainWindow());
    m_panel->setCanvas(m_iface->mapCanvas());
    m_iface->addDockWidget(Qt::RightDockWidgetArea, m_panel);
    if (m_dock) {
      if (auto* window = qobject_cast<QMainWindow*>(m_iface->mainWindow()))
        window->tabifyDockWidget(m_dock, m_panel);
    }
  }
  return m_panel;
}

void ClusterShiftPlugin::identifyToggled(bool checked) {
  QgsMapCanvas* canvas = m_iface->mapCanvas();
  if (!canvas || !m_identifyTool) return;
  if (checked && canvas->mapTool() != m_identifyTool) {
    canvas->setMapTool(m_identifyTool);
    panel()->setUserVisible(true);
  } else if (!checked && canvas->mapTool() == m_identifyTool) {
    canvas->unsetMapTool(m_identifyTool);
  }
}

void ClusterShiftPlugin::parkIdentified(QgsVectorLayer* layer, QgsFeatureId fid) {
  panel()->showPark(layer, fid);
  clearHighlight();
  QgsFeature feature;
  if (!layer->getFeatures(QgsFeatureRequest(fid)).nextFeature(feature) || !feature.hasGeometry()) return;
  m_highlight = std::make_unique<QgsHighlight>(m_iface->mapCanvas(), feature.geometry(), layer);
  // Outline only: the park's rank label stays readable under it.
  m_highlight->setColor(QColor(255, 0, 255));
  m_highlight->setFillColor(QColor(255, 0, 255, 0));
  m_highlight->setWidth(2);
  m_highlight->setBuffer(2.5);
  m_highlight->show();
  // The highlight keeps the layer pointer: drop it with the layer (a re-run replaces the group).
  connect(layer, &QObject::destroyed, this, &ClusterShiftPlugin::clearHighlight, Qt::UniqueConnection);
  connect(layer, &QgsMapLayer::willBeDeleted, this, &ClusterShiftPlugin::clearHighlight,
          Qt::UniqueConnection);
}

void ClusterShiftPlugin::nothingIdentified(const QString& reason) {
  clearHighlight();
  panel()->showMessage(reason);
  panel()->setUserVisible(true);
}

void ClusterShiftPlugin::clearHighlight() { m_highlight.reset(); }

}  // namespace clustershift::plugin

// ---- C entry points QGIS resolves with QLibrary::resolve() ----
QGISEXTERN QgisPlugin* classFactory(QgisInterface* iface) {
  return new clustershift::plugin::ClusterShiftPlugin(iface);
}
QGISEXTERN const QString* name() { return &kName; }
QGISEXTERN const QString* description() { return &kDescription; }
QGISEXTERN const QString* category() { return &kCategory; }
QGISEXTERN int type() { return QgisPlugin::UI; }
QGISEXTERN const QString* version() { return &kVersion; }
QGISEXTERN const QString* icon() { return &kIcon; }
QGISEXTERN void unload(QgisPlugin* plugin) { delete plugin; }
