package io.taoprom.core.crypto.sr25519;

import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * An sr25519 (schnorrkel) key pair, byte-compatible with Substrate's {@code sr25519::Pair}:
 * signatures verify on chain and derivations give the same accounts as {@code subkey} and
 * polkadot-js.
 *
 * <pre>{@code
 * KeyPair hotkey = new Sr25519Scheme().fromSeed(miniSecret);
 * byte[] signature = hotkey.sign(payload); // 64 bytes, randomized
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Sr25519KeyPair implements KeyPair {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Sr25519Scheme scheme;
  private final Schnorrkel.Secret secret;
  private final byte[] publicKey;
  private final byte[] seed;

  Sr25519KeyPair(Sr25519Scheme scheme, Schnorrkel.Secret secret, byte[] seed) {
    this.scheme = scheme;
    this.secret = secret;
    this.publicKey = Schnorrkel.publicKey(secret.key());
    this.seed = seed == null ? null : seed.clone();
  }

  @Override
  public KeyScheme keyScheme() {
    return scheme;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] sign(byte[] message) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return Schnorrkel.sign(secret, publicKey, message, random);
  }

  /** Signs with caller-supplied randomness: for reproducing reference vectors in tests only. */
  byte[] sign(byte[] message, byte[] random) {
    return Schnorrkel.sign(secret, publicKey, message, random);
  }

  @Override
  public KeyPair derive(DeriveJunction junction) {
    if (junction.hard()) {
      byte[] mini = Schnorrkel.hardDerive(secret.key(), junction.chainCode());
      return new Sr25519KeyPair(scheme, Schnorrkel.expandEd25519(mini), mini);
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    return new Sr25519KeyPair(scheme, Schnorrkel.softDerive(secret, publicKey, junction.chainCode(), random), null);
  }

  @Override
  public Optional<byte[]> seed() {
    return Optional.ofNullable(seed).map(byte[]::clone);
  }

  /** Schnorrkel's {@code SecretKey::to_bytes}: the canonical secret scalar, then the nonce seed. */
  @Override
  public byte[] secretKey() {
    return Schnorrkel.toBytes(secret);
  }

  @Override
  public String toString() {
    return "Sr25519KeyPair[public=0x" + java.util.HexFormat.of().formatHex(publicKey) + "]";
  }
}
