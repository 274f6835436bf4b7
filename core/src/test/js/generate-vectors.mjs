// Generates TaoProm core's interop vectors with the reference implementations (polkadot-js and
// @scure/sr25519) and prints them as JSON. Deterministic: the same packages give the same bytes,
// so core/src/test/resources/io/taoprom/core/interop/vectors.json can be re-generated and
// compared (InteropVectorsIT does that during `mvn verify`).
//
//   node core/src/test/js/generate-vectors.mjs tools/interop > core/src/test/resources/io/taoprom/core/interop/vectors.json
//
// Values in the "scale" section use one JSON form per type: integers as decimal strings,
// Option none as null, Result as {"ok": v} / {"err": v}, enums as {"index": i, "value": v},
// byte strings as 0x-hex, sequences and tuples as arrays.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { resolve, join } from 'node:path';

const interopDir = resolve(process.argv[2] || 'tools/interop');
const require = createRequire(join(interopDir, 'package.json'));
const { u8aToHex, hexToU8a, stringToU8a, compactToU8a, u8aConcat, BN } = require('@polkadot/util');
const uc = require('@polkadot/util-crypto');
const { Keyring } = require('@polkadot/keyring');
const { TypeRegistry } = require('@polkadot/types');
const wasm = require('@polkadot/wasm-crypto');
const scure = await import(pathToFileURL(require.resolve('@scure/sr25519')).href);
const bip39 = require(join(interopDir, 'node_modules/@polkadot/util-crypto/cjs/mnemonic/bip39.js'));

await uc.cryptoWaitReady();
await wasm.waitReady();

// A small deterministic byte source (xorshift32), so "random" inputs are the same every run.
let state = 0x2545f491;
function bytes(n) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}
const hex = u8aToHex;

// ------------------------------------------------------------------ SCALE
const registry = new TypeRegistry();
registry.register({
  TestEnum: { _enum: { A: 'Null', B: 'u32', C: 'Text', D: '(u8, bool)' } },
});
const scale = [];
function enc(type, pjsValue, value) {
  scale.push({ type, value, hex: hex(registry.createType(type, pjsValue).toU8a()) });
}
const two = new BN(2);
const pow2 = (n) => two.pow(new BN(n));
for (const [type, bits] of [['u8', 8], ['u16', 16], ['u32', 32], ['u64', 64], ['u128', 128], ['u256', 256]]) {
  const max = pow2(bits).subn(1);
  for (const v of [new BN(0), new BN(1), new BN(0x7f), max.shrn(1), max, new BN(bytes(bits / 8), 'le')]) {
    enc(type, v, v.toString(10));
  }
}
for (const [type, bits] of [['i8', 8], ['i16', 16], ['i32', 32], ['i64', 64], ['i128', 128]]) {
  const max = pow2(bits - 1).subn(1);
  const min = pow2(bits - 1).neg();
  for (const v of [min, new BN(-1), new BN(0), new BN(1), max]) {
    enc(type, v, v.toString(10));
  }
}
const compactEdges = [0, 1, 63, 64, 16383, 16384, 2 ** 30 - 1, 2 ** 30, 2 ** 32 - 1, 2 ** 32]
  .map((n) => new BN(n))
  .concat([pow2(53), pow2(64).subn(1), pow2(64), pow2(128).subn(1)]);
for (const v of compactEdges) {
  enc('Compact<u128>', v, v.toString(10));
}
// Beyond u128 polkadot-js has no Compact type, but compactToU8a encodes any size.
for (const v of [pow2(128), pow2(256).subn(1), pow2(535), pow2(536).subn(1)]) {
  scale.push({ type: 'Compact<u128>', value: v.toString(10), hex: hex(compactToU8a(v)) });
}
enc('bool', true, true);
enc('bool', false, false);
for (const s of ['', 'hi', 'hé', 'SubtensorModule', 'x'.repeat(100), '\u{1F600} emoji']) {
  enc('Text', s, s);
}
for (const b of [new Uint8Array(0), bytes(3), bytes(70)]) {
  enc('Bytes', hex(b), hex(b));
}
enc('Option<u32>', null, null);
enc('Option<u32>', 5, '5');
enc('Option<bool>', null, null);
enc('Option<bool>', true, true);
enc('Option<bool>', false, false);
enc('OptionBool', null, null);
enc('OptionBool', true, true);
enc('OptionBool', false, false);
enc('Option<Text>', 'tao', 'tao');
enc('Option<Option<u8>>', null, null);
enc('Result<u32, Text>', { Ok: 7 }, { ok: '7' });
enc('Result<u32, Text>', { Err: 'no' }, { err: 'no' });
enc('Vec<u16>', [], []);
enc('Vec<u16>', [1, 2, 65535], ['1', '2', '65535']);
enc('Vec<Text>', ['a', 'bc'], ['a', 'bc']);
enc('Vec<Option<u8>>', [1, null, 3], ['1', null, '3']);
enc('(u8, Text, bool)', [1, 'hi', true], ['1', 'hi', true]);
enc('(u64, u32, u128, u16, u8)', ['1234567', 1, '3232235777', 9100, 4], ['1234567', '1', '3232235777', '9100', '4']);
enc('[u16; 3]', [1, 2, 3], ['1', '2', '3']);
const fixed = bytes(4);
enc('[u8; 4]', hex(fixed), hex(fixed));
enc('TestEnum', 'A', { index: 0, value: null });
enc('TestEnum', { B: 7 }, { index: 1, value: '7' });
enc('TestEnum', { C: 'x' }, { index: 2, value: 'x' });
enc('TestEnum', { D: [9, false] }, { index: 3, value: ['9', false] });

