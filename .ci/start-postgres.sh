#!/usr/bin/env bash
# Start a throwaway, fast (unsafe: fsync off) PostgreSQL cluster for tests.
# Prints exactly one line to stdout: DATABASE_URL=...; everything else goes to stderr.
set -euo pipefail

PGDATA_DIR="${PGDATA_DIR:-/tmp/portal-pg}"
PORT="${PGPORT:-54329}"
URL="postgres://portal:portal@127.0.0.1:${PORT}/portal"
export DEBIAN_FRONTEND=noninteractive
cd /   # so commands run as postgres don't complain about an unreadable cwd

log() { echo "start-postgres: $*" >&2; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ ! -x "$(pg_bin)/initdb" ]; then
  log "installing postgresql via apt"
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN="$(pg_bin)"
as_pg() { runuser -u postgres -- "$@"; }

if as_pg "$BIN/pg_ctl" status -D "$PGDATA_DIR/data" >/dev/null 2>&1; then
  log "already running ($PGDATA_DIR, port $PORT)"
  echo "DATABASE_URL=$URL"
  exit 0
fi

mkdir -p "$PGDATA_DIR"
chown postgres:postgres "$PGDATA_DIR"
chmod 755 "$PGDATA_DIR"   # data/ itself stays 0700

if [ ! -f "$PGDATA_DIR/data/PG_VERSION" ]; then
  log "initdb in $PGDATA_DIR/data ($("$BIN/postgres" --version))"
  # --auth=trust: trust for local socket, 127.0.0.1/32 and ::1/128
  as_pg "$BIN/initdb" -D "$PGDATA_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >&2
  cat >>"$PGDATA_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$PGDATA_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

log "starting on 127.0.0.1:$PORT"
as_pg "$BIN/pg_ctl" start -w -D "$PGDATA_DIR/data" -l "$PGDATA_DIR/server.log" >&2

psql_pg() { as_pg "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDATA_DIR" -p "$PORT" -U postgres -d postgres "$@"; }
if [ -z "$(psql_pg -tAc "SELECT 1 FROM pg_roles WHERE rolname = 'portal'")" ]; then
  psql_pg -c "CREATE ROLE portal LOGIN SUPERUSER PASSWORD 'portal'" >&2
fi
if [ -z "$(psql_pg -tAc "SELECT 1 FROM pg_database WHERE datname = 'portal'")" ]; then
  psql_pg -c "CREATE DATABASE portal OWNER portal" >&2
fi

echo "DATABASE_URL=$URL"
