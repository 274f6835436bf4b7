package io.taoprom.chain.registration;

import java.util.Locale;

/**
 * How a version string such as {@code 1.8.3} becomes the {@code u32} that {@code serve_prometheus}
 * stores and that validators compare.
 *
 * <pre>{@code
 * long v = VersionScheme.SN27.toInt("1.8.3");        // 183
 * long b = VersionScheme.BITTENSOR.toInt("9.12.1");  // 9012001
 * VersionScheme s = VersionScheme.named("sn27");
 * }</pre>
 */
public enum VersionScheme {
  /** NI Compute (subnet 27): {@code 100·major + 10·minor + patch}, as its validators compute it. */
  SN27,
  /** Bittensor's {@code version_as_int}: {@code major·1000² + minor·1000 + patch}, each part below 1000. */
  BITTENSOR;

  private static final long U32_MAX = 0xFFFFFFFFL;

  /** {@code sn27} or {@code bittensor} (case-insensitive). */
  public static VersionScheme named(String name) {
    for (VersionScheme s : values()) {
      if (s.name().equalsIgnoreCase(name.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown version scheme '" + name + "'; use sn27 or bittensor");
  }

  /** The scheme's name as given on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The integer for {@code MAJOR.MINOR.PATCH} (a leading {@code v} is allowed).
   *
   * @throws IllegalArgumentException naming the problem when the string is not three
   *     non-negative integers, a part is out of range for the scheme, or the result exceeds u32
   */
  public long toInt(String version) {
    String s = version.strip();
    if (s.startsWith("v") || s.startsWith("V")) {
      s = s.substring(1);
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("version '" + version + "' is not MAJOR.MINOR.PATCH (three numbers, like 1.8.3)");
    }
    long[] n = new long[3];
    for (int i = 0; i < 3; i++) {
      if (!parts[i].matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("version '" + version + "': '" + parts[i]
            + "' is not a non-negative number (pre-release suffixes are not supported; give the version number itself)");
      }
      n[i] = Long.parseLong(parts[i]);
    }
    long value;
    if (this == BITTENSOR) {
      for (int i = 0; i < 3; i++) {
        if (n[i] >= 1000) {
          throw new IllegalArgumentException("version '" + version + "': the bittensor scheme needs each part below 1000");
        }
      }
      value = n[0] * 1_000_000L + n[1] * 1000L + n[2];
    } else {
      // sn27 does not bound minor and patch (1.10.0 and 2.0.0 collide); we compute it the same way.
      value = 100 * n[0] + 10 * n[1] + n[2];
    }
    if (value > U32_MAX) {
      throw new IllegalArgumentException("version '" + version + "' gives " + value + ", more than a u32 holds");
    }
    return value;
  }
}
