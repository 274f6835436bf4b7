// Generates Bittensor-style keyfiles with the reference implementations: key material from
// polkadot-js, encryption with libsodium (crypto_pwhash argon2i + crypto_secretbox_easy, the
// calls bittensor-wallet makes). Deterministic (fixed mnemonic entropy and nonces), so
// core/src/test/resources/io/taoprom/core/interop/keyfiles.json can be re-generated and compared.
//
//   node core/src/test/js/generate-keyfiles.mjs tools/interop > core/src/test/resources/io/taoprom/core/interop/keyfiles.json
//
// One file uses Bittensor's real limits (OPSLIMIT_SENSITIVE, MEMLIMIT_SENSITIVE: 512 MiB), which
// takes libsodium's wasm build about 20 s; the others use small limits so unit tests stay fast.
import { createRequire } from 'node:module';
import { resolve, join } from 'node:path';

const interopDir = resolve(process.argv[2] || 'tools/interop');
const require = createRequire(join(interopDir, 'package.json'));
const { u8aToHex, stringToU8a, u8aConcat } = require('@polkadot/util');
const uc = require('@polkadot/util-crypto');
const sodium = require('libsodium-wrappers-sumo');
const bip39 = require(join(interopDir, 'node_modules/@polkadot/util-crypto/cjs/mnemonic/bip39.js'));

await uc.cryptoWaitReady();
await sodium.ready;

const NACL_SALT = Uint8Array.from([0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1]);
const hex = (u8a) => u8aToHex(u8a);

// polkadot-js keeps sr25519 secrets as schnorrkel's to_ed25519_bytes (scalar times 8);
// bittensor-wallet writes SecretKey::to_bytes (the canonical scalar). Convert by dividing by 8.
function canonicalSecret(ed25519Style) {
  let k = 0n;
  for (let i = 31; i >= 0; i--) k = (k << 8n) | BigInt(ed25519Style[i]);
  k >>= 3n;
  const out = new Uint8Array(64);
  for (let i = 0; i < 32; i++) { out[i] = Number(k & 0xffn); k >>= 8n; }
  out.set(ed25519Style.subarray(32), 32);
  return out;
}

function hotkey(entropyByte) {
  const phrase = bip39.entropyToMnemonic(new Uint8Array(16).fill(entropyByte));
  const seed = uc.mnemonicToMiniSecret(phrase);
  const pair = uc.sr25519PairFromSeed(seed);
  return { phrase, seed, pair, address: uc.encodeAddress(pair.publicKey, 42) };
}

// The JSON layout bittensor's Python keyfile writer produces (json.dumps of its dict).
function keyfileJson(k, fields) {
  const all = {
    accountId: hex(k.pair.publicKey),
    publicKey: hex(k.pair.publicKey),
    privateKey: hex(canonicalSecret(k.pair.secretKey)),
    secretPhrase: k.phrase,
    secretSeed: hex(k.seed),
    ss58Address: k.address,
  };
  const out = {};
  for (const f of fields) out[f] = all[f];
  return JSON.stringify(out, null, 0).replace(/","/g, '", "').replace(/":"/g, '": "');
}

function encrypt(plain, password, ops, mem, nonceByte) {
  const key = sodium.crypto_pwhash(32, password, NACL_SALT, ops, mem, sodium.crypto_pwhash_ALG_ARGON2I13);
  const nonce = new Uint8Array(24).fill(nonceByte);
  const boxed = sodium.crypto_secretbox_easy(stringToU8a(plain), nonce, key);
  return u8aConcat(stringToU8a('$NACL'), nonce, boxed);
}

const files = [];
const k1 = hotkey(1);
const k2 = hotkey(2);
const full = ['accountId', 'publicKey', 'privateKey', 'secretPhrase', 'secretSeed', 'ss58Address'];
files.push({ name: 'plain-full', publicKey: hex(k1.pair.publicKey), file: Buffer.from(keyfileJson(k1, full)).toString('base64') });
files.push({ name: 'plain-seed-only', publicKey: hex(k1.pair.publicKey), file: Buffer.from(keyfileJson(k1, ['secretSeed', 'ss58Address'])).toString('base64') });
files.push({ name: 'plain-private-key-only', publicKey: hex(k1.pair.publicKey), file: Buffer.from(keyfileJson(k1, ['privateKey', 'publicKey'])).toString('base64') });
files.push({
  name: 'plain-private-key-ed25519-style',
  publicKey: hex(k2.pair.publicKey),
  file: Buffer.from(JSON.stringify({ privateKey: hex(k2.pair.secretKey), publicKey: hex(k2.pair.publicKey) })).toString('base64'),
});
files.push({ name: 'coldkeypub', publicKey: hex(k2.pair.publicKey), file: Buffer.from(keyfileJson(k2, ['accountId', 'publicKey', 'ss58Address'])).toString('base64') });
files.push({
  name: 'nacl-small-limits',
  publicKey: hex(k1.pair.publicKey),
  password: 'correct horse battery staple',
  opsLimit: 3,
  memLimit: 8 * 1024 * 1024,
  file: Buffer.from(encrypt(keyfileJson(k1, full), 'correct horse battery staple', 3, 8 * 1024 * 1024, 7)).toString('base64'),
});
files.push({
  name: 'nacl-small-limits-unicode-password',
  publicKey: hex(k2.pair.publicKey),
  password: 'pässwörd ☃',
  opsLimit: 4,
  memLimit: 1024 * 1024,
  file: Buffer.from(encrypt(keyfileJson(k2, full), 'pässwörd ☃', 4, 1024 * 1024, 9)).toString('base64'),
});
if (!process.argv.includes('--no-sensitive')) {
  files.push({
    name: 'nacl-bittensor-limits',
    publicKey: hex(k1.pair.publicKey),
    password: 'bittensor',
    opsLimit: sodium.crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE,
    memLimit: sodium.crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE,
    file: Buffer.from(encrypt(keyfileJson(k1, full), 'bittensor',
      sodium.crypto_pwhash_argon2i_OPSLIMIT_SENSITIVE, sodium.crypto_pwhash_argon2i_MEMLIMIT_SENSITIVE, 11)).toString('base64'),
  });
}

const versions = {};
for (const p of ['@polkadot/util-crypto', 'libsodium-wrappers-sumo']) {
  versions[p] = require(join(interopDir, 'node_modules', p, 'package.json')).version;
}
process.stdout.write(JSON.stringify({ generator: 'core/src/test/js/generate-keyfiles.mjs', versions, keyfiles: files }, null, 1) + '\n');
