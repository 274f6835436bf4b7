#!/usr/bin/env bash
# Whole-network discovery: TaoProm's SubnetDiscovery.discoverAll() (what `serve --sd.netuid all`
# and `targets --netuid all` run) against polkadot-js'
# api.query.subtensorModule.prometheus.entries(), on one chopsticks node holding a generated
# state of SUBNETS x NEURONS registered neurons (default 128 x 256, finney's size), in one run:
# ChopsticksDiscoveryIT imports the state (--import-storage), checks that both reads find every
# endpoint, times ROUNDS of each (TaoProm first, then polkadot-js) and prints the medians.
#
#   TAOPROM_CHAIN_SPEC=../shared/fixtures/subtensor-raonet-spec218.json benchmarks/scripts/discovery-compare.sh
#   SUBNETS=16 NEURONS=256 ROUNDS=3 benchmarks/scripts/discovery-compare.sh
#
# chopsticks answers state_getKeysPaged slowly (tens of milliseconds per key), so at 128 x 256
# polkadot-js' read takes tens of minutes: ROUNDS defaults to 1.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${TAOPROM_CHAIN_SPEC:?set TAOPROM_CHAIN_SPEC to a Subtensor raw chain spec (e.g. ../shared/fixtures/subtensor-raonet-spec218.json)}"
command -v node >/dev/null || { echo "discovery-compare.sh: node is required" >&2; exit 1; }
[ -d "$root/tools/interop/node_modules/@acala-network/chopsticks" ] || { echo "discovery-compare.sh: run 'npm ci' in tools/interop" >&2; exit 1; }
export TAOPROM_DISCOVERY_SUBNETS=${SUBNETS:-128}
export TAOPROM_DISCOVERY_NEURONS=${NEURONS:-256}
export TAOPROM_DISCOVERY_ROUNDS=${ROUNDS:-1}
cd "$root"
./mvnw -q -o -pl chain -am verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ChopsticksDiscoveryIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfailsafe.timeout=7200 >/dev/null
# The IT's summary line (in its report's captured output) and every round's figures.
grep -o "ChopsticksDiscoveryIT: [^<]*" chain/target/failsafe-reports/TEST-io.taoprom.chain.discovery.ChopsticksDiscoveryIT.xml
echo "rounds (ms): $(cat chain/target/discovery-figures.json)"
