const { ApiPromise, WsProvider } = require('@polkadot/api');
(async () => {
  const api = await ApiPromise.create({ provider: new WsProvider('ws://127.0.0.1:39944'), noInitWarn: true });
  const md = api.runtimeMetadata; const registry = api.registry;
  const want = new Set(process.argv.slice(2));
  for (const p of md.asLatest.pallets) {
    if (p.name.toString() !== 'SubtensorModule') continue;
    for (const e of p.storage.unwrap().items) {
      const n = e.name.toString(); if (want.size && !want.has(n)) continue;
      let t; if (e.type.isPlain) t = 'plain ' + registry.lookup.getTypeDef(e.type.asPlain).type;
      else { const m = e.type.asMap; t = 'map ' + m.hashers.map(h=>h.toString()).join(',') + ' key ' + registry.lookup.getTypeDef(m.key).type + ' -> ' + registry.lookup.getTypeDef(m.value).type; }
      console.log(n, e.modifier.toString(), t);
    }
  }
  console.log('version', md.version, api.runtimeVersion.specVersion.toString());
  console.log('apis', md.asLatest.apis ? md.asLatest.apis.map(a=>a.name.toString()).join(' ') : 'none');
  console.log(Object.keys(api.call).join(' '));
  await api.disconnect();
})();
