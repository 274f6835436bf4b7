package io.taoprom.core.hash;

/**
 * The hashers a FRAME storage map applies to each key, in the order of the metadata's
 * {@code StorageHasher} enum (so {@link #values()}{@code [index]} decodes it).
 *
 * <pre>{@code
 * byte[] keyPart = StorageHasher.BLAKE2_128_CONCAT.hash(accountId);
 * }</pre>
 */
public enum StorageHasher {
  BLAKE2_128,
  BLAKE2_256,
  BLAKE2_128_CONCAT,
  TWOX_128,
  TWOX_256,
  TWOX_64_CONCAT,
  IDENTITY;

  /** The hashed key as it appears in the storage key. */
  public byte[] hash(byte[] key) {
    return switch (this) {
      case BLAKE2_128 -> Blake2b.hash128(key);
      case BLAKE2_256 -> Blake2b.hash256(key);
      case BLAKE2_128_CONCAT -> concat(Blake2b.hash128(key), key);
      case TWOX_128 -> Twox.hash128(key);
      case TWOX_256 -> Twox.hash256(key);
      case TWOX_64_CONCAT -> concat(Twox.hash64(key), key);
      case IDENTITY -> key.clone();
    };
  }

  /**
   * How many bytes of hash precede the original key in a hashed key, for hashers that keep
   * the key ({@code *_CONCAT} and {@code IDENTITY}); -1 for hashers that do not.
   */
  public int prefixLength() {
    return switch (this) {
      case BLAKE2_128_CONCAT -> 16;
      case TWOX_64_CONCAT -> 8;
      case IDENTITY -> 0;
      default -> -1;
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
