package io.taoprom.core.crypto;

import java.util.List;
import java.util.Optional;

/**
 * A secret key with its public key: a {@link Signer} that can also derive child keys and
 * export its secret for a keyfile. Its {@code toString()} never shows the secret.
 *
 * <pre>{@code
 * KeyPair alice = Keys.fromUri("//Alice", "sr25519");
 * KeyPair stash = alice.derive(DeriveJunction.parse("stash"));
 * byte[] sig = stash.sign(payload);
 * }</pre>
 *
 * Implementations are immutable and thread-safe.
 */
public interface KeyPair extends Signer {

  /** The scheme this key belongs to. */
  KeyScheme keyScheme();

  @Override
  default String scheme() {
    return keyScheme().name();
  }

  /** The child key for one junction, as Substrate's {@code Pair::derive} computes it. */
  KeyPair derive(DeriveJunction junction);

  /** The key at the end of a derivation path. */
  default KeyPair derive(List<DeriveJunction> path) {
    KeyPair k = this;
    for (DeriveJunction j : path) {
      k = k.derive(j);
    }
    return k;
  }

  /** Whether {@code signature} is this key's valid signature of {@code message}. */
  default boolean verify(byte[] message, byte[] signature) {
    return keyScheme().verify(publicKey(), message, signature);
  }

  /**
   * The 32-byte seed this key was made from, where known (keys from a seed or a phrase, and
   * after hard derivation; not after soft derivation). Secret: a fresh copy each call.
   */
  Optional<byte[]> seed();

  /** The scheme's raw secret key bytes (see {@link KeyScheme#fromSecretKey}). Secret: a fresh copy. */
  byte[] secretKey();
}
