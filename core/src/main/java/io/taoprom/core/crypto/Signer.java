package io.taoprom.core.crypto;

/**
 * Something that signs with one key: what the chain module needs to sign an extrinsic, and
 * all it ever sees of a key. Implementations never expose or print the secret.
 *
 * <pre>{@code
 * Signer hotkey = ...; // a KeyPair from a keyfile or a secret URI
 * byte[] signature = hotkey.sign(signingPayload);
 * }</pre>
 */
public interface Signer {

  /** The signature scheme's name as Substrate spells it: {@code sr25519} or {@code ed25519}. */
  String scheme();

  /** The 32-byte public key (which is also the account id for both schemes). */
  byte[] publicKey();

  /** Signs the message (for sr25519 with the {@code substrate} signing context). */
  byte[] sign(byte[] message);
}
