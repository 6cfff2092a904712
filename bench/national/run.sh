#!/usr/bin/env bash
# bench/national: the whole `clustershift run` at national size (issue 14), in one go.
#   bash bench/national/run.sh [BUILD] [RUNS]        (or `make bench-national`)
# 1. generates the inputs once (BUILD/bench/generate_national: 2,850 Voronoi counties with
#    ~200-vertex boundaries, 20,000 sites, tables, roads, zones, a twelve-criteria scenario);
# 2. runs `clustershift --timings run` RUNS times (default 3) and prints the medians: wall
#    time, CPU time (user + sys: the robust number when other work shares the cores), peak
#    resident memory, and each stage's wall time;
# 3. runs the baselines in bench/: the plain GEOS overlay for labour_pool and the exact
#    geodesics for market_access, and prints their ratios to the fast paths.
# 4. the 1 km national candidate grid (national_grid.json) RUNS times, and grid_accuracy: the
#    grid's fast paths against the per-cell computation on 20,000 random cells (GRID=0 skips).
# BASELINE_EXE=/path/to/older/clustershift also times that executable on the same inputs
# (before/after tables).
set -euo pipefail
BUILD=${1:-build}
RUNS=${2:-3}
exe="$BUILD/cli/clustershift"
gen="$BUILD/bench/generate_national"
work="$BUILD/bench/national"
[ -x "$exe" ] || { echo "run.sh: $exe not built (make build)" >&2; exit 1; }
[ -x "$gen" ] || { echo "run.sh: $gen not built (needs libbenchmark-dev; make build)" >&2; exit 1; }
mkdir -p "$work"
if [ ! -f "$work/data/national.json" ]; then
  echo "== generating national inputs in $work/data" >&2
  "$gen" "$work/data"
fi

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# time_runs LABEL EXE [SCENARIO]: RUNS whole runs; prints medians and the per-stage table.
time_runs() {
  local label=$1 bin=$2 scenario=${3:-$work/data/national.json}
  local dir="$work/$label"
  rm -rf "$dir"
  mkdir -p "$dir"
  for i in $(seq 1 "$RUNS"); do
    local timings=()
    "$bin" --help 2>/dev/null | grep -q -- '--timings' && timings=(--timings)
    /usr/bin/time -f '%e %U %S %M' -o "$dir/time_$i.txt" \
      "$bin" "${timings[@]}" run "$scenario" --out "$dir/out_$i" >"$dir/stdout_$i.txt" 2>"$dir/stderr_$i.txt" || {
      echo "run.sh: $label run $i failed:" >&2
      tail -20 "$dir/stderr_$i.txt" >&2
      return 1
    }
  done
  local wall cpu rss
  wall=$(for f in "$dir"/time_*.txt; do awk '{print $1}' "$f"; done | median)
  cpu=$(for f in "$dir"/time_*.txt; do awk '{print $2 + $3}' "$f"; done | median)
  rss=$(for f in "$dir"/time_*.txt; do awk '{print $4 / 1024}' "$f"; done | median)
  printf '%-10s whole run (median of %d): wall %.1f s, CPU %.1f s, peak RSS %.0f MB\n' "$label" "$RUNS" "$wall" "$cpu" "$rss"
  # Per-stage medians from --timings ("  <stage>  <wall> s  cpu <cpu> s  peak <MB> MB"); a
  # stage seen twice in one run is numbered (#2); the criteria, computed two at a time, are
  # listed indented under "scoring criteria" with their own wall times.
  if grep -q '^timings' "$dir/stderr_1.txt"; then
    printf '  %-30s %9s %9s %9s\n' stage "wall s" "CPU s" "peak MB"
    awk '
      /^timings/ { delete seen; next }
      /^  .* s  cpu .* s  peak .* MB$/ {
        line = $0; sub(/^  /, "", line)
        n = split(line, f, / +/)
        name = f[1]; for (k = 2; k <= n - 8; k++) name = name " " f[k]
        key = name "#" (++seen[name])
        if (!(key in order)) { order[key] = ++count; keys[count] = key }
        wall[key] = wall[key] " " f[n - 7]; cpu[key] = cpu[key] " " f[n - 4]; peak[key] = f[n - 1]
      }
      # A part of a stage that ran beside others (each criterion of "scoring criteria"): its
      # own wall time only.
      /^    .* s  \(own wall time, beside the others\)$/ {
        n = split($0, f, / +/)  # f[1] empty; the id (words) up to f[n - 8]; the seconds f[n - 7]
        name = f[2]; for (k = 3; k <= n - 8; k++) name = name " " f[k]
        key = "  " name "#" (++seen[name])
        if (!(key in order)) { order[key] = ++count; keys[count] = key }
        wall[key] = wall[key] " " f[n - 7]; cpu[key] = "-"; peak[key] = "-"
      }
      END { for (i = 1; i <= count; i++) { k = keys[i]; print k "\t" wall[k] "\t" cpu[k] "\t" peak[k] } }
    ' "$dir"/stderr_*.txt | while IFS=$'\t' read -r key walls cpus pk; do
      w=$(echo "$walls" | tr ' ' '\n' | grep -v '^$' | median)
      if [ "$cpus" = "-" ]; then
        printf '  %-30s %9.3f %9s %9s\n' "${key%#1}" "$w" - -
        continue
      fi
      c=$(echo "$cpus" | tr ' ' '\n' | grep -v '^$' | median)
      printf '  %-30s %9.3f %9.3f %9.0f\n' "${key%#1}" "$w" "$c" "$pk"
    done
  fi
}

