# Shared by the comparison scripts in this directory; sourced, not run.
# They start real processes on loopback ports and always stop them on exit.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
taoprom="$root/taoprom"
node_exporter=${NODE_EXPORTER:-/usr/bin/prometheus-node-exporter}
pids=()
tmp=$(mktemp -d "${TMPDIR:-/tmp}/taoprom-bench.XXXXXX")

cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "$(basename "$0"): $1 is required ($2)" >&2; exit 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_ok URL SECONDS: until URL answers 200.
wait_ok() {
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || { echo "$(basename "$0"): $1 did not answer within $2 s" >&2; return 1; }
    sleep 0.05
  done
}

# await_first_answer PID URL LOG: polls URL every 5 ms until it answers 200; when process PID
# ends first, prints LOG and stops the script (a start that fails is no measurement).
await_first_answer() {
  until curl -sf -o /dev/null "$2"; do
    kill -0 "$1" 2>/dev/null || { echo "$(basename "$0"): process $1 ended before $2 answered; log:" >&2; cat "$3" >&2; exit 1; }
    sleep 0.005
  done
}

# cpu_seconds PID: the CPU time (user + system, all threads) process PID has used so far, from
# fields 14 and 15 of /proc/PID/stat: less at the mercy of the machine's load than wall time.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"
}

# Makes sure the launcher's jar is built, then pins it: no measured start may include a
# rebuild, even when someone edits a source file meanwhile.
ensure_built() {
  "$taoprom" --version >/dev/null
  export TAOPROM_NO_BUILD=1
}

# start_taoprom PORT [ARGS...]: sets $taoprom_pid.
start_taoprom() {
  local port=$1
  shift
  "$taoprom" serve --web.listen-address "127.0.0.1:$port" "$@" 2>>"$tmp/taoprom.log" &
  taoprom_pid=$!
  pids+=("$taoprom_pid")
}

# start_node_exporter PORT [FLAGS...]: node_exporter (default collectors unless FLAGS say
# otherwise); sets $node_pid.
start_node_exporter() {
  local port=$1
  shift
  "$node_exporter" --web.listen-address="127.0.0.1:$port" "$@" 2>>"$tmp/node_exporter.log" &
  node_pid=$!
  pids+=("$node_pid")
}

# stats FILE: "median p90 min max" of a column of numbers (seconds), in milliseconds.
stats() {
  sort -g "$1" | awk '{ v[NR] = $1 * 1000 } END {
    if (NR == 0) { print "n/a n/a n/a n/a"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    p = int(NR * 0.9 + 0.999999); if (p < 1) p = 1; if (p > NR) p = NR
    printf "%.2f %.2f %.2f %.2f\n", m, v[p], v[1], v[NR] }'
}

# samples URL: the number of samples (non-comment lines) in a text-format scrape.
samples() {
  curl -sf "$1" | grep -cv '^\(#\|$\)'
}

rss_kb() {
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

hwm_kb() {
  awk '/^VmHWM:/ { print $2 }' "/proc/$1/status"
}
