#!/usr/bin/env bash
# Time from starting `./taoprom serve` to its first successful /metrics answer (HTTP 200),
# repeated RUNS times (default 10); prints each run and the median. The launcher is used as
# users run it (JVM flags, class-data-sharing archive). A first, untimed run builds the jar if
# needed and, on JDK 17/18, writes the class-data-sharing archive when it is stopped.
#
#   benchmarks/scripts/startup-time.sh
#   RUNS=20 benchmarks/scripts/startup-time.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"

RUNS=${RUNS:-10}
ensure_built

# run_once: prints seconds from launch to the first 200 on /metrics.
run_once() {
  local port start end pid
  port=$(free_port)
  start=$(date +%s%N)
  "$taoprom" serve --web.listen-address "127.0.0.1:$port" 2>>"$tmp/taoprom.log" &
  pid=$!
  pids+=("$pid")
  until curl -sf -o /dev/null "http://127.0.0.1:$port/metrics"; do
    kill -0 "$pid" 2>/dev/null || { echo "startup-time.sh: taoprom exited; log:" >&2; cat "$tmp/taoprom.log" >&2; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v ns=$((end - start)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

run_once >/dev/null  # untimed: warms the page cache and writes the CDS archive where needed
for i in $(seq "$RUNS"); do
  t=$(run_once)
  echo "run $i: $t s"
  echo "$t" >>"$tmp/startup"
done
read -r median p90 min max <<<"$(stats "$tmp/startup")"
awk -v m="$median" -v p="$p90" -v a="$min" -v b="$max" -v n="$RUNS" \
  'BEGIN { printf "start to first /metrics, %d runs: median %.3f s, p90 %.3f s, min %.3f s, max %.3f s\n", n, m / 1000, p / 1000, a / 1000, b / 1000 }'
