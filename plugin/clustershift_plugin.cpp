#include "clustershift_plugin.h"

#include <qgis.h>  // QGISEXTERN
#include <qgisinterface.h>
#include <qgsmessagelog.h>

#include <QAction>
#include <QIcon>
#include <QMainWindow>

#include "dock_widget.h"

namespace {

const QString kName = QStringLiteral("ClusterShift");
const QString kDescription = QStringLiteral(
    "Industrial cluster transfer: scores candidate host parks, maps transfer flows, prints a report");
const QString kCategory = QStringLiteral("Plugins");
const QString kVersion = QStringLiteral(CLUSTERSHIFT_VERSION);
const QString kIcon = QStringLiteral(":/clustershift/icons/clustershift.svg");
const QString kMenu = QStringLiteral("&ClusterShift");

}  // namespace

namespace clustershift::plugin {

ClusterShiftPlugin::ClusterShiftPlugin(QgisInterface* iface)
    : QgisPlugin(kName, kDescription, kCategory, kVersion, QgisPlugin::UI), m_iface(iface) {}

ClusterShiftPlugin::~ClusterShiftPlugin() = default;

void ClusterShiftPlugin::initGui() {
  m_action = new QAction(QIcon(kIcon), tr("ClusterShift: cluster transfer sites…"), this);
  m_action->setObjectName(QStringLiteral("mActionClusterShiftDock"));
  m_action->setToolTip(
      tr("Open the ClusterShift panel: score host parks for an industrial cluster transfer"));
  connect(m_action, &QAction::triggered, this, &ClusterShiftPlugin::showDock);
  m_iface->addPluginToMenu(kMenu, m_action);
  m_iface->addToolBarIcon(m_action);
  QgsMessageLog::logMessage(tr("ClusterShift %1 loaded").arg(kVersion), kName, Qgis::MessageLevel::Info,
                            false);
}

void ClusterShiftPlugin::unload() {
  if (m_dock) {
    m_iface->removeDockWidget(m_dock);
    delete m_dock;
  }
  if (m_action) {
    m_iface->removePluginMenu(kMenu, m_action);
    m_iface->removeToolBarIcon(m_action);
    delete m_action;
    m_action = nullptr;
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
