"""main phase: English UI, sample layers, the three sample scenarios run from the dock, the park
panel, the Plugin Manager cycle and an industry table from a memory layer."""

import os
import re
import time

from qgis.core import QgsApplication, QgsFeature, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import QObject, QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QComboBox, QDockWidget, QPlainTextEdit, QPushButton, QTabWidget, QToolButton, QWidget
from qgis.PyQt import sip
from qgis.utils import iface

from probe_common import (OUT_DIR, PROJECT_PATH, RUN_TIMEOUT_S, SAMPLE, SCENARIOS, TABS, check, find, load_scenario,
                          mark, message_bar_items, open_dock, prepare_window, res, role_layer, scenario_groups, shot,
                          top_park, wait_canvas, wait_idle)
from probe_park_panel import identify_excluded_park, identify_ranked_park, identify_top_park
from probe_plugin_manager import check_plugin_parts, plugin_manager_cycle


def main_steps():
    prepare_window()
    mw = iface.mainWindow()
    # QGIS names the plugin object after the library base name (with or without "lib", by version).
    plugin_obj = mw.findChild(QObject, "qgis_plugin_libclustershiftplugin") or mw.findChild(
        QObject, "qgis_plugin_clustershiftplugin")
    check("plugin loaded (QObject qgis_plugin_[lib]clustershiftplugin)", plugin_obj is not None)
    yield from check_plugin_parts("after start")
    dock = open_dock()
    yield 600
    check("dock ClusterShiftDock visible", dock is not None and dock.isVisible())
    if dock is None:
        return
    tabs = dock.findChild(QTabWidget, "tabs")
    pages = [tabs.widget(i).objectName() for i in range(tabs.count())] if tabs is not None else []
    check("dock has the four tabs dataTab, clusterTab, criteriaTab, runTab", pages == TABS, pages)
    res["info"]["tab_titles_en"] = [tabs.tabText(i) for i in range(tabs.count())] if tabs else []

    # ---- sample layers ----
    load = dock.findChild(QPushButton, "loadSampleButton")
    check("loadSampleButton found", load is not None)
    if load is None:
        return
    load.click()
    yield 1000
    project = QgsProject.instance()
    check("sample layers regions and parks added",
          len(project.mapLayersByName("regions")) >= 1 and len(project.mapLayersByName("parks")) >= 1,
          [l.name() for l in project.mapLayers().values()])
    region_combo = dock.findChild(QComboBox, "regionLayerCombo")
    park_combo = dock.findChild(QComboBox, "parkLayerCombo")
    check("region/park layer combos show the sample layers",
          region_combo is not None and park_combo is not None
          and region_combo.currentText().startswith("regions") and park_combo.currentText().startswith("parks"),
          [region_combo.currentText() if region_combo else None, park_combo.currentText() if park_combo else None])

    # ---- the three sample scenarios, run from the dock ----
    combo = dock.findChild(QComboBox, "scenarioCombo")
    run = dock.findChild(QPushButton, "runButton")
    log_view = dock.findChild(QPlainTextEdit, "logView")
    check("scenarioCombo and runButton found", combo is not None and run is not None)
    if combo is None or run is None:
        return
    listed = [str(combo.itemData(i)) for i in range(combo.count())]
    for name in SCENARIOS:
        scenario = load_scenario(name)
        idx = next((i for i, d in enumerate(listed) if name in d), -1)
        if not check(f"{name}: listed in scenarioCombo", idx >= 0, listed):
            continue
        combo.setCurrentIndex(idx)
        yield 800
        iface.messageBar().clearWidgets()
        mark(f"run_{name}_clicked")
        run.click()
        yield from wait_idle(run)
        mark(f"run_{name}_done")
        groups = scenario_groups().get(name, [])
        titles = list(scenario["title"].values())
        group = groups[0] if groups else None
        named = group is not None and any(group.name().startswith(t) for t in titles) \
            and re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", group.name()) is not None
        check(f"{name}: one result group named '<title> – <yyyy-MM-dd HH:mm>'", len(groups) == 1 and named,
              f"groups={[g.name() for g in groups]} messages={message_bar_items()} "
              f"log={log_view.toPlainText()[-600:] if log_view else ''}")
        if group is None:
            continue
        gpkg = group.customProperty("clustershift/gpkg")
        check(f"{name}: group property clustershift/gpkg names an existing GeoPackage",
              bool(gpkg) and os.path.isfile(gpkg), gpkg)
        roles = sorted(filter(None, (n.layer().customProperty("clustershift/role") for n in group.findLayers()
                                     if n.layer() is not None)))
        res["info"][f"roles_{name}"] = roles
        check(f"{name}: candidate_scores, transfer_flows and regions in the group",
              all(r in roles for r in ("candidate_scores", "transfer_flows", "regions")), roles)
        run_info = QgsVectorLayer(f"{gpkg}|layername=run_info", "run_info", "ogr") if gpkg else None
        check(f"{name}: the GeoPackage holds the run_info table (criteria labels for the park panel)",
              run_info is not None and run_info.isValid() and run_info.featureCount() == 1)
        cand = role_layer(group, "candidate_scores")
        if cand is not None:
            ranked = [f for f in cand.getFeatures() if f["status"] == "ok"]
            check(f"{name}: candidate_scores has ranked parks, rank 1 present",
                  len(ranked) > 0 and top_park(cand) is not None, f"{cand.featureCount()} features, {len(ranked)} ok")
        flows = role_layer(group, "transfer_flows")
        check(f"{name}: transfer_flows has features", flows is not None and flows.featureCount() > 0,
              flows.featureCount() if flows else None)

    groups = scenario_groups()
    check("three result groups, one per scenario", sorted(groups) == sorted(SCENARIOS)
          and all(len(v) == 1 for v in groups.values()), {k: [g.name() for g in v] for k, v in groups.items()})

    # ---- re-run Wenzhou twice: its group is replaced, the others stay ----
    wenzhou = SCENARIOS[0]
    others = {k: v[0].name() for k, v in groups.items() if k != wenzhou}
    idx = next((i for i, d in enumerate(listed) if wenzhou in d), -1)
    for attempt in (1, 2):
        combo.setCurrentIndex(idx)
        yield 500
        run.click()
        yield from wait_idle(run)
    groups = scenario_groups()
    check("re-running Wenzhou twice keeps one group per scenario",
          sorted(groups) == sorted(SCENARIOS) and all(len(v) == 1 for v in groups.values()),
          {k: [g.name() for g in v] for k, v in groups.items()})
    check("the other scenarios' groups are untouched",
          all(groups.get(k, [None])[0] is not None and groups[k][0].name() == n for k, n in others.items()), others)

    # ---- screenshots of the four tabs ----
    if tabs is not None:
        for i, page in enumerate(TABS):
            tabs.setCurrentIndex(i)
            yield 400
            check(f"screenshot of {page} saved", shot(dock, f"dock_{page}_en.png"))

    # ---- the map with the Wenzhou results, the other groups hidden ----
    group = scenario_groups()[wenzhou][0]
    for k, v in scenario_groups().items():
        v[0].setItemVisibilityChecked(k == wenzhou)
    cand = role_layer(group, "candidate_scores")
    if cand is None:
        check("Wenzhou candidate_scores present for the map", False)
        return
    panel = yield from identify_top_park(cand, group.name())
    if panel is not None:
        yield from identify_ranked_park(cand, panel)
        yield from identify_excluded_park(cand, panel)
        # Back to the top park for the screenshots.
        QTest.mouseClick(iface.mapCanvas().viewport(), Qt.LeftButton, Qt.NoModifier,
                         QPoint(*res["info"]["identify_click_px"]))
        yield 500
    yield from wait_canvas()
    check("map screenshot with results saved", shot(mw, "map_results_en.png"))
    if panel is not None:
        panel.raise_()
        yield 300
        check("park panel screenshot saved", shot(panel, "park_panel_en.png"))

    # ---- processing provider ----
    reg = QgsApplication.processingRegistry()
    prov = reg.providerById("clustershift")
    algs = sorted(a.id() for a in prov.algorithms()) if prov else []
    check("processing provider registered by the plugin offers the six algorithms",
          algs == sorted("clustershift:" + a for a in ("scoresites", "projecteffects", "comparemodes", "printreport",
                                                       "indices_relatedness", "indices_structure")), algs)

    # ---- save the project for the zh phase ----
    project.write(PROJECT_PATH)
    check("project with results saved", os.path.isfile(PROJECT_PATH), PROJECT_PATH)

    # ---- unload and reload through the Plugin Manager (identify tool still active) ----
    dock = yield from plugin_manager_cycle()

    # ---- unload while a run is (probably) still going: QGIS keeps running, nothing dangles ----
    if dock is not None:
        combo = dock.findChild(QComboBox, "scenarioCombo")
        run = dock.findChild(QPushButton, "runButton")
        idx = next((i for i in range(combo.count()) if wenzhou in str(combo.itemData(i))), -1)
        combo.setCurrentIndex(idx)
        yield 500
        before = {k: v[0].name() for k, v in scenario_groups().items()}
        run.click()
        yield from plugin_manager_cycle(delay_ms=100, label=" (unloaded during a run)", expect_tool=False)
        deadline = time.time() + RUN_TIMEOUT_S
        while QgsApplication.taskManager().countActiveTasks() > 0 and time.time() < deadline:
            yield 250
        yield 500
        groups = scenario_groups()
        check("after unloading during a run: QGIS alive, one result group per scenario",
              iface.mainWindow().isVisible() and sorted(groups) == sorted(SCENARIOS)
              and all(len(v) == 1 for v in groups.values()),
              {"before": before, "after": {k: [g.name() for g in v] for k, v in groups.items()}})
    yield from table_from_memory_layer()
    res["done"] = True


