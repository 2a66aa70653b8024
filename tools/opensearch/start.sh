#!/usr/bin/env bash
# Start a real single-node OpenSearch on http://127.0.0.1:${OPENSEARCH_PORT:-9200}, built from
# Maven Central artifacts (server jar + stock modules) with the machine's JDK. Data, logs, the
# build and the pid file live in var/opensearch/ (ignored by git). See README.md beside this file.
#
# Environment:
#   OPENSEARCH_PORT            HTTP port (default 9200)
#   OPENSEARCH_HEAP            JVM heap, -Xms = -Xmx (default 512m)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for yellow/green (default 180)
#   OPENSEARCH_JAVA_HOME       JDK to run (and build) with (default: `java` on PATH; needs 17..21)
#   OPENSEARCH_DIR             state folder (default <repo>/var/opensearch)
#   OPENSEARCH_SETTINGS        extra node settings, space-separated key=value pairs
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${OPENSEARCH_PORT:-9200}
heap=${OPENSEARCH_HEAP:-512m}
timeout=${OPENSEARCH_START_TIMEOUT:-180}
state=${OPENSEARCH_DIR:-$root/var/opensearch}
build=$state/build
pidfile=$state/opensearch.pid
portfile=$state/opensearch.port
log=$state/logs/opensearch.log
url="http://127.0.0.1:$port"

say() { printf 'opensearch: %s\n' "$*"; }
die() { printf 'opensearch: ERROR: %s\n' "$*" >&2; exit 1; }

[[ $port =~ ^[0-9]+$ ]] || die "OPENSEARCH_PORT must be a number, not '$port'"

our_pid_alive() {
    [[ -s $pidfile ]] || return 1
    local pid
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
        tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'org.portal.opensearch.PortalOpenSearchNode'
}

# --- already running? ------------------------------------------------------------------------
if our_pid_alive; then
    running_port=$(cat "$portfile" 2>/dev/null || echo '?')
    if [[ $running_port == "$port" ]]; then
        say "already running (pid $(<"$pidfile")) at $url"
        exit 0
    fi
    die "already running on port $running_port (pid $(<"$pidfile")), state in $state; run 'make opensearch-stop' first"
fi
rm -f "$pidfile" "$portfile"
if banner=$(curl -s --max-time 3 "$url/" 2>/dev/null) && [[ -n $banner ]]; then
    if grep -q '"distribution" *: *"opensearch"' <<<"$banner"; then
        say "an OpenSearch server (not started by this script) already answers at $url; using it"
        exit 0
    fi
    die "port $port is taken by something that is not OpenSearch"
fi

# --- JDK ---------------------------------------------------------------------------------------
if [[ -n ${OPENSEARCH_JAVA_HOME:-} ]]; then
    java="$OPENSEARCH_JAVA_HOME/bin/java"
    export JAVA_HOME=$OPENSEARCH_JAVA_HOME
else
    java=$(command -v java) || die "no java on PATH (install a JDK 17, e.g. apt-get install openjdk-17-jdk-headless)"
    java=$(readlink -f "$java")
    export JAVA_HOME=${java%/bin/java}
fi
[[ -x $java ]] || die "no java at $java"
java_major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
java_major=${java_major#1.}
((java_major >= 17)) || die "OpenSearch 2.19 needs Java 17..21, $java is Java $java_major (set OPENSEARCH_JAVA_HOME)"
((java_major <= 21)) || say "warning: Java $java_major is newer than OpenSearch 2.19 supports (17..21); set OPENSEARCH_JAVA_HOME"

# --- build (only when pom.xml / sources changed) -------------------------------------------------
command -v mvn >/dev/null || die "mvn not found (apt-get install maven)"
mkdir -p "$state/logs" "$state/data" "$state/config" "$state/tmp"
stamp=$build/.stamp
want=$(cd "$here" && cat pom.xml $(find src -name '*.java' | sort) | sha256sum | cut -d' ' -f1)-$java_major
if [[ ! -f $stamp || $(<"$stamp") != "$want" || ! -f $build/portal-opensearch-node-1.0.jar ]]; then
    say "building the node from Maven Central artifacts (first time: downloads ~50 MB into ~/.m2) ..."
    t0=$SECONDS
    if ! mvn -B -q -f "$here/pom.xml" -Dos.build.dir="$build" clean package >"$state/logs/build.log" 2>&1; then
        tail -n 40 "$state/logs/build.log" >&2
        die "maven build failed (full output: $state/logs/build.log)"
    fi
    echo "$want" >"$stamp"
    say "built in $((SECONDS - t0))s"
fi

# --- launch ------------------------------------------------------------------------------------
cp "$here/log4j2.properties" "$state/config/log4j2.properties"
[[ -f $log ]] && mv -f "$log" "$log.1"

if ((java_major >= 21)); then locale=SPI,CLDR; else locale=SPI,COMPAT; fi
jvm_opts=(
    "-Xms$heap" "-Xmx$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow
    -Dfile.encoding=UTF-8 -Djava.awt.headless=true "-Djava.locale.providers=$locale"
    "-Djava.io.tmpdir=$state/tmp" -Djna.nosys=true
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0
    -Dio.netty.allocator.numDirectArenas=0
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true
)
node_args=("$state" "-Ehttp.port=$port")
for kv in ${OPENSEARCH_SETTINGS:-}; do node_args+=("-E$kv"); done

t0=$SECONDS
cd "$state"
setsid nohup "$java" "${jvm_opts[@]}" -cp "$build/portal-opensearch-node-1.0.jar:$build/lib/*" \
    org.portal.opensearch.PortalOpenSearchNode "${node_args[@]}" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$pidfile"
echo "$port" >"$portfile"
say "starting (pid $pid, heap $heap, Java $java_major), log: $log"

# --- wait for yellow/green -----------------------------------------------------------------------
while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
        rm -f "$pidfile" "$portfile"
        echo "---- last lines of $log ----" >&2
        tail -n 60 "$log" >&2
        die "the node exited during startup"
    fi
    if status=$(curl -sf --max-time 5 "$url/_cluster/health?wait_for_status=yellow&timeout=2s" 2>/dev/null) &&
        grep -Eq '"status" *: *"(green|yellow)"' <<<"$status"; then
        break
    fi
    if ((SECONDS - t0 >= timeout)); then
        echo "---- last lines of $log ----" >&2
        tail -n 60 "$log" >&2
        kill "$pid" 2>/dev/null || true
        rm -f "$pidfile" "$portfile"
        die "not up after ${timeout}s (node stopped)"
    fi
    sleep 1
done
# A single node can never allocate replicas: make new indices default to 0 so they turn green
# (an index that asks for replicas explicitly still gets them, and stays yellow).
curl -sf --max-time 10 -XPUT "$url/_cluster/settings" -H 'Content-Type: application/json' \
    -d '{"persistent":{"cluster.default_number_of_replicas":0}}' >/dev/null ||
    say "warning: could not set cluster.default_number_of_replicas=0"
version=$(curl -s --max-time 5 "$url/" | sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p')
say "OpenSearch $version up at $url in $((SECONDS - t0))s (pid $pid)"
