#!/usr/bin/env bash
# qgis_process.bin runs the ClusterShift algorithms through the Python shim in the build tree
# (run as: bash qgis_process_test.sh QGIS_PROCESS BUILD_DIR SOURCE_DIR OUT_DIR).
set -u
QP="$1"
BUILD="$2"
SRC="$3"
OUT="$4"
rm -rf "$OUT"
mkdir -p "$OUT/home" "$OUT/tmp" "$OUT/xdg"
chmod 700 "$OUT/xdg"
cd "$OUT" || exit 1
# A fresh profile in which the shim plugin is enabled (qgis_process loads enabled plugins only).
PROFILE="$OUT/home/.local/share/QGIS/QGIS3/profiles/default/QGIS"
mkdir -p "$PROFILE"
printf '[PythonPlugins]\nclustershift_processing_shim=true\n' > "$PROFILE/QGIS3.ini"
export HOME="$OUT/home" TMPDIR="$OUT/tmp" XDG_RUNTIME_DIR="$OUT/xdg" QT_QPA_PLATFORM=offscreen
export QGIS_PLUGINPATH="$BUILD/python/plugins"

fail=0
check() {  # check "description" command...
  local what="$1"
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fail=1; fi
}
contains() { grep -qF -- "$2" "$1"; }

"$QP" list > list.out 2> list.err
check "qgis_process lists clustershift:scoresites" contains list.out "clustershift:scoresites"
for alg in projecteffects comparemodes printreport indices_relatedness indices_structure; do
  check "qgis_process lists clustershift:$alg" contains list.out "clustershift:$alg"
done

"$QP" run clustershift:scoresites -- \
  "REGIONS=$SRC/sample_data/regions.gpkg|layername=regions" \
  "PARKS=$SRC/sample_data/parks.gpkg|layername=parks" \
  "SCENARIO=$SRC/sample_data/scenarios/wenzhou_footwear_complete.json" \
  DRAWS=0 "OUTPUT=$OUT/scores.gpkg" "OUTPUT_FOLDER=$OUT/results" > run.out 2> run.err
check "scoresites exit code 0" test $? -eq 0
check "scoresites wrote the sink" test -s "$OUT/scores.gpkg"
check "scoresites wrote the results GeoPackage" test -s "$OUT/results/wenzhou_footwear_complete.gpkg"
check "scoresites wrote the project" test -s "$OUT/results/wenzhou_footwear_complete.qgz"
top=$(sed -n 's/^TOP_PARK:\s*//p' run.out | tr -d '[:space:]')
check "scoresites reports a rank 1 park" test -n "$top"
rank1=$(ogrinfo -ro -q "$OUT/scores.gpkg" -sql "SELECT id FROM scores WHERE rank = 1" 2> /dev/null |
  sed -n 's/^\s*id (String) = //p' | head -n 1)
check "rank 1 in the sink is TOP_PARK ($top)" test "$rank1" = "$top"

# Preset instead of a scenario file, and a structure-index table.
"$QP" run clustershift:scoresites -- \
  "REGIONS=$SRC/sample_data/regions.gpkg|layername=regions" \
  "PARKS=$SRC/sample_data/parks.gpkg|layername=parks" \
  PRESET=2 SOURCE_REGION=330300 "OUTPUT=$OUT/preset.gpkg" > preset.out 2> preset.err
check "preset run exit code 0" test $? -eq 0
check "preset run wrote the sink" test -s "$OUT/preset.gpkg"
"$QP" run clustershift:indices_structure -- \
  "INPUT=$SRC/sample_data/regions.gpkg|layername=regions" "OUTPUT=$OUT/structure.gpkg" > structure.out 2> structure.err
check "indices_structure exit code 0" test $? -eq 0
check "indices_structure wrote the sink" test -s "$OUT/structure.gpkg"

# A bad parameter: non-zero exit and a message naming the parameter.
"$QP" run clustershift:scoresites -- \
  "REGIONS=$SRC/sample_data/regions.gpkg|layername=regions" \
  "PARKS=$SRC/sample_data/parks.gpkg|layername=parks" \
  PRESET=2 "OUTPUT=$OUT/bad.gpkg" > bad.out 2> bad.err
check "missing SOURCE_REGION: non-zero exit" test $? -ne 0
check "missing SOURCE_REGION: message names the parameter" \
  grep -qF "clustershift:scoresites: SOURCE_REGION: required" bad.out bad.err

if [ "$fail" -ne 0 ]; then
  echo "--- run.err"; tail -n 20 run.err
  echo "--- bad.out"; tail -n 20 bad.out bad.err
fi
exit "$fail"
