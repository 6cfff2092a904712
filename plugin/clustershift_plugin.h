#pragma once
// The QGIS plugin object: the ClusterShift menu and toolbar (dock, identify tool), the park panel,
// the "clustershift" processing provider and the plugin's translation. unload() removes all of it,
// so the Plugin Manager can disable and enable the plugin in a running QGIS.
#include <qgisplugin.h>
#include <qgsfeatureid.h>

#include <QObject>
#include <QPointer>
#include <memory>

class QAction;
class QToolBar;
class QTranslator;
class QgisInterface;
class QgsHighlight;
class QgsProcessingProvider;
class QgsVectorLayer;

namespace clustershift::plugin {

class ClusterShiftDock;
class IdentifyTool;
class ParkPanel;

class ClusterShiftPlugin : public QObject, public QgisPlugin {
  Q_OBJECT
 public:
  explicit ClusterShiftPlugin(QgisInterface* iface);
  ~ClusterShiftPlugin() override;
  void initGui() override;
  void unload() override;

  /// The UI language: QGIS's locale setting (locale/userLocale when overridden), e.g. "zh_CN", "en".
  static QString uiLocale();

 public slots:
  /// Creates the dock on first use, then shows and raises it.
  void showDock();

 private slots:
  void identifyToggled(bool checked);
  void parkIdentified(QgsVectorLayer* layer, QgsFeatureId fid);
  void nothingIdentified(const QString& reason);

 private:
  void installTranslator();
  /// A project saved with a ClusterShift scenario opens with the dock showing it.
  void projectRead();
  /// A project whose CRS is a fitted study-area projection without an authority (QGIS: "Unknown
  /// CRS"): asks the planner whether to register it as a named QGIS user CRS, and uses it if so.
  void offerStudyAreaCrs();
  ParkPanel* panel();
  void clearHighlight();

  QgisInterface* m_iface = nullptr;
  QString m_locale;
  std::unique_ptr<QTranslator> m_translator;
  /// Qt's own words (OK, Cancel, …) when QGIS did not load them for this locale (qtbase_zh_CN).
  std::unique_ptr<QTranslator> m_qtTranslator;
  QAction* m_dockAction = nullptr;
  QAction* m_identifyAction = nullptr;
  QPointer<QToolBar> m_toolbar;
  QPointer<ClusterShiftDock> m_dock;
  QPointer<ParkPanel> m_panel;
  QPointer<IdentifyTool> m_identifyTool;
  std::unique_ptr<QgsHighlight> m_highlight;
  QgsProcessingProvider* m_provider = nullptr;  ///< owned by the processing registry while added
  QMetaObject::Connection m_projectRead;        ///< opens the dock for a project with a scenario
};

}  // namespace clustershift::plugin
