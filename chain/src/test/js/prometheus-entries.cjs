// Whole-network read with polkadot-js, as a monitoring script would write it: every
// SubtensorModule.Prometheus entry through api.query.subtensorModule.prometheus.entries(), and
// that together with uids.entries() (the two maps TaoProm's discovery reads), timed.
// Usage: NODE_PATH=tools/interop/node_modules node prometheus-entries.cjs ws://127.0.0.1:PORT ROUNDS [both]
// (both: also time prometheus.entries() and uids.entries() together, each round)
// Prints one JSON object: the entries of the last round (netuid, hotkey, ip, port, ipType,
// version) and the milliseconds of each round of each read.
'use strict';

const { ApiPromise, WsProvider } = require('@polkadot/api');

async function main() {
  const [url, roundsArg, both] = process.argv.slice(2);
  const rounds = Number(roundsArg || 1);
  // A 10-minute request timeout instead of the default minute: chopsticks pages keys slowly
  // (tens of milliseconds a key), and a page of 1000 may take longer than a minute.
  const provider = new WsProvider(url, 2500, {}, 600000);
  const api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true });
  const prometheusMs = [];
  const bothMs = [];
  let entries = [];
  let uidCount = 0;
  for (let r = 0; r < rounds; r++) {
    let t = process.hrtime.bigint();
    entries = await api.query.subtensorModule.prometheus.entries();
    prometheusMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (both !== 'both') {
      continue;
    }
    t = process.hrtime.bigint();
    const [p, u] = await Promise.all([
      api.query.subtensorModule.prometheus.entries(),
      api.query.subtensorModule.uids.entries(),
    ]);
    bothMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    uidCount = u.length;
    if (p.length !== entries.length) {
      throw new Error(`prometheus.entries() gave ${entries.length} then ${p.length} entries`);
    }
  }
  const out = entries.map(([key, value]) => {
    const [netuid, hotkey] = key.args;
    const info = value.toJSON();
    return {
      netuid: netuid.toNumber(), hotkey: hotkey.toString(),
      ip: BigInt(info.ip).toString(), port: info.port, ipType: info.ipType, version: info.version,
    };
  });
  process.stdout.write(JSON.stringify({ entries: out, uids: uidCount, prometheusMs, bothMs }) + '\n');
  await api.disconnect();
}

main().then(() => process.exit(0), (e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
