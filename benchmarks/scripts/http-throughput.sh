#!/usr/bin/env bash
# Throughput of /metrics under load, `wrk -t2 -c64 -dDURATION` (default 20s), plain HTTP and,
# when a web config with TLS is given (WEB_CONFIG=path, as for --web.config.file), HTTPS with
# keep-alive and with a new connection (full TLS handshake) per request; beside node_exporter
# (Debian prometheus-node-exporter, default flags) in the same run. Prints requests/s, latency
# and errors (non-2xx answers and socket errors) as wrk reports them.
#
#   benchmarks/scripts/http-throughput.sh
#   WEB_CONFIG=/etc/taoprom/web.yml DURATION=30s benchmarks/scripts/http-throughput.sh
#
# wrk is for benchmarks only: apt-get install wrk
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"
need wrk "apt-get install wrk"

DURATION=${DURATION:-20s}
ensure_built

# run LABEL URL [wrk args]: one wrk run, summarised on one line.
run() {
  local label=$1 url=$2
  shift 2
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "$@" "$url" 2>&1)
  local rps non2xx sockerr p50 p99
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  sockerr=$(awk '/Socket errors:/ { sub(/^.*Socket errors: /, ""); print }' <<<"$out")
  p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  printf '%-44s %10s req/s  p50 %-9s p99 %-9s non-2xx %-6s socket errors: %s\n' "$label" "$rps" "$p50" "$p99" \
    "${non2xx:-0}" "${sockerr:-none}"
}

echo "wrk -t2 -c64 -d$DURATION, loopback (load: $(cut -d' ' -f1-3 /proc/loadavg))"
tp=$(free_port)
start_taoprom "$tp" ${TAOPROM_ARGS:-}
wait_ok "http://127.0.0.1:$tp/metrics" 60
run "taoprom http keep-alive" "http://127.0.0.1:$tp/metrics"
run "taoprom http new connection per request" "http://127.0.0.1:$tp/metrics" -H "Connection: close"
echo "taoprom: VmRSS $(( $(rss_kb "$taoprom_pid") / 1024 )) MiB, threads $(awk '/^Threads:/ {print $2}' "/proc/$taoprom_pid/status")"
kill "$taoprom_pid"

if [ -n "${WEB_CONFIG:-}" ]; then
  sp=$(free_port)
  start_taoprom "$sp" --web.config.file "$WEB_CONFIG" ${TAOPROM_ARGS:-}
  auth=()
  [ -n "${BASIC_AUTH:-}" ] && auth=(-H "Authorization: Basic $(printf '%s' "$BASIC_AUTH" | base64 -w0)")
  until curl -skf -o /dev/null "${auth[@]/#-H/-H}" "https://127.0.0.1:$sp/metrics"; do sleep 0.05; done
  run "taoprom https keep-alive" "https://127.0.0.1:$sp/metrics" "${auth[@]}"
  run "taoprom https handshake per request" "https://127.0.0.1:$sp/metrics" -H "Connection: close" "${auth[@]}"
  echo "taoprom (TLS): VmRSS $(( $(rss_kb "$taoprom_pid") / 1024 )) MiB, threads $(awk '/^Threads:/ {print $2}' "/proc/$taoprom_pid/status")"
  kill "$taoprom_pid"
fi

if [ -x "$node_exporter" ]; then
  np=$(free_port)
  start_node_exporter "$np"
  wait_ok "http://127.0.0.1:$np/metrics" 30
  run "node_exporter http keep-alive" "http://127.0.0.1:$np/metrics"
  run "node_exporter http new connection per request" "http://127.0.0.1:$np/metrics" -H "Connection: close"
  np2=$(free_port)
  start_node_exporter "$np2" --web.max-requests=0
  wait_ok "http://127.0.0.1:$np2/metrics" 30
  run "node_exporter --web.max-requests=0 keep-alive" "http://127.0.0.1:$np2/metrics"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
