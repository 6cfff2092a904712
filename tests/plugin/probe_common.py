"""Shared by the desktop probe modules: the run's environment, the result record (check, mark,
shot) and helpers to find widgets, result groups and layers and to wait for runs and the canvas."""

import json
import os
import re
import time

from qgis.core import QgsApplication, QgsFeatureRequest, QgsProject
from qgis.PyQt.QtWidgets import QAction, QDockWidget
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
