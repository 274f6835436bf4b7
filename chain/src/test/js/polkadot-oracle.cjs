// Interop oracle for TaoProm's chain module: answers questions about Substrate encodings with
// polkadot-js (pinned in tools/interop), so the Java tests can compare with a reference.
// Usage: NODE_PATH=tools/interop/node_modules node polkadot-oracle.cjs < request.json
// The request is {"metadata": "<path to 0x hex V14 metadata>", "ops": [{"op": ..., ...}, ...]};
// the answer on stdout is {"results": [...]} in the same order.
'use strict';

const fs = require('fs');
const { TypeRegistry, Metadata } = require('@polkadot/types');
const { decorateExtrinsics, decorateStorage } = require('@polkadot/types/metadata/decorate');
const { u8aToHex, u8aConcat, hexToU8a, stringCamelCase, compactStripLength } = require('@polkadot/util');
const { blake2AsU8a, cryptoWaitReady, signatureVerify, decodeAddress } = require('@polkadot/util-crypto');
const { Keyring } = require('@polkadot/keyring');

function load(path) {
  const hex = fs.readFileSync(path, 'utf8').trim();
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, hex);
  registry.setMetadata(metadata);
  return { hex, registry, metadata };
}


const ops = {
  // The encoded call SubtensorModule.serve_prometheus (or any call) from named arguments.
  encodeCall(ctx, op) {
    const tx = decorateExtrinsics(ctx.registry, ctx.metadata.asLatest, ctx.metadata.version);
    const fn = tx[stringCamelCase(op.pallet)][stringCamelCase(op.call)];
    const named = {};
    for (const [k, v] of Object.entries(op.args)) {
      named[stringCamelCase(k)] = v;
    }
    const ordered = fn.meta.args.map((a) => named[stringCamelCase(a.name.toString())]);
    return { hex: fn(...ordered).toHex() };
  },

  // Storage keys for pallet.entry with the given keys.
  storageKey(ctx, op) {
    const storage = decorateStorage(ctx.registry, ctx.metadata.asLatest, ctx.metadata.version);
    const entry = storage[stringCamelCase(op.pallet)][stringCamelCase(op.entry)];
    const keys = op.keys;
    // The decorated function prefixes the key with its compact length (it is Bytes underneath).
    const [, key] = compactStripLength(entry(...keys));
    return { hex: u8aToHex(key), hashers: entry.meta.type.isMap ? entry.meta.type.asMap.hashers.map((h) => h.toString()) : [] };
  },

  // Decodes a signed extrinsic and verifies its signature over the payload polkadot-js builds.
  decodeExtrinsic(ctx, op) {
    const { registry } = ctx;
    const xt = registry.createType('Extrinsic', op.hex);
    const signer = u8aToHex(decodeAddress(xt.signer.toString()));
    const payload = registry.createType('ExtrinsicPayload', {
      method: xt.method.toHex(),
      era: xt.era.toHex(),
      nonce: xt.nonce.toNumber(),
      tip: xt.tip.toString(),
      mode: xt.inner.signature.mode ? xt.inner.signature.mode.toNumber() : 0,
      specVersion: op.specVersion,
      transactionVersion: op.transactionVersion,
      genesisHash: op.genesisHash,
      blockHash: op.blockHash,
      version: 4,
    }, { version: 4 });
    let bytes = payload.toU8a({ method: true });
    if (bytes.length > 256) {
      bytes = blake2AsU8a(bytes, 256);
    }
    const verified = signatureVerify(bytes, xt.signature.toU8a(), signer);
    return {
      signer,
      section: xt.method.section,
      method: xt.method.method,
      args: xt.method.toJSON().args,
      nonce: xt.nonce.toNumber(),
      era: xt.era.toHex(),
      tip: xt.tip.toString(),
      signatureValid: verified.isValid,
      crypto: verified.crypto,
      payload: u8aToHex(bytes),
      length: xt.encodedLength,
    };
  },

  // Signs bytes with a dev key (//Alice), for checking our verification and assembly.
  sign(ctx, op) {
    const keyring = new Keyring({ type: op.scheme || 'sr25519', ss58Format: 42 });
    const pair = keyring.addFromUri(op.uri);
    return { publicKey: u8aToHex(pair.publicKey), signature: u8aToHex(pair.sign(hexToU8a(op.payload))) };
  },

  // Encodes System.Events from {pallet, event, data: [field values in order], phase} records:
  // each event is built from the metadata's field types, as the runtime would encode it.
  encodeEvents(ctx, op) {
    const { registry, metadata } = ctx;
    const latest = metadata.asLatest;
    const records = op.records.map((r) => {
      const pallet = latest.pallets.find((p) => p.name.toString() === r.pallet);
      const variants = registry.lookup.getSiType(pallet.events.unwrap().type).def.asVariant.variants;
      const variant = variants.find((v) => v.name.toString() === r.event);
      const data = variant.fields.map((f, i) =>
        registry.createTypeUnsafe(registry.createLookupType(f.type), [r.data[i]]).toU8a());
      const bytes = u8aConcat(new Uint8Array([pallet.index.toNumber(), variant.index.toNumber()]), ...data);
      return { phase: r.phase, event: registry.createType('Event', bytes), topics: [] };
    });
    return { hex: registry.createType('Vec<FrameSystemEventRecord>', records).toHex() };
  },

  // Era encoding for (period, current).
  era(ctx, op) {
    const era = ctx.registry.createType('ExtrinsicEra', { current: op.current, period: op.period });
    return { hex: era.toHex() };
  },

  // Times decoding the metadata hex into a queryable registry, like the Java benchmark does.
  benchMetadata(ctx, op) {
    const warmup = op.warmup || 5;
    const runs = op.runs || 20;
    for (let i = 0; i < warmup; i++) {
      const r = new TypeRegistry();
      const m = new Metadata(r, ctx.hex);
      r.setMetadata(m);
    }
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.hrtime.bigint();
      const r = new TypeRegistry();
      const m = new Metadata(r, ctx.hex);
      r.setMetadata(m);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { medianMs: times[Math.floor(times.length / 2)], minMs: times[0], runs };
  },
};

async function main() {
  await cryptoWaitReady();
  const request = JSON.parse(fs.readFileSync(0, 'utf8'));
  const ctx = load(request.metadata);
  const results = [];
  for (const op of request.ops) {
    try {
      results.push(ops[op.op](ctx, op));
    } catch (e) {
      results.push({ error: String(e && e.stack ? e.stack : e) });
    }
  }
  process.stdout.write(JSON.stringify({ results }));
}

// polkadot-js warns on stderr about unknown signed extensions; the answer is on stdout.
main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(1);
});
