# Runs inside the real QGIS desktop (qgis --code desktop_probe.py), driven by desktop_run_test.sh.
# Drives ClusterShift like a planner would and records every check in the probe JSON.
# The script is a generator of steps scheduled with QTimer so that QGIS keeps processing events
# (task manager, canvas rendering) between steps.
#
# CLUSTERSHIFT_PROBE_PHASE selects what runs:
#   main  – English UI: plugin, dock tabs, sample layers, the three sample scenarios run from the
#           dock, result groups, a re-run, the identify tool on the top park, screenshots,
#           unload + reload through the Plugin Manager, project saved for the next phase.
#   zh    – QGIS restarted with locale/userLocale=zh-Hans (Simplified Chinese): the dock and the park panel in Chinese,
#           the saved project reopens with its result groups.
#   cli   – a project the command line wrote for a scenario that is not a sample (planner_run), opened
#           before the dock: the dock shows that run's scenario and inputs, not the first sample's.
import json
import os
import re
import time
import traceback

from qgis.core import (Qgis, QgsApplication, QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsProject,
                       QgsVectorLayer)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QObject, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QStandardItemModel
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAction, QApplication, QComboBox, QDialog, QDockWidget, QLabel, QLineEdit,
                                 QListView, QListWidget, QPlainTextEdit, QPushButton, QScrollArea, QTableWidget,
                                 QTabWidget, QToolBar,
                                 QToolButton, QWidget)
from qgis.PyQt import sip
from qgis.utils import iface

OUT = os.environ["CLUSTERSHIFT_PROBE_OUT"]
OUT_DIR = os.environ["CLUSTERSHIFT_PROBE_DIR"]
SAMPLE = os.environ["CLUSTERSHIFT_SAMPLE_DIR"]
PHASE = os.environ.get("CLUSTERSHIFT_PROBE_PHASE", "main")
PROJECT_PATH = os.path.join(OUT_DIR, "desktop_project.qgz")
SHOTS = os.path.join(OUT_DIR, "screenshots")
RUN_TIMEOUT_S = 180
SCENARIOS = ["wenzhou_footwear_complete", "guangzhou_leather_partial", "suzhou_electronics_replication"]
TABS = ["dataTab", "clusterTab", "criteriaTab", "runTab"]
PLUGIN_NAME = "ClusterShift"
CJK = re.compile("[\u4e00-\u9fff]")
# English left in a Chinese UI: a Latin word of two or more letters, after removing what may stay
# (indicator symbols, GDP, R&D, P(top-k), ids typed by the planner such as field names).
ALLOWED_LATIN = re.compile(r"ISU|TS|GDP|R&D|SMAA|AHP|TOPSIS|WLC|WPM|CRITIC|CR|CI|P\(|top|land_price|ClusterShift")


def english_words(text):
    return re.findall("[A-Za-z]{2,}", ALLOWED_LATIN.sub("", text or ""))

T0 = time.time()
res = {"phase": PHASE, "checks": [], "timings": {}, "info": {}, "done": False, "error": None}
os.makedirs(SHOTS, exist_ok=True)


def dump():
    with open(OUT, "w") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)


def check(name, ok, detail=""):
    res["checks"].append([name, bool(ok), "" if detail is None else str(detail)[:600]])
    dump()
    return bool(ok)


def mark(label):
    res["timings"][label] = round(time.time() - T0, 2)


def shot(widget, name):
    path = os.path.join(SHOTS, name)
    ok = widget.grab().save(path)
    res.setdefault("screenshots", []).append(path)
    return ok


def message_bar_items():
    return [(it.level(), it.text(), it.title()) for it in iface.messageBar().items()]


def find(cls, name):
    return iface.mainWindow().findChild(cls, name)


