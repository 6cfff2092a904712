#!/usr/bin/env bash
# make test-package: installs the .deb from `make package` with apt (dependencies resolved from
# the archive), checks where its files went and that every library resolves, runs the installed
# /usr/bin/clustershift demo from an empty folder with the installed sample data, lists the
# Processing algorithms through the installed shim, checks that the real QGIS desktop (Xvfb) loads the
# installed plugin from /usr/lib/qgis/plugins, then removes the package again (a plugin in
# /usr/lib/qgis/plugins would also be loaded by every QGIS on this machine).
# Usage: bash scripts/test-package.sh BUILD_DIR
set -euo pipefail
BUILD=${1:-build}
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
deb=$(ls "$BUILD"/clustershift_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no $BUILD/clustershift_*.deb (make package)"
deb=$(realpath "$deb")
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
work=$(mktemp -d)
cleanup() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq clustershift >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

depends=$(dpkg-deb -f "$deb" Depends)
for d in libqgis-core qgis-providers fonts-noto-cjk libgdal; do
  grep -q "$d" <<<"$depends" || fail "Depends lacks $d: $depends"
done
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt-get install $deb"; }

files=$(dpkg -L clustershift)
for f in /usr/bin/clustershift /usr/lib/qgis/plugins/libclustershiftplugin.so \
         /usr/lib/clustershift/libclustershift_core.so /usr/lib/clustershift/libclustershift_processing.so \
         /usr/share/clustershift/python/plugins/clustershift_processing_shim/__init__.py \
         /usr/share/clustershift/sample_data/scenarios/wenzhou_footwear_complete.json \
         /usr/share/doc/clustershift/README.md /usr/share/doc/clustershift/model.md; do
  grep -qxF "$f" <<<"$files" || fail "the package does not install $f"
done
for lib in /usr/bin/clustershift /usr/lib/qgis/plugins/libclustershiftplugin.so /usr/lib/clustershift/*.so; do
  ! ldd "$lib" | grep -q "not found" || { ldd "$lib" | grep "not found" >&2; fail "$lib: unresolved libraries"; }
done

# The installed command, from an empty folder, with the installed sample data only.
cd "$work"
mkdir home
env -u CLUSTERSHIFT_DATA HOME="$work/home" TMPDIR="$work" XDG_RUNTIME_DIR="$work/home" QT_QPA_PLATFORM=offscreen \
  /usr/bin/clustershift demo --out "$work/demo" >"$work/demo.out" 2>"$work/demo.err" ||
  { cat "$work/demo.err" >&2; fail "/usr/bin/clustershift demo"; }
[ "$(ls "$work"/demo/*.gpkg | wc -l)" -eq 3 ] || fail "demo did not write three GeoPackages"
[ "$(ls "$work"/demo/*.pdf | wc -l)" -ge 6 ] || fail "demo did not write the reports"

# The installed Processing shim loads the installed provider library.
if command -v qgis_process.bin >/dev/null; then
  env HOME="$work/home" XDG_RUNTIME_DIR="$work/home" QT_QPA_PLATFORM=offscreen \
    QGIS_PLUGINPATH=/usr/share/clustershift/python/plugins qgis_process.bin plugins enable clustershift_processing_shim \
    >"$work/shim.out" 2>&1 || { cat "$work/shim.out" >&2; fail "enable the installed shim"; }
  env HOME="$work/home" XDG_RUNTIME_DIR="$work/home" QT_QPA_PLATFORM=offscreen \
    QGIS_PLUGINPATH=/usr/share/clustershift/python/plugins qgis_process.bin list >"$work/list.out" 2>&1
  grep -q "clustershift:scoresites" "$work/list.out" || { tail -20 "$work/list.out" >&2; fail "installed provider not listed"; }
fi
# The real QGIS desktop (Xvfb, fresh profile without plugin search paths) loads the installed
# plugin from /usr/lib/qgis/plugins.
if command -v qgis >/dev/null && command -v xvfb-run >/dev/null; then
  mkdir -p "$work/profiles/default/QGIS" "$work/xdg" && chmod 700 "$work/xdg"
  printf '[Plugins]\nlibclustershiftplugin=true\n[app]\naskToSaveMemoryLayers=false\n[qgis]\naskToSaveProjectChanges=false\ncheckVersion=false\nshowTips=false\n' \
    >"$work/profiles/default/QGIS/QGIS3.ini"
  cat >"$work/probe.py" <<'PY'
import os
from qgis.PyQt.QtCore import QObject, QTimer
from qgis.utils import iface

def finish():
    mw = iface.mainWindow()
    plugin = mw.findChild(QObject, "qgis_plugin_libclustershiftplugin") or mw.findChild(QObject, "qgis_plugin_clustershiftplugin")
    with open(os.environ["PACKAGE_PROBE_OUT"], "w") as out:
        out.write("loaded" if plugin is not None else "missing")
    iface.actionExit().trigger()

QTimer.singleShot(4000, finish)
PY
  (unset QT_QPA_PLATFORM; HOME="$work/home" TMPDIR="$work" XDG_RUNTIME_DIR="$work/xdg" PACKAGE_PROBE_OUT="$work/probe.txt" \
    timeout 120 xvfb-run -a -s "-screen 0 1280x800x24" qgis --profiles-path "$work" --nologo --noversioncheck \
    --code "$work/probe.py" >"$work/qgis.log" 2>&1) || true
  [ "$(cat "$work/probe.txt" 2>/dev/null)" = "loaded" ] || { tail -20 "$work/qgis.log" >&2; fail "QGIS desktop did not load the installed plugin"; }
fi
echo "ok: $(basename "$deb") ($(du -h "$deb" | cut -f1)) installs; /usr/bin/clustershift demo wrote $(ls "$work"/demo | wc -l) files; shim and desktop load it; removed again"