// ------------------------------------------------------------------ hashing
const hashInputs = ['', 'System', 'Account', 'SubtensorModule', 'Prometheus']
  .map((s) => stringToU8a(s))
  .concat([bytes(1), bytes(32), bytes(200)]);
const hashes = hashInputs.map((input) => ({
  input: hex(input),
  blake2_128: hex(uc.blake2AsU8a(input, 128)),
  blake2_256: hex(uc.blake2AsU8a(input, 256)),
  blake2_512: hex(uc.blake2AsU8a(input, 512)),
  blake2_128_concat: hex(u8aConcat(uc.blake2AsU8a(input, 128), input)),
  twox_64: hex(uc.xxhashAsU8a(input, 64)),
  twox_128: hex(uc.xxhashAsU8a(input, 128)),
  twox_256: hex(uc.xxhashAsU8a(input, 256)),
  twox_64_concat: hex(u8aConcat(uc.xxhashAsU8a(input, 64), input)),
  keccak_256: hex(uc.keccakAsU8a(input, 256)),
}));

// ------------------------------------------------------------------ SS58
const ss58 = [];
for (const prefix of [0, 1, 2, 42, 63, 64, 65, 127, 128, 255, 256, 1000, 16383]) {
  const key = bytes(32);
  ss58.push({ payload: hex(key), prefix, address: uc.encodeAddress(key, prefix) });
}
for (const len of [1, 2, 4, 8, 33]) {
  for (const prefix of [42, 300]) {
    const key = bytes(len);
    ss58.push({ payload: hex(key), prefix, address: uc.encodeAddress(key, prefix) });
  }
}

// ------------------------------------------------------------------ mnemonics
const mnemonics = [];
for (const entropyBytes of [16, 20, 24, 28, 32]) {
  const entropy = bytes(entropyBytes);
  const phrase = bip39.entropyToMnemonic(entropy);
  for (const password of ['', 'Substrate', 'pässwörd ü']) {
    mnemonics.push({
      phrase,
      entropy: hex(uc.mnemonicToEntropy(phrase)),
      password,
      miniSecret: hex(uc.mnemonicToMiniSecret(phrase, password)),
    });
  }
}

// ------------------------------------------------------------------ key derivation
const keys = [];
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const seeds = [new Uint8Array(32), bytes(32), bytes(32)].map((s) => hex(s));
const phrase12 = mnemonics[0].phrase;
const phrase24 = mnemonics[mnemonics.length - 1].phrase;
const srUris = [
  '//Alice', '//Bob', '//Alice//stash', '//Alice/stash', '//Alice/0', '//Alice//0', '//Alice///password',
  DEV_PHRASE + '/soft', '//a/b//c/d', '//Alice/18446744073709551615', '//1//2/3', '//' + 'long-junction-name-'.repeat(3),
  phrase12, phrase12 + '//hot', phrase12 + '//hot/0', phrase12 + '///secret', phrase12 + '//hot///secret',
  phrase24 + '/soft//hard/42', ...seeds, seeds[1] + '//hard', seeds[1] + '/soft', seeds[2] + '//x/y///ignored-for-seeds',
];
const edUris = [
  '//Alice', '//Bob', '//Alice//stash', '//Alice///password', '//1//2', phrase12, phrase12 + '//hot',
  phrase24 + '//a//b///pw', ...seeds, seeds[1] + '//hard',
];
for (const [type, uris] of [['sr25519', srUris], ['ed25519', edUris]]) {
  const ring = new Keyring({ type, ss58Format: 42 });
  for (const uri of uris) {
    let pair;
    try { pair = ring.addFromUri(uri); } catch (e) { throw new Error(`polkadot-js rejects ${type} URI ${uri}: ${e.message}`); }
    keys.push({ scheme: type, uri, publicKey: hex(pair.publicKey), ss58: pair.address });
  }
}

