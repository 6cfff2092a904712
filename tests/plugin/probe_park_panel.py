"""The identify tool and the park panel: the top park, a ranked park and an excluded park clicked
on the canvas."""

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QLabel, QWidget
from qgis.utils import iface

from probe_common import PHASE, check, find, res, shot, top_park, wait_canvas


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
