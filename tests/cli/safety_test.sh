#!/usr/bin/env bash
# Never lose a planner's data (issue 12): outputs that would overwrite an input fail (exit 2) and
# name both; a write failure (file size limit, standing in for a full disk) is one plain line,
# exit 3, earlier outputs kept; a failure at each rename of a result set leaves the earlier set;
# a manifest detects a mixed set; a second run into a locked folder fails clearly; stale
# temporaries are removed; text in numeric columns and ragged CSV rows are errors everywhere;
# validate finds what run would reject; nothing is written to ~/.config.
# Usage: bash safety_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
rm -rf "$OUT" && mkdir -p "$OUT"
cd "$OUT" || exit 1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok   $*"; }
expect_rc() { # expect_rc WANT GOT WHAT
  if [ "$2" -eq "$1" ]; then ok "$3 (exit $2)"; else fail "$3: exit $2, expected $1"; fi
}
contains() { # contains FILE TEXT WHAT
  if grep -qF -- "$2" "$1"; then ok "$3"; else fail "$3: '$2' not in $1:"; sed 's/^/    /' "$1" >&2; fi
}
lacks() { # lacks FILE TEXT WHAT
  if grep -qF -- "$2" "$1"; then fail "$3: '$2' found in $1"; sed 's/^/    /' "$1" >&2; else ok "$3"; fi
}
sums() { (cd "$1" && find . -type f ! -path './.*tmp-*' -print0 | sort -z | xargs -0 sha256sum); }
export HOME="$OUT/home"
mkdir -p "$HOME"

# A private copy of the sample data and a small scenario that reads it.
mkdir -p data
cp "$SRC"/sample_data/{regions.gpkg,parks.gpkg,industry_output.csv,io_table.csv} data/
write_scenario() { # write_scenario FILE NAME [WEIGHTING_JSON]
  cat >"$1" <<JSON
{
  "version": 1,
  "name": "$2",
  "title": {"zh_CN": "测试", "en": "Test"},
  "data": {
    "regions": {"path": "regions.gpkg", "layer": "regions"},
    "parks": {"path": "parks.gpkg", "layer": "parks"},
    "industry_output": {"path": "industry_output.csv"},
    "io_table": {"path": "io_table.csv"}
  },
  "cluster": {"preset": "footwear"},
  "source": {"region": "330300"},
  "mode": "complete",
  "criteria": [
    {"id": "labour_cost", "weight": 0.4},
    {"id": "land", "weight": 0.3},
    {"id": "distance_source", "weight": 0.3, "direction": "cost"}
  ]${3:-}
}
JSON
}
write_scenario data/s.json safety
data_sums=$(sums data)

# ---- 1. Inputs are sacred: the five clobbering cases ----
printf 'id,c1,c2\nA,1,2\nB,3,4\n' > t.csv
"$EXE" mcda t.csv --id id --criteria c1,c2 --out t.csv 2> mcda_clobber.err
expect_rc 2 $? "mcda --out onto its own table"
contains mcda_clobber.err "would overwrite the input table t.csv" "mcda names output and input"
[ "$(cat t.csv)" = "$(printf 'id,c1,c2\nA,1,2\nB,3,4')" ] && ok "mcda table unchanged" || fail "mcda table changed"
ln -s t.csv t_link.csv
"$EXE" mcda t.csv --id id --criteria c1,c2 --out t_link.csv 2> mcda_link.err
expect_rc 2 $? "mcda --out onto a symbolic link to its table"

printf 'id,y1,y2,y3,l1,l2,l3\nA,1,2,3,4,5,6\n' > s.csv
cp s.csv s_before.csv
"$EXE" indices structure s.csv --out s.csv 2> structure_clobber.err
expect_rc 2 $? "indices structure --out onto its own table"
contains structure_clobber.err "would overwrite the input table s.csv" "indices names output and input"
cmp -s s.csv s_before.csv && ok "structure table unchanged" || fail "structure table changed"

