#!/usr/bin/env bash
# Which of a Grafana dashboard's metric names have series on this machine, served by
# `taoprom serve` and by node_exporter (Debian's prometheus-node-exporter, default collectors),
# scraped in the same run. The dashboard is a file you give (exported from Grafana, or the JSON
# grafana.com offers for download); nothing is fetched.
#
#   benchmarks/scripts/dashboard-coverage.sh node-exporter-full.json        # dashboard 1860
#   PREFIX=DCGM_ TAOPROM_ARGS="--nvml.names dcgm" benchmarks/scripts/dashboard-coverage.sh dcgm.json
#
# A name counts as filled when the scrape has a sample of it (or of its _bucket/_sum/_count).
# Prints the counts, then the names one program fills and the other does not.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need curl "apt-get install curl"
need python3 "apt-get install python3"
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: dashboard-coverage.sh DASHBOARD.json" >&2; exit 2; }
[ -x "$node_exporter" ] || { echo "dashboard-coverage.sh: $node_exporter not found (apt-get install prometheus-node-exporter)" >&2; exit 1; }
dashboard=$1
PREFIX=${PREFIX:-node_}
ensure_built

tp=$(free_port)
# shellcheck disable=SC2086 # TAOPROM_ARGS is a list of words
start_taoprom "$tp" ${TAOPROM_ARGS:-}
np=$(free_port)
start_node_exporter "$np"
wait_ok "http://127.0.0.1:$tp/metrics" 60
wait_ok "http://127.0.0.1:$np/metrics" 30
sleep 2 # a second scrape, so that rates and first-scrape-only collectors settle
curl -s "http://127.0.0.1:$tp/metrics" >"$tmp/taoprom.txt"
curl -s "http://127.0.0.1:$np/metrics" >"$tmp/node_exporter.txt"

python3 - "$dashboard" "$PREFIX" "$tmp/taoprom.txt" "$tmp/node_exporter.txt" <<'EOF'
import json, re, sys
dashboard, prefix, ours_file, theirs_file = sys.argv[1:]
exprs = []
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k in ("expr", "query", "definition") and isinstance(v, str):
                exprs.append(v)
            walk(v)
    elif isinstance(o, list):
        for x in o:
            walk(x)
walk(json.load(open(dashboard)))
names = set()
for e in exprs:
    names.update(re.findall(r"\b" + re.escape(prefix) + r"[A-Za-z0-9_]+", e))
def served(path):
    out = set()
    for line in open(path):
        if line.startswith("#") or not line.strip():
            continue
        out.add(re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", line).group(0))
    return out
def filled(series):
    return {n for n in names if n in series or any(n + s in series for s in ("_bucket", "_sum", "_count"))}
ours, theirs = filled(served(ours_file)), filled(served(theirs_file))
print(f"{dashboard}: {len(exprs)} queries, {len(names)} {prefix}* names")
print(f"  with series here: taoprom {len(ours)}, node_exporter {len(theirs)}")
print("  node_exporter only:", " ".join(sorted(theirs - ours)) or "-")
print("  taoprom only:", " ".join(sorted(ours - theirs)) or "-")
print("  neither:", " ".join(sorted(names - ours - theirs)) or "-")
EOF