def load_scenario(name):
    with open(os.path.join(SAMPLE, "scenarios", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def scenario_groups():
    """Result groups added by the plugin: name → group (custom property clustershift/scenario)."""
    out = {}
    for g in QgsProject.instance().layerTreeRoot().findGroups(True):
        s = g.customProperty("clustershift/scenario")
        if s:
            out.setdefault(s, []).append(g)
    return out


def role_layer(group, role):
    for node in group.findLayers():
        layer = node.layer()
        if layer is not None and layer.customProperty("clustershift/role") == role:
            return layer
    return None


def top_park(layer):
    for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression('"rank" = 1')):
        return f
    return None


def wait_idle(run_button):
    """Waits until the run started last has finished (run button enabled, no active task)."""
    deadline = time.time() + RUN_TIMEOUT_S
    yield 500
    while time.time() < deadline:
        if run_button.isEnabled() and QgsApplication.taskManager().countActiveTasks() == 0:
            break
        yield 250
    yield 700


def wait_canvas():
    canvas = iface.mapCanvas()
    canvas.refresh()
    yield 400
    waited = 0
    while canvas.isDrawing() and waited < 20000:
        yield 250
        waited += 250
    yield 600


def prepare_window():
    mw = iface.mainWindow()
    mw.showMaximized()
    mw.setGeometry(0, 0, 1600, 1000)
    for name in ("Browser", "Browser2"):
        browser = mw.findChild(QDockWidget, name)
        if browser is not None:
            browser.close()


def open_dock():
    act = find(QAction, "mActionClusterShiftDock")
    if act is None:
        return None
    act.trigger()
    return find(QDockWidget, "ClusterShiftDock")


def identify_top_park(cand, group_name):
    """Activates the identify tool and clicks the rank-1 park of `cand` on the canvas."""
    canvas = iface.mapCanvas()
    act = find(QAction, "mActionClusterShiftIdentify")
    if act is None:
        check("identify action found", False)
        return None
    if not act.isChecked():
        act.trigger()
    yield 200
    tool = canvas.mapTool()
    check("identify tool is the canvas map tool and its action is checked",
          tool is not None and act.isChecked() and tool.action() is act,
          type(tool).__name__ if tool else None)
    top = top_park(cand)
    if not check("top park (rank 1) found in candidate_scores", top is not None):
        return None
    # Centre the map on the park so the click lands inside the canvas.
    map_pt = canvas.mapSettings().layerToMapCoordinates(cand, top.geometry().asPoint())
    extent = canvas.mapSettings().layerExtentToOutputExtent(cand, cand.extent())
    extent.scale(1.1)
    canvas.setExtent(extent)
    yield from wait_canvas()
    pix = canvas.getCoordinateTransform().transform(map_pt)
    # 3 px off the exact spot: the tool takes the nearest park within its tolerance.
    pos = QPoint(int(round(pix.x())) + 3, int(round(pix.y())) - 2)
    res["info"]["identify_click_px"] = [pos.x(), pos.y()]
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    yield 500
    panel = find(QDockWidget, "ClusterShiftParkPanel")
    check("park panel ClusterShiftParkPanel visible after the click", panel is not None and panel.isVisible())
    if panel is None:
        return None
    rank = panel.findChild(QLabel, "parkRankLabel")
    name = panel.findChild(QLabel, "parkNameLabel")
    chart = panel.findChild(QWidget, "contributionChart")
    check("park panel shows rank 1 and the top park's id",
          rank is not None and rank.text() == "1" and name is not None and top["id"] in name.text(),
          f"rank={rank.text() if rank else None} name={name.text() if name else None} top={top['id']}")
    labels = list(chart.property("labels") or []) if chart is not None else []
    values = list(chart.property("values") or []) if chart is not None else []
    n_contrib = len([f for f in cand.fields().names() if f.endswith("_contrib")])
    n_values = len([f for f in cand.fields().names() if f.endswith("_contrib") and top[f] is not None])
    check("contribution chart has one bar per criterion of the top park",
          chart is not None and n_contrib > 0 and len(labels) == n_values == n_contrib,
          f"labels={labels} contrib fields={n_contrib}")
    if chart is not None and top["score"] is not None:
        # Weighted linear combination: the contributions add up to the score.
        check("contribution bars add up to the park's score (wlc)",
              abs(sum(values) - float(top["score"])) <= 1e-6, f"sum={sum(values)} score={top['score']}")
    res["info"]["chart_labels_" + PHASE] = labels
    res["info"]["chart_sum_vs_score_" + PHASE] = [sum(values) if values else None, top["score"]]
    for lbl in ("parkRegionLabel", "parkScoreLabel", "parkTop1Label", "parkTopKLabel", "parkRankIntervalLabel", "parkStatusLabel",
                "parkExplanationLabel", "parkSourceLabel"):
        w = panel.findChild(QLabel, lbl)
        res["info"][f"{PHASE}_{lbl}"] = w.text() if w is not None else None
    check("park panel shows robustness (P(top-1) as a percentage, rank interval)",
          "%" in (res["info"][f"{PHASE}_parkTop1Label"] or "")
          and "–" in (res["info"][f"{PHASE}_parkRankIntervalLabel"] or ""),
          [res["info"][f"{PHASE}_parkTop1Label"], res["info"][f"{PHASE}_parkRankIntervalLabel"]])
    check("park panel names the result group", group_name in (res["info"][f"{PHASE}_parkSourceLabel"] or ""),
          res["info"][f"{PHASE}_parkSourceLabel"])
    # A click far from every park: the panel says so instead of keeping a stale park.
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(3, 3))
    yield 300
    msg = panel.findChild(QLabel, "parkMessageLabel")
    check("click away from parks -> panel message, no park", msg is not None and msg.isVisible()
          and rank.text() == "", msg.text() if msg else None)
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, pos)
    yield 500
    return panel


