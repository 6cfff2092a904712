#!/usr/bin/env bash
# Installs the Debian packages ClusterShift needs.
#   scripts/install-deps.sh        everything: build, test (plugin, desktop, PostGIS), benchmarks, demo
#   scripts/install-deps.sh demo   only what `make demo` needs: the libraries and headers of core,
#                                  layers and the clustershift command, and the report's CJK font
#                                  (no QGIS desktop, PostgreSQL, Xvfb or tools of the tests)
# Idempotent: when everything is present it returns in well under a second.
set -euo pipefail

DEMO_PKGS=(
  build-essential cmake pkg-config ccache
  libqgis-dev libgdal-dev libgeos-dev libproj-dev libssl-dev
  qtbase5-dev qttools5-dev-tools qttools5-dev libqt5svg5-dev libqt5webkit5-dev
  nlohmann-json3-dev libeigen3-dev libcli11-dev libboost-graph-dev
  libgtest-dev   # configure looks for GoogleTest even when only the command is built
  fonts-noto-cjk
)
PKGS=(
  "${DEMO_PKGS[@]}"
  clang-format git
  qgis qgis-providers python3-qgis gdal-bin
  libgmock-dev libbenchmark-dev
  xvfb xauth poppler-utils imagemagick sqlite3 jq bc
  # Qt's own words (OK, Cancel, Yes, No) in a Chinese QGIS
  qttranslations5-l10n
  # the postgis tests: a throwaway PostgreSQL 15 + PostGIS 3 server (initdb, pg_ctl) and psql
  postgresql-15 postgresql-15-postgis-3 postgresql-client-15
)
case "${1:-all}" in
  demo) PKGS=("${DEMO_PKGS[@]}") ;;
  all) ;;
  *) echo "usage: $0 [demo|all]" >&2; exit 2 ;;
esac

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
# dpkg without an fsync per unpacked file (--force-unsafe-io, as Debian's container images set it):
# unpacking the few hundred packages of a fresh machine is bound by those syncs. A crash during the
# install can leave a package to reinstall; APT_SAFE_IO=1 keeps dpkg's default.
DPKG_OPTS=(-o Dpkg::Options::=--force-unsafe-io)
if [ "${APT_SAFE_IO:-0}" = 1 ]; then DPKG_OPTS=(); fi
$SUDO apt-get install -y -qq --no-install-recommends "${DPKG_OPTS[@]}" "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
