// Reads a subnet's metagraph through polkadot-js (the pinned @polkadot/api in tools/interop), as the
// Python and JS tooling of the ecosystem does, for MetagraphChopsticksIT to compare with the
// metagraph collector. Usage: node metagraph-oracle.cjs WS_URL NETUID; prints one JSON object.
const { ApiPromise, WsProvider } = require('@polkadot/api');

async function main() {
  const [url, netuidArg] = process.argv.slice(2);
  const netuid = Number(netuidArg);
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  const q = api.query.subtensorModule;
  const has = (name) => typeof q[name] === 'function';
  const num = (v) => v.toBigInt().toString();
  const subnet = {};
  for (const name of ['subnetworkN', 'maxAllowedUids', 'tempo', 'blocksSinceLastStep', 'immunityPeriod', 'burn', 'servingRateLimit']) {
    subnet[name] = num(await q[name](netuid));
  }
  const vectors = {};
  for (const name of ['incentive', 'dividends', 'trust', 'consensus', 'rank', 'validatorTrust', 'lastUpdate', 'emission']) {
    vectors[name] = (await q[name](netuid)).map(num);
  }
  for (const name of ['validatorPermit', 'active']) {
    vectors[name] = (await q[name](netuid)).map((b) => b.isTrue);
  }
  const neurons = [];
  const n = Number(subnet.subnetworkN);
  for (let uid = 0; uid < n; uid++) {
    const hotkey = (await q.keys(netuid, uid)).toString();
    const axon = await q.axons(netuid, hotkey);
    const prometheus = await q.prometheus(netuid, hotkey);
    neurons.push({
      uid,
      hotkey,
      coldkey: (await q.owner(hotkey)).toString(),
      registeredBlock: num(await q.blockAtRegistration(netuid, uid)),
      stakeAlpha: has('totalHotkeyAlpha') ? num(await q.totalHotkeyAlpha(hotkey, netuid)) : null,
      axonIp: axon.isSome ? axon.unwrap().ip.toBigInt().toString() : null,
      prometheusIp: prometheus.isSome ? prometheus.unwrap().ip.toBigInt().toString() : null,
    });
  }
  const header = await api.rpc.chain.getHeader();
  process.stdout.write(JSON.stringify({ block: header.number.toNumber(), subnet, vectors, neurons }));
  await api.disconnect();
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exit(1);
});
