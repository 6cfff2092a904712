#!/usr/bin/env bash
# `clustershift indices relatedness|structure|io` end to end on small CSV tables
# (run as: bash indices_test.sh EXE SOURCE_DIR OUT_DIR).
# Published example: Miller & Blair (2009), Input-Output Analysis, 2nd ed., ch. 2:
# Z = [[150,500],[200,100]], x = [1000,2000] -> L = [[1.2541,0.3300],[0.2640,1.1221]],
# output multipliers [1.5182, 1.4521].
. "$(dirname "$0")/lib.sh"
cd "$OUT" || exit 1

# ---- 1. relatedness: the hand-checked 4 x 4 example of tests/core/indices/relatedness_test.cpp
cat > matrix.csv <<'CSV'
region_id,I1,I2,I3,I4
R1,50,10,20,20
R2,10,30,40,20
R3,40,80,20,60
R4,20,0,10,70
CSV
"$EXE" indices relatedness matrix.csv --out rel > rel.out 2> rel.err
check "relatedness exit code 0" test $? -eq 0
for f in rca presence proximity density; do
  check "relatedness wrote $f.csv" test -s "rel/$f.csv"
done
check "rca header keeps the input labels" test "$(head -n 1 rel/rca.csv)" = "region_id,I1,I2,I3,I4"
check "proximity header lists the industries" test "$(head -n 1 rel/proximity.csv)" = "industry,I1,I2,I3,I4"
check "RCA(R1,I1) = 0.5/0.24" near "$(cell rel/rca.csv R1 I1)" 2.0833333333 1e-8
check "RCA(R3,I2) = 0.4/0.24" near "$(cell rel/rca.csv R3 I2)" 1.6666666667 1e-8
check "presence(R2,I3) = 1" near "$(cell rel/presence.csv R2 I3)" 1 0
check "presence(R3,I1) = 0" near "$(cell rel/presence.csv R3 I1)" 0 0
check "proximity(I1,I3) = 1/max(1,2)" near "$(cell rel/proximity.csv I1 I3)" 0.5 1e-12
check "proximity(I1,I2) = 0" near "$(cell rel/proximity.csv I1 I2)" 0 0
check "density(R1,I1) = 0.5/0.5" near "$(cell rel/density.csv R1 I1)" 1 1e-12
check "density(R3,I3) = 0.5/1" near "$(cell rel/density.csv R3 I3)" 0.5 1e-12
check "density(R3,I2) = 0 (industry left out)" near "$(cell rel/density.csv R3 I2)" 0 0
"$EXE" indices relatedness matrix.csv --out rel08 --threshold 0.8 2> /dev/null
check "threshold 0.8: presence(R3,I1) = 1" near "$(cell rel08/presence.csv R3 I1)" 1 0

printf 'region_id,I1,I2\nR1,1,x\n' > bad_matrix.csv
"$EXE" indices relatedness bad_matrix.csv --out bad 2> bad.err
check "non-numeric cell: exit code 2" test $? -eq 2
check "non-numeric cell: message names file, row, column, value" \
  contains bad.err "bad_matrix.csv row 1 (line 2) id 'R1', column 'I2': not a number ('x')"
printf 'region_id,I1,I2\nR1,1,-3\nR2,2,2\n' > neg_matrix.csv
"$EXE" indices relatedness neg_matrix.csv --out bad 2> neg.err
check "negative cell: exit code 2" test $? -eq 2
check "negative cell: message names the cell" contains neg.err "neg_matrix.csv row 1 (line 2) id 'R1', column 'I2': value is negative"
"$EXE" indices relatedness no_such_file.csv --out bad 2> missing.err
check "missing file: exit code 3" test $? -eq 3

