#!/bin/bash
# Desktop end-to-end test: the real QGIS desktop under Xvfb loads libclustershiftplugin.so from
# the build tree (fresh profile), the probe opens the dock, loads the sample layers, checks that a
# broken scenario gives a message-bar error, runs the Wenzhou scenario, checks the result layers,
# prints the report and saves a screenshot, then quits QGIS.
# Usage: desktop_run_test.sh BUILD_DIR SOURCE_DIR OUT_DIR
set -eu
if [ $# -ne 3 ]; then echo "usage: $0 BUILD_DIR SOURCE_DIR OUT_DIR" >&2; exit 2; fi
BUILD=$(realpath "$1")
SRC=$(realpath "$2")
OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
PLUGIN_DIR=$BUILD/qgisplugins
[ -f "$PLUGIN_DIR/libclustershiftplugin.so" ] || { echo "FAIL plugin not built: $PLUGIN_DIR/libclustershiftplugin.so"; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/profiles/default/QGIS" "$OUT/home" "$OUT/tmp" "$OUT/xdg"
chmod 700 "$OUT/xdg"
OUT=$(realpath "$OUT")
cat > "$OUT/profiles/default/QGIS/QGIS3.ini" <<INI
[Plugins]
libclustershiftplugin=true

[plugins]
searchPathsForPlugins=$PLUGIN_DIR

[app]
askToSaveMemoryLayers=false

[qgis]
askToSaveProjectChanges=false
checkVersion=false
showTips=false

[locale]
overrideFlag=true
userLocale=en_US
INI

export HOME=$OUT/home TMPDIR=$OUT/tmp XDG_RUNTIME_DIR=$OUT/xdg
unset CLUSTERSHIFT_DATA QT_QPA_PLATFORM
export CLUSTERSHIFT_PROBE_OUT=$OUT/probe.json
export CLUSTERSHIFT_PROBE_DIR=$OUT
export CLUSTERSHIFT_SAMPLE_DIR=$SRC/sample_data
export CLUSTERSHIFT_REPORT_PATH=$OUT/wenzhou_report.pdf
export CLUSTERSHIFT_SCREENSHOT=$OUT/qgis_wenzhou.png

T0=$(date +%s)
set +e
timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" \
  qgis --profiles-path "$OUT" --nologo --noversioncheck --code "$HERE/desktop_probe.py" \
  >"$OUT/qgis.log" 2>&1
RC=$?
set -e
T1=$(date +%s)
echo "qgis exit code $RC, wall time $((T1 - T0)) s (log: $OUT/qgis.log)"

python3 - "$OUT/probe.json" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print("FAIL probe wrote no result:", e)
    sys.exit(1)
for name, ok, detail in d.get("checks", []):
    print(("PASS " if ok else "FAIL ") + name + (f"  ({detail})" if detail not in (None, "") else ""))
if d.get("error"):
    print("FAIL probe error:", d["error"])
print("timings (s):", d.get("timings"))
sys.exit(0 if d.get("checks") and all(c[1] for c in d["checks"]) and not d.get("error") and d.get("done") else 1)
PY
[ $RC -eq 0 ] || { echo "FAIL qgis exit code $RC"; tail -30 "$OUT/qgis.log"; exit 1; }
echo "screenshot: $OUT/qgis_wenzhou.png"
