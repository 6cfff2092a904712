# Sourced by the tests/cli scripts, each run by ctest as: bash NAME_test.sh EXE SOURCE_DIR OUT_DIR
#   . "$(dirname "$0")/lib.sh"
# Sets EXE, SRC and OUT from those arguments and makes OUT a fresh, empty folder.
set -u
EXE=$1 SRC=$2 OUT=$3
rm -rf "$OUT" && mkdir -p "$OUT"
# The sample scenario most tests run.
scenario="$SRC/sample_data/scenarios/wenzhou_footwear_complete.json"

# Either stop at the first failure ...
fail() {  # fail MESSAGE
  echo "FAIL: $*" >&2
  exit 1
}

# ... or go through a list of checks and finish with `exit $failures`.
failures=0
check() {  # check "description" command...
  local what="$1"
  shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failures=1; fi
}
near() {  # near ACTUAL EXPECTED TOLERANCE
  awk -v a="$1" -v e="$2" -v t="$3" 'BEGIN { if (a !~ /^-?[0-9.]+([eE][-+]?[0-9]+)?$/) exit 1; d = a - e; if (d < 0) d = -d; exit !(d <= t) }'
}
cell() {  # cell FILE ROW_ID COLUMN  -> value
  awk -F, -v r="$2" -v c="$3" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) col = i; next }
    $1 == r && col { print $col; exit }' "$1"
}
contains() {  # contains FILE TEXT
  grep -qF -- "$2" "$1"
}

# `clustershift run` of the sample scenario into $OUT/run with the English report only
# (stdout.txt and stderr.txt in $OUT); stops the test when the run does not exit 0.
run_sample_en() {
  "$EXE" run "$scenario" --out "$OUT/run" --lang en >"$OUT/stdout.txt" 2>"$OUT/stderr.txt"
  local rc=$?
  [ $rc -eq 0 ] || { cat "$OUT/stderr.txt" >&2; fail "run exited $rc"; }
}
