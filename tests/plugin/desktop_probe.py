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
#
# The checks live in the probe_*.py modules beside this file: probe_common (environment, result
# record, helpers), probe_park_panel, probe_plugin_manager, probe_main_phase, probe_zh_phase,
# probe_zh_inputs and probe_cli_phase. QGIS runs this file through exec() (no __file__), so the
# driver passes this directory in CLUSTERSHIFT_PROBE_SCRIPT_DIR.
import os
import sys
import traceback

from qgis.core import Qgis, QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

sys.path.insert(0, os.environ["CLUSTERSHIFT_PROBE_SCRIPT_DIR"])
from probe_common import PHASE, dump, mark, res  # noqa: E402
from probe_cli_phase import cli_steps  # noqa: E402
from probe_main_phase import main_steps  # noqa: E402
from probe_zh_phase import zh_steps  # noqa: E402


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
