#!/bin/bash
# Opens the real QGIS desktop with the freshly built ClusterShift plugin enabled and the demo
# project loaded. Fresh profile inside the build tree; the user's own QGIS profile is untouched.
# Usage: run-qgis.sh BUILD_DIR DEMO_OUT_DIR   (make qgis)
set -eu
if [ $# -lt 2 ]; then echo "usage: $0 BUILD_DIR DEMO_OUT_DIR" >&2; exit 2; fi
BUILD=$(realpath "$1")
DEMO=$(realpath "$2")
shift 2  # anything else goes to qgis (e.g. --code script.py)
PLUGIN_DIR=$BUILD/qgisplugins
[ -f "$PLUGIN_DIR/libclustershiftplugin.so" ] || { echo "plugin not built: $PLUGIN_DIR/libclustershiftplugin.so (run make build)" >&2; exit 1; }

PROJECT=""
for preferred in wenzhou_footwear_complete; do
  PROJECT=$(find "$DEMO" -name "$preferred*.qgz" 2>/dev/null | sort | head -n 1)
  [ -n "$PROJECT" ] && break
done
[ -n "$PROJECT" ] || PROJECT=$(find "$DEMO" -name "*.qgz" 2>/dev/null | sort | head -n 1)
[ -n "$PROJECT" ] || echo "no demo project (.qgz) under $DEMO: QGIS opens without one (run make demo)" >&2

PROFILES=$BUILD/qgis-profile
rm -rf "$PROFILES"
# Sample data for the dock's "Load sample data" and presets (the plugin also finds it by itself).
SRC=$(cd "$(dirname "$0")/.." && pwd)
. "$SRC/scripts/qgis-profile.sh"
write_qgis_ini "$PROFILES/profiles/default/QGIS/QGIS3.ini" "$PLUGIN_DIR"
if [ -z "${CLUSTERSHIFT_DATA:-}" ] && [ -d "$SRC/sample_data" ]; then export CLUSTERSHIFT_DATA=$SRC/sample_data; fi

# Start-up code: show the ClusterShift panel and, when the project stores no map view, zoom to
# its layers (a project written headless has no canvas extent). Skipped if the caller passes --code.
cat > "$PROFILES/startup.py" <<'PY'
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction
from qgis.utils import iface


def clustershift_startup():
    canvas = iface.mapCanvas()
    if canvas.layerCount() and (canvas.extent().isEmpty() or canvas.scale() < 10):
        canvas.zoomToFullExtent()
        canvas.refresh()
    action = iface.mainWindow().findChild(QAction, "mActionClusterShiftDock")
    if action is not None:
        action.trigger()


QTimer.singleShot(500, clustershift_startup)
PY

ARGS=(--profiles-path "$PROFILES" --nologo --noversioncheck)
[ -n "$PROJECT" ] && ARGS+=(--project "$PROJECT")
case " $* " in *" --code "*) ;; *) ARGS+=(--code "$PROFILES/startup.py") ;; esac
# Without a display (ssh, CI) use a virtual one.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
  echo "no DISPLAY: starting QGIS inside xvfb-run" >&2
  exec xvfb-run -a -s "-screen 0 1600x1000x24" qgis "${ARGS[@]}" "$@"
fi
echo "QGIS: profile $PROFILES, plugin $PLUGIN_DIR${PROJECT:+, project $PROJECT}"
exec qgis "${ARGS[@]}" "$@"
