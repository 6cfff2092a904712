# Runs inside the real QGIS desktop (qgis --code desktop_probe.py), driven by desktop_run_test.sh.
# Drives the ClusterShift dock like a user would and records every check in probe.json.
# The script is a generator of steps scheduled with QTimer so that QGIS keeps processing events
# (task manager, canvas rendering) between steps.
import json
import os
import time
import traceback

from qgis.core import Qgis, QgsProject, QgsApplication
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, QTimer
from qgis.PyQt.QtWidgets import (QAction, QApplication, QComboBox, QDialog, QDockWidget, QLabel, QPlainTextEdit,
                                 QPushButton, QTableWidget, QWidget)
from qgis.utils import iface

OUT = os.environ["CLUSTERSHIFT_PROBE_OUT"]
OUT_DIR = os.environ["CLUSTERSHIFT_PROBE_DIR"]
SAMPLE = os.environ["CLUSTERSHIFT_SAMPLE_DIR"]
REPORT = os.environ["CLUSTERSHIFT_REPORT_PATH"]
SHOT = os.environ["CLUSTERSHIFT_SCREENSHOT"]
RUN_TIMEOUT_S = 120

T0 = time.time()
res = {"checks": [], "timings": {}, "done": False, "error": None}


def dump():
    with open(OUT, "w") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)


def check(name, ok, detail=""):
    res["checks"].append([name, bool(ok), "" if detail is None else str(detail)])
    dump()
    return bool(ok)


def mark(label):
    res["timings"][label] = round(time.time() - T0, 2)


def message_bar_items():
    return [(it.level(), it.text(), it.title()) for it in iface.messageBar().items()]


def clear_message_bar():
    iface.messageBar().clearWidgets()


def typed_child(parent, base_cls, cls, name):
    """findChild by a QGIS widget class can miss C++-created widgets; find by a Qt base and cast."""
    w = parent.findChild(cls, name)
    if w is None:
        w = parent.findChild(base_cls, name)
        if w is not None:
            w = sip.cast(w, cls)
    return w


def find(cls, name):
    return iface.mainWindow().findChild(cls, name)


def result_group(titles):
    root = QgsProject.instance().layerTreeRoot()
    for t in titles:
        g = root.findGroup(t)
        if g is not None:
            return g
    return None


def layer_in_group(group, name):
    for node in group.findLayers():
        if node.layer() is not None and node.layer().name() == name:
            return node.layer()
    return None