def table_from_memory_layer():
    """The industry-output table from a memory layer (no file): the dock uses a copy, and a run
    with it ranks as the run with the CSV file did."""
    import csv
    dock = find(QDockWidget, "ClusterShiftDock")
    run = dock.findChild(QPushButton, "runButton") if dock else None
    combo = dock.findChild(QComboBox, "scenarioCombo") if dock else None
    name = SCENARIOS[1]  # not the first: the zh phase reopens the first one's results
    groups = scenario_groups().get(name, [])
    if not check("memory table: a result of the scenario to compare with", dock and groups):
        return
    before = top_park(role_layer(groups[0], "candidate_scores"))
    with open(os.path.join(SAMPLE, "industry_output.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    uri = "None?" + "&".join(["field=region_id:string"] + [f"field={h}:double" for h in header[1:]])
    layer = QgsVectorLayer(uri, "output_table_memory", "memory")
    feats = []
    for r in body:
        feat = QgsFeature(layer.fields())
        feat.setAttributes([r[0]] + [float(v) if v else None for v in r[1:]])
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    idx = next((i for i in range(combo.count()) if name in str(combo.itemData(i))), -1)
    combo.setCurrentIndex(idx)
    yield 800
    button = dock.findChild(QToolButton, "industryTableLayerButton")
    menu = button.menu() if button is not None else None
    if not check("memory table: the table button has a menu", menu is not None):
        return
    menu.aboutToShow.emit()
    actions = [a for a in menu.actions() if a.text().startswith("output_table_memory")]
    if not check("memory table: the memory layer is offered", len(actions) == 1, [a.text() for a in menu.actions()]):
        return
    actions[0].trigger()
    yield 300
    found = dock.findChild(QWidget, "industryTableFile")
    widget = sip.cast(found, QgsFileWidget) if found is not None else None
    original = os.path.join(SAMPLE, "industry_output.csv")
    path = widget.filePath() if widget is not None else ""
    copy = QgsVectorLayer(path + "|layername=table", "copy", "ogr") if path else None
    check("memory table: a GeoPackage copy with every row is used",
          copy is not None and copy.isValid() and copy.featureCount() == len(body), path)
    run.click()
    yield from wait_idle(run)
    groups = scenario_groups().get(name, [])
    after = top_park(role_layer(groups[0], "candidate_scores")) if groups else None
    check("memory table: the run with the copy ranks the same top park as with the CSV",
          before is not None and after is not None and before["id"] == after["id"],
          [before["id"] if before else None, after["id"] if after else None])
    # Saving the project while the table is a temporary copy: the planner is told and, on the
    # message bar's button, the table is written as a GeoPackage in the project folder.
    folder = os.path.join(OUT_DIR, "memory_table_project")
    os.makedirs(folder, exist_ok=True)
    QgsProject.instance().write(os.path.join(folder, "memory_table.qgz"))
    yield 500
    keep = iface.messageBar().findChild(QPushButton, "keepTableCopiesButton")
    if check("memory table: saving the project offers to keep the table in the project folder", keep is not None,
             message_bar_items()):
        keep.click()
        yield 800
        kept = os.path.join(folder, "output_table_memory.gpkg")
        saved = QgsProject.instance().readEntry("ClusterShift", "/scenario")[0]
        table = QgsVectorLayer(kept + "|layername=table", "kept", "ogr")
        check("memory table: kept as a GeoPackage with every row, the table and the saved scenario name it",
              table.isValid() and table.featureCount() == len(body) and widget is not None
              and widget.filePath() == kept and kept in saved,
              [kept, widget.filePath() if widget else None, saved[:300]])
    if widget is not None:
        widget.setFilePath(original)  # the saved project keeps the sample file, not the temporary copy
    yield 300
