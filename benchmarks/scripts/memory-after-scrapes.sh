#!/usr/bin/env bash
# Resident memory (VmRSS, and its peak VmHWM, from /proc/PID/status) of `./taoprom serve`
# after SCRAPES scrapes (default 1000), beside node_exporter after the same scrapes.
# Scrapes alternate plain and gzip, as different Prometheus servers would ask. TAOPROM=path
# measures another launcher (an unpacked distribution's bin/taoprom).
#
#   benchmarks/scripts/memory-after-scrapes.sh
#   SCRAPES=5000 benchmarks/scripts/memory-after-scrapes.sh
#   TAOPROM=/tmp/taoprom-0.1.0/bin/taoprom benchmarks/scripts/memory-after-scrapes.sh
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"

SCRAPES=${SCRAPES:-1000}
taoprom=${TAOPROM:-$taoprom}
ensure_built
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

tp=$(free_port)
start_taoprom "$tp"
ours="http://127.0.0.1:$tp/metrics"
wait_ok "$ours" 60
echo "taoprom after start: VmRSS $(( $(rss_kb "$taoprom_pid") / 1024 )) MiB, $(ls "/proc/$taoprom_pid/task" | wc -l) threads"

have_node=0
if [ -x "$node_exporter" ]; then
  np=$(free_port)
  start_node_exporter "$np"
  theirs="http://127.0.0.1:$np/metrics"
  wait_ok "$theirs" 30
  have_node=1
fi

# One curl per scrape: a fresh connection each time, like a restarted Prometheus would make.
for i in $(seq "$SCRAPES"); do
  if (( i % 2 )); then enc=identity; else enc=gzip; fi
  curl -s -o /dev/null -H "Accept-Encoding: $enc" "$ours"
  if [ "$have_node" = 1 ]; then curl -s -o /dev/null -H "Accept-Encoding: $enc" "$theirs"; fi
done

printf 'after %d scrapes: taoprom VmRSS %.1f MiB (peak VmHWM %.1f MiB), %d threads\n' "$SCRAPES" \
  "$(awk -v k="$(rss_kb "$taoprom_pid")" 'BEGIN { print k / 1024 }')" \
  "$(awk -v k="$(hwm_kb "$taoprom_pid")" 'BEGIN { print k / 1024 }')" "$(ls "/proc/$taoprom_pid/task" | wc -l)"
if [ "$have_node" = 1 ]; then
  printf 'after %d scrapes: node_exporter VmRSS %.1f MiB (peak VmHWM %.1f MiB)\n' "$SCRAPES" \
    "$(awk -v k="$(rss_kb "$node_pid")" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$(hwm_kb "$node_pid")" 'BEGIN { print k / 1024 }')"
fi
