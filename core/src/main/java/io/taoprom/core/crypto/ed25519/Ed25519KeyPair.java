package io.taoprom.core.crypto.ed25519;

import io.taoprom.core.crypto.DeriveJunction;
import io.taoprom.core.crypto.KeyException;
import io.taoprom.core.crypto.KeyPair;
import io.taoprom.core.crypto.KeyScheme;
import io.taoprom.core.hash.Blake2b;
import io.taoprom.core.scale.ScaleWriter;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An ed25519 key pair (RFC 8032, on BouncyCastle) with Substrate's hard derivation:
 * the child seed is {@code blake2_256(SCALE(("Ed25519HDKD", seed, chainCode)))}. Soft derivation
 * does not exist for ed25519 and fails with a {@link KeyException} that says so.
 *
 * <pre>{@code
 * KeyPair validator = new Ed25519Scheme().fromSeed(seed);
 * byte[] sig = validator.sign(message);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Ed25519KeyPair implements KeyPair {

  private final Ed25519Scheme scheme;
  private final byte[] seed;
  private final byte[] publicKey;

  Ed25519KeyPair(Ed25519Scheme scheme, byte[] seed) {
    this.scheme = scheme;
    this.seed = seed.clone();
    this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
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
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, sig, 0);
    return sig;
  }

  @Override
  public KeyPair derive(DeriveJunction junction) {
    if (!junction.hard()) {
      throw new KeyException("ed25519 keys have no soft derivation: use a hard junction (//name) instead of /name");
    }
    byte[] encoded = new ScaleWriter(80)
        .writeString("Ed25519HDKD")
        .writeBytes(seed)
        .writeBytes(junction.chainCode())
        .toByteArray();
    byte[] child = Blake2b.hash256(encoded);
    java.util.Arrays.fill(encoded, (byte) 0);
    return new Ed25519KeyPair(scheme, child);
  }

  @Override
  public Optional<byte[]> seed() {
    return Optional.of(seed.clone());
  }

  /** Substrate's {@code Pair::to_raw_vec} for ed25519: the 32-byte seed. */
  @Override
  public byte[] secretKey() {
    return seed.clone();
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair[public=0x" + HexFormat.of().formatHex(publicKey) + "]";
  }
}
