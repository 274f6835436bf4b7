package io.taoprom.core.crypto.sr25519;

import cafe.cryptography.curve25519.Scalar;
import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import java.util.Arrays;

/**
 * sr25519, Schnorr signatures on Ristretto255 as implemented by schnorrkel and used by Substrate
 * and Bittensor for account keys: mini secrets expand in Ed25519 mode, signatures use the
 * {@code substrate} signing context, and derivation supports hard and soft junctions.
 *
 * <pre>{@code
 * KeyScheme sr = KeySchemes.named("sr25519");
 * boolean valid = sr.verify(publicKey, message, signature);
 * }</pre>
 *
 * <p>Verification rejects signatures without schnorrkel's marker bit, non-canonical scalars and
 * public keys that are not canonical Ristretto encodings, as schnorrkel does; it also rejects the
 * identity as a public key (a key anyone could sign for), as {@code @scure/sr25519} does.
 */
public final class Sr25519Scheme implements KeyScheme {

  /** The scheme's name. */
  public static final String NAME = "sr25519";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KeyPair fromSeed(byte[] seed) {
    if (seed == null || seed.length != 32) {
      throw new KeyException("an sr25519 seed (mini secret key) has 32 bytes, got "
          + (seed == null ? "none" : String.valueOf(seed.length)));
    }
    return new Sr25519KeyPair(this, Schnorrkel.expandEd25519(seed), seed);
  }

  /** From schnorrkel's 64-byte {@code SecretKey::to_bytes} form: canonical scalar, nonce seed. */
  @Override
  public KeyPair fromSecretKey(byte[] secretKey) {
    checkSecretLength(secretKey);
    Scalar key;
    try {
      key = Scalar.fromCanonicalBytes(Arrays.copyOf(secretKey, 32));
    } catch (IllegalArgumentException e) {
      throw new KeyException("the sr25519 secret key's scalar (first 32 bytes) is not canonical;"
          + " it may be in the ed25519-style form (scalar times 8)");
    }
    return new Sr25519KeyPair(this, new Schnorrkel.Secret(key, Arrays.copyOfRange(secretKey, 32, 64)), null);
  }

  /**
   * From the 64-byte form schnorrkel calls {@code to_ed25519_bytes} (the scalar multiplied by
   * the cofactor 8, then the nonce seed), which polkadot-js and older tools store.
   */
  public KeyPair fromEd25519StyleSecretKey(byte[] secretKey) {
    checkSecretLength(secretKey);
    byte[] key = Arrays.copyOf(secretKey, 32);
    Schnorrkel.divideByCofactor(key);
    try {
      Scalar scalar = Scalar.fromCanonicalBytes(key);
      return new Sr25519KeyPair(this, new Schnorrkel.Secret(scalar, Arrays.copyOfRange(secretKey, 32, 64)), null);
    } catch (IllegalArgumentException e) {
      throw new KeyException("the sr25519 secret key's scalar is not canonical after division by 8");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The 64-byte ed25519-style form of a key pair's secret (scalar times 8, nonce seed). */
  public static byte[] toEd25519StyleSecretKey(KeyPair pair) {
    byte[] raw = pair.secretKey();
    if (raw.length != 64 || !NAME.equals(pair.scheme())) {
      throw new KeyException("not an sr25519 key pair");
    }
    byte[] key = Arrays.copyOf(raw, 32);
    Schnorrkel.multiplyByCofactor(key);
    System.arraycopy(key, 0, raw, 0, 32);
    Arrays.fill(key, (byte) 0);
    return raw;
  }

  private static void checkSecretLength(byte[] secretKey) {
    if (secretKey == null || secretKey.length != 64) {
      throw new KeyException("an sr25519 secret key has 64 bytes (scalar and nonce), got "
          + (secretKey == null ? "none" : String.valueOf(secretKey.length)));
    }
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    return Schnorrkel.verify(publicKey, message, signature);
  }

  @Override
  public byte[] derivePublic(byte[] publicKey, DeriveJunction junction) {
    if (junction.hard()) {
      throw new KeyException("a hard junction (//) needs the secret key; only soft junctions (/) derive public keys");
    }
    if (publicKey == null || publicKey.length != 32) {
      throw new KeyException("an sr25519 public key has 32 bytes");
    }
    byte[] derived = Schnorrkel.softDerivePublic(publicKey, junction.chainCode());
    if (derived == null) {
      throw new KeyException("not a valid sr25519 public key (not a canonical Ristretto point)");
    }
    return derived;
  }

  @Override
  public String toString() {
    return NAME;
  }
}
