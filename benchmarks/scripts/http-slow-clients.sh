#!/usr/bin/env bash
# Scrape latency with and without SLOW hostile clients (default 200) holding connections open
# after sending "GET /metrics HTTP/1.1\r\nHo", for `taoprom serve` and node_exporter (Debian
# prometheus-node-exporter) in the same run: sequential scrapes, each on a new connection,
# SECONDS (default 20) per phase; prints median, p99, failures and how long each server held
# the slow connections. DRIP_MS>0 makes the slow clients add one header byte at that interval.
#
#   benchmarks/scripts/http-slow-clients.sh
#   SLOW=200 SECONDS_PER_PHASE=30 DRIP_MS=500 benchmarks/scripts/http-slow-clients.sh
#
# Needs the benchmarks jar: ./mvnw -q -pl benchmarks -am package -DskipTests
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"

SLOW=${SLOW:-200}
PHASE=${SECONDS_PER_PHASE:-20}
DRIP_MS=${DRIP_MS:-0}
bench_jar=${BENCH_JAR:-$root/benchmarks/target/benchmarks.jar}
[ -f "$bench_jar" ] || { echo "http-slow-clients.sh: $bench_jar is missing; ./mvnw -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }
ensure_built

probe() {
  java -Xmx128m -cp "$bench_jar" io.taoprom.benchmarks.http.SlowClientProbe \
    --target "127.0.0.1:$1" --slow "$SLOW" --seconds "$PHASE" --drip-ms "$DRIP_MS" --label "$2"
}

echo "slow clients: $SLOW, $PHASE s per phase, drip ${DRIP_MS} ms (load: $(cut -d' ' -f1-3 /proc/loadavg))"
tp=$(free_port)
start_taoprom "$tp" ${TAOPROM_ARGS:-}
wait_ok "http://127.0.0.1:$tp/metrics" 60
probe "$tp" taoprom
echo "taoprom: VmRSS $(( $(rss_kb "$taoprom_pid") / 1024 )) MiB, threads $(awk '/^Threads:/ {print $2}' "/proc/$taoprom_pid/status")"
kill "$taoprom_pid"

if [ -x "$node_exporter" ]; then
  np=$(free_port)
  start_node_exporter "$np"
  wait_ok "http://127.0.0.1:$np/metrics" 30
  probe "$np" node_exporter
  echo "node_exporter: VmRSS $(( $(rss_kb "$node_pid") / 1024 )) MiB, threads $(awk '/^Threads:/ {print $2}' "/proc/$node_pid/status")"
else
  echo "node_exporter: $node_exporter not found (apt-get install prometheus-node-exporter); skipped"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