# Sample data: the region x industry table of sample_data.
"$EXE" indices relatedness "$SRC/sample_data/industry_output.csv" --out rel_sample 2> rel_sample.err
check "sample industry_output: exit code 0" test $? -eq 0
check "sample density has one row per region" \
  test "$(wc -l < rel_sample/density.csv)" -eq "$(grep -c . "$SRC/sample_data/industry_output.csv")"

# ---- 2. structure: hand-computed cases (Gan, Zheng & Yu 2011), incl. a zero sector
cat > structure.csv <<'CSV'
id,name,y1,y2,y3,l1,l2,l3
A,Alpha,10,40,50,20,40,40
B,Beta,0,60,40,10,50,40
CSV
"$EXE" indices structure structure.csv --out st/structure.csv > st.out 2> st.err
check "structure exit code 0" test $? -eq 0
check "structure header" test "$(head -n 1 st/structure.csv)" = "id,ts,isu,theil"
check "TS(A) = 50/40" near "$(cell st/structure.csv A ts)" 1.25 1e-12
check "ISU(A) = 2.4" near "$(cell st/structure.csv A isu)" 2.4 1e-12
check "Theil(A) = 0.1 ln 0.5 + 0.5 ln 1.25" near "$(cell st/structure.csv A theil)" 0.0422570576 1e-9
check "Theil(B) with zero sector = 0.6 ln 1.2" near "$(cell st/structure.csv B theil)" 0.1093929341 1e-9
check "zero sector warns, naming the row" contains st.err "row 2 (line 3) id 'B': sector 1 has zero output (y1)"

cat > structure_named.csv <<'CSV'
code,va1,va2,va3,jobs1,jobs2,jobs3
A,10,40,50,20,40,40
CSV
"$EXE" indices structure structure_named.csv --out st_named.csv \
  --fields id=code,y1=va1,y2=va2,y3=va3,l1=jobs1,l2=jobs2,l3=jobs3 2> /dev/null
check "--fields: exit code 0" test $? -eq 0
check "--fields: same Theil" near "$(cell st_named.csv A theil)" 0.0422570576 1e-9
"$EXE" indices structure structure_named.csv --out st_bad.csv 2> st_bad.err
check "absent column: exit code 2" test $? -eq 2
check "absent column: message names it" contains st_bad.err "structure_named.csv: no column 'id'"
"$EXE" indices structure structure.csv --out st_bad.csv --fields z1=y1 2> st_bad2.err
check "unknown --fields key: exit code 2" test $? -eq 2

# ---- 3. io: Miller & Blair (2009) ch. 2
cat > a.csv <<'CSV'
sector,S1,S2
S1,0.15,0.25
S2,0.20,0.05
CSV
"$EXE" indices io a.csv --out io_a 2> io_a.err
check "io A: exit code 0" test $? -eq 0
check "L11 = 1.2541" near "$(cell io_a/leontief.csv S1 S1)" 1.2541 5e-5
check "L12 = 0.3300" near "$(cell io_a/leontief.csv S1 S2)" 0.3300 5e-5
check "L21 = 0.2640" near "$(cell io_a/leontief.csv S2 S1)" 0.2640 5e-5
check "L22 = 1.1221" near "$(cell io_a/leontief.csv S2 S2)" 1.1221 5e-5
check "multiplier S1 = 1.5182" near "$(cell io_a/multipliers.csv S1 multiplier)" 1.5182 5e-5
check "multiplier S2 = 1.4521" near "$(cell io_a/multipliers.csv S2 multiplier)" 1.4521 5e-5

cat > z.csv <<'CSV'
sector,S1,S2
S1,150,500
S2,200,100
CSV
cat > x.csv <<'CSV'
sector,x
S2,2000
S1,1000
CSV
"$EXE" indices io --transactions z.csv --output x.csv --out io_z 2> io_z.err
check "io Z, x: exit code 0" test $? -eq 0
check "A from Z: a12 = 500/2000" near "$(cell io_z/coefficients.csv S1 S2)" 0.25 1e-12
check "A from Z: a21 = 200/1000" near "$(cell io_z/coefficients.csv S2 S1)" 0.20 1e-12
check "L from Z equals L from A" cmp -s io_a/leontief.csv io_z/leontief.csv
check "multipliers from Z equal those from A" cmp -s io_a/multipliers.csv io_z/multipliers.csv

