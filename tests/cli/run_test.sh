#!/usr/bin/env bash
# clustershift run: one scenario, one language; both languages (the second from a child process)
# match `report`; --report follows the scenario's top_n; an unwritable output folder is an I/O error (3);
# an unsupported language is bad input (2).  Usage: bash run_test.sh EXE SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"

run_sample_en
[ -s "$OUT/run/wenzhou_footwear_complete_report_en.pdf" ] || fail "no English report"
[ ! -e "$OUT/run/wenzhou_footwear_complete_report_zh_CN.pdf" ] || fail "Chinese report written although --lang en"
pdftotext "$OUT/run/wenzhou_footwear_complete_report_en.pdf" - | grep -qF "Wenzhou footwear: complete transfer" \
  || fail "report lacks the scenario title"
# No progress line when stderr is not a terminal.
! grep -q $'\r' "$OUT/stderr.txt" || fail "progress line written to a non-terminal stderr"

# Both languages (the default): the second one is exported by a child `clustershift report`
# at the same time; it is the document `report` makes from the same GeoPackage with the
# scenario's report.top_n (10 candidate pages), and the scenario's top_n also holds for --report.
pdftext() { pdftotext "$1" - | python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFKC", sys.stdin.read()))'; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
"$EXE" run "$scenario" --out "$OUT/both" >"$OUT/both.out" 2>"$OUT/both.err" \
  || { cat "$OUT/both.err" >&2; fail "run with both languages failed"; }
both="$OUT/both/wenzhou_footwear_complete"
[ -s "${both}_report_zh_CN.pdf" ] && [ -s "${both}_report_en.pdf" ] || fail "run did not write both reports"
[ -z "$(ls -A "$OUT/both" | grep '^\.')" ] || fail "temporaries left in the output folder: $(ls -A "$OUT/both")"
"$EXE" report "$both.gpkg" --out "$OUT/alone_en.pdf" --lang en --top 10 >/dev/null 2>"$OUT/alone.err" \
  || { cat "$OUT/alone.err" >&2; fail "report from the run's GeoPackage failed"; }
[ "$(pages "${both}_report_en.pdf")" = "$(pages "$OUT/alone_en.pdf")" ] || fail "the run's English report has $(pages "${both}_report_en.pdf") pages, report alone $(pages "$OUT/alone_en.pdf")"
diff <(pdftext "${both}_report_en.pdf") <(pdftext "$OUT/alone_en.pdf") >"$OUT/en.diff" \
  || { head -20 "$OUT/en.diff" >&2; fail "the run's English report differs in text from report's"; }
"$EXE" run "$scenario" --out "$OUT/own" --report "$OUT/own.pdf" --lang en >/dev/null 2>"$OUT/own.err" \
  || { cat "$OUT/own.err" >&2; fail "run --report failed"; }
[ "$(pages "$OUT/own.pdf")" = "$(pages "$OUT/alone_en.pdf")" ] \
  || fail "run --report without --top: $(pages "$OUT/own.pdf") pages, expected the scenario's top_n (10) as $(pages "$OUT/alone_en.pdf")"

"$EXE" run "$scenario" --out /proc/clustershift_no_write >"$OUT/io.out" 2>&1
rc=$?
[ $rc -eq 3 ] || { cat "$OUT/io.out" >&2; fail "unwritable --out: exit $rc, expected 3"; }

"$EXE" run "$scenario" --out "$OUT/run" --lang fr >"$OUT/lang.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { cat "$OUT/lang.out" >&2; fail "--lang fr: exit $rc, expected 2"; }
grep -qF "fr" "$OUT/lang.out" || fail "--lang fr: message does not name the language"
# A candidate grid (40 km cells over the sample): "Wrote:" names the score raster too, and the
# report calls the candidates cells.
mkdir -p "$OUT/grid"
sed 's#"\.\./#"'"$SRC"'/sample_data/#; 0,/{/s//{"candidates": {"grid_km": 40, "keep": 20},/; s/"host": "P341300-01"/"host": "best"/' "$scenario" >"$OUT/grid/grid.json"
"$EXE" run "$OUT/grid/grid.json" --out "$OUT/grid/out" --lang en >"$OUT/grid/stdout.txt" 2>"$OUT/grid/stderr.txt"
rc=$?
[ $rc -eq 0 ] || { cat "$OUT/grid/stderr.txt" >&2; fail "grid run exited $rc"; }
tif="$OUT/grid/out/wenzhou_footwear_complete_scores.tif"
[ -s "$tif" ] || fail "grid run wrote no score raster"
grep -qF "  $tif" "$OUT/grid/stdout.txt" || { cat "$OUT/grid/stdout.txt" >&2; fail "Wrote: does not list $tif"; }
pdftotext "$OUT/grid/out/wenzhou_footwear_complete_report_en.pdf" - >"$OUT/grid/report.txt"
grep -qF "Top 10 candidate cells" "$OUT/grid/report.txt" || fail "grid report does not call the candidates cells"
! grep -qF "candidate parks" "$OUT/grid/report.txt" || fail "grid report still says candidate parks"
# The score surface sits just above the regions in the project (their opaque fill hid it below).
order=$(python3 -c 'import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
qgs = z.read([n for n in z.namelist() if n.endswith(".qgs")][0]).decode()
tree = qgs[qgs.index("<layer-tree-group"):qgs.index("</layer-tree-group>")]
print(" ".join(re.findall(r"<layer-tree-layer [^>]*name=\"([^\"]*)\"", tree)))' "$OUT/grid/out/wenzhou_footwear_complete.qgz")
case " $order " in
  *" grid_scores regions ") ;;
  *) fail "grid project layer order (top to bottom): $order; expected grid_scores just above regions at the bottom" ;;
esac
echo "ok: run"
