"""cli phase: a project the command line wrote for a scenario of the planner's own."""

import os

from qgis.core import QgsProject
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QListWidget
from qgis.PyQt import sip
from qgis.utils import iface

from probe_common import check, open_dock, prepare_window, res, shot, wait_canvas


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
