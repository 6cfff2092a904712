#!/usr/bin/env bash
# clustershift validate: a good scenario passes (exit 0); broken ones (unknown key, wrong type,
# missing data file) exit 2 and name the problem.  Usage: bash validate_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
DATA="$SRC/sample_data"

# write_scenario FILE EXTRA_TOP_LEVEL LABOUR_WEIGHT REGIONS_PATH
write_scenario() {
  cat >"$1" <<JSON
{
  "version": 1,
  "name": "broken",
  "title": {"zh_CN": "测试", "en": "Test"},$2
  "data": {
    "regions": {"path": "$4", "layer": "regions"},
    "parks": {"path": "$DATA/parks.gpkg", "layer": "parks"},
    "industry_output": {"path": "$DATA/industry_output.csv"},
    "io_table": {"path": "$DATA/io_table.csv"}
  },
  "cluster": {"preset": "footwear"},
  "source": {"region": "330300"},
  "mode": "complete",
  "criteria": [
    {"id": "labour_cost", "weight": $3},
    {"id": "land", "weight": 0.3, "min": 1.0},
    {"id": "distance_source", "weight": 0.3, "direction": "cost"}
  ]
}
JSON
}

# expect NAME EXIT_CODE PATTERN... : runs validate on $OUT/NAME.json
expect() {
  local name=$1 code=$2
  shift 2
  "$EXE" validate "$OUT/$name.json" >"$OUT/$name.out" 2>&1
  local rc=$?
  [ $rc -eq "$code" ] || { cat "$OUT/$name.out" >&2; fail "$name: exit $rc, expected $code"; }
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$OUT/$name.out" || { cat "$OUT/$name.out" >&2; fail "$name: output does not mention '$pattern'"; }
  done
}

write_scenario "$OUT/good.json" "" 0.4 "$DATA/regions.gpkg"
expect good 0 "0 errors"

write_scenario "$OUT/unknown_key.json" '
  "colour": "red",' 0.4 "$DATA/regions.gpkg"
expect unknown_key 2 "colour"

write_scenario "$OUT/wrong_type.json" "" '"high"' "$DATA/regions.gpkg"
expect wrong_type 2 "criteria[0].weight" "high"

write_scenario "$OUT/missing_file.json" "" 0.4 "$OUT/no_such_regions.gpkg"
expect missing_file 2 "no_such_regions.gpkg"

# Several problems at once are all listed.
write_scenario "$OUT/two_problems.json" '
  "colour": "red",' '"high"' "$DATA/regions.gpkg"
expect two_problems 2 "colour" "criteria[0].weight"

# Criterion options are checked against each criterion's declaration, every problem listed.
write_scenario "$OUT/bad_params.json" "" 0.4 "$DATA/regions.gpkg"
sed -i 's/{"id": "land", "weight": 0.3, "min": 1.0}/{"id": "labour_pool", "weight": 0.3, "params": {"radius_km": -5, "radius": 3}}/' \
  "$OUT/bad_params.json"
expect bad_params 2 "labour_pool: params.radius_km: must be > 0, got -5" \
  "labour_pool: params.radius: unknown parameter (known: radius_km, threads)"

# A scenario file that cannot be read is an I/O error (exit 3).
"$EXE" validate "$OUT/does_not_exist.json" >"$OUT/unreadable.out" 2>&1
rc=$?
[ $rc -eq 3 ] || { cat "$OUT/unreadable.out" >&2; fail "unreadable scenario: exit $rc, expected 3"; }
echo "ok: validate"
