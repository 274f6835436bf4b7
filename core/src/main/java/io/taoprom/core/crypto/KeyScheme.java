package io.taoprom.core.crypto;

/**
 * A signature scheme as Substrate knows it ({@code sr25519}, {@code ed25519}): the service
 * provider interface behind {@link KeySchemes}. Implementations register themselves in {@code
 * META-INF/services/io.taoprom.core.crypto.KeyScheme}, so a third scheme (ecdsa, say) can be
 * added from another jar.
 *
 * <pre>{@code
 * KeyScheme sr = KeySchemes.named("sr25519");
 * KeyPair pair = sr.fromSeed(miniSecret);
 * boolean ok = sr.verify(pair.publicKey(), message, pair.sign(message));
 * }</pre>
 *
 * Implementations are stateless and thread-safe.
 */
public interface KeyScheme {

  /** The scheme's name as Substrate spells it, e.g. {@code sr25519}. */
  String name();

  /** The key pair for a 32-byte seed (sr25519: a schnorrkel mini secret key). */
  KeyPair fromSeed(byte[] seed);

  /**
   * The key pair for the scheme's raw secret key bytes, as a Substrate {@code Pair::to_raw_vec}
   * or a Bittensor keyfile's {@code privateKey} holds them (sr25519: 64 bytes, scalar and nonce).
   *
   * @throws KeyException when the bytes are not a valid secret key of this scheme
   */
  KeyPair fromSecretKey(byte[] secretKey);

  /**
   * Whether {@code signature} is a valid signature of {@code message} by {@code publicKey}.
   * Malformed keys or signatures (wrong length, non-canonical encodings) are simply invalid.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature);

  /**
   * The public key of a soft derivation, computed from the public key alone.
   *
   * @throws KeyException when the scheme has no soft derivation, or the junction is hard
   */
  byte[] derivePublic(byte[] publicKey, DeriveJunction junction);
}
