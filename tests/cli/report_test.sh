#!/usr/bin/env bash
# clustershift report RESULTS.gpkg and run --report / --compare-modes: page counts for N = 3 and
# N = 5, headings and the coupling class in both languages, an embedded CJK font, non-blank
# pages, exit codes and the error for a GeoPackage without run_info.
# Usage: bash report_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# pdftotext, NFKC-normalised: CJK fonts map some ideographs to Kangxi radicals (方 -> U+2F45).
pdftext() { pdftotext "$1" - | python3 -c 'import sys, unicodedata; sys.stdout.write(unicodedata.normalize("NFKC", sys.stdin.read()))'; }
rm -rf "$OUT" && mkdir -p "$OUT"
scenario="$SRC/sample_data/scenarios/wenzhou_footwear_complete.json"

# run with its own report (Chinese, top 3) and the mode comparison.
"$EXE" run "$scenario" --out "$OUT/run" --compare-modes --report "$OUT/run_zh.pdf" --lang zh_CN --top 3 \
  --author "Planning Office" >"$OUT/run.out" 2>"$OUT/run.err"
rc=$?
[ $rc -eq 0 ] || { cat "$OUT/run.err" >&2; fail "run --report exited $rc"; }
gpkg="$OUT/run/wenzhou_footwear_complete.gpkg"
[ -s "$gpkg" ] || fail "no GeoPackage"
[ -s "$OUT/run_zh.pdf" ] || fail "no report at --report"
[ ! -e "$OUT/run/wenzhou_footwear_complete_report_zh_CN.pdf" ] || fail "per-language PDF written although --report"
grep -q "report: .*run_zh.pdf (.* pages" "$OUT/run.out" || { cat "$OUT/run.out" >&2; fail "run --report printed no report line"; }
grep -q "report: exporting" "$OUT/run.err" || { cat "$OUT/run.err" >&2; fail "no progress lines on stderr"; }
text=$(pdftext "$OUT/run_zh.pdf")
for heading in 转移效应 耦合协调度 转移方式比较 方法附录 效应模型参数及来源; do
  grep -qF "$heading" <<<"$text" || fail "zh report lacks '$heading'"
done
# The mode comparison names the moved segments in Chinese (研发, 生产制造), not by id.
grep -qF "procurement" <<<"$text" && fail "zh report shows segment ids (procurement)"
grep -qF "生产制造" <<<"$text" || fail "zh report lacks the segment name 生产制造"
# The coupling class of the run (as stored in the GeoPackage) is printed.
class_zh=$(ogrinfo -q -ro "$gpkg" -sql "SELECT class_zh FROM coupling LIMIT 1" 2>/dev/null | awk -F' = ' '/class_zh/ {print $2}')
[ -n "$class_zh" ] || fail "coupling table has no class"
grep -qF "$class_zh" <<<"$text" || fail "zh report lacks the coupling class '$class_zh'"
pdffonts "$OUT/run_zh.pdf" | grep -q "NotoSansCJK" || fail "no embedded CJK font"
grep -qF "Planning Office" <<<"$text" || fail "--author not printed"

# report from the GeoPackage alone: N = 3 and N = 5 differ by two candidate pages.
"$EXE" report "$gpkg" --out "$OUT/en3.pdf" --lang en --top 3 >"$OUT/en3.out" 2>"$OUT/en3.err" \
  || { cat "$OUT/en3.err" >&2; fail "report --top 3 failed"; }
"$EXE" report "$gpkg" --out "$OUT/en5.pdf" --lang en --top 5 >"$OUT/en5.out" 2>"$OUT/en5.err" \
  || { cat "$OUT/en5.err" >&2; fail "report --top 5 failed"; }
p3=$(pages "$OUT/en3.pdf") p5=$(pages "$OUT/en5.pdf")
[ $((p5 - p3)) -eq 2 ] || fail "top 5 has $p5 pages, top 3 $p3: expected two more"
[ "$p3" -ge 8 ] || fail "top-3 report has only $p3 pages (overview, 3 candidates, effects, matrix, comparison, methods)"
# The same sections in both languages (the English methods appendix may run one page longer).
sections() { for i in $(seq 1 "$(pages "$1")"); do pdftotext -f "$i" -l "$i" "$1" - 2>/dev/null | sed -n 3p; done \
               | grep -vc -e "(continued)" -e "（续）"; }
