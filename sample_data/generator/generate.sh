#!/usr/bin/env bash
# Regenerates the ClusterShift sample data (deterministic). Called by `make sample-data`.
#   1. npm ci  -> node_modules/ with world-atlas (Natural Earth, public domain) + topojson-client
#   2. node land.js -> temporary GeoJSON land outline (mainland China incl. islands)
#   3. Debian's /usr/bin/python3 + PyQGIS/GDAL -> regions.gpkg, parks.gpkg, CSVs, JSONs
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "$here/.." && pwd)"
python="${CLUSTERSHIFT_PYTHON:-/usr/bin/python3}"   # Debian python with python3-qgis, not pyenv

if [ ! -f "$here/node_modules/world-atlas/countries-10m.json" ] || [ ! -d "$here/node_modules/topojson-client" ]; then
  echo "generate.sh: installing npm packages (world-atlas, topojson-client)" >&2
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node "$here/land.js" "$tmp/land.geojson"
QT_QPA_PLATFORM=offscreen "$python" "$here/generate.py" --land "$tmp/land.geojson" --out "$out"
"$python" "$here/verify.py" "$out" >&2
echo "generate.sh: wrote $out/{regions.gpkg,parks.gpkg,industry_output.csv,io_table.csv,clusters/,scenarios/}" >&2
