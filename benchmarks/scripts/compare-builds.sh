#!/usr/bin/env bash
# Start-up time and resident memory of two builds of `taoprom serve`, interleaved so that machine
# noise hits both alike: A=path/to/taoprom B=path/to/other/taoprom (launchers of two checkouts,
# each built). RUNS start-ups each (default 10), then SCRAPES scrapes (default 1000, alternating
# plain and gzip, a new connection each) of each and VmRSS/VmHWM from /proc/PID/status, and the
# CPU time each used over those scrapes. A_OPTS and B_OPTS give each side JVM flags of its own
# (TAOPROM_JAVA_OPTS), so one build can be compared with itself under another flag.
#
#   git archive c251e29 | tar -x -C /tmp/jdk && (cd /tmp/jdk && ./mvnw -q -pl cli -am package -DskipTests)
#   A=/tmp/jdk/taoprom B=./taoprom benchmarks/scripts/compare-builds.sh
#   A=./taoprom B=./taoprom B_OPTS=-XX:CompileThresholdScaling=3 RUNS=9 benchmarks/scripts/compare-builds.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"
: "${A:?set A to the first build's taoprom launcher}"
: "${B:?set B to the second build's taoprom launcher}"
A_OPTS=${A_OPTS:-}
B_OPTS=${B_OPTS:-}
RUNS=${RUNS:-10}
SCRAPES=${SCRAPES:-1000}
"$A" --version >/dev/null
"$B" --version >/dev/null
export TAOPROM_NO_BUILD=1

# start SIDE PORT: common.sh's start_taoprom with side a's or b's launcher and flags; sets $pid.
start() {
  if [ "$1" = a ]; then
    TAOPROM_JAVA_OPTS=$A_OPTS taoprom=$A start_taoprom "$2"
  else
    TAOPROM_JAVA_OPTS=$B_OPTS taoprom=$B start_taoprom "$2"
  fi
  pid=$taoprom_pid
}

# startup SIDE TAG: seconds from launch to the first 200 on /metrics; the CPU time until then
# goes to $tmp/cpu.TAG.
startup() {
  local port t0 t1
  port=$(free_port)
  t0=$(date +%s%N)
  start "$1" "$port"
  await_first_answer "$pid" "http://127.0.0.1:$port/metrics" "$tmp/taoprom.log"
  t1=$(date +%s%N)
  cpu=$(cpu_seconds "$pid")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo "$cpu" >>"$tmp/cpu.$2"
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.3f\n", ns / 1e9 }'
}

echo "A=$A${A_OPTS:+ ($A_OPTS)} B=$B${B_OPTS:+ ($B_OPTS)} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
startup a warm >/dev/null  # untimed: page cache, class-data-sharing archives
startup b warm >/dev/null
for _ in $(seq "$RUNS"); do
  startup a a >>"$tmp/a"
  startup b b >>"$tmp/b"
done
for x in a b; do
  read -r median p90 min max <<<"$(stats "$tmp/$x")"
  read -r cmedian cp90 cmin cmax <<<"$(stats "$tmp/cpu.$x")"
  printf 'start-up %s: median %.3f s, min %.3f s, max %.3f s; CPU until then median %.3f s, min %.3f s (%d runs)\n' "$x" \
    "$(awk -v v="$median" 'BEGIN { print v / 1000 }')" "$(awk -v v="$min" 'BEGIN { print v / 1000 }')" \
    "$(awk -v v="$max" 'BEGIN { print v / 1000 }')" "$(awk -v v="$cmedian" 'BEGIN { print v / 1000 }')" \
    "$(awk -v v="$cmin" 'BEGIN { print v / 1000 }')" "$RUNS"
done

pa=$(free_port); start a "$pa"; apid=$pid
pb=$(free_port); start b "$pb"; bpid=$pid
wait_ok "http://127.0.0.1:$pa/metrics" 60
wait_ok "http://127.0.0.1:$pb/metrics" 60
acpu=$(cpu_seconds "$apid")
bcpu=$(cpu_seconds "$bpid")
for i in $(seq "$SCRAPES"); do
  if (( i % 2 )); then enc=identity; else enc=gzip; fi
  curl -s -o /dev/null -H "Accept-Encoding: $enc" "http://127.0.0.1:$pa/metrics"
  curl -s -o /dev/null -H "Accept-Encoding: $enc" "http://127.0.0.1:$pb/metrics"
done
for x in a b; do
  p=$apid; c0=$acpu; [ "$x" = b ] && p=$bpid && c0=$bcpu
  printf 'after %d scrapes %s: VmRSS %.1f MiB, VmHWM %.1f MiB, threads %s, CPU over the scrapes %.2f s\n' "$SCRAPES" "$x" \
    "$(awk -v k="$(rss_kb "$p")" 'BEGIN { print k / 1024 }')" "$(awk -v k="$(hwm_kb "$p")" 'BEGIN { print k / 1024 }')" \
    "$(awk '/^Threads:/ { print $2 }' "/proc/$p/status")" "$(awk -v a="$(cpu_seconds "$p")" -v b="$c0" 'BEGIN { print a - b }')"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