[ "$(sections "$OUT/run_zh.pdf")" -eq "$(sections "$OUT/en3.pdf")" ] || fail "zh and en top-3 reports differ in their sections"
class_en=$(ogrinfo -q -ro "$gpkg" -sql "SELECT class_en FROM coupling LIMIT 1" 2>/dev/null | awk -F' = ' '/class_en/ {print $2}')
en_text=$(pdftext "$OUT/en3.pdf")
for heading in "Transfer effects" "Coupling coordination D" "Upgrading mechanisms of both regions" "Mode comparison" \
               "Methods appendix" "$class_en"; do
  grep -qF "$heading" <<<"$en_text" || fail "en report lacks '$heading'"
done
# The top-3 parks by name.
mapfile -t top < <(ogrinfo -q -ro "$gpkg" -sql "SELECT name FROM candidate_scores WHERE rank BETWEEN 1 AND 3" 2>/dev/null \
                   | awk -F' = ' '/name \(String\)/ {print $2}')
[ ${#top[@]} -ge 3 ] || fail "fewer than three ranked parks in the GeoPackage"
flat=$(tr '\n' ' ' <<<"$en_text" | tr -s ' ')
for name in "${top[@]}"; do
  grep -qF "$name" <<<"$flat" || fail "en report lacks top park '$name'"
done
# A3 paper.
"$EXE" report "$gpkg" --out "$OUT/a3.pdf" --lang en --paper A3 >/dev/null 2>"$OUT/a3.err" || { cat "$OUT/a3.err" >&2; fail "A3 failed"; }
pdfinfo "$OUT/a3.pdf" | grep -q "1191 x 842 pts (A3)" || fail "A3 report is not A3 landscape"
# Pages are not blank: every page image has some spread of grey levels.
pdftoppm -png -r 20 "$OUT/en3.pdf" "$OUT/page"
for png in "$OUT"/page-*.png; do
  sd=$(convert "$png" -colorspace Gray -format "%[fx:standard_deviation]" info:)
  awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || fail "$(basename "$png") looks blank (sd $sd)"
done

# Replication: the source is the hub, so the report gives it a real coupling class with the
# interval of D (no "not applicable").
"$EXE" run "$SRC/sample_data/scenarios/suzhou_electronics_replication.json" --out "$OUT/repl" --report "$OUT/repl.pdf" \
  --lang en >"$OUT/repl.out" 2>&1 || { cat "$OUT/repl.out" >&2; fail "replication run failed"; }
repl_text=$(pdftext "$OUT/repl.pdf" | tr '\n' ' ' | tr -s ' ')
grep -qF "not applicable" <<<"$repl_text" && fail "replication report still marks D as not applicable"
grep -qE "D 5.{1,3}95 %: [0-9.]+.{1,3}[0-9.]+" <<<"$repl_text" || fail "replication report lacks the interval of D"
grep -qF "Upgrading mechanisms of both regions" <<<"$repl_text" || fail "replication report lacks the mechanism matrix"
grep -qF "extreme imbalance" <<<"$repl_text" && fail "replication report calls D an extreme imbalance"

# Errors: a GeoPackage without run_info (bad input, 2), a missing file (I/O, 3), a bad option (2).
"$EXE" report "$SRC/sample_data/regions.gpkg" --out "$OUT/x.pdf" >"$OUT/norun.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { cat "$OUT/norun.out" >&2; fail "GeoPackage without run_info: exit $rc, expected 2"; }
grep -q "regions.gpkg: no run_info table" "$OUT/norun.out" || { cat "$OUT/norun.out" >&2; fail "unclear error without run_info"; }
[ ! -e "$OUT/x.pdf" ] || fail "a PDF was written for a foreign GeoPackage"
"$EXE" report "$OUT/absent.gpkg" --out "$OUT/x.pdf" >"$OUT/absent.out" 2>&1
rc=$?
[ $rc -eq 3 ] || { cat "$OUT/absent.out" >&2; fail "missing GeoPackage: exit $rc, expected 3"; }
"$EXE" report "$gpkg" --out "$OUT/x.pdf" --paper A5 >"$OUT/paper.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { cat "$OUT/paper.out" >&2; fail "--paper A5: exit $rc, expected 2"; }
"$EXE" run "$scenario" --out "$OUT/run2" --report "$OUT/y.pdf" --lang zh_CN,en >"$OUT/twolang.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { cat "$OUT/twolang.out" >&2; fail "--report with two languages: exit $rc, expected 2"; }
# A report process started ahead (a run's second language): the report's arguments as one JSON
# array on standard input give the same report; closed input, nothing; a bad line, exit 2.
printf '["report", "%s", "--out", "%s", "--lang", "en", "--top", "3"]\n' "$gpkg" "$OUT/ahead.pdf" |
  "$EXE" --job-from-stdin >"$OUT/ahead.out" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$OUT/ahead.out" >&2; fail "--job-from-stdin: exit $rc"; }
[ "$(pages "$OUT/ahead.pdf")" = "$(pages "$OUT/en3.pdf")" ] || fail "--job-from-stdin: $(pages "$OUT/ahead.pdf") pages, report --top 3 made $(pages "$OUT/en3.pdf")"
"$EXE" --job-from-stdin </dev/null >"$OUT/ahead_none.out" 2>&1
rc=$?
[ $rc -eq 0 ] && [ ! -s "$OUT/ahead_none.out" ] || { cat "$OUT/ahead_none.out" >&2; fail "--job-from-stdin without a job: exit $rc"; }
echo '{"not": "a list"}' | "$EXE" --job-from-stdin >"$OUT/ahead_bad.out" 2>&1
rc=$?
[ $rc -eq 2 ] || { cat "$OUT/ahead_bad.out" >&2; fail "--job-from-stdin with a bad line: exit $rc, expected 2"; }
grep -q "not a JSON array of arguments" "$OUT/ahead_bad.out" || { cat "$OUT/ahead_bad.out" >&2; fail "unclear error for a bad job line"; }
# A command that succeeds ends its process without taking down what it built
# (QgisSession::endProcess); its temporary files (the throwaway profile, a project's archive
# folder and auxiliary database, a report process's own, the job's started ahead) are gone all the
# same. Each command here gets a TMPDIR of its own, which must be empty afterwards.
for cmd in report run job; do
  tmp="$OUT/tmp_$cmd"
  mkdir -p "$tmp"
  case $cmd in
    report) TMPDIR="$tmp" "$EXE" report "$gpkg" --out "$OUT/tmp_report.pdf" --lang en --top 3 >/dev/null 2>"$OUT/tmp_$cmd.err" ;;
    run) TMPDIR="$tmp" "$EXE" run "$scenario" --out "$OUT/run_out_tmpdir" --lang zh_CN,en >/dev/null 2>"$OUT/tmp_$cmd.err" ;;
    job) printf '["report", "%s", "--out", "%s", "--lang", "zh_CN", "--top", "3"]\n' "$gpkg" "$OUT/tmp_job.pdf" |
           TMPDIR="$tmp" "$EXE" --job-from-stdin >/dev/null 2>"$OUT/tmp_$cmd.err" ;;
  esac
  rc=$?
  [ $rc -eq 0 ] || { cat "$OUT/tmp_$cmd.err" >&2; fail "$cmd with its own TMPDIR: exit $rc"; }
  left=$(find "$tmp" -mindepth 1 | head -5)
  [ -z "$left" ] || fail "$cmd left temporary files behind: $left"
done
[ "$(pages "$OUT/tmp_report.pdf")" = "$(pages "$OUT/en3.pdf")" ] || fail "report ending early: $(pages "$OUT/tmp_report.pdf") pages"
[ -s "$OUT/run_out_tmpdir/wenzhou_footwear_complete_report_en.pdf" ] || fail "run ending early: no en report"
echo "ok: report"
