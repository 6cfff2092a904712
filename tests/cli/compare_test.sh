#!/usr/bin/env bash
# clustershift compare: three-mode comparison CSV + table; parameter errors with JSON paths.
# Usage: bash compare_test.sh CLUSTERSHIFT_EXE SOURCE_DIR OUT_DIR
set -u
exe="$1"
src="$2"
out="$3"
rm -rf "$out"
mkdir -p "$out"
fail=0
check() {  # check DESCRIPTION COMMAND...
  local what="$1"
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

# 1. The sample Wenzhou scenario: exit 0, CSV with three modes, table on stdout.
"$exe" compare "$src/sample_data/scenarios/wenzhou_footwear_complete.json" --out "$out/cmp" \
  >"$out/stdout.txt" 2>"$out/stderr.txt"
rc=$?
check "compare exits 0 (got $rc)" test "$rc" -eq 0
csv="$out/cmp/wenzhou_footwear_complete_compare.csv"
check "CSV written" test -s "$csv"
check "CSV header" grep -q '^mode,host_park,host_region,moved_segments,moved_output_yuan100m' "$csv"
check "CSV has one row per mode" test "$(cut -d, -f1 "$csv" | tail -n +2 | tr '\n' ' ')" = "complete partial replication "
check "every row has the header's number of cells (quoted p_class JSON)" \
  python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1]))); sys.exit(len({len(x) for x in r})!=1)' "$csv"
check "table printed with coupling degree and its interval" grep -q '^d_p95 ' "$out/stdout.txt"
check "table has the signed mechanisms" grep -q '^str_host ' "$out/stdout.txt"
check "table has the class labels" grep -q '^class_en ' "$out/stdout.txt"
check "table names the CSV" grep -q 'wenzhou_footwear_complete_compare.csv' "$out/stdout.txt"
# complete moves more VA than partial and replication (moved_va_yuan100m is column 6)
check "complete moves the most VA" awk -F, 'NR==2{c=$6} NR==3{p=$6} NR==4{r=$6} END{exit !(c>p && c>r)}' "$csv"
# replication: the source is the hub and is credited τ of the replica's VA (source GDP change,
# column 18, > 0); complete: nothing stays to flow from (knowledge flow, column 11, is 0)
check "replication source gains as the hub" awk -F, 'NR==4{exit !($18>0)}' "$csv"
check "complete transfer: no knowledge flow" awk -F, 'NR==2{exit !($11==0)}' "$csv"
# the research's matrix for the case host (Suzhou, Anhui) under complete transfer, with intervals
python3 - "$csv" <<'PY' >"$out/matrix.txt" 2>&1
import csv, sys
rows = {r["mode"]: r for r in csv.DictReader(open(sys.argv[1]))}
c = rows["complete"]
assert float(c["str_source"]) > 0 and float(c["str_host"]) > 0 and float(c["vc_host"]) > 0, c
for r in rows.values():
    assert float(r["d_p05"]) <= float(r["d"]) <= float(r["d_p95"]), r
    assert int(r["draws"]) == 1000, r["draws"]
    assert r["class_zh"], r
PY
check "complete: source structure, host structure and value chain rise; D inside its interval ($(cat "$out/matrix.txt"))" \
  test ! -s "$out/matrix.txt"

# 1b. The issue's case: footwear forced into Suzhou Industrial Park (a developed host). Before v2
# this exited 2 (agriculture drained past zero); now it runs and the host's signs turn.
mkdir -p "$out/sip"
sed -e "s#\"\.\./#\"$src/sample_data/#g" -e 's#"host": "P341300-01"#"host": "P320500-01"#' \
  "$src/sample_data/scenarios/wenzhou_footwear_complete.json" >"$out/sip/sip.json"
check "SIP scenario prepared" grep -q '"host": "P320500-01"' "$out/sip/sip.json"
"$exe" compare "$out/sip/sip.json" --out "$out/sip" >"$out/sip/stdout.txt" 2>"$out/sip/stderr.txt"
rc=$?
check "footwear into SIP exits 0 (got $rc: $(head -c 300 "$out/sip/stderr.txt"))" test "$rc" -eq 0
check "footwear into SIP: host value chain and structure fall" python3 -c '
import csv,sys
r = next(x for x in csv.DictReader(open(sys.argv[1])) if x["mode"] == "complete")
sys.exit(not (float(r["vc_host"]) < 0 and float(r["str_host"]) < 0))' "$out/sip/wenzhou_footwear_complete_compare.csv"

# 2. An invalid effects parameter: exit 2, message with the JSON path.
mkdir -p "$out/bad"
sed -e "s#\"\.\./#\"$src/sample_data/#g" -e 's#"effects": {#"effects": {"theta": 1.4, "decay_km": -5, #' \
  "$src/sample_data/scenarios/wenzhou_footwear_complete.json" >"$out/bad/bad.json"
check "bad scenario prepared" grep -q '"theta": 1.4' "$out/bad/bad.json"
"$exe" compare "$out/bad/bad.json" --out "$out/bad" >"$out/bad/stdout.txt" 2>"$out/bad/stderr.txt"
rc=$?
check "invalid theta exits 2 (got $rc)" test "$rc" -eq 2
check "theta error names the JSON path and value" \
  grep -qF 'effects.theta: expected a share in [0,1], got 1.4' "$out/bad/stderr.txt"
check "every problem listed (decay_km too)" grep -qF 'effects.decay_km: expected a positive number of km, got -5' "$out/bad/stderr.txt"
check "no CSV for a failed run" test ! -e "$out/bad/wenzhou_footwear_complete_compare.csv"

# 3. A missing scenario file is a usage error.
"$exe" compare "$out/does_not_exist.json" >/dev/null 2>&1
rc=$?
check "missing scenario exits 2 (got $rc)" test "$rc" -eq 2

exit $fail
