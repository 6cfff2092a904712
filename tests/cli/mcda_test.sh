#!/usr/bin/env bash
# `clustershift mcda` end to end on small CSV tables (run as: bash mcda_test.sh EXE SOURCE_DIR OUT_DIR).
# Published example: Papathanasiou & Ploskas (2018), Multiple Criteria Decision Aid, Springer,
# TOPSIS chapter: C = [0.387, 0.327, 0.391, 0.615, 0.868, 0.493].
. "$(dirname "$0")/lib.sh"
cd "$OUT" || exit 1

cat > papathanasiou.csv <<'CSV'
id,c1,c2,c3,c4
A1,8,7,2,1
A2,5,3,7,5
A3,7,5,6,4
A4,9,9,7,3
A5,11,10,3,7
A6,6,9,5,4
CSV

# 1. TOPSIS --json reproduces the published closeness values.
"$EXE" mcda papathanasiou.csv --id id --criteria c1,c2,c3,c4 --weights 0.4,0.3,0.1,0.2 \
  --method topsis --json > topsis.json 2> topsis.err
check "topsis exit code 0" test $? -eq 0
expected=(0.387 0.327 0.391 0.615 0.868 0.493)
for i in 0 1 2 3 4 5; do
  score=$(jq -r ".alternatives[$i].score" topsis.json)
  check "topsis C[$i] = ${expected[$i]} (got $score)" near "$score" "${expected[$i]}" 0.0005
done
check "topsis best is A5 with rank 1" test "$(jq -r '.alternatives[] | select(.rank == 1) | .id' topsis.json)" = A5
check "json weights keyed by criterion" near "$(jq -r '.weights.c2' topsis.json)" 0.3 1e-12

# 2. RESULT.csv with robustness fields, reproducible for a seed.
"$EXE" mcda papathanasiou.csv --id id --criteria c1,c2,c3,c4 --cost c4 --draws 300 --seed 7 \
  --out result.csv
check "csv exit code 0" test $? -eq 0
check "csv header" test "$(head -n 1 result.csv)" = "id,score,rank,p_top1,p_topk,rank_mean,rank_p05,rank_p95"
check "csv has 6 rows" test "$(tail -n +2 result.csv | wc -l)" -eq 6
"$EXE" mcda papathanasiou.csv --id id --criteria c1,c2,c3,c4 --cost c4 --draws 300 --seed 7 \
  --out result2.csv
check "same seed, same result" cmp -s result.csv result2.csv
check "p_top1 sums to 1" near "$(tail -n +2 result.csv | awk -F, '{ s += $4 } END { print s }')" 1 1e-9

# 3. Entropy weights with raw values reproduce Xu (2004), EJOR 156(2):530-532.
cat > xu.csv <<'CSV'
id,x1,x2,x3,x4
a,30,30,38,29
b,19,54,86,29
c,19,15,85,28.9
d,68,70,60,29
CSV
"$EXE" mcda xu.csv --id id --criteria x1,x2,x3,x4 --weighting entropy --normalize none --json > xu.json
check "entropy exit code 0" test $? -eq 0
check "entropy w1 = 0.4630" near "$(jq -r '.weights.x1' xu.json)" 0.4630 0.00005
check "entropy w2 = 0.3992" near "$(jq -r '.weights.x2' xu.json)" 0.3992 0.00005
check "entropy w3 = 0.1378" near "$(jq -r '.weights.x3' xu.json)" 0.1378 0.00005
check "entropy w4 = 0.0000" near "$(jq -r '.weights.x4' xu.json)" 0 0.00005

# 4. AHP matrix file with fractions; lambda_max, CI and CR in the JSON.
cat > ahp.csv <<'CSV'
criterion,c1,c2,c3,c4
c1,1,2,4,8
c2,1/2,1,2,4
c3,1/4,1/2,1,2
c4,1/8,1/4,1/2,1
CSV
"$EXE" mcda papathanasiou.csv --id id --criteria c1,c2,c3,c4 --ahp ahp.csv --json > ahp.json
check "ahp exit code 0" test $? -eq 0
check "ahp lambda_max = 4" near "$(jq -r '.ahp.lambda_max' ahp.json)" 4 1e-9
check "ahp cr = 0" near "$(jq -r '.ahp.cr' ahp.json)" 0 1e-9
check "ahp w1 = 8/15" near "$(jq -r '.weights.c1' ahp.json)" 0.5333333333 1e-9

# 5. Missing value: excluded with a reason, rank 0, score null.
printf 'id,a,b\np1,1,2\np2,,3\np3,2,1\n' > missing.csv
"$EXE" mcda missing.csv --id id --criteria a,b --json > missing.json
check "missing exit code 0" test $? -eq 0
check "missing row rank 0" test "$(jq -r '.alternatives[1].rank' missing.json)" = 0
check "missing row score null" test "$(jq -r '.alternatives[1].score' missing.json)" = null
check "missing row reason" test "$(jq -r '.alternatives[1].reason' missing.json)" = "a: missing value"

# 6. Errors: exit code 2 for bad input (message names the field), 3 for an unreadable file.
"$EXE" mcda papathanasiou.csv --id id --criteria c1,nope 2> bad.err
check "unknown field exit code 2" test $? -eq 2
check "unknown field message" grep -q "no field 'nope'" bad.err
"$EXE" mcda papathanasiou.csv --id id --criteria c1,c2 --weights 1,-1 2> neg.err
check "negative weight exit code 2" test $? -eq 2
check "negative weight message" grep -q "weight of criterion 'c2' is negative" neg.err
"$EXE" mcda does_not_exist.csv --id id --criteria c1 2> io.err
check "missing file exit code 3" test $? -eq 3

exit $failures
