#!/usr/bin/env bash
# Warm full-scrape latency of `taoprom serve` (host collectors) against node_exporter
# (Debian prometheus-node-exporter, default collectors), measured by the same client in the
# same run: N sequential scrapes of each, interleaved so that machine noise hits both alike.
#
#   benchmarks/scripts/scrape-latency.sh            # N=200 WARMUP=50
#   N=500 benchmarks/scripts/scrape-latency.sh
#
# node_exporter runs twice: with its default collectors as the package ships them (the target:
# "no slower than node_exporter"), and with upstream's default set (Debian's package adds systemd),
# which is the set TaoProm serves: like for like.
#
# Prints median and p90 (ms) per exporter, plain and gzip (what Prometheus asks for), the
# ratio taoprom/node_exporter, the sample counts of the outputs, and the slowest collectors
# of each by their own duration metrics.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"
[ -x "$node_exporter" ] || { echo "scrape-latency.sh: $node_exporter not found (apt-get install prometheus-node-exporter)" >&2; exit 1; }

N=${N:-200}
WARMUP=${WARMUP:-50}
ensure_built

tp=$(free_port)
start_taoprom "$tp"
np=$(free_port)
start_node_exporter "$np"
sp=$(free_port)
start_node_exporter "$sp" --no-collector.systemd
ours="http://127.0.0.1:$tp/metrics"
theirs="http://127.0.0.1:$np/metrics"
same="http://127.0.0.1:$sp/metrics"
wait_ok "$ours" 60
wait_ok "$theirs" 30
wait_ok "$same" 30

# scrape URL OUT [curl args]: one scrape, its total time in seconds appended to OUT.
scrape() {
  local url=$1 out=$2
  shift 2
  curl -s -o /dev/null -w '%{time_total}\n' "$@" "$url" >>"$out"
}

for _ in $(seq "$WARMUP"); do
  for url in "$ours" "$theirs" "$same"; do
    scrape "$url" /dev/null
    scrape "$url" /dev/null -H 'Accept-Encoding: gzip'
  done
done

for _ in $(seq "$N"); do
  for enc in plain gzip; do
    header=()
    [ "$enc" = gzip ] && header=(-H 'Accept-Encoding: gzip')
    scrape "$ours" "$tmp/ours.$enc" "${header[@]}"
    scrape "$theirs" "$tmp/theirs.$enc" "${header[@]}"
    scrape "$same" "$tmp/same.$enc" "${header[@]}"
  done
done

echo "scrape latency, $N sequential scrapes each after $WARMUP warm-up, loopback, curl time_total (load: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-40s %10s %10s %10s %10s\n' exporter median_ms p90_ms min_ms max_ms
for enc in plain gzip; do
  read -r om op omin omax <<<"$(stats "$tmp/ours.$enc")"
  read -r tm tp90 tmin tmax <<<"$(stats "$tmp/theirs.$enc")"
  read -r sm sp90 smin smax <<<"$(stats "$tmp/same.$enc")"
  printf '%-40s %10s %10s %10s %10s\n' "taoprom ($enc)" "$om" "$op" "$omin" "$omax"
  printf '%-40s %10s %10s %10s %10s\n' "node_exporter, defaults ($enc)" "$tm" "$tp90" "$tmin" "$tmax"
  printf '%-40s %10s %10s %10s %10s\n' "node_exporter, upstream set ($enc)" "$sm" "$sp90" "$smin" "$smax"
  awk -v a="$om" -v b="$tm" -v c="$sm" -v e="$enc" \
    'BEGIN { printf "ratio taoprom/node_exporter (%s, median): %.2f vs defaults, %.2f vs upstream set\n", e, a / b, a / c }'
done
echo "samples: taoprom $(samples "$ours"), node_exporter defaults $(samples "$theirs"), node_exporter upstream set $(samples "$same")"

echo "slowest collectors (their own duration metric, last scrape):"
curl -s "$ours" | awk '/^taoprom_scrape_collector_duration_seconds\{/ { printf "  taoprom       %-40s %.2f ms\n", $1, $2 * 1000 }' | sort -k3 -g -r | head -10
curl -s "$theirs" | awk '/^node_scrape_collector_duration_seconds\{/ { printf "  node_exporter %-40s %.2f ms\n", $1, $2 * 1000 }' | sort -k3 -g -r | head -10