def click_isolated_park(cand, accept):
    """Clicks the first park for which accept(feature) holds and that has no other park within 12 px
    on the canvas; returns the feature (None when there is none)."""
    canvas = iface.mapCanvas()
    xf = canvas.getCoordinateTransform()
    pixels = {}
    for f in cand.getFeatures():
        p = xf.transform(canvas.mapSettings().layerToMapCoordinates(cand, f.geometry().asPoint()))
        pixels[f.id()] = (p.x(), p.y(), f)
    w, h = canvas.viewport().width(), canvas.viewport().height()
    for fid, (x, y, f) in pixels.items():
        if not accept(f) or not (20 < x < w - 20 and 20 < y < h - 20):
            continue
        if all((x - x2) ** 2 + (y - y2) ** 2 > 144 for fid2, (x2, y2, _) in pixels.items() if fid2 != fid):
            QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(int(round(x)), int(round(y))))
            return f
    return None


def identify_ranked_park(cand, panel):
    """A ranked park behind the top: the panel explains what keeps it behind the next better one."""
    f = click_isolated_park(cand, lambda f: f["status"] == "ok" and f["rank"] not in (None, 1)
                            and bool(f["explanation"]))
    if not check("an isolated ranked park with an explanation is on the map", f is not None):
        return
    yield 500
    rank = panel.findChild(QLabel, "parkRankLabel")
    explanation = panel.findChild(QLabel, "parkExplanationLabel")
    better_id = f["explanation"].split()[1]
    better = next(cand.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"id\" = '{better_id}'")), None)
    check("ranked park: panel shows its rank and explains it with the better park's name",
          rank.text() == str(f["rank"]) and explanation.isVisible() and better is not None
          and better["name"] in explanation.text() and "Behind" in explanation.text(),
          f"rank={rank.text()} expected={f['rank']} explanation={explanation.text()!r} core={f['explanation']!r}")
    panel.raise_()
    yield 300
    shot(panel, "park_panel_ranked_en.png")


