package io.taoprom.core.crypto.ed25519;

import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * ed25519 (RFC 8032) as Substrate uses it, on BouncyCastle's constant-time implementation.
 *
 * <pre>{@code
 * KeyScheme ed = KeySchemes.named("ed25519");
 * KeyPair pair = ed.fromSeed(seed);
 * }</pre>
 *
 * Verification follows RFC 8032 (BouncyCastle rejects non-canonical {@code S} and encodings
 * that do not decode to a curve point).
 */
public final class Ed25519Scheme implements KeyScheme {

  /** The scheme's name. */
  public static final String NAME = "ed25519";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KeyPair fromSeed(byte[] seed) {
    if (seed == null || seed.length != 32) {
      throw new KeyException("an ed25519 seed has 32 bytes, got " + (seed == null ? "none" : String.valueOf(seed.length)));
    }
    return new Ed25519KeyPair(this, seed);
  }

  /** From the 32-byte seed, or the 64-byte seed-and-public-key form (checked) of libsodium and polkadot-js. */
  @Override
  public KeyPair fromSecretKey(byte[] secretKey) {
    if (secretKey != null && secretKey.length == 64) {
      KeyPair pair = fromSeed(Arrays.copyOf(secretKey, 32));
      if (!Arrays.equals(pair.publicKey(), Arrays.copyOfRange(secretKey, 32, 64))) {
        throw new KeyException("the ed25519 secret key's last 32 bytes are not the public key of its seed");
      }
      return pair;
    }
    if (secretKey == null || secretKey.length != 32) {
      throw new KeyException("an ed25519 secret key has 32 bytes (seed) or 64 bytes (seed and public key), got "
          + (secretKey == null ? "none" : String.valueOf(secretKey.length)));
    }
    return fromSeed(secretKey);
  }

  @Override
  public boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null
        || publicKey.length != Ed25519.PUBLIC_KEY_SIZE || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    try {
      return Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  @Override
  public byte[] derivePublic(byte[] publicKey, DeriveJunction junction) {
    throw new KeyException("ed25519 public keys cannot be derived: ed25519 has hard derivation only, which needs the seed");
  }

  @Override
  public String toString() {
    return NAME;
  }
}