def steps():
    mw = iface.mainWindow()
    # Use the whole virtual screen; the Browser panel is closed so the layer legend has room.
    mw.showMaximized()
    mw.setGeometry(0, 0, 1600, 1000)
    browser = mw.findChild(QDockWidget, "Browser")
    if browser is not None:
        browser.close()
    plugin_obj = mw.findChild(QObject, "qgis_plugin_libclustershiftplugin") or mw.findChild(
        QObject, "qgis_plugin_clustershiftplugin")
    check("plugin loaded (QObject qgis_plugin_libclustershiftplugin)", plugin_obj is not None)
    act = find(QAction, "mActionClusterShiftDock")
    check("action mActionClusterShiftDock found", act is not None)
    menus = [a.text() for a in iface.pluginMenu().actions()]
    check("plugin menu 'ClusterShift'", any(m.replace("&", "") == "ClusterShift" for m in menus), menus)
    if act is None:
        return
    act.trigger()
    yield 500
    dock = find(QDockWidget, "ClusterShiftDock")
    check("dock ClusterShiftDock visible", dock is not None and dock.isVisible())
    if dock is None:
        return
    run = dock.findChild(QPushButton, "runButton")
    report = dock.findChild(QPushButton, "reportButton")
    load = dock.findChild(QPushButton, "loadSampleButton")
    combo = dock.findChild(QComboBox, "scenarioCombo")
    file_widget = typed_child(dock, QWidget, QgsFileWidget, "scenarioFile")
    log_view = dock.findChild(QPlainTextEdit, "logView")
    check("dock widgets found", None not in (run, report, load, combo, file_widget, log_view))
    check("report button disabled before a run", report is not None and not report.isEnabled())

    # ---- sample layers ----
    load.click()
    yield 500
    project = QgsProject.instance()
    regions = project.mapLayersByName("regions")
    parks = project.mapLayersByName("parks")
    check("sample layers added", len(regions) == 1 and len(parks) == 1,
          [l.name() for l in project.mapLayers().values()])
    regions_combo = typed_child(dock, QComboBox, QgsMapLayerComboBox, "regionsCombo")
    parks_combo = typed_child(dock, QComboBox, QgsMapLayerComboBox, "parksCombo")
    check("layer combos preselect regions/parks",
          regions_combo.currentLayer() is not None and regions_combo.currentLayer().name() == "regions"
          and parks_combo.currentLayer() is not None and parks_combo.currentLayer().name() == "parks")

    # ---- bad input: the message bar shows an error and QGIS keeps running ----
    bad_schema = os.path.join(OUT_DIR, "broken_weight.json")
    wenzhou_path = os.path.join(SAMPLE, "scenarios", "wenzhou_footwear_complete.json")
    with open(wenzhou_path, encoding="utf-8") as f:
        wenzhou = json.load(f)
    broken = json.loads(json.dumps(wenzhou))
    broken["criteria"][0]["weight"] = "high"
    broken["data"] = {k: dict(v, path=os.path.join(SAMPLE, os.path.basename(v["path"])))
                      for k, v in broken["data"].items()}
    with open(bad_schema, "w", encoding="utf-8") as f:
        json.dump(broken, f, ensure_ascii=False)
    bad_syntax = os.path.join(OUT_DIR, "broken_syntax.json")
    with open(bad_syntax, "w") as f:
        f.write('{"version": 1, "name": ')
    for label, path, expect in (("wrong type", bad_schema, "weight"), ("not JSON", bad_syntax, "")):
        clear_message_bar()
        file_widget.setFilePath(path)
        run.click()
        yield 800
        items = message_bar_items()
        crit = [i for i in items if i[0] == Qgis.Critical]
        text = " | ".join(i[1] for i in crit)
        check(f"broken scenario ({label}) -> message bar error", bool(crit) and expect in text, text[:300])
        check(f"broken scenario ({label}) -> run button usable again", run.isEnabled())
        if label == "wrong type":
            iface.mainWindow().grab().save(os.path.join(OUT_DIR, "qgis_bad_input.png"))
    # Data problems found inside the task (regions chosen as the park layer: no park fields)
    # come back as a message-bar error, not as an exception or a crash.
    combo_idx = next((i for i in range(combo.count()) if "wenzhou" in str(combo.itemData(i))), -1)
    combo.setCurrentIndex(combo_idx)
    clear_message_bar()
    parks_combo.setLayer(regions[0])
    run.click()
    waited = 0
    while not run.isEnabled() and waited < RUN_TIMEOUT_S * 1000:
        yield 250
        waited += 250
    yield 300
    crit = [i for i in message_bar_items() if i[0] == Qgis.Critical]
    check("wrong park layer -> message bar error", bool(crit), (" | ".join(i[1] for i in crit))[:300])
    check("no result group after a failed run", result_group(
        list(wenzhou.get("title", {}).values()) + [wenzhou.get("name")]) is None)
    parks_combo.setLayer(parks[0])
    check("QGIS still running after bad input", iface.mainWindow().isVisible())
    clear_message_bar()

    # Cancel right after starting: the dock returns to idle whether the cancel or the run wins.
    cancel = dock.findChild(QPushButton, "cancelButton")
    run.click()
    cancel_enabled = cancel.isEnabled()
    cancel.click()
    waited = 0
    while not run.isEnabled() and waited < RUN_TIMEOUT_S * 1000:
        yield 100
        waited += 100
    status = dock.findChild(QWidget, "statusLabel").text()
    check("cancel button usable during a run, dock idle again after cancel",
          cancel_enabled and run.isEnabled() and not cancel.isEnabled() and "Cancelling" not in status, status)
    clear_message_bar()

    # ---- the Wenzhou run ----
    idx = next((i for i in range(combo.count()) if "wenzhou" in str(combo.itemData(i))), -1)
    check("Wenzhou preset listed", idx > 0, [combo.itemText(i) for i in range(combo.count())])
    if idx <= 0:
        return
    combo.setCurrentIndex(idx)
    yield 100
    check("preset sets the scenario file", file_widget.filePath().endswith("wenzhou_footwear_complete.json"),
          file_widget.filePath())
    titles = list(wenzhou.get("title", {}).values()) + [wenzhou.get("name")]
    mark("run_clicked")
    run.click()
    deadline = time.time() + RUN_TIMEOUT_S
    group = None
    while time.time() < deadline:
        yield 250
        group = result_group(titles)
        if group is not None:
            break
        if run.isEnabled() and QgsApplication.taskManager().countActiveTasks() == 0:
            yield 250
            group = result_group(titles)
            break
    mark("run_finished")
    check("result group named after the scenario", group is not None,
          f"groups={[g.name() for g in project.layerTreeRoot().findGroups()]} "
          f"messages={message_bar_items()} log={log_view.toPlainText()[-800:]}")
    if group is None:
        return
    cand = layer_in_group(group, "candidate_scores")
    flows = layer_in_group(group, "transfer_flows")
    res["info_group_expanded"] = group.isExpanded()
    res["info_project_crs"] = project.crs().description() + " " + project.crs().toProj()
    check("candidate_scores in the group", cand is not None)
    check("transfer_flows in the group", flows is not None)
    if cand is not None:
        check("candidate_scores has >= 150 features", cand.featureCount() >= 150, cand.featureCount())
        rtype = cand.renderer().type() if cand.renderer() else None
        check("candidate_scores graduated/rule-based renderer", rtype in ("graduatedSymbol", "RuleRenderer"), rtype)
        fields = [f.name() for f in cand.fields()]
        check("candidate_scores has score/rank/status/reason", all(f in fields for f in ("score", "rank", "status", "reason")),
              fields)
    if flows is not None:
        check("transfer_flows has 5 features", flows.featureCount() == 5, flows.featureCount())
    check("report button enabled", report.isEnabled())
    check("success message in the message bar", any(i[0] == Qgis.Success for i in message_bar_items()),
          message_bar_items())

    # ---- report ----
    if os.path.exists(REPORT):
        os.remove(REPORT)
    mark("report_clicked")
    report.click()
    yield 200
    mark("report_done")
    ok = os.path.exists(REPORT) and os.path.getsize(REPORT) > 10000
    if ok:
        with open(REPORT, "rb") as f:
            ok = f.read(5) == b"%PDF-"
    check("report PDF written via CLUSTERSHIFT_REPORT_PATH", ok,
          os.path.getsize(REPORT) if os.path.exists(REPORT) else f"missing; messages={message_bar_items()}")

    # ---- screenshot: map zoomed to the results ----
    canvas = iface.mapCanvas()
    extent = None
    for layer in (cand, flows):
        if layer is None:
            continue
        e = canvas.mapSettings().layerExtentToOutputExtent(layer, layer.extent())
        if extent is None:
            extent = e
        else:
            extent.combineExtentWith(e)
    if extent is not None:
        extent.scale(1.1)
        canvas.setExtent(extent)
    canvas.refresh()
    yield 500
    waited = 0
    while canvas.isDrawing() and waited < 15000:
        yield 250
        waited += 250
    yield 1000
    check("screenshot saved", iface.mainWindow().grab().save(SHOT), SHOT)

    # ---- criteria table, aggregation, AHP ----
    yield from criteria_steps(dock, run, titles, wenzhou)
    res["done"] = True


