#!/usr/bin/env bash
# clustershift --version / --help / usage errors.  Usage: bash version_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$OUT"
expected=$(sed -n 's/^project(ClusterShift VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
out=$("$EXE" --version) || fail "--version exited $?"
[ "$out" = "clustershift $expected" ] || fail "--version printed '$out', expected 'clustershift $expected'"

help=$("$EXE" --help) || fail "--help exited $?"
for cmd in demo run validate; do
  echo "$help" | grep -qE "^\s+$cmd\b" || fail "--help does not list '$cmd'"
done

# --list-criteria: the declared parameters, exit 0, without a subcommand.
list=$("$EXE" --list-criteria) || fail "--list-criteria exited $?"
echo "$list" | grep -qF "params.radius_km — Catchment radius (腹地半径): number in km, default 50, > 0." || fail "--list-criteria: no labour_pool radius_km: $list"
echo "$list" | grep -qF "params.class_speeds_kmh — Speed by road class (分等级道路速度): number map in km/h, default none, > 0." \
  || fail "--list-criteria: no travel_time_source class_speeds_kmh"

"$EXE" no-such-command >"$OUT/usage.out" 2>&1
rc=$?
[ $rc -eq 2 ] || fail "unknown subcommand: exit $rc, expected 2"
"$EXE" run >"$OUT/usage.out" 2>&1
rc=$?
[ $rc -eq 2 ] || fail "run without a scenario: exit $rc, expected 2"
echo "ok: version $expected"
