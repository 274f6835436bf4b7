package io.taoprom.core.hash;

import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Keccak-256 as Ethereum and Substrate's {@code keccak_256} define it (the original Keccak
 * padding, not NIST SHA3-256).
 *
 * <pre>{@code
 * byte[] h = Keccak256.hash("".getBytes(UTF_8)); // c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470
 * }</pre>
 */
public final class Keccak256 {

  private Keccak256() {}

  public static byte[] hash(byte[] data) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