"$EXE" run data/s.json --out results --lang en >run1.out 2>run1.err
rc=$?
expect_rc 0 $rc "first run into results/"
[ $rc -eq 0 ] || cat run1.err >&2
gpkg=results/safety.gpkg
[ -s results/safety.manifest.json ] && ok "manifest written" || fail "no manifest"
[ -z "$(find results -name '.*' -mindepth 1)" ] && ok "nothing hidden left (no lock file, no temporary)" || fail "hidden files left"
cp "$gpkg" gpkg_before
"$EXE" report "$gpkg" --out "$gpkg" 2> report_clobber.err
expect_rc 2 $? "report --out onto the results GeoPackage"
contains report_clobber.err "would overwrite the input results GeoPackage" "report names both"
cmp -s "$gpkg" gpkg_before && ok "results GeoPackage unchanged" || fail "results GeoPackage changed"

"$EXE" run data/s.json --out results2 --report data/parks.gpkg 2> run_report_clobber.err
expect_rc 2 $? "run --report onto the parks layer"
contains run_report_clobber.err "would overwrite the input data.parks" "run --report names the parks input"
[ ! -e results2 ] && ok "nothing computed or written before the check" || fail "results2 was created"

write_scenario data/regions.json regions
"$EXE" run data/regions.json --out data 2> regions_clobber.err
expect_rc 2 $? "scenario named regions run into its own data folder"
contains regions_clobber.err "would overwrite the input data.regions" "run names the regions input"
[ "$(sums data | grep -v regions.json)" = "$(echo "$data_sums")" ] && ok "data folder unchanged" || fail "data folder changed"

"$EXE" run data/s.json --out results --report results/safety.gpkg 2> report_onto_output.err
expect_rc 2 $? "run --report onto the run's own GeoPackage"
contains report_onto_output.err "is also an output of this run" "--report names the clash"
cmp -s "$gpkg" gpkg_before && ok "results GeoPackage unchanged" || fail "results GeoPackage changed by --report"

# A file that is not a PDF is not replaced by a report either.
"$EXE" report "$gpkg" --out data/io_table.csv 2> report_foreign.err
expect_rc 2 $? "report --out onto an input-looking CSV"

# ---- 2. Write, check, then publish: a write failure ----
"$EXE" report "$gpkg" --out report.pdf --lang en --top 1 > report_ok.out 2> report_ok.err
expect_rc 0 $? "report into report.pdf"
cp report.pdf report_before.pdf
# A 64 kB file size limit: the PDF cannot be written whole (SIGXFSZ ignored: write returns EFBIG).
( trap '' XFSZ; ulimit -f 64; "$EXE" report "$gpkg" --out report.pdf --lang en --top 1 ) > report_full.out 2> report_full.err
expect_rc 3 $? "report onto a full target"
contains report_full.err "while writing $OUT/report.pdf; earlier outputs kept" "report failure is one plain line"
[ "$(grep -c '^error' report_full.err)" -eq 1 ] && ok "one error line" || fail "not one error line"
lacks report_full.err "QPainter" "no QPainter message"
lacks report_full.out "pages" "no '(N pages ...)' success line after a failed report"
cmp -s report.pdf report_before.pdf && ok "earlier report.pdf kept" || fail "report.pdf damaged"

sums results > results_before.sums
( trap '' XFSZ; ulimit -f 64; "$EXE" run data/s.json --out results --lang en ) > run_full.out 2> run_full.err
expect_rc 3 $? "run onto a full target"
contains run_full.err "earlier outputs kept" "run failure says earlier outputs are kept"
lacks run_full.err "ERROR 1" "no raw GDAL lines without --verbose"
lacks run_full.err ".tmp-" "no temporary path named"
[ "$(grep -c '^error' run_full.err)" -eq 1 ] && ok "one error line" || fail "not one error line"
sums results | cmp -s - results_before.sums && ok "earlier result set kept" || fail "result set changed by a failed run"
( trap '' XFSZ; ulimit -f 64; "$EXE" run data/s.json --out results --lang en --verbose ) > /dev/null 2> run_full_verbose.err
contains run_full_verbose.err "detail:" "--verbose adds the writers' own lines"

