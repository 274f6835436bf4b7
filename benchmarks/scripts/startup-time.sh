#!/usr/bin/env bash
# Time from starting `./taoprom serve` to its first successful /metrics answer (HTTP 200),
# repeated RUNS times (default 7); prints each run and the median, and node_exporter's the same
# way in the same runs (interleaved, so both see the same load) where it is installed. The
# launcher is used as users run it (JVM flags, class-data-sharing archive); TAOPROM=path runs
# another launcher (an unpacked distribution's bin/taoprom). A first, untimed run builds the jar
# if needed and, on JDK 17/18, writes the class-data-sharing archive when it is stopped. Each
# run also prints the CPU time the process had used by its first answer (user + system, from
# /proc/PID/stat): on a shared machine the wall time follows the load, the CPU time much less.
#
#   benchmarks/scripts/startup-time.sh
#   RUNS=20 benchmarks/scripts/startup-time.sh
#   TAOPROM=/tmp/taoprom-0.1.0/bin/taoprom benchmarks/scripts/startup-time.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"

RUNS=${RUNS:-7}
taoprom=${TAOPROM:-$taoprom}
ensure_built

# run_once WHO: prints seconds from launch to the first 200 on /metrics, and the CPU seconds
# the process had used by then.
run_once() {
  local port start end pid cpu
  port=$(free_port)
  start=$(date +%s%N)
  if [ "$1" = taoprom ]; then
    start_taoprom "$port"
    pid=$taoprom_pid
  else
    start_node_exporter "$port"
    pid=$node_pid
  fi
  await_first_answer "$pid" "http://127.0.0.1:$port/metrics" "$tmp/$1.log"
  end=$(date +%s%N)
  # The launcher execs java, so the process started is the JVM.
  cpu=$(cpu_seconds "$pid" 2>/dev/null || echo n/a)
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  awk -v ns=$((end - start)) -v c="$cpu" 'BEGIN { printf "%.3f %s\n", ns / 1e9, c }'
}

summary() {
  read -r median p90 min max <<<"$(stats "$tmp/$1")"
  awk -v m="$median" -v p="$p90" -v a="$min" -v b="$max" -v n="$RUNS" -v who="$1" \
    'BEGIN { printf "%s: start to first /metrics, %d runs: median %.3f s, p90 %.3f s, min %.3f s, max %.3f s\n", who, n, m / 1000, p / 1000, a / 1000, b / 1000 }'
}

have_node=0
[ -x "$node_exporter" ] && have_node=1
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
run_once taoprom >/dev/null  # untimed: warms the page cache and writes the CDS archive where needed
for i in $(seq "$RUNS"); do
  read -r t cpu <<<"$(run_once taoprom)"
  echo "$t" >>"$tmp/taoprom"
  echo "$cpu" >>"$tmp/taoprom-cpu"
  line="run $i: taoprom $t s (CPU $cpu s)"
  if [ "$have_node" = 1 ]; then
    read -r t cpu <<<"$(run_once node_exporter)"
    echo "$t" >>"$tmp/node_exporter"
    line="$line, node_exporter $t s (CPU $cpu s)"
  fi
  echo "$line"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
summary taoprom
read -r cpu_median _ <<<"$(stats "$tmp/taoprom-cpu")"
awk -v m="$cpu_median" 'BEGIN { printf "taoprom: CPU time used by the first answer: median %.2f s\n", m / 1000 }'
if [ "$have_node" = 1 ]; then summary node_exporter; fi
