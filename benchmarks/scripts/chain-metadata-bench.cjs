// polkadot-js side of the metadata decoding comparison: times new Metadata(registry, hex) plus
// registry.setMetadata(metadata) — the same "hex to queryable registry" work ChainBenchmark
// measures — after a warm-up, and prints "polkadot-js decodeMetadataV14 <median ms> ms".
// Usage: node chain-metadata-bench.cjs <tools/interop dir> <metadata hex file> [runs]
'use strict';
const path = require('path');
const fs = require('fs');
const [interop, file, runsArg] = process.argv.slice(2);
const { TypeRegistry, Metadata } = require(path.join(path.resolve(interop), 'node_modules/@polkadot/types'));
const hex = fs.readFileSync(file, 'utf8').trim();
const runs = Number(runsArg || 20);

function decode() {
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, hex);
  registry.setMetadata(metadata);
  return registry;
}

for (let i = 0; i < 5; i++) {
  decode();
}
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = process.hrtime.bigint();
  decode();
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`polkadot-js decodeMetadataV14 ${times[Math.floor(times.length / 2)].toFixed(2)} ms`);
