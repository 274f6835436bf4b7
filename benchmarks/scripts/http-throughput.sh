#!/usr/bin/env bash
# Throughput of /metrics under load, `wrk -t2 -c64 -dDURATION` (default 20s), plain HTTP and,
# when a web config with TLS is given (WEB_CONFIG=path, as for --web.config.file), HTTPS with
# keep-alive, plus the cost of a TLS handshake per request (openssl s_time); beside node_exporter
# (Debian prometheus-node-exporter, default flags) in the same run. Prints requests/s, latency
# and errors (non-2xx answers and socket errors) as wrk reports them. BASIC_AUTH=user:password
# sends basic auth on the HTTPS runs (wrk cannot present a client certificate: use a web config
# without client_auth_type for this).
#
#   benchmarks/scripts/http-throughput.sh
#   WEB_CONFIG=/etc/taoprom/web.yml BASIC_AUTH=prometheus:secret DURATION=30s benchmarks/scripts/http-throughput.sh
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
run "taoprom http keep-alive, gzip" "http://127.0.0.1:$tp/metrics" -H "Accept-Encoding: gzip"
run "taoprom http new connection per request" "http://127.0.0.1:$tp/metrics" -H "Connection: close"
echo "taoprom: VmRSS $(( $(rss_kb "$taoprom_pid") / 1024 )) MiB, threads $(awk '/^Threads:/ {print $2}' "/proc/$taoprom_pid/status")"
kill "$taoprom_pid"

if [ -n "${WEB_CONFIG:-}" ]; then
  sp=$(free_port)
  start_taoprom "$sp" --web.config.file "$WEB_CONFIG" ${TAOPROM_ARGS:-}
  auth=()
  [ -n "${BASIC_AUTH:-}" ] && auth=(-H "Authorization: Basic $(printf '%s' "$BASIC_AUTH" | base64 -w0)")
  deadline=$((SECONDS + 60))
  until curl -skf -o /dev/null "${auth[@]}" "https://127.0.0.1:$sp/metrics"; do
    [ $SECONDS -lt $deadline ] || { echo "http-throughput.sh: https://127.0.0.1:$sp/metrics did not answer" >&2; cat "$tmp/taoprom.log" >&2; exit 1; }
    sleep 0.05
  done
  run "taoprom https keep-alive" "https://127.0.0.1:$sp/metrics" "${auth[@]}"
  run "taoprom https keep-alive, gzip" "https://127.0.0.1:$sp/metrics" -H "Accept-Encoding: gzip" "${auth[@]}"
  # wrk counts a TLS connection the server closes after its answer as an error, not a request:
  # the handshake's cost is measured with openssl s_time instead, one client, a new connection
  # (full handshake, or a resumed session) for each GET /-/healthy.
  if command -v openssl >/dev/null 2>&1; then
    for mode in new reuse; do
      out=$(openssl s_time -connect "127.0.0.1:$sp" -www /-/healthy -"$mode" -time 10 2>/dev/null | grep 'real seconds' | tail -1)
      printf '%-44s %s\n' "taoprom https s_time -$mode" "$out"
    done
  fi
  echo "taoprom (TLS): VmRSS $(( $(rss_kb "$taoprom_pid") / 1024 )) MiB, threads $(awk '/^Threads:/ {print $2}' "/proc/$taoprom_pid/status")"
  kill "$taoprom_pid"
fi

if [ -x "$node_exporter" ]; then
  np=$(free_port)
  start_node_exporter "$np"
  wait_ok "http://127.0.0.1:$np/metrics" 30
  run "node_exporter http keep-alive" "http://127.0.0.1:$np/metrics"
  run "node_exporter http keep-alive, gzip" "http://127.0.0.1:$np/metrics" -H "Accept-Encoding: gzip"
  run "node_exporter http new connection per request" "http://127.0.0.1:$np/metrics" -H "Connection: close"
  np2=$(free_port)
  start_node_exporter "$np2" --web.max-requests=0
  wait_ok "http://127.0.0.1:$np2/metrics" 30
  run "node_exporter --web.max-requests=0 keep-alive" "http://127.0.0.1:$np2/metrics"
fi
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
