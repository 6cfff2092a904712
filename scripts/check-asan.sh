#!/usr/bin/env bash
# make check-asan: AddressSanitizer + UndefinedBehaviorSanitizer build of core, layers and the
# CLI (gcc), then the core and cli test labels under it. Any sanitizer report fails the test
# that triggered it (-fno-sanitize-recover=all, halt_on_error). Leak checking is on for the core
# tests; off for the CLI, whose QGIS libraries keep their singletons until exit.
# Usage: bash scripts/check-asan.sh BUILD_DIR JOBS
set -euo pipefail
BUILD=${1:-build-asan}
JOBS=${2:-2}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DCLUSTERSHIFT_SANITIZE=ON -DCLUSTERSHIFT_WITH_BENCH=OFF \
  >"$BUILD.configure.log" 2>&1 || { cat "$BUILD.configure.log"; exit 1; }
cmake --build "$BUILD" -j"$JOBS" --target core_tests clustershift
cd "$BUILD"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1 ctest -L core -j"$JOBS" --output-on-failure --timeout 900
ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 ctest -L cli -j1 --output-on-failure --timeout 1800
