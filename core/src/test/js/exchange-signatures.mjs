// The live half of the signature interop check. Reads a JSON request on stdin:
//   { "verify": [{scheme, publicKey, message, signature}], "sign": [{scheme, seed, message}] }
// verifies each Java-made signature with polkadot-js: @polkadot/wasm-crypto (schnorrkel and
// ed25519-zebra compiled from Rust) and @polkadot/util-crypto (which runs @scure/sr25519 for
// sr25519), and signs each message with both. Prints { "verified": [...], "signatures": [...] }.
//
//   node core/src/test/js/exchange-signatures.mjs tools/interop < request.json
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve, join } from 'node:path';

const interopDir = resolve(process.argv[2] || 'tools/interop');
const require = createRequire(join(interopDir, 'package.json'));
const { u8aToHex, hexToU8a } = require('@polkadot/util');
const uc = require('@polkadot/util-crypto');
const wasm = require('@polkadot/wasm-crypto');
const scure = await import(pathToFileURL(require.resolve('@scure/sr25519')).href);
await uc.cryptoWaitReady();
await wasm.waitReady();

// JS verifiers throw on malformed points instead of answering false.
const safe = (f) => { try { return f(); } catch { return false; } };

let input = '';
for await (const chunk of process.stdin) input += chunk;
const request = JSON.parse(input);

const verified = (request.verify || []).map(({ scheme, publicKey, message, signature }) => {
  const pk = hexToU8a(publicKey);
  const msg = hexToU8a(message);
  const sig = hexToU8a(signature);
  if (scheme === 'sr25519') {
    return {
      wasm: safe(() => wasm.sr25519Verify(sig, msg, pk)),
      utilCrypto: safe(() => uc.sr25519Verify(msg, sig, pk)),
      scure: safe(() => scure.verify(msg, sig, pk)),
    };
  }
  return { wasm: safe(() => wasm.ed25519Verify(sig, msg, pk)), utilCrypto: safe(() => uc.ed25519Verify(msg, sig, pk)) };
});

const signatures = (request.sign || []).map(({ scheme, seed, message }) => {
  const msg = hexToU8a(message);
  if (scheme === 'sr25519') {
    const pair = uc.sr25519PairFromSeed(hexToU8a(seed));
    const kp = wasm.sr25519KeypairFromSeed(hexToU8a(seed));
    return {
      publicKey: u8aToHex(pair.publicKey),
      utilCrypto: u8aToHex(uc.sr25519Sign(msg, pair)),
      wasm: u8aToHex(wasm.sr25519Sign(kp.subarray(64), kp.subarray(0, 64), msg)),
    };
  }
  const pair = uc.ed25519PairFromSeed(hexToU8a(seed));
  return { publicKey: u8aToHex(pair.publicKey), utilCrypto: u8aToHex(uc.ed25519Sign(msg, pair)) };
});

process.stdout.write(JSON.stringify({ verified, signatures }) + '\n');
