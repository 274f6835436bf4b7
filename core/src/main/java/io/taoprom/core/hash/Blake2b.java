package io.taoprom.core.hash;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * BLAKE2b with the output sizes Substrate uses (128, 256 and 512 bits), unkeyed.
 *
 * <pre>{@code
 * byte[] txHash = Blake2b.hash256(extrinsicBytes);
 * }</pre>
 */
public final class Blake2b {

  private Blake2b() {}

  public static byte[] hash128(byte[] data) {
    return hash(data, 16);
  }

  public static byte[] hash256(byte[] data) {
    return hash(data, 32);
  }

  public static byte[] hash512(byte[] data) {
    return hash(data, 64);
  }

  /** BLAKE2b with an output of {@code outBytes} (1..64) bytes. */
  public static byte[] hash(byte[] data, int outBytes) {
    Blake2bDigest d = new Blake2bDigest(outBytes * 8);
    d.update(data, 0, data.length);
    byte[] out = new byte[outBytes];
    d.doFinal(out, 0);
    return out;
  }
}
