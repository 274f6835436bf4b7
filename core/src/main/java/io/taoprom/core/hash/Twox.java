package io.taoprom.core.hash;

/**
 * Substrate's twox hashes: concatenated little-endian xxHash64 digests with seeds 0, 1, 2, 3.
 *
 * <pre>{@code
 * byte[] palletPrefix = Twox.hash128("SubtensorModule".getBytes(UTF_8));
 * }</pre>
 */
public final class Twox {

  private Twox() {}

  /** {@code twox_64}: xxHash64 with seed 0, little-endian. */
  public static byte[] hash64(byte[] data) {
    return hash(data, 1);
  }

  /** {@code twox_128}: seeds 0 and 1. */
  public static byte[] hash128(byte[] data) {
    return hash(data, 2);
  }

  /** {@code twox_256}: seeds 0 to 3. */
  public static byte[] hash256(byte[] data) {
    return hash(data, 4);
  }

  private static byte[] hash(byte[] data, int rounds) {
    byte[] out = new byte[8 * rounds];
    for (int r = 0; r < rounds; r++) {
      long h = XxHash64.hash(data, r);
      for (int i = 0; i < 8; i++) {
        out[8 * r + i] = (byte) (h >>> (8 * i));
      }
    }
    return out;
  }
}
