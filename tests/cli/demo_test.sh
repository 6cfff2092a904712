#!/usr/bin/env bash
# clustershift demo: every sample scenario writes its GeoPackage, project, styles and both report PDFs,
# and the command ends by printing those paths.  Usage: bash demo_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"

"$EXE" demo --out "$OUT/demo" >"$OUT/stdout.txt" 2>"$OUT/stderr.txt"
rc=$?
[ $rc -eq 0 ] || { cat "$OUT/stderr.txt" >&2; fail "demo exited $rc"; }

n=0
for scenario in "$SRC"/sample_data/scenarios/*.json; do
  name=$(basename "$scenario" .json)
  n=$((n + 1))
  for f in "$name.gpkg" "$name.qgz" "${name}_report_zh_CN.pdf" "${name}_report_en.pdf" \
           "${name}_candidate_scores.qml" "${name}_transfer_flows.qml" "${name}_regions.qml"; do
    [ -s "$OUT/demo/$f" ] || fail "missing or empty: $OUT/demo/$f"
    grep -qF "$OUT/demo/$f" "$OUT/stdout.txt" || fail "demo did not print the path $OUT/demo/$f"
  done
  for lang in zh_CN en; do
    pages=$(pdfinfo "$OUT/demo/${name}_report_$lang.pdf" | awk '/^Pages:/ {print $2}')
    # overview, 5 candidate pages, effects, methods appendix (one or more pages)
    [ "${pages:-0}" -ge 8 ] || fail "${name}_report_$lang.pdf has $pages pages, expected at least 8"
  done
  layers=$(ogrinfo -ro -q "$OUT/demo/$name.gpkg" 2>/dev/null | grep -cE "candidate_scores|transfer_flows|regions|catchments|run_info")
  [ "$layers" -ge 5 ] || fail "$name.gpkg lacks result layers: $(ogrinfo -ro -q "$OUT/demo/$name.gpkg" 2>&1)"
  flows=$(ogrinfo -ro -q -sql "SELECT COUNT(*) AS n FROM transfer_flows" "$OUT/demo/$name.gpkg" | awk -F'= ' '/n \(Integer/ {print $2}')
  [ "${flows:-0}" -ge 1 ] || fail "$name.gpkg: no transfer flows"
done
[ $n -eq 3 ] || fail "expected 3 sample scenarios, found $n"
# Nothing temporary is left in the output folder.
leftovers=$(find "$OUT/demo" -name '.*' -mindepth 1 | head -3)
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
echo "ok: demo wrote $n scenarios"
