#!/usr/bin/env bash
# Runs every Google Benchmark program built under BUILD/bench and prints their tables.
set -euo pipefail
BUILD=${1:-build}
shopt -s nullglob
found=0
for b in "$BUILD"/bench/*_bench; do
  [ -x "$b" ] || continue
  found=1
  echo "== $(basename "$b")"
  "$b" --benchmark_counters_tabular=true
done
[ $found -eq 1 ] || { echo "no benchmarks built in $BUILD/bench" >&2; exit 1; }