cat > a_bad.csv <<'CSV'
sector,S1,S2
S1,0.6,0.5
S2,0.5,0.6
CSV
"$EXE" indices io a_bad.csv --out io_bad 2> io_bad.err
check "non-productive table: exit code 2" test $? -eq 2
check "non-productive table: clear message" contains io_bad.err "not productive (spectral radius 1.1 >= 1)"
check "non-productive table: no output written" test ! -e io_bad/leontief.csv
"$EXE" indices io z.csv --transactions z.csv --output x.csv --out io_both 2> /dev/null
check "A and --transactions together: exit code 2" test $? -eq 2
"$EXE" indices io --out io_none 2> io_none.err
check "neither A nor --transactions: exit code 2" test $? -eq 2

"$EXE" indices io "$SRC/sample_data/io_table.csv" --out io_sample 2> io_sample.err
check "sample io_table: exit code 0" test $? -eq 0
check "sample multipliers >= 1" \
  awk -F, 'NR > 1 && $2 < 1 { bad = 1 } END { exit bad }' io_sample/multipliers.csv

# ---- 4. the five economic criteria run on the three sample scenarios (raw values in the output)
for sc in wenzhou_footwear_complete guangzhou_leather_partial suzhou_electronics_replication; do
  jq --arg d "$SRC/sample_data" '.data.regions.path = ($d + "/regions.gpkg")
      | .data.parks.path = ($d + "/parks.gpkg")
      | .data.industry_output.path = ($d + "/industry_output.csv")
      | .data.io_table.path = ($d + "/io_table.csv")
      | .data.roads.path = ($d + "/roads.gpkg")
      | .data.exclusions.path = ($d + "/sensitive_zones.gpkg")
      | .criteria = [.criteria[] | select(.id != "relatedness" and .id != "industrial_base"
          and .id != "supply_chain" and .id != "absorptive_capacity" and .id != "market_access")]
      | .criteria += [{"id": "relatedness", "weight": 0.1}, {"id": "industrial_base", "weight": 0.1},
                      {"id": "supply_chain", "weight": 0.1, "params": {"cap": 3}},
                      {"id": "absorptive_capacity", "weight": 0.1},
                      {"id": "market_access", "weight": 0.1, "params": {"delta_km": 150}}]' \
    "$SRC/sample_data/scenarios/$sc.json" > "econ_$sc.json"
  "$EXE" run "econ_$sc.json" --out "run_$sc" > "run_$sc.log" 2>&1
  check "$sc with economic criteria: exit code 0" test $? -eq 0
  ogr2ogr -f CSV "run_$sc/scores.csv" "run_$sc/$sc.gpkg" candidate_scores \
    -select id,relatedness_raw,industrial_base_raw,supply_chain_raw,absorptive_capacity_raw,market_access_raw \
    > /dev/null 2>&1
  check "$sc: scores exported" test -s "run_$sc/scores.csv"
  check "$sc: header has the five raw fields" test "$(head -n 1 "run_$sc/scores.csv")" = \
    "id,relatedness_raw,industrial_base_raw,supply_chain_raw,absorptive_capacity_raw,market_access_raw"
  check "$sc: every park has the five raw values" \
    awk -F, 'NR > 1 { n++; for (i = 2; i <= 6; i++) if ($i == "") bad = 1 } END { exit bad || n == 0 }' \
    "run_$sc/scores.csv"
  check "$sc: relatedness density in [0,1]" \
    awk -F, 'NR > 1 && ($2 < 0 || $2 > 1) { bad = 1 } END { exit bad }' "run_$sc/scores.csv"
done

exit $failures
