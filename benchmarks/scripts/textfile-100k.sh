#!/usr/bin/env bash
# A textfile of 100,000 series (the shape of issue 9: `m{i="N"} 1`, 1.5 MB) served by
# `./taoprom serve` with the launcher's defaults (-Xmx64m), beside node_exporter serving the same
# directory, in the same run: N sequential scrapes of the textfile collector alone
# (collect[]=textfile on both), interleaved, then each process's resident memory.
#
#   benchmarks/scripts/textfile-100k.sh                 # N=50 WARMUP=5 SERIES=100000
#   BASELINE_JAR=/tmp/main/cli/target/taoprom.jar benchmarks/scripts/textfile-100k.sh
#
# BASELINE_JAR: another build's cli/target/taoprom.jar (with its lib/ beside it), run with the
# same flags the launcher uses, for before/after figures.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"
[ -x "$node_exporter" ] || { echo "textfile-100k.sh: $node_exporter not found (apt-get install prometheus-node-exporter)" >&2; exit 1; }

N=${N:-50}
WARMUP=${WARMUP:-5}
SERIES=${SERIES:-100000}
ensure_built

dir="$tmp/textfile"
mkdir -p "$dir"
python3 - "$dir/big.prom" "$SERIES" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("# HELP m Synthetic.\n# TYPE m gauge\n")
    for i in range(int(sys.argv[2])):
        f.write('m{i="%d"} 1\n' % i)
PY

tp=$(free_port)
start_taoprom "$tp" --textfile.directory "$dir"
ours="http://127.0.0.1:$tp/metrics?collect[]=textfile"
np=$(free_port)
start_node_exporter "$np" --collector.textfile.directory="$dir"
theirs="http://127.0.0.1:$np/metrics?collect[]=textfile"
urls=("$ours" "$theirs")
names=(taoprom node_exporter)
pids_of=("$taoprom_pid" "$node_pid")
if [ -n "${BASELINE_JAR:-}" ]; then
  bp=$(free_port)
  # The launcher's flags (./taoprom reads the same file), without its class-data-sharing archive.
  java "@$root/cli/src/main/dist/jvm.options" -jar "$BASELINE_JAR" serve --web.listen-address "127.0.0.1:$bp" --textfile.directory "$dir" 2>>"$tmp/baseline.log" &
  baseline_pid=$!
  pids+=("$baseline_pid")
  urls+=("http://127.0.0.1:$bp/metrics?collect[]=textfile")
  names+=(baseline)
  pids_of+=("$baseline_pid")
fi
for url in "${urls[@]}"; do
  wait_ok "$url" 60
done

for _ in $(seq "$WARMUP"); do
  for url in "${urls[@]}"; do
    curl -s -o /dev/null "$url"
  done
done
for _ in $(seq "$N"); do
  for i in "${!urls[@]}"; do
    curl -s -o /dev/null -w '%{time_total}\n' "${urls[$i]}" >>"$tmp/${names[$i]}.times"
  done
done

# p99 of the times in FILE, in milliseconds (the largest below 99 % of the scrapes).
p99() {
  sort -g "$1" | awk '{ v[NR] = $1 * 1000 } END { p = int(NR * 0.99 + 0.999999); if (p > NR) p = NR; printf "%.1f", v[p] }'
}

echo "textfile collector, $SERIES series ($(stat -c %s "$dir/big.prom") bytes), $N sequential scrapes each after $WARMUP warm-up (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-15s %10s %10s %10s %12s %12s\n' exporter median_ms p99_ms max_ms VmRSS_MiB VmHWM_MiB
for i in "${!urls[@]}"; do
  read -r med _ _ max <<<"$(stats "$tmp/${names[$i]}.times")"
  pid=${pids_of[$i]}
  printf '%-15s %10s %10s %10s %12.1f %12.1f\n' "${names[$i]}" "$med" "$(p99 "$tmp/${names[$i]}.times")" "$max" \
    "$(awk -v k="$(rss_kb "$pid")" 'BEGIN { print k / 1024 }')" "$(awk -v k="$(hwm_kb "$pid")" 'BEGIN { print k / 1024 }')"
done
echo "samples served: $(for url in "${urls[@]}"; do printf '%s ' "$(samples "$url")"; done)"