# ---- 3. One result set: a failure at each rename leaves the earlier set ----
nfiles=$(jq '.files | length' results/safety.manifest.json)
for k in 1 $(( (nfiles + 1) / 2 )) $((nfiles + 1)); do  # first file, a middle one, the manifest
  CLUSTERSHIFT_TEST_FAIL_RENAME=$k "$EXE" run data/s.json --out results --lang en > /dev/null 2> rename_$k.err
  expect_rc 3 $? "failure at rename $k of $((nfiles + 1))"
  sums results | cmp -s - results_before.sums && ok "rename $k: the earlier set, unchanged" \
    || { fail "rename $k: the folder mixes two runs"; sums results | diff - results_before.sums >&2; }
done
old_id=$(jq -r .run_id results/safety.manifest.json)
"$EXE" run data/s.json --out results --lang en > /dev/null 2> run2.err
expect_rc 0 $? "second run"
new_id=$(jq -r .run_id results/safety.manifest.json)
[ "$old_id" != "$new_id" ] && ok "new run id $new_id" || fail "run id unchanged"
all_match=1
for i in $(seq 0 $((nfiles - 1))); do
  name=$(jq -r ".files[$i].name" results/safety.manifest.json)
  want=$(jq -r ".files[$i].sha256" results/safety.manifest.json)
  [ "$(sha256sum "results/$name" | cut -d' ' -f1)" = "$want" ] || all_match=0
done
[ $all_match -eq 1 ] && ok "every file matches the manifest" || fail "a file differs from the manifest"
# A kill between renames: an older GeoPackage next to a newer manifest. report refuses it.
cp gpkg_before results/mixed.gpkg && cp results/safety.manifest.json results/mixed.manifest.json
sed -i 's/"safety.gpkg"/"mixed.gpkg"/' results/mixed.manifest.json
"$EXE" report results/mixed.gpkg --out mixed.pdf 2> mixed.err
expect_rc 2 $? "report on a mixed set"
contains mixed.err "is not the GeoPackage of run $new_id" "report names the run of the manifest"

# Stale temporaries of a killed run are removed by the next run.
mkdir -p results/.safety.tmp-AbC123 && touch results/.safety.tmp-AbC123/safety.gpkg
"$EXE" run data/s.json --out results --lang en > /dev/null 2>&1
[ ! -e results/.safety.tmp-AbC123 ] && ok "stale temporary folder removed" || fail "stale temporary kept"

# A second run into a folder that is being written fails clearly (this shell holds the lock).
exec 9<results
flock -x 9
"$EXE" run data/s.json --out results --lang en > /dev/null 2> locked.err
expect_rc 3 $? "run into a locked folder"
contains locked.err "another ClusterShift run is writing into this folder" "lock message"
exec 9>&-
# Two real runs at once: each succeeds or fails on the lock; the set left is whole.
"$EXE" run data/s.json --out results --lang en > /dev/null 2> both_a.err &
a=$!
"$EXE" run data/s.json --out results --lang en > /dev/null 2> both_b.err &
b=$!
wait $a; rc_a=$?
wait $b; rc_b=$?
{ [ $rc_a -eq 0 ] || [ $rc_b -eq 0 ]; } && ok "one of two concurrent runs succeeded ($rc_a, $rc_b)" || fail "concurrent runs: $rc_a, $rc_b"
for f in both_a.err both_b.err; do
  if [ -s $f ] && grep -q '^error' $f; then contains $f "another ClusterShift run" "a concurrent run fails only on the lock"; fi
done
"$EXE" report "$gpkg" --out after_concurrent.pdf --lang en --top 1 > /dev/null 2> after_concurrent.err
expect_rc 0 $? "the set after concurrent runs is whole (report reads it)"

# A truncated GeoPackage is reported as damaged.
head -c 20000 "$gpkg" > truncated.gpkg
"$EXE" report truncated.gpkg --out truncated.pdf 2> truncated.err
expect_rc 2 $? "report on a truncated GeoPackage"
contains truncated.err "damaged or truncated" "truncated GeoPackage named as damaged"

