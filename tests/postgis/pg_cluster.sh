# Sourced by the postgis tests: a throwaway PostgreSQL 15 + PostGIS 3 cluster in a temporary
# folder, on a free local port, with password authentication over TCP. Credentials reach
# clients only through the files libpq reads: a pg_service.conf (PGSERVICEFILE, service
# "planning") and a .pgpass (PGPASSFILE). The server refuses to run as root, so as root it runs
# as the unprivileged user "nobody".
#   pg_cluster_start   starts it (sets PG_CLUSTER_DIR, PGPORT, PGSERVICEFILE, PGPASSFILE)
#   pg_cluster_stop    stops it and removes the folder (also on EXIT when started)
#   pg_psql ARGS…      psql to the "planning" database as the superuser
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

pg_cluster_stop() {
  if [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR" ]; then
    pg_as_server_user "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_CLUSTER_DIR"
  fi
  PG_CLUSTER_DIR=""
}

pg_psql() { psql "service=planning" -v ON_ERROR_STOP=1 -X -q "$@"; }

pg_cluster_start() {
  for tool in initdb pg_ctl postgres; do
    [ -x "$PG_BIN/$tool" ] || { echo "postgis test: $PG_BIN/$tool missing (apt: postgresql-15; scripts/install-deps.sh)" >&2; return 1; }
  done
  [ -f /usr/share/postgresql/15/extension/postgis.control ] ||
    { echo "postgis test: PostGIS 3 missing (apt: postgresql-15-postgis-3; scripts/install-deps.sh)" >&2; return 1; }
  # /tmp is reachable by the unprivileged server user; the build tree may not be.
  PG_CLUSTER_DIR=$(mktemp -d /tmp/clustershift-pg.XXXXXX)
  trap pg_cluster_stop EXIT
  chmod 755 "$PG_CLUSTER_DIR"
  local password
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$password" >"$PG_CLUSTER_DIR/pwfile"
  mkdir "$PG_CLUSTER_DIR/data" "$PG_CLUSTER_DIR/socket" "$PG_CLUSTER_DIR/log"
  if [ "$(id -u)" -eq 0 ]; then chown nobody "$PG_CLUSTER_DIR/data" "$PG_CLUSTER_DIR/socket" "$PG_CLUSTER_DIR/log" "$PG_CLUSTER_DIR/pwfile"; fi
  pg_as_server_user "$PG_BIN/initdb" -D "$PG_CLUSTER_DIR/data" -U postgres --pwfile="$PG_CLUSTER_DIR/pwfile" \
    --auth-host=scram-sha-256 --auth-local=reject -E UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 ||
    { cat "$PG_CLUSTER_DIR/initdb.log" >&2; return 1; }
  rm -f "$PG_CLUSTER_DIR/pwfile"
  PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  pg_as_server_user "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/log/server.log" -w -t 60 \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PG_CLUSTER_DIR/socket -c fsync=off" start >/dev/null ||
    { cat "$PG_CLUSTER_DIR/log/server.log" >&2; return 1; }
  # Client side: service file and password file only (mode 0600, or libpq ignores it).
  export PGSERVICEFILE="$PG_CLUSTER_DIR/pg_service.conf" PGPASSFILE="$PG_CLUSTER_DIR/pgpass"
  unset PGPASSWORD PGHOST PGUSER PGDATABASE PGSERVICE
  printf '[planning]\nhost=127.0.0.1\nport=%s\ndbname=planning\nuser=postgres\n' "$PGPORT" >"$PGSERVICEFILE"
  printf '127.0.0.1:%s:*:postgres:%s\n' "$PGPORT" "$password" >"$PGPASSFILE"
  chmod 600 "$PGPASSFILE"
  psql "host=127.0.0.1 port=$PGPORT dbname=postgres user=postgres" -X -q -c "CREATE DATABASE planning" >/dev/null
  pg_psql -c "CREATE EXTENSION postgis" >/dev/null
  export PGPORT
}
