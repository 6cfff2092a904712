#!/usr/bin/env bash
# make test-package: installs the .deb from `make package` with apt (dependencies resolved from
# the archive), checks where its files went and that every library resolves, runs the installed
# /usr/bin/clustershift demo from an empty folder with the installed sample data, lists the
# Processing algorithms through the installed shim, then removes the package again (a plugin in
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
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq clustershift >/dev/null 2>&1 || true
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
echo "ok: $(basename "$deb") ($(du -h "$deb" | cut -f1)) installs; /usr/bin/clustershift demo wrote $(ls "$work"/demo | wc -l) files; removed again"
