#!/bin/bash
# Desktop end-to-end test: the real QGIS desktop under Xvfb loads libclustershiftplugin.so from
# the build tree (fresh profile) and desktop_probe.py drives it like a planner.
#  1. English UI: dock and its four tabs, sample layers, the three sample scenarios run from the
#     dock, result groups (a re-run replaces its group), identify tool on the top park, screenshots,
#     unload + reload through the Plugin Manager, project saved.
#  2. QGIS restarted with locale/userLocale=zh-Hans (QGIS's name for Simplified Chinese): Chinese dock and park panel, the saved project
#     reopens with its results.
#  3. A project `clustershift run` wrote for a scenario of the planner's own, opened before the dock.
# Screenshots: OUT_DIR/screenshots/*.png.
# Usage: desktop_run_test.sh BUILD_DIR SOURCE_DIR OUT_DIR
set -eu
if [ $# -ne 3 ]; then echo "usage: $0 BUILD_DIR SOURCE_DIR OUT_DIR" >&2; exit 2; fi
BUILD=$(realpath "$1")
SRC=$(realpath "$2")
OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
PLUGIN_DIR=$BUILD/qgisplugins
[ -f "$PLUGIN_DIR/libclustershiftplugin.so" ] || { echo "FAIL plugin not built: $PLUGIN_DIR/libclustershiftplugin.so"; exit 1; }
# QGIS skips a plugin it cannot dlopen without saying why on stdout: check the symbols first.
python3 - "$PLUGIN_DIR/libclustershiftplugin.so" <<'PY' || exit 1
import ctypes, os, sys
try:
    ctypes.CDLL(sys.argv[1], mode=os.RTLD_NOW | os.RTLD_GLOBAL)
except OSError as e:
    print("FAIL plugin cannot be loaded:", e)
    sys.exit(1)
PY

rm -rf "$OUT"
mkdir -p "$OUT/profiles/default/QGIS" "$OUT/home" "$OUT/tmp" "$OUT/xdg"
chmod 700 "$OUT/xdg"
OUT=$(realpath "$OUT")
INI=$OUT/profiles/default/QGIS/QGIS3.ini
. "$SRC/scripts/qgis-profile.sh"
write_qgis_ini "$INI" "$PLUGIN_DIR" askToSaveProjectChanges=false
cat >> "$INI" <<INI

[locale]
overrideFlag=true
userLocale=en_US
INI

export HOME=$OUT/home TMPDIR=$OUT/tmp XDG_RUNTIME_DIR=$OUT/xdg
unset CLUSTERSHIFT_DATA QT_QPA_PLATFORM
export CLUSTERSHIFT_PROBE_DIR=$OUT
export CLUSTERSHIFT_PROBE_SCRIPT_DIR=$HERE  # desktop_probe.py imports its probe_*.py modules from here
export CLUSTERSHIFT_SAMPLE_DIR=$SRC/sample_data
export CLUSTERSHIFT_REPORT_PATH=$OUT/report.pdf

# run_qgis PHASE: one QGIS session driven by the probe; prints its checks; returns non-zero on failure.
run_qgis() {
  local phase=$1
  export CLUSTERSHIFT_PROBE_PHASE=$phase CLUSTERSHIFT_PROBE_OUT=$OUT/probe_$phase.json
  local t0 rc
  t0=$(date +%s)
  set +e
  timeout 280 xvfb-run -a -s "-screen 0 1600x1000x24" \
    qgis --profiles-path "$OUT" --nologo --noversioncheck --code "$HERE/desktop_probe.py" \
    >"$OUT/qgis_$phase.log" 2>&1
  rc=$?
  set -e
  echo "[$phase] qgis exit code $rc, wall time $(($(date +%s) - t0)) s (log: $OUT/qgis_$phase.log)"
  python3 - "$CLUSTERSHIFT_PROBE_OUT" "$phase" <<'PY' || return 1
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"FAIL [{sys.argv[2]}] probe wrote no result:", e)
    sys.exit(1)
for name, ok, detail in d.get("checks", []):
    print(("PASS " if ok else "FAIL ") + f"[{sys.argv[2]}] " + name + (f"  ({detail})" if detail not in (None, "") else ""))
if d.get("error"):
    print(f"FAIL [{sys.argv[2]}] probe error:", d["error"])
if not d.get("done"):
    print(f"FAIL [{sys.argv[2]}] probe did not reach its end")
print("timings (s):", d.get("timings"))
sys.exit(0 if d.get("checks") and all(c[1] for c in d["checks"]) and not d.get("error") and d.get("done") else 1)
PY
  [ "$rc" -eq 0 ] || { echo "FAIL [$phase] qgis exit code $rc"; tail -30 "$OUT/qgis_$phase.log"; return 1; }
}

STATUS=0
run_qgis main || STATUS=1

# Second start in Chinese: QGIS reads the locale at start-up. The Plugin Manager cycle left the
# plugin enabled; make sure of it, then switch the locale.
python3 - "$INI" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
# "zh-Hans" is what QGIS's Options ▸ General ▸ Locale writes for 简体中文 (QGIS's own UI turns
# Chinese too); the plugin maps every zh* locale to its zh_CN translation.
text = re.sub(r"(?m)^userLocale=.*$", "userLocale=zh-Hans", text)
text = re.sub(r"(?m)^overrideFlag=.*$", "overrideFlag=true", text)
text = re.sub(r"(?m)^libclustershiftplugin=.*$", "libclustershiftplugin=true", text)
open(path, "w", encoding="utf-8").write(text)
PY
run_qgis zh || STATUS=1

# Third start: a project the command line wrote for the planner's own scenario (a name that is no
# sample's, its own copy of the data), opened before the dock.
PLANNER=$OUT/planner
mkdir -p "$PLANNER/scenarios"
cp "$SRC"/sample_data/*.gpkg "$SRC"/sample_data/*.csv "$PLANNER/"
jq '.name = "planner_run"' "$SRC/sample_data/scenarios/wenzhou_footwear_complete.json" >"$PLANNER/scenarios/planner_run.json"
if "$BUILD/cli/clustershift" --quiet run "$PLANNER/scenarios/planner_run.json" --out "$PLANNER/out" >"$OUT/cli_run.log" 2>&1; then
  export CLUSTERSHIFT_PROBE_CLI_PROJECT=$PLANNER/out/planner_run.qgz
  run_qgis cli || STATUS=1
else
  echo "FAIL [cli] clustershift run of the planner's scenario:"; tail -20 "$OUT/cli_run.log"; STATUS=1
fi

echo "screenshots: $OUT/screenshots"
[ $STATUS -eq 0 ] && echo "desktop test passed" || echo "desktop test FAILED"
exit $STATUS
