"""zh phase, broken inputs: a park layer with problems, a broken scenario file and a broken table;
problems and messages in Chinese."""

import json
import os
import re

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QListWidget, QPlainTextEdit, QPushButton, QScrollArea
from qgis.PyQt import sip
from qgis.utils import iface

from probe_common import (CJK, OUT_DIR, SAMPLE, SCENARIOS, check, english_words, load_scenario, message_bar_items, res,
                          shot, wait_idle)


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
