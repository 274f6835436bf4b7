// sr25519 sign and verify throughput in polkadot-js, for comparison with Sr25519Benchmark
// (JMH) on the same machine in the same session. Measures both implementations polkadot-js
// ships: @polkadot/util-crypto's sr25519Sign/sr25519Verify (which since util-crypto 13 run
// @scure/sr25519, pure JavaScript) and @polkadot/wasm-crypto's sr25519Sign/sr25519Verify
// (schnorrkel compiled from Rust to WebAssembly). Same message size as the JMH benchmark.
//
//   node benchmarks/scripts/core-sr25519-bench.mjs [tools/interop] [seconds-per-measurement]
//
// Prints one line per operation: ops/s (median of 5 rounds).
import { createRequire } from 'node:module';
import { resolve, join } from 'node:path';

const interopDir = resolve(process.argv[2] || 'tools/interop');
const seconds = Number(process.argv[3] || 2);
const require = createRequire(join(interopDir, 'package.json'));
const uc = require('@polkadot/util-crypto');
const wasm = require('@polkadot/wasm-crypto');
await uc.cryptoWaitReady();
await wasm.waitReady();

const seed = new Uint8Array(32).map((_, i) => (i * 7 + 3) & 0xff);
const message = new Uint8Array(128).map((_, i) => (i * 13 + 5) & 0xff);
const pair = uc.sr25519PairFromSeed(seed);
const kp = wasm.sr25519KeypairFromSeed(seed);
const wasmPublic = kp.subarray(64);
const wasmSecret = kp.subarray(0, 64);
const jsSig = uc.sr25519Sign(message, pair);
const wasmSig = wasm.sr25519Sign(wasmPublic, wasmSecret, message);
if (!uc.sr25519Verify(message, wasmSig, pair.publicKey) || !wasm.sr25519Verify(jsSig, message, wasmPublic)) {
  throw new Error('the two implementations disagree');
}

function measure(name, op) {
  for (let i = 0; i < 200; i++) op(); // warm-up
  const rounds = [];
  for (let r = 0; r < 5; r++) {
    let n = 0;
    const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9 / 5));
    const start = process.hrtime.bigint();
    while (process.hrtime.bigint() < end) { op(); n++; }
    rounds.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} ${rounds[2].toFixed(1).padStart(10)} ops/s`);
}

console.log(`node ${process.version}, @polkadot/util-crypto ${require(join(interopDir, 'node_modules/@polkadot/util-crypto/package.json')).version},`
  + ` @polkadot/wasm-crypto ${require(join(interopDir, 'node_modules/@polkadot/wasm-crypto/package.json')).version}`);
measure('util-crypto sr25519Sign (JS)', () => uc.sr25519Sign(message, pair));
measure('util-crypto sr25519Verify (JS)', () => uc.sr25519Verify(message, jsSig, pair.publicKey));
measure('wasm-crypto sr25519Sign (wasm)', () => wasm.sr25519Sign(wasmPublic, wasmSecret, message));
measure('wasm-crypto sr25519Verify (wasm)', () => wasm.sr25519Verify(wasmSig, message, wasmPublic));
