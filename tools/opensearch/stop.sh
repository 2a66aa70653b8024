#!/usr/bin/env bash
# Stop the OpenSearch node started by start.sh (only that process, found through its pid file).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
state=${OPENSEARCH_DIR:-$root/var/opensearch}
pidfile=$state/opensearch.pid
portfile=$state/opensearch.port

say() { printf 'opensearch: %s\n' "$*"; }

if [[ ! -s $pidfile ]]; then
    say "not running (no $pidfile)"
    exit 0
fi
pid=$(<"$pidfile")
if ! [[ $pid =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null ||
    ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.portal.opensearch.PortalOpenSearchNode'; then
    say "not running (stale pid file removed)"
    rm -f "$pidfile" "$portfile"
    exit 0
fi

kill -TERM "$pid"
for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
    say "still alive after 30s, sending SIGKILL to $pid"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
fi
rm -f "$pidfile" "$portfile"
say "stopped (pid $pid)"
