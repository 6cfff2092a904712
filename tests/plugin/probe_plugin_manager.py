"""The plugin's parts (actions, toolbar, menu, provider) and the unload/reload cycle through the
Plugin Manager."""

import traceback

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QListView, QToolBar
from qgis.utils import iface

from probe_common import PLUGIN_NAME, check, find, mark, open_dock, res


def check_plugin_parts(when, expect_present=True):
    act = find(QAction, "mActionClusterShiftDock")
    ident = find(QAction, "mActionClusterShiftIdentify")
    toolbar = find(QToolBar, "mClusterShiftToolBar")
    menu_titles = [a.text().replace("&", "") for a in iface.pluginMenu().actions()]
    provider = QgsApplication.processingRegistry().providerById("clustershift")
    if expect_present:
        check(f"{when}: actions mActionClusterShiftDock and mActionClusterShiftIdentify (checkable)",
              act is not None and ident is not None and ident.isCheckable())
        check(f"{when}: ClusterShift toolbar holds both actions",
              toolbar is not None and act in toolbar.actions() and ident in toolbar.actions())
        check(f"{when}: plugin menu ClusterShift", PLUGIN_NAME in menu_titles, menu_titles)
        check(f"{when}: processing provider 'clustershift' registered", provider is not None)
    else:
        check(f"{when}: no ClusterShift actions left", act is None and ident is None)
        check(f"{when}: no ClusterShift toolbar, menu, dock or park panel",
              toolbar is None and PLUGIN_NAME not in menu_titles
              and find(QDockWidget, "ClusterShiftDock") is None and find(QDockWidget, "ClusterShiftParkPanel") is None,
              menu_titles)
        check(f"{when}: processing provider removed", provider is None)
        tool = iface.mapCanvas().mapTool()
        check(f"{when}: the identify tool is no longer the canvas tool",
              tool is None or tool.action() is None or tool.action().objectName() != "mActionClusterShiftIdentify",
              type(tool).__name__ if tool else None)
    yield 0


def plugin_manager_cycle(delay_ms=1500, label="", expect_tool=True):
    """Unchecks and re-checks ClusterShift in the Plugin Manager (a modal dialog), as a user would.
    The Plugin Manager calls QgsPluginRegistry::unloadCppPlugin / loadCppPlugin, which run the
    plugin's unload() and classFactory() + initGui()."""
    state = {}

    def item_model(dlg):
        view = dlg.findChild(QListView, "vwPlugins")
        if view is None:
            return None, None
        proxy = view.model()
        src = proxy.sourceModel() if hasattr(proxy, "sourceModel") else proxy
        for r in range(src.rowCount()):
            idx = src.index(r, 0)
            if str(idx.data(Qt.DisplayRole)).strip() == PLUGIN_NAME:
                return src, idx
        return src, None

    def in_dialog():
        dlg = QApplication.activeModalWidget()
        state["dialog"] = dlg.objectName() if dlg is not None else None
        if dlg is None:
            return
        try:
            src, idx = item_model(dlg)
            state["found_item"] = idx is not None
            if idx is None:
                return
            state["checked_before"] = idx.data(Qt.CheckStateRole)
            state["active_tasks_at_unload"] = QgsApplication.taskManager().countActiveTasks()
            src.setData(idx, Qt.Unchecked, Qt.CheckStateRole)  # → unloadCppPlugin → unload()
            QApplication.processEvents()
            state["after_unload"] = snapshot()
            src.setData(idx, Qt.Checked, Qt.CheckStateRole)  # → loadCppPlugin → initGui()
            QApplication.processEvents()
            state["after_reload"] = snapshot()
        except Exception:
            state["error"] = traceback.format_exc()
        finally:
            dlg.reject()

    def snapshot():
        menu_titles = [a.text().replace("&", "") for a in iface.pluginMenu().actions()]
        tool = iface.mapCanvas().mapTool()
        return {
            "dock_action": find(QAction, "mActionClusterShiftDock") is not None,
            "identify_action": find(QAction, "mActionClusterShiftIdentify") is not None,
            "toolbar": find(QToolBar, "mClusterShiftToolBar") is not None,
            "menu": PLUGIN_NAME in menu_titles,
            "dock": find(QDockWidget, "ClusterShiftDock") is not None,
            "panel": find(QDockWidget, "ClusterShiftParkPanel") is not None,
            "provider": QgsApplication.processingRegistry().providerById("clustershift") is not None,
            "map_tool_is_identify": tool is not None and tool.action() is not None
                                    and tool.action().objectName() == "mActionClusterShiftIdentify",
        }

    ident = find(QAction, "mActionClusterShiftIdentify")
    if expect_tool:
        check("before unload: identify tool active, dock and panel open",
              ident is not None and ident.isChecked() and find(QDockWidget, "ClusterShiftDock") is not None
              and find(QDockWidget, "ClusterShiftParkPanel") is not None)
    QTimer.singleShot(delay_ms, in_dialog)
    mark("plugin_manager_open" + label)
    iface.pluginManagerInterface().showPluginManager()  # modal; in_dialog() closes it
    mark("plugin_manager_closed" + label)
    yield 500
    res["info"]["plugin_manager" + label] = state
    check(f"Plugin Manager lists ClusterShift (checked){label}", state.get("found_item")
          and state.get("checked_before") in (Qt.Checked, 2), state)
    after = state.get("after_unload") or {}
    check(f"after unload: no actions, toolbar, menu, dock, park panel, provider or map tool left{label}",
          after and not any(after.values()), after)
    again = state.get("after_reload") or {}
    check(f"after reload: actions, toolbar, menu and provider back (no dock or panel until opened){label}",
          again.get("dock_action") and again.get("identify_action") and again.get("toolbar") and again.get("menu")
          and again.get("provider") and not again.get("dock") and not again.get("panel"), again)
    check(f"Plugin Manager cycle without error{label}", "error" not in state, state.get("error"))
    # The reloaded plugin works: the dock opens and still sees the result groups.
    dock = open_dock()
    yield 800
    check(f"after reload: dock opens{label}", dock is not None and dock.isVisible())
    n_actions = len(iface.mainWindow().findChildren(QAction, "mActionClusterShiftIdentify"))
    check(f"after reload: exactly one identify action{label}", n_actions == 1, n_actions)
    return dock
