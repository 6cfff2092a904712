#pragma once
// The QGIS plugin object: a menu entry and a toolbar button that show the ClusterShift dock.
#include <qgisplugin.h>

#include <QObject>
#include <QPointer>

class QAction;
class QgisInterface;

namespace clustershift::plugin {

class ClusterShiftDock;

class ClusterShiftPlugin : public QObject, public QgisPlugin {
  Q_OBJECT
 public:
  explicit ClusterShiftPlugin(QgisInterface* iface);
  ~ClusterShiftPlugin() override;
  void initGui() override;
  void unload() override;

 public slots:
  /// Creates the dock on first use, then shows and raises it.
  void showDock();

 private:
  QgisInterface* m_iface = nullptr;
  QAction* m_action = nullptr;
  QPointer<ClusterShiftDock> m_dock;
};

}  // namespace clustershift::plugin
