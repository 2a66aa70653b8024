#!/usr/bin/env bash
# Stop the throwaway cluster started by start-postgres.sh and delete its folder.
set -euo pipefail

PGDATA_DIR="${PGDATA_DIR:-/tmp/portal-pg}"
cd /
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

if [ -n "$BIN" ] && [ -f "$PGDATA_DIR/data/PG_VERSION" ] &&
   runuser -u postgres -- "$BIN/pg_ctl" status -D "$PGDATA_DIR/data" >/dev/null 2>&1; then
  runuser -u postgres -- "$BIN/pg_ctl" stop -m fast -w -D "$PGDATA_DIR/data" >&2
fi
rm -rf "${PGDATA_DIR:?}"
echo "stop-postgres: stopped and removed $PGDATA_DIR" >&2
