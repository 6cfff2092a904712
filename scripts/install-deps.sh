#!/usr/bin/env bash
# Installs every Debian package ClusterShift needs to build, test and demo.
# Idempotent: when everything is present it returns in well under a second.
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config ccache clang-format git
  libqgis-dev qgis qgis-providers python3-qgis
  libgdal-dev libgeos-dev libproj-dev gdal-bin libssl-dev
  qtbase5-dev qttools5-dev-tools qttools5-dev libqt5svg5-dev libqt5webkit5-dev
  nlohmann-json3-dev libeigen3-dev libcli11-dev libboost-graph-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth fonts-noto-cjk poppler-utils imagemagick sqlite3 jq bc
  # the postgis tests: a throwaway PostgreSQL 15 + PostGIS 3 server (initdb, pg_ctl) and psql
  postgresql-15 postgresql-15-postgis-3 postgresql-client-15
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
