#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets (clang, ASan + UBSan) in BUILD_DIR and runs each for
# SECONDS on a copy of its committed seed corpus (fuzz/corpus/<target>). Prints executions and
# whether a crash was found; crash inputs are left in BUILD_DIR/fuzz-artifacts.
# Usage: bash scripts/fuzz.sh BUILD_DIR JOBS SECONDS
set -euo pipefail
BUILD=${1:-build-fuzz}
JOBS=${2:-2}
SECONDS_PER_TARGET=${3:-60}
CC=${CC:-clang} CXX=${CXX:-clang++} cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCLUSTERSHIFT_FUZZ=ON \
  -DCLUSTERSHIFT_WITH_QGIS=OFF -DCLUSTERSHIFT_WITH_TESTS=OFF -DCLUSTERSHIFT_WITH_BENCH=OFF \
  -DCMAKE_C_COMPILER="${CC:-clang}" -DCMAKE_CXX_COMPILER="${CXX:-clang++}" >"$BUILD.configure.log" 2>&1 \
  || { cat "$BUILD.configure.log"; exit 1; }
cmake --build "$BUILD" -j"$JOBS" --target scenario_fuzzer csv_table_fuzzer mcda_table_fuzzer
mkdir -p "$BUILD/fuzz-artifacts"
status=0
for target in scenario_fuzzer csv_table_fuzzer mcda_table_fuzzer; do
  corpus="$BUILD/corpus/$target"
  mkdir -p "$corpus"
  cp -n fuzz/corpus/"${target%_fuzzer}"/* "$corpus"/ 2>/dev/null || true
  log="$BUILD/fuzz-$target.log"
  if "$BUILD/fuzz/$target" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -timeout=20 \
       -rss_limit_mb=2048 -artifact_prefix="$BUILD/fuzz-artifacts/$target-" >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH (see $log)"
    status=1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | awk '{print $2}' | tail -1)
  echo "$target: ${runs:-?} executions in ${SECONDS_PER_TARGET} s, $result"
done
exit $status