echo "== whole run, $RUNS times ($(nproc) cores; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
if [ -n "${BASELINE_EXE:-}" ]; then time_runs before "$BASELINE_EXE"; fi
time_runs now "$exe"

# One report language at N = 5 from the first run's GeoPackage (`clustershift report`, its own
# process: QGIS start, loading, layouts, PDF), RUNS times per language; medians.
time_reports() {
  local label=$1 bin=$2
  local dir="$work/$label" gpkg
  gpkg=$(ls "$dir"/out_1/*.gpkg 2>/dev/null | head -1)
  [ -n "$gpkg" ] || return 0
  for lang in zh_CN en; do
    for i in $(seq 1 "$RUNS"); do
      /usr/bin/time -f '%e %U %S %M' -o "$dir/report_${lang}_$i.txt" \
        "$bin" report "$gpkg" --out "$dir/report_${lang}_$i.pdf" --lang "$lang" --top 5 >/dev/null 2>"$dir/report_${lang}_$i.err" || {
        echo "run.sh: $label report $lang failed:" >&2
        tail -5 "$dir/report_${lang}_$i.err" >&2
        return 1
      }
    done
    local wall cpu rss
    wall=$(for f in "$dir"/report_"${lang}"_*.txt; do awk '{print $1}' "$f"; done | median)
    cpu=$(for f in "$dir"/report_"${lang}"_*.txt; do awk '{print $2 + $3}' "$f"; done | median)
    rss=$(for f in "$dir"/report_"${lang}"_*.txt; do awk '{print $4 / 1024}' "$f"; done | median)
    printf '%-10s report %-5s N = 5 (median of %d): wall %.2f s, CPU %.2f s, peak RSS %.0f MB, %s pages\n' "$label" "$lang" \
      "$RUNS" "$wall" "$cpu" "$rss" "$(pdfinfo "$dir/report_${lang}_1.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
  done
}
echo "== one report language (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
if [ -n "${BASELINE_EXE:-}" ]; then time_reports before "$BASELINE_EXE"; fi
time_reports now "$exe"

echo "== baselines"
if [ -x "$BUILD/bench/market_access_bench" ]; then
  "$BUILD/bench/market_access_bench" --benchmark_filter='Criterion|Exact' 2>/dev/null | grep -A1 'market_access [0-9]'
fi
if [ -x "$BUILD/bench/labour_pool_bench" ]; then
  "$BUILD/bench/labour_pool_bench" --benchmark_filter='LabourPoolCriterion/dense:1|GeosOverlay/dense:1' 2>/dev/null |
    grep -A2 '^labour_pool dense'
fi

# The 1 km national candidate grid (issue 14): RUNS whole runs, then the fast paths against
# the per-cell computation on 20,000 random cells.
if [ "${GRID:-1}" != 0 ] && [ -f "$work/data/national_grid.json" ]; then
  echo "== 1 km candidate grid, $RUNS times (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
  time_runs grid "$exe" "$work/data/national_grid.json"
  if [ -x "$BUILD/bench/grid_accuracy" ]; then "$BUILD/bench/grid_accuracy" "$work/data/national_grid.json" 20000; fi
fi
