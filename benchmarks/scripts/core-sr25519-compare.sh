#!/usr/bin/env bash
# sr25519 sign/verify: TaoProm (JMH, Sr25519Benchmark) against polkadot-js (node,
# core-sr25519-bench.mjs: @polkadot/wasm-crypto's schnorrkel wasm and @polkadot/util-crypto's
# JavaScript), interleaved ROUNDS times in one session so that machine noise hits both alike.
#
#   benchmarks/scripts/core-sr25519-compare.sh                    # ROUNDS=3, benchmarks jar from target/
#   JAR=benchmarks/target-x/benchmarks.jar ROUNDS=5 benchmarks/scripts/core-sr25519-compare.sh
#
# Prints the median ops/s of each implementation and the ratio TaoProm / polkadot-js.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar=${JAR:-$root/benchmarks/target/benchmarks.jar}
rounds=${ROUNDS:-3}
interop=${INTEROP:-$root/tools/interop}
command -v node >/dev/null || { echo "core-sr25519-compare.sh: node is required" >&2; exit 1; }
command -v python3 >/dev/null || { echo "core-sr25519-compare.sh: python3 is required" >&2; exit 1; }
[ -f "$jar" ] || { echo "core-sr25519-compare.sh: $jar not found; build it: ./mvnw -pl benchmarks -am package -DskipTests" >&2; exit 1; }
[ -d "$interop/node_modules/@polkadot/wasm-crypto" ] || { echo "core-sr25519-compare.sh: run 'npm ci' in $interop" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/taoprom-sr25519.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# JMH allows one run per machine (/tmp/jmh.lock): wait for another one to finish rather than
# measuring both at once.
jmh() {
  local tries=0
  until java -jar "$jar" 'core.Sr25519Benchmark' -f 1 -wi 2 -i 3 -w 1 -r 1 -rf json -rff "$1" >"$tmp/jmh.log" 2>&1; do
    grep -q "Unable to acquire the JMH lock" "$tmp/jmh.log" || { cat "$tmp/jmh.log" >&2; exit 1; }
    tries=$((tries + 1))
    [ $tries -lt 60 ] || { echo "core-sr25519-compare.sh: another JMH run held the lock for 10 minutes" >&2; exit 1; }
    sleep 10
  done
}

for r in $(seq "$rounds"); do
  node "$root/benchmarks/scripts/core-sr25519-bench.mjs" "$interop" 4 | tail -n 4 >>"$tmp/node.txt"
  jmh "$tmp/jmh-$r.json"
done

python3 - "$tmp" "$rounds" <<'PY'
import json, statistics, sys, glob, os
tmp, rounds = sys.argv[1], int(sys.argv[2])
node = {}
for line in open(os.path.join(tmp, "node.txt")):
    name, value = line.rsplit(None, 2)[0].strip(), float(line.split()[-2])
    node.setdefault(name, []).append(value)
java = {}
for f in glob.glob(os.path.join(tmp, "jmh-*.json")):
    for b in json.load(open(f)):
        java.setdefault(b["benchmark"].rsplit(".", 1)[1], []).append(b["primaryMetric"]["score"])
med = {k: statistics.median(v) for k, v in {**node, **{"TaoProm " + k: v for k, v in java.items()}}.items()}
print(f"median of {rounds} interleaved rounds (ops/s):")
for k, v in med.items():
    print(f"  {k:36s} {v:10.1f}")
for op, wasm, js in (("sign", "wasm-crypto sr25519Sign (wasm)", "util-crypto sr25519Sign (JS)"),
                     ("verify", "wasm-crypto sr25519Verify (wasm)", "util-crypto sr25519Verify (JS)")):
    ours = med["TaoProm " + op]
    print(f"  {op}: TaoProm / wasm = {ours / med[wasm]:.2f}, TaoProm / util-crypto JS = {ours / med[js]:.2f}")
PY
