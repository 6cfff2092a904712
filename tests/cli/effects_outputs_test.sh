#!/usr/bin/env bash
# clustershift run writes the transfer-effects layers into the GeoPackage: region_effects (one row
# per region, one source, at least one host), effects_timeline and coupling (one row per host
# region, D in [0, 1] with its class).  Usage: bash effects_outputs_test.sh EXE SOURCE_DIR OUT_DIR
. "$(dirname "$0")/lib.sh"

run_sample_en
gpkg="$OUT/run/wenzhou_footwear_complete.gpkg"
[ -s "$gpkg" ] || fail "no GeoPackage"
ogrinfo -so -q "$gpkg" >"$OUT/layers.txt" 2>&1 || fail "ogrinfo cannot open $gpkg"
for layer in region_effects effects_timeline coupling; do
  grep -qE "^[0-9]+: $layer " "$OUT/layers.txt" || { cat "$OUT/layers.txt" >&2; fail "layer $layer missing"; }
done
[ -s "$OUT/run/wenzhou_footwear_complete_region_effects.qml" ] || fail "no region_effects style"

# One value of a one-row, one-column SQL query.
value() { ogrinfo -q "$gpkg" -sql "$1" | sed -n 's/^ *[a-z_0-9]* ([A-Za-z0-9]*) = //p' | head -1; }
count() { value "SELECT COUNT(*) AS n FROM $1"; }

regions=$(count regions)
[ "$(count region_effects)" = "$regions" ] || fail "region_effects: $(count region_effects) rows, regions: $regions"
[ "$(value "SELECT COUNT(*) AS n FROM region_effects WHERE role LIKE 'source%'")" = 1 ] || fail "not exactly one source region"
hosts=$(value "SELECT COUNT(*) AS n FROM region_effects WHERE role LIKE '%host'")
[ "${hosts:-0}" -ge 1 ] || fail "no host region"
[ "$(value "SELECT COUNT(*) AS n FROM region_effects WHERE role = 'other' AND isu_change IS NOT NULL")" = 0 ] \
  || fail "other regions have an ISU change"
[ "$(value "SELECT COUNT(*) AS n FROM region_effects WHERE role != 'other' AND isu_change IS NULL")" = 0 ] \
  || fail "source/host without an ISU change"
[ "$(value "SELECT COUNT(*) AS n FROM region_effects WHERE role = 'source' AND id = '330300'")" = 1 ] \
  || fail "the source region is not Wenzhou (330300)"

[ "$(count coupling)" = "$hosts" ] || fail "coupling: $(count coupling) rows for $hosts host region(s)"
[ "$(value "SELECT COUNT(*) AS n FROM coupling WHERE d < 0 OR d > 1 OR d IS NULL OR class_en IS NULL OR class_zh IS NULL")" = 0 ] \
  || fail "coupling: D outside [0, 1] or class missing"

timeline=$(count effects_timeline)
[ "${timeline:-0}" -gt 0 ] || fail "effects_timeline is empty"
years=$(value "SELECT COUNT(DISTINCT year) AS n FROM effects_timeline")
[ "${years:-0}" -ge 2 ] || fail "effects_timeline: $years distinct year(s)"
[ "$(value "SELECT COUNT(*) AS n FROM effects_timeline WHERE indicator = 'isu' AND region_id = '330300'")" = "$years" ] \
  || fail "effects_timeline: not one source ISU row per year"

# Flows carry the moved output of the host (effects) flow.
[ "$(value "SELECT COUNT(*) AS n FROM transfer_flows WHERE moved_output > 0 AND knowledge_flow >= 0")" -ge 1 ] \
  || fail "transfer_flows: no flow with moved output and knowledge flow"
echo "ok: effects outputs"
