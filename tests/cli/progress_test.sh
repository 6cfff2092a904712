#!/usr/bin/env bash
# The command line tells what it does (issue 14): one plain line per stage on a non-terminal
# stderr, none with --quiet; --timings lists each stage's wall/CPU time and peak memory; run
# prints the scenario's report.top_n candidate pages; a criterion NULL at every candidate park
# stops the run with exit 2 and names it.  Usage: bash progress_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
data="$SRC/sample_data"
# The sample scenario with absolute data paths and a given report.top_n.
scenario_with() {  # TOP_N REGIONS_GPKG OUT_JSON
  jq --arg d "$data" --arg regions "$2" --argjson top "$1" '
    .data.regions.path = $regions | .data.parks.path = ($d + "/parks.gpkg")
    | .data.industry_output.path = ($d + "/industry_output.csv") | .data.io_table.path = ($d + "/io_table.csv")
    | .data.roads.path = ($d + "/roads.gpkg") | .data.exclusions.path = ($d + "/sensitive_zones.gpkg")
    | .report.top_n = $top' "$data/scenarios/wenzhou_footwear_complete.json" >"$3"
}

scenario_with 2 "$data/regions.gpkg" "$OUT/top2.json"
"$EXE" --timings run "$OUT/top2.json" --out "$OUT/top2" --lang en >"$OUT/top2.out" 2>"$OUT/top2.err"
rc=$?
[ $rc -eq 0 ] || { cat "$OUT/top2.err" >&2; fail "run exited $rc"; }
grep -qE '^wenzhou_footwear_complete: loading \([0-9]+%\)$' "$OUT/top2.err" || fail "no plain 'loading (N%)' stage line"
grep -qE '^wenzhou_footwear_complete: scoring criteria \([0-9]+%\)$' "$OUT/top2.err" || fail "no 'scoring criteria (N%)' stage line"
grep -qF 'timings (wenzhou_footwear_complete)' "$OUT/top2.err" || fail "--timings: no table"
grep -qE '^  scoring criteria +[0-9.]+ s  cpu +[0-9.]+ s  peak +[0-9.]+ MB$' "$OUT/top2.err" \
  || fail "--timings: no row for the criteria"
# Under it, every criterion of the scenario with its own wall time (they are computed two at a time).
while IFS= read -r id; do
  grep -qF "    $id " "$OUT/top2.err" || fail "--timings: no row for criterion $id"
done < <(jq -r '.criteria[] | select(.enabled != false) | .id' "$OUT/top2.json")
[ "$(grep -cE '^    .+ +[0-9.]+ s  \(own wall time, beside the others\)$' "$OUT/top2.err")" -eq \
  "$(jq '[.criteria[] | select(.enabled != false)] | length' "$OUT/top2.json")" ] || fail "--timings: not one row per criterion"
grep -qE '^  total +[0-9.]+ s  cpu +[0-9.]+ s  peak +[0-9.]+ MB$' "$OUT/top2.err" || fail "--timings: no total"

scenario_with 4 "$data/regions.gpkg" "$OUT/top4.json"
"$EXE" run "$OUT/top4.json" --out "$OUT/top4" --lang en --quiet >"$OUT/top4.out" 2>"$OUT/top4.err"
rc=$?
[ $rc -eq 0 ] || { cat "$OUT/top4.err" >&2; fail "run --quiet exited $rc"; }
! grep -qE '\([0-9]+%\)$' "$OUT/top4.err" || fail "--quiet still prints stage lines"
! grep -qF 'timings' "$OUT/top4.err" || fail "timings printed without --timings"
pages2=$(pdfinfo "$OUT/top2/wenzhou_footwear_complete_report_en.pdf" | awk '/^Pages:/ {print $2}')
pages4=$(pdfinfo "$OUT/top4/wenzhou_footwear_complete_report_en.pdf" | awk '/^Pages:/ {print $2}')
[ "$((pages4 - pages2))" -eq 2 ] || fail "report.top_n 2 -> $pages2 pages, 4 -> $pages4 pages: expected 2 more candidate pages"

# Wage NULL in every region but the source: labour_cost has no value at any candidate park.
cp "$data/regions.gpkg" "$OUT/regions_nowage.gpkg"
ogrinfo -q "$OUT/regions_nowage.gpkg" -sql "UPDATE regions SET wage = NULL WHERE id <> '330300'" >/dev/null || fail "cannot prepare the copy"
scenario_with 2 "$OUT/regions_nowage.gpkg" "$OUT/nowage.json"
"$EXE" run "$OUT/nowage.json" --out "$OUT/nowage" --lang en >"$OUT/nowage.out" 2>"$OUT/nowage.err"
rc=$?
[ $rc -eq 2 ] || { cat "$OUT/nowage.err" >&2; fail "all-NULL criterion: exit $rc, expected 2"; }
grep -qF 'labour_cost: no value for any of the' "$OUT/nowage.err" || fail "all-NULL criterion: message does not name it"
[ ! -e "$OUT/nowage/wenzhou_footwear_complete.gpkg" ] || fail "all-NULL criterion: outputs written"
echo "ok: progress"