# ---- 4. Numbers are numbers ----
printf 'id,c1,c2\nA,1,2\nB,3,4,5\nA,5,6\n' > ragged.csv
"$EXE" mcda ragged.csv --id id --criteria c1,c2 2> ragged.err
expect_rc 2 $? "mcda on a row with an extra cell"
contains ragged.err "ragged.csv line 3: has 4 cells, the header has 3 (extra cells would be ignored)" "mcda names the line"
printf 'id,c1,c2\nA,1,2\nB,3,4\nA,5,6\n' > dup.csv
"$EXE" mcda dup.csv --id id --criteria c1,c2 2> dup.err
expect_rc 2 $? "mcda on a duplicated id"
contains dup.err "dup.csv line 4: duplicate id 'A' in column 'id' (first at dup.csv line 2)" "mcda names both lines"
printf 'id,y1,y2,y3,l1,l2,l3\nA,1,2,3,4,5,6,7\n' > ragged_s.csv
"$EXE" indices structure ragged_s.csv --out rs.csv 2> ragged_s.err
expect_rc 2 $? "indices on a row with an extra cell"
contains ragged_s.err "ragged_s.csv line 2: has 8 cells, the header has 7 (extra cells would be ignored)" "indices names the line the same way"
cp data/regions.gpkg text_in_real.gpkg
ogrinfo -q text_in_real.gpkg -sql "UPDATE regions SET gdp = '12,345' WHERE id = '330300'" > /dev/null 2>&1
sed "s#regions.gpkg#$OUT/text_in_real.gpkg#" data/s.json > data/text.json
"$EXE" validate data/text.json > text_in_real.out 2>&1
expect_rc 2 $? "validate: text in a REAL column"
contains text_in_real.out "field 'gdp': is not a number ('12,345') in a numeric column" "validate names fid, field and value"
"$EXE" mcda text_in_real.gpkg --layer regions --id id --criteria gdp 2> mcda_real.err
expect_rc 2 $? "mcda: text in a REAL column"
contains mcda_real.err "'12,345' is not a number" "mcda names the value"
"$EXE" mcda t.csv --id id --criteria c1,c2 --draws 10 --k 0 2> k0.err
expect_rc 2 $? "mcda --k 0"
[ "$(wc -c < k0.err)" -lt 200 ] && ok "--k 0 message is short" || fail "--k 0 message: $(cat k0.err)"

# ---- 5. validate finds what run rejects ----
write_scenario data/ahp.json ahp ', "weighting": {"method": "ahp", "matrix": [[1, 3, 5], [0.5, 1, 2], [0.2, 0.5, 1]]}'
"$EXE" validate data/ahp.json > ahp.out 2>&1
expect_rc 2 $? "validate: non-reciprocal AHP matrix"
contains ahp.out "is not the reciprocal" "validate names the AHP cell"
write_scenario data/cr.json cr ', "weighting": {"method": "ahp", "matrix": [[1, 9, 0.2], [0.1111111, 1, 5], [5, 0.2, 1]]}'
"$EXE" validate data/cr.json > cr.out 2>&1
expect_rc 0 $? "validate: inconsistent AHP matrix is a warning"
contains cr.out "AHP consistency ratio" "validate reports the consistency ratio"
sed 's/"weight": 0.4/"weight": 1e308/; s/"weight": 0.3,/"weight": 1e308,/' data/s.json > data/huge.json
"$EXE" validate data/huge.json > huge.out 2>&1
expect_rc 2 $? "validate: weights of 1e308"
contains huge.out "must be at most 1e6" "huge weights named"
lacks huge.out "all 0" "no misleading 'all weights are zero'"
sed 's/"weight": 0.4/"weight": 1e400/' data/s.json > data/overflow.json
"$EXE" run data/overflow.json --out overflow > overflow.out 2>&1
expect_rc 2 $? "run: a weight of 1e400"
contains overflow.out "out of range" "1e400 named as out of range"
"$EXE" validate data > folder.out 2>&1
expect_rc 2 $? "validate: a folder as the scenario"
contains folder.out "is a folder" "folder named as a folder"
iconv -f UTF-8 -t UTF-16 data/s.json > data/utf16.json
"$EXE" validate data/utf16.json > utf16.out 2>&1
expect_rc 2 $? "validate: UTF-16 scenario"
contains utf16.out "UTF-16" "UTF-16 named"

# ---- 6. Nothing written outside the output folder ----
if [ -z "$(find "$HOME" -type f 2>/dev/null)" ]; then ok "nothing written under HOME"; else fail "files under HOME: $(find "$HOME" -type f)"; fi

[ $failures -eq 0 ] || { echo "$failures failures" >&2; exit 1; }
echo "safety: all checks passed"