// Substrate's own Rust code, compiled to wasm in @polkadot/wasm-crypto: schnorrkel's expansion and
// HDKD, and substrate-bip39. (@polkadot/util-crypto 14 uses @scure/sr25519 for sr25519 instead.)
const wasmDerivations = [];
for (let i = 0; i < 6; i++) {
  const seed = bytes(32);
  const chainCode = bytes(32);
  const kp = wasm.sr25519KeypairFromSeed(seed);
  wasmDerivations.push({
    seed: hex(seed),
    publicKey: hex(kp.subarray(64)),
    chainCode: hex(chainCode),
    hardPublicKey: hex(wasm.sr25519DeriveKeypairHard(kp, chainCode).subarray(64)),
    softPublicKey: hex(wasm.sr25519DeriveKeypairSoft(kp, chainCode).subarray(64)),
  });
  if (hex(wasm.sr25519DerivePublicSoft(kp.subarray(64), chainCode)) !== wasmDerivations[i].softPublicKey) {
    throw new Error('schnorrkel public and secret soft derivation disagree');
  }
}
for (const m of mnemonics) {
  if (hex(wasm.bip39ToMiniSecret(m.phrase, m.password)) !== m.miniSecret) throw new Error('substrate-bip39 and util-crypto disagree');
  if (hex(uc.mnemonicToMiniSecret(m.phrase, m.password, undefined, true)) !== m.miniSecret) throw new Error('JS and wasm bip39 disagree');
}

// ------------------------------------------------------------------ signatures
// sr25519 signatures are randomized; @scure/sr25519 takes the randomness as an argument, so these
// are reproducible and TaoProm must produce the very same bytes for the same randomness.
const srSignatures = [];
for (let i = 0; i < 6; i++) {
  const seed = bytes(32);
  const message = bytes(i * 40);
  const random = bytes(32);
  const secretKey = scure.secretFromSeed(seed);
  const publicKey = scure.getPublicKey(secretKey);
  const signature = scure.sign(secretKey, message, random);
  if (!uc.sr25519Verify(message, signature, publicKey)) throw new Error('polkadot-js rejects a @scure signature');
  if (!wasm.sr25519Verify(signature, message, publicKey)) throw new Error('schnorrkel (wasm) rejects a @scure signature');
  srSignatures.push({ seed: hex(seed), publicKey: hex(publicKey), message: hex(message), random: hex(random), signature: hex(signature) });
}
const edSignatures = [];
for (let i = 0; i < 4; i++) {
  const seed = bytes(32);
  const message = bytes(i * 50);
  const pair = uc.ed25519PairFromSeed(seed);
  edSignatures.push({ seed: hex(seed), publicKey: hex(pair.publicKey), message: hex(message), signature: hex(uc.ed25519Sign(message, pair)) });
}

// ------------------------------------------------------------------ merlin transcripts
const merlin = [];
{
  const t = new scure.__tests.Merlin('test protocol');
  t.appendMessage('some label', 'some data');
  merlin.push({ label: 'test protocol', messages: [['some label', hex(stringToU8a('some data'))]], challengeLabel: 'challenge', challenge: hex(t.challengeBytes('challenge', 32)) });
}
{
  const data = bytes(1024);
  const t = new scure.__tests.Merlin('long');
  t.appendMessage('step1', data);
  t.appendMessage('step2', bytes(0));
  merlin.push({ label: 'long', messages: [['step1', hex(data)], ['step2', '0x']], challengeLabel: 'out', challenge: hex(t.challengeBytes('out', 200)) });
}

const versions = {};
for (const p of ['@polkadot/util-crypto', '@polkadot/wasm-crypto', '@polkadot/keyring', '@polkadot/types', '@polkadot/util', '@scure/sr25519']) {
  versions[p] = require(join(interopDir, 'node_modules', p, 'package.json')).version;
}
process.stdout.write(JSON.stringify({ generator: 'core/src/test/js/generate-vectors.mjs', versions, scale, hashes, ss58, mnemonics, keys, wasmDerivations, srSignatures, edSignatures, merlin }, null, 1) + '\n');