def identify_excluded_park(cand, panel):
    """Clicks an excluded park that has no other park within 12 px: the panel shows why."""
    target = click_isolated_park(cand, lambda f: f["status"] == "excluded")
    if not check("an isolated excluded park is on the map", target is not None):
        return
    f = target
    yield 500
    status = panel.findChild(QLabel, "parkStatusLabel")
    reason = panel.findChild(QLabel, "parkReasonLabel")
    name = panel.findChild(QLabel, "parkNameLabel")
    chart = panel.findChild(QWidget, "contributionChart")
    # The reason is rendered from the run's codes and values (labels and units, no field ids).
    check("excluded park: panel shows status 'excluded' and the exclusion reason in words",
          f["id"] in name.text() and status.text() == "excluded" and reason.isVisible()
          and reason.text() and f["reason"] and "_raw" not in reason.text(),
          f"name={name.text()} status={status.text()} reason={reason.text()!r} core={f['reason']!r}")
    values = list(chart.property("values") or []) if chart is not None else []
    check("excluded park: criterion values listed, no contribution bars",
          chart is not None and values and all(v != v for v in values),  # NaN: no bar
          f"labels={chart.property('labels') if chart else None} values={values}")
    panel.raise_()
    yield 300
    shot(panel, "park_panel_excluded_en.png")


# ---------------------------------------------------------------------------------------------
# main phase

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


def check_plugin_parts(when, expect_present=True):
    mw = iface.mainWindow()
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
    steps_done = []

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


# ---------------------------------------------------------------------------------------------
# zh phase: QGIS restarted with locale/userLocale = zh-Hans

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


def data_tab_problems_zh(dock, tabs):
    """A park layer with problems (negative and NULL areas, no available_ha for the land criterion)
    picked in the Data tab: every problem is listed in Chinese; only the layer, fid, field names
    and values stay as they are."""
    parks_combo = dock.findChild(QComboBox, "parkLayerCombo")
    combo = sip.cast(parks_combo, QgsMapLayerComboBox) if parks_combo is not None else None
    if not check("data tab: park layer picker", combo is not None):
        return
    previous = combo.currentLayer()
    previous_tab = tabs.currentIndex() if tabs is not None else -1
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=id:string&field=name:string&field=name_zh:string"
                           "&field=level:string&field=area_ha:double", "问题园区", "memory")
    feats = []
    for i, (lon, lat, area) in enumerate([(119.9, 29.1, -3.5), (118.3, 33.6, None), (117.0, 31.8, 800.0)]):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        f.setAttributes([f"Q{i + 1}", f"Park Q{i + 1}", f"问题园区{i + 1}", "provincial", area])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    QgsProject.instance().addMapLayer(layer)
    combo.setLayer(layer)
    if tabs is not None:
        tabs.setCurrentIndex(0)
    yield 2500  # the dock validates debounced
    problems = dock.findChild(QListWidget, "problemsList")
    items = [problems.item(i) for i in range(problems.count())] if problems else []
    texts = [it.text() for it in items]
    res["info"]["data_problems_zh"] = texts
    kept = re.compile(r"fid=\d+|\b(id|name|name_zh|level|area_ha)\b")
    left = [t for t in texts if english_words(kept.sub("", t))]
    check("data tab lists the layer's problems, errors among them",
          len(texts) >= 3 and any(it.data(Qt.UserRole) == "error" for it in items), texts)
    check("data tab problems in Chinese, with the field and value kept",
          not left and any("area_ha" in t and "-3.5" in t for t in texts), {"english": left, "all": texts})
    dock.findChild(QScrollArea, "dataTab").verticalScrollBar().setValue(10 ** 6)
    yield 300
    check("data tab with problems screenshot saved", shot(dock, "dock_dataTab_problems_zh.png"))
    combo.setLayer(previous)
    QgsProject.instance().removeMapLayer(layer.id())
    if tabs is not None and previous_tab >= 0:
        tabs.setCurrentIndex(previous_tab)
    yield 1500


def problem_texts(dock):
    problems = dock.findChild(QListWidget, "problemsList")
    return [problems.item(i).text() for i in range(problems.count())] if problems else []


