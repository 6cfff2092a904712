"""zh phase: QGIS restarted with locale/userLocale = zh-Hans; the saved project reopens, the dock,
the park panel and the first screen of a results project in Chinese."""

import os
import re

from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAction, QApplication, QComboBox, QDockWidget, QLabel, QLineEdit, QPlainTextEdit,
                                 QPushButton, QTableWidget, QTabWidget)
from qgis.PyQt import sip
from qgis.utils import iface

from probe_common import (CJK, PROJECT_PATH, SCENARIOS, TABS, check, english_words, find, open_dock, prepare_window,
                          res, role_layer, scenario_groups, shot, top_park, wait_canvas, wait_idle)
from probe_park_panel import click_isolated_park, identify_top_park
from probe_zh_inputs import broken_inputs_zh, data_tab_problems_zh


def zh_steps():
    prepare_window()
    check("QGIS locale setting is Chinese (zh-Hans)", QgsApplication.locale().startswith("zh"), QgsApplication.locale())
    act = find(QAction, "mActionClusterShiftIdentify")
    check("identify action text is Chinese", act is not None and CJK.search(act.text()) is not None,
          act.text() if act else None)
    alg = QgsApplication.processingRegistry().algorithmById("clustershift:scoresites")
    check("processing algorithm names are Chinese", alg is not None and CJK.search(alg.displayName()) is not None,
          alg.displayName() if alg else None)
    # ---- the saved project reopens with its scenario (the dock opens by itself) and results ----
    check("no dock before the project is opened", find(QDockWidget, "ClusterShiftDock") is None)
    ok = QgsProject.instance().read(PROJECT_PATH)
    yield 1500
    dock = find(QDockWidget, "ClusterShiftDock")
    check("opening a project with a ClusterShift scenario shows the dock", ok and dock is not None and dock.isVisible())
    if dock is None:
        dock = open_dock()
        yield 800
    if dock is None:
        return
    combo = dock.findChild(QComboBox, "scenarioCombo")
    res["info"]["restored_scenario_combo"] = combo.currentText() if combo else None
    tabs = dock.findChild(QTabWidget, "tabs")
    titles = [tabs.tabText(i) for i in range(tabs.count())] if tabs else []
    res["info"]["tab_titles_zh"] = titles
    check("all four tab titles are Chinese", len(titles) == 4 and all(CJK.search(t) for t in titles), titles)
    run = dock.findChild(QPushButton, "runButton")
    load = dock.findChild(QPushButton, "loadSampleButton")
    check("run and sample buttons are labelled in Chinese",
          run is not None and load is not None and CJK.search(run.text()) and CJK.search(load.text()),
          [run.text() if run else None, load.text() if load else None])
    # Every visible label and button of the dock: how many still show English only.
    texts = [w.text() for w in dock.findChildren(QLabel) + dock.findChildren(QPushButton)
             if w.text().strip() and re.search("[A-Za-z]{3,}", w.text())]
    english_only = sorted({t for t in texts if not CJK.search(t)})
    res["info"]["dock_texts_without_chinese"] = english_only
    if tabs is not None:
        for i, page in enumerate(TABS):
            tabs.setCurrentIndex(i)
            yield 400
            check(f"screenshot of {page} (zh) saved", shot(dock, f"dock_{page}_zh.png"))

    # ---- criteria tab: labels with units and method names in Chinese, ids only in tooltips ----
    table = dock.findChild(QTableWidget, "criteriaTable")
    cells = [table.item(r, 1).text() for r in range(table.rowCount())] if table else []
    res["info"]["criteria_cells_zh"] = cells
    check("criteria tab lists criterion labels without English",
          cells and all(CJK.search(c) and not english_words(c) for c in cells), cells)
    combos = [dock.findChild(QComboBox, n) for n in ("weightingCombo", "aggregationCombo", "missingCombo")]
    combo_texts = [c.itemText(i) for c in combos if c for i in range(c.count())]
    res["info"]["method_names_zh"] = combo_texts
    check("weighting, aggregation and missing-value methods named in Chinese",
          combo_texts and all(CJK.search(t) and not english_words(t) for t in combo_texts), combo_texts)
    # ---- criterion options: labels, descriptions and units in Chinese (table cell and dialog) ----
    if table is not None:
        options = [table.item(r, 8).text() for r in range(table.rowCount()) if table.item(r, 8)]
        res["info"]["criteria_options_zh"] = options
        check("criteria tab options cells without English", all(not english_words(o) for o in options), options)
        row = next((r for r, o in enumerate(options) if o and o != "–"), -1)
        seen = {}

        def inspect_options():
            dlg = QApplication.activeModalWidget()
            try:
                if dlg is not None and dlg.objectName() == "criterionOptionsDialog":
                    seen["title"] = dlg.windowTitle()
                    seen["texts"] = [w.text() for w in dlg.findChildren(QLabel) if w.text().strip()]
                    seen["tips"] = [w.toolTip() for w in dlg.findChildren(QLabel) if w.toolTip()]
                    seen["shot"] = shot(dlg, "criterion_options_zh.png")
            finally:
                if dlg is not None:
                    dlg.reject()

        if check("a criterion with options in the criteria table", row >= 0, options):
            QTimer.singleShot(800, inspect_options)
            table.cellDoubleClicked.emit(row, 8)
            yield 300
            res["info"]["criterion_options_dialog_zh"] = seen
            texts = seen.get("texts", [])
            check("criterion options dialog: labels, units and descriptions in Chinese, no English",
                  texts and all(CJK.search(t) or re.fullmatch(r"[\d.\s%°–-]*", t) for t in texts)
                  and not any(english_words(t) for t in texts + [seen.get("title", "")]), seen)
            check("criterion options dialog screenshot saved", seen.get("shot"))

    # ---- data tab: problems of a layer worded in Chinese, file, feature, field and value kept ----
    yield from data_tab_problems_zh(dock, tabs)
    # ---- a broken scenario file and a broken table: problems and message bar in Chinese ----
    yield from broken_inputs_zh(dock, tabs)

    # ---- the source location can be typed ----
    location = dock.findChild(QLineEdit, "sourceLocationEdit")
    if check("source location field on the cluster tab", location is not None):
        location.setText("120.65, 28.01")
        location.editingFinished.emit()
        yield 200
        check("typed location shown back", location.text() == "120.65000, 28.01000", location.text())
        location.setText("east of here")
        location.editingFinished.emit()
        yield 200
        check("a location that is not two numbers is marked", "c62828" in location.styleSheet(),
              location.styleSheet())
    groups = scenario_groups()
    check("saved project reopens with the three result groups", ok and sorted(groups) == sorted(SCENARIOS),
          {k: [g.name() for g in v] for k, v in groups.items()})
    names = [n.name() for g in sum(groups.values(), []) for n in [g] + g.findLayers()]
    res["info"]["layer_tree_zh"] = names
    check("result groups and layers named in Chinese", names and all(not english_words(n) for n in names), names)
    shot(iface.layerTreeView(), "layer_tree_zh.png")
    wenzhou = groups.get(SCENARIOS[0], [None])[0]
    if wenzhou is None:
        return
    cand = role_layer(wenzhou, "candidate_scores")
    check("reopened candidate_scores layer is valid", cand is not None and cand.isValid())
    if cand is None:
        return
    panel = yield from identify_top_park(cand, wenzhou.name())
    if panel is not None:
        labels = res["info"].get("chart_labels_zh") or []
        check("contribution chart labels in Chinese (run_info label_zh)",
              labels and all(CJK.search(l) for l in labels), labels)
        region = res["info"].get("zh_parkRegionLabel") or ""
        check("park region named in Chinese (name_zh of the result group's regions layer)",
              CJK.search(region) is not None, region)
        status = panel.findChild(QLabel, "parkStatusLabel")
        check("park status in Chinese", status is not None and CJK.search(status.text()) is not None,
              status.text() if status else None)
        # Side by side: the same park in each scenario group of the project.
        across = panel.findChild(QTableWidget, "parkAcrossTable")
        rows = [[across.item(r, c).text() for c in range(3)] for r in range(across.rowCount())] if across else []
        res["info"]["park_across_zh"] = rows
        check("park panel lists the park in each of the three scenario groups", len(rows) == 3, rows)
        if across is not None:
            shot(across, "park_across_scenarios_zh.png")
        zoom = panel.findChild(QPushButton, "parkZoomButton")
        canvas = iface.mapCanvas()
        top = top_park(cand)
        if check("zoom-to-park button shown", zoom is not None and zoom.isVisible()) and top is not None:
            canvas.zoomToFullExtent()
            yield from wait_canvas()
            before = canvas.scale()
            zoom.click()
            yield from wait_canvas()
            park_pt = canvas.mapSettings().layerToMapCoordinates(cand, top.geometry().asPoint())
            centre = canvas.center()
            check("zoom-to-park centres the map on the park and zooms in",
                  canvas.scale() < before and abs(centre.x() - park_pt.x()) < 1 and abs(centre.y() - park_pt.y()) < 1,
                  f"scale {before:.0f} -> {canvas.scale():.0f}; centre {centre.toString()} park {park_pt.toString()}")
        excluded = click_isolated_park(cand, lambda f: f["status"] == "excluded")
        if check("an isolated excluded park is on the map (zh)", excluded is not None):
            yield 500
            reason = panel.findChild(QLabel, "parkReasonLabel")
            res["info"]["reason_zh"] = [reason.text() if reason else None, excluded["reason"]]
            check("exclusion reason in Chinese with units, no English",
                  reason is not None and CJK.search(reason.text()) and not english_words(reason.text()),
                  res["info"]["reason_zh"])
            panel.raise_()
            yield 300
            shot(panel, "park_panel_excluded_zh.png")
            QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(3, 3))
            yield 300
        # Every label of the panel for the top park again.
        yield from identify_top_park(cand, wenzhou.name())
        texts = [w.text() for w in panel.findChildren(QLabel) if w.isVisible() and w.text().strip()]
        left = sorted({t for t in texts if english_words(t)})
        res["info"]["park_panel_english_zh"] = left
        check("park panel shows no English words", not left, left)
        yield from wait_canvas()
        shot(iface.mainWindow(), "map_results_zh.png")
        panel.raise_()
        yield 300
        check("park panel screenshot (zh) saved", shot(panel, "park_panel_zh.png"))
    yield from first_screen_of_a_results_project(wenzhou)
    res["done"] = True


