package io.taoprom.core.hash;

import net.openhft.hashing.LongHashFunction;

/**
 * Substrate's twox hashes: concatenated little-endian xxHash64 digests with seeds 0, 1, 2, 3.
 *
 * <pre>{@code
 * byte[] palletPrefix = Twox.hash128("SubtensorModule".getBytes(UTF_8));
 * }</pre>
 */
public final class Twox {

  private static final LongHashFunction[] SEEDED = {
    LongHashFunction.xx(0), LongHashFunction.xx(1), LongHashFunction.xx(2), LongHashFunction.xx(3)
  };

  private Twox() {}

  public static byte[] hash64(byte[] data) {
    return hash(data, 1);
  }

  public static byte[] hash128(byte[] data) {
    return hash(data, 2);
  }

  public static byte[] hash256(byte[] data) {
    return hash(data, 4);
  }

  private static byte[] hash(byte[] data, int rounds) {
    byte[] out = new byte[8 * rounds];
    for (int r = 0; r < rounds; r++) {
      long h = SEEDED[r].hashBytes(data);
      for (int i = 0; i < 8; i++) {
        out[8 * r + i] = (byte) (h >>> (8 * i));
      }
    }
    return out;
  }
}