def broken_inputs_zh(dock, tabs):
    """A scenario file with mistakes, then a valid one whose industry-output table has a short row,
    a text cell and a repeated region: the Data tab's problems and the message bar in Chinese, only
    what the file's author typed (keys, ids, values, file names) left as written."""
    check("Qt's own words in Chinese (OK/Cancel of the dialogs: qt_zh_CN loaded)",
          QApplication.translate("QPlatformTheme", "Cancel") == "取消",
          QApplication.translate("QPlatformTheme", "Cancel"))
    file_widget = sip.cast(dock.findChild(QgsFileWidget, "scenarioFile"), QgsFileWidget)
    if not check("scenario file widget found", file_widget is not None):
        return
    original = file_widget.filePath()
    broken = os.path.join(OUT_DIR, "broken_scenario.json")
    scenario = load_scenario(SCENARIOS[0])
    for key, block in scenario["data"].items():
        block["path"] = os.path.normpath(os.path.join(SAMPLE, "scenarios", block["path"]))
    bad = json.loads(json.dumps(scenario))
    bad["version"] = 2
    bad["source"]["lon"] = 200
    del bad["source"]["lat"]
    bad["criteria"][0]["weight"] = -1
    bad["criteria"][1]["id"] = "land_supply"
    bad["weighting"] = {"method": "ahp"}
    bad["colour"] = "red"
    with open(broken, "w", encoding="utf-8") as f:
        json.dump(bad, f, ensure_ascii=False, indent=1)
    iface.messageBar().clearWidgets()
    if tabs is not None:
        tabs.setCurrentIndex(0)
    file_widget.setFilePath(broken)
    yield 2500
    # What the author typed, and the keys a scenario may have, listed after an unknown one.
    typed = re.compile(r"colour|land_supply|broken_scenario\.json|\bred\b|（可用：[^）]*）")
    texts = problem_texts(dock)
    res["info"]["broken_scenario_problems_zh"] = texts
    left = [t for t in texts if english_words(typed.sub("", t))]
    check("broken scenario: every problem listed in Chinese, only what the author typed kept",
          len(texts) >= 6 and not left, {"english": left, "all": texts})
    bar = [(t, x) for _, x, t in message_bar_items()]
    res["info"]["broken_scenario_message_bar_zh"] = bar
    check("broken scenario: the message bar says it in Chinese",
          bar and all(CJK.search(x) and not english_words(typed.sub("", x)) for _, x in bar), bar)
    dock.findChild(QScrollArea, "dataTab").verticalScrollBar().setValue(10 ** 6)
    yield 300
    shot(dock, "dock_broken_scenario_zh.png")
    shot(iface.mainWindow(), "message_bar_broken_scenario_zh.png")

    # A valid scenario over a broken table.
    table = os.path.join(OUT_DIR, "broken_output.csv")
    with open(os.path.join(SAMPLE, "industry_output.csv"), encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    lines.append(row[0] + "," + ",".join(["abc"] + row[2:]))  # the region again, a text cell
    lines.append(lines[2].split(",")[0] + ",1")  # a short row
    with open(table, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    scenario["data"]["industry_output"]["path"] = table
    good = os.path.join(OUT_DIR, "broken_table_scenario.json")
    with open(good, "w", encoding="utf-8") as f:
        json.dump(scenario, f, ensure_ascii=False, indent=1)
    iface.messageBar().clearWidgets()
    file_widget.setFilePath(good)
    yield 3000
    run = dock.findChild(QPushButton, "runButton")
    run.click()
    yield from wait_idle(run)
    texts = problem_texts(dock)
    bar = [x for _, x, _ in message_bar_items()]
    log_view = dock.findChild(QPlainTextEdit, "logView")
    log_lines = [l for l in (log_view.toPlainText().splitlines() if log_view else []) if "broken_output" in l]
    res["info"]["broken_table_zh"] = {"problems": texts, "bar": bar, "log": log_lines}
    kept = re.compile(r"broken_output\.csv|" + re.escape(table) + "|" + "|".join(re.escape(h) for h in header) + r"|abc")
    everything = texts + bar + log_lines
    left = [t for t in everything if english_words(kept.sub("", t))]
    check("broken table: problems in Chinese (file, row, column and value kept)",
          any("broken_output" in t for t in everything) and not left, {"english": left, "all": everything})
    dock.findChild(QScrollArea, "dataTab").verticalScrollBar().setValue(10 ** 6)
    if tabs is not None:
        tabs.setCurrentIndex(0)
    yield 300
    shot(dock, "dock_broken_table_zh.png")
    if tabs is not None:
        tabs.setCurrentIndex(3)
    yield 300
    shot(dock, "dock_broken_table_run_zh.png")
    shot(iface.mainWindow(), "message_bar_broken_table_zh.png")
    iface.messageBar().clearWidgets()
    file_widget.setFilePath(original)
    yield 2500
    if tabs is not None:
        tabs.setCurrentIndex(0)


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


def cli_steps():
    """A results project of the command line, for a scenario of the planner's own (its name is no
    sample's): opened first, then the dock. The dock must take the run's scenario from the
    GeoPackage's run information, inputs and tables included, and find no data problems; before,
    it guessed the first sample scenario and showed that scenario's problems with these layers."""
    prepare_window()
    qgz = os.environ.get("CLUSTERSHIFT_PROBE_CLI_PROJECT", "")
    planner = os.path.dirname(os.path.dirname(qgz))
    ok = bool(qgz) and QgsProject.instance().read(qgz)
    yield 1500
    check("cli: the command line's project opens", ok, qgz)
    dock = open_dock()
    yield 2500  # the data check runs after a short delay
    combos = [dock.findChild(QComboBox, n) if dock else None for n in ("regionLayerCombo", "parkLayerCombo")]
    chosen = [sip.cast(c, QgsMapLayerComboBox).currentLayer() for c in combos if c is not None]
    sources = [l.source().split("|")[0] if l else None for l in chosen]
    check("cli: region and park pickers hold the run's own inputs",
          len(sources) == 2 and all(src and os.path.dirname(src) == planner for src in sources), sources)
    table = dock.findChild(QgsFileWidget, "industryTableFile") if dock else None
    path = table.filePath() if table else ""
    check("cli: the industry table is the run's, not the sample's",
          os.path.dirname(path) == planner and os.path.basename(path) == "industry_output.csv", path)
    problems = dock.findChild(QListWidget, "problemsList") if dock else None
    texts = [problems.item(i).text() for i in range(problems.count())] if problems else None
    flagged = [problems.item(i).data(Qt.UserRole) for i in range(problems.count())] if problems else []
    res["info"]["cli_problems"] = texts
    check("cli: the data check finds no problem in the run's own inputs",
          texts is not None and len(texts) == 1 and not any(flagged)
          and ("No problems found" in texts[0] or "未发现" in texts[0]), texts)
    yield from wait_canvas()
    canvas = iface.mapCanvas()
    regions = [l for l in QgsProject.instance().mapLayers().values() if l.customProperty("clustershift/role") == "regions"]
    area = canvas.mapSettings().layerExtentToOutputExtent(regions[0], regions[0].extent()) if regions else None
    res["info"]["cli_canvas"] = [canvas.scale(), canvas.extent().toString(0)]
    check("cli: the map opens on the study area (the project's default view), not at 1:1 on an empty map",
          area is not None and canvas.scale() > 1e5 and canvas.extent().contains(area.center())
          and canvas.extent().width() < 3 * area.width(), res["info"]["cli_canvas"])
    shot(iface.mainWindow(), "cli_project_first_screen.png")
    res["done"] = True


def drive(gen):
    try:
        delay = next(gen)
    except StopIteration:
        finish()
        return
    except Exception:
        res["error"] = traceback.format_exc()
        finish()
        return
    QTimer.singleShot(int(delay), lambda: drive(gen))


def finish():
    mark("quit")
    dump()
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


def log_message(message, tag, level):
    # Plugin loading problems and ClusterShift messages end up in the probe JSON.
    if tag in ("Plugins", "ClusterShift") or level >= Qgis.Warning:
        res.setdefault("message_log", []).append(f"[{tag}] {message}"[:500])


QgsApplication.messageLog().messageReceived.connect(log_message)
dump()
STEPS = {"main": main_steps, "zh": zh_steps, "cli": cli_steps}
QTimer.singleShot(1500, lambda: drive(STEPS[PHASE]()))