def first_screen_of_a_results_project(group):
    """Opens the .qgz a run wrote beside its GeoPackage (what `make qgis` opens for the demo): the
    input pickers hold the run's inputs from its run_info (never a result layer), layers are named
    in the UI language and the CRS has an authority."""
    gpkg = group.customProperty("clustershift/gpkg") or ""
    qgz = gpkg[:-5] + ".qgz" if gpkg.endswith(".gpkg") else ""
    if not check("the run wrote a project beside its GeoPackage", qgz and os.path.isfile(qgz), qgz):
        return
    QgsProject.instance().clear()
    yield 500
    ok = QgsProject.instance().read(qgz)
    yield 1500
    dock = find(QDockWidget, "ClusterShiftDock") or open_dock()
    yield 500
    combos = [dock.findChild(QComboBox, n) if dock else None for n in ("regionLayerCombo", "parkLayerCombo")]
    chosen = [sip.cast(c, QgsMapLayerComboBox).currentLayer() for c in combos if c is not None]
    res["info"]["first_screen_pickers"] = [(l.name(), l.source()) if l else None for l in chosen]
    check("results project: region and park pickers hold the run's inputs, not result layers",
          ok and len(chosen) == 2 and all(l is not None and not l.customProperty("clustershift/role") for l in chosen)
          and chosen[1].source().split("|")[0].endswith("parks.gpkg"),
          res["info"]["first_screen_pickers"])
    names = [l.name() for l in QgsProject.instance().mapLayers().values()]
    res["info"]["first_screen_layers"] = names
    check("results project: layer names in Chinese", names and all(not english_words(n) for n in names), names)
    model = iface.layerTreeView().layerTreeModel()
    legend = [str(ln.data(Qt.DisplayRole) or "") for node in QgsProject.instance().layerTreeRoot().findLayers()
              for ln in model.layerLegendNodes(node)]
    res["info"]["first_screen_legend_english"] = [t for t in legend if english_words(t)]
    check("results project: legend texts without English", legend and not res["info"]["first_screen_legend_english"],
          res["info"]["first_screen_legend_english"])
    crs = QgsProject.instance().crs()
    check("results project: the CRS has a name and an authority", crs.authid() == "ESRI:102025" and crs.description(),
          [crs.authid(), crs.description()])
    messages = dock.findChild(QPlainTextEdit, "logView") if dock else None
    res["info"]["first_screen_log"] = messages.toPlainText()[-800:] if messages else None
    yield from wait_canvas()
    shot(iface.mainWindow(), "first_screen_zh.png")
    # Compare modes right away: no run in this session, the stored run's scenario and inputs serve.
    compare = dock.findChild(QPushButton, "compareButton") if dock else None
    run_button = dock.findChild(QPushButton, "runButton") if dock else None
    if not check("results project: Compare modes is enabled without a run", compare is not None and compare.isEnabled()):
        return
    tabs = dock.findChild(QTabWidget, "tabs")
    if tabs is not None:
        tabs.setCurrentIndex(3)  # the comparison table is on the Run tab
    compare.click()
    yield from wait_idle(run_button)
    table = dock.findChild(QTableWidget, "comparisonTable")
    rows = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] if table else []
    modes = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] if table else []
    res["info"]["comparison_zh"] = {"modes": modes, "rows": len(rows),
                                    "with_english": [r for r in rows if english_words(r)]}
    check("results project: the three modes compared, rows labelled in Chinese",
          table is not None and table.isVisible() and len(modes) == 3 and rows
          and all(not english_words(r) for r in rows), res["info"]["comparison_zh"])
    # Compare again: the inputs are unchanged, the stored comparison is current and shown at once.
    log_view = dock.findChild(QPlainTextEdit, "logView")
    compare.click()
    yield 300
    log_text = log_view.toPlainText()[-600:] if log_view else ""
    check("results project: Compare modes again reuses the stored comparison (inputs unchanged, no task)",
          QgsApplication.taskManager().countActiveTasks() == 0 and run_button.isEnabled()
          and table.rowCount() == len(rows) and "未重新计算" in log_text, log_text)
    tabs = dock.findChild(QTabWidget, "tabs")
    if tabs is not None:
        tabs.setCurrentIndex(3)
        yield 300
    shot(dock, "dock_compare_zh.png")