def wait_for_run(run, titles, previous_ids):
    """Waits until a run started by run.click() has finished; returns the result group."""
    deadline = time.time() + RUN_TIMEOUT_S
    while time.time() < deadline:
        yield 250
        if run.isEnabled() and QgsApplication.taskManager().countActiveTasks() == 0:
            break
    yield 500
    return result_group(titles)


def group_candidates(group):
    return layer_in_group(group, "candidate_scores") if group is not None else None


def criteria_steps(dock, run, titles, wenzhou):
    table = dock.findChild(QTableWidget, "criteriaTable")
    check("criteria table found", table is not None)
    if table is None:
        return
    n = len(wenzhou["criteria"])
    ids = [table.item(r, 1).text() if table.item(r, 1) else None for r in range(table.rowCount())]
    check(f"criteria table lists the scenario's {n} criteria", table.rowCount() == n
          and ids == [c["id"] for c in wenzhou["criteria"]], ids)
    aggregation = dock.findChild(QComboBox, "aggregationCombo")
    weighting = dock.findChild(QComboBox, "weightingCombo")
    encoding = dock.findChild(QComboBox, "encodingCombo")
    ahp = dock.findChild(QPushButton, "ahpButton")
    check("aggregation/weighting/encoding combos and AHP button found",
          None not in (aggregation, weighting, encoding, ahp)
          and [encoding.itemText(i) for i in range(encoding.count())][1:] == ["UTF-8", "GBK", "GB18030"])
    if None in (aggregation, weighting, ahp):
        return
    check("aggregation combo shows the scenario's method", aggregation.currentText() == wenzhou.get("aggregation", "wlc"),
          aggregation.currentText())
    project = QgsProject.instance()
    before = len(project.layerTreeRoot().findGroups())
    aggregation.setCurrentIndex(aggregation.findText("topsis"))
    clear_message_bar()
    run.click()
    group = yield from wait_for_run(run, titles, None)
    cand = group_candidates(group)
    log_text = dock.findChild(QPlainTextEdit, "logView").toPlainText()
    check("topsis re-run: candidate_scores has 217 features", cand is not None and cand.featureCount() == 217,
          f"{cand.featureCount() if cand else None}; messages={message_bar_items()}")
    check("topsis re-run: log names the aggregation", "aggregation topsis" in log_text, log_text[-400:])
    check("topsis re-run replaces the result group", len(project.layerTreeRoot().findGroups()) == before,
          [g.name() for g in project.layerTreeRoot().findGroups()])

    # The AHP dialog is modal: handle it from a timer inside its event loop.
    seen = {}

    def handle_dialog():
        dlg = QApplication.activeModalWidget()
        if dlg is None or dlg.objectName() != "ahpDialog":
            dlg = dock.findChild(QDialog, "ahpDialog")
        seen["found"] = dlg is not None
        if dlg is None:
            return
        cell = dlg.findChild(QComboBox, "ahpCell_0_1")
        seen["cell"] = cell is not None
        if cell is not None:
            cell.setCurrentIndex(cell.findText("5"))
        other = dlg.findChild(QComboBox, "ahpCell_1_2")
        if other is not None:
            other.setCurrentIndex(other.findText("1/7"))
        cr = dlg.findChild(QLabel, "ahpCrLabel")
        seen["cr"] = cr.text() if cr is not None else ""
        seen["cr_style"] = cr.styleSheet() if cr is not None else ""
        hint = dlg.findChild(QLabel, "ahpHintLabel")
        seen["hint"] = hint.text() if hint is not None else ""
        dlg.adjustSize()
        QApplication.processEvents()
        seen["shot"] = dlg.grab().save(os.path.join(OUT_DIR, "qgis_ahp.png"))
        dlg.accept()

    QTimer.singleShot(800, handle_dialog)
    ahp.click()  # returns when the dialog is closed
    yield 300
    check("AHP dialog opened (objectName ahpDialog) with cell combos", seen.get("found") and seen.get("cell"), seen)
    check("AHP CR label text non-empty and coloured", bool(seen.get("cr")) and "color" in seen.get("cr_style", ""),
          seen)
    check("AHP dialog screenshot saved", seen.get("shot"))
    check("AHP OK sets weighting to ahp", weighting.currentText() == "ahp", weighting.currentText())
    clear_message_bar()
    run.click()
    group = yield from wait_for_run(run, titles, None)
    cand = group_candidates(group)
    log_text = dock.findChild(QPlainTextEdit, "logView").toPlainText()
    check("AHP run: candidate_scores has 217 features and the log names the weighting",
          cand is not None and cand.featureCount() == 217 and "weighting ahp" in log_text,
          f"{cand.featureCount() if cand else None}; messages={message_bar_items()}; log={log_text[-400:]}")
    yield 300
    check("dock screenshot with the criteria table saved",
          dock.grab().save(os.path.join(OUT_DIR, "qgis_criteria.png")))


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


dump()
QTimer.singleShot(1000, lambda: drive(steps()))
