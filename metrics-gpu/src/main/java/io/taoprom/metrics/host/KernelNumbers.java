package io.taoprom.metrics.host;

import java.util.OptionalLong;

/**
 * The number formats of {@code /proc} and {@code /sys} attribute files, parsed the way
 * node_exporter's procfs library reads them.
 *
 * <pre>{@code
 * KernelNumbers.parseInteger("0x1003")                 // OptionalLong[4099]: flags, dev_id
 * KernelNumbers.parseInteger("-1")                     // OptionalLong[-1]: speed of a link that is down
 * KernelNumbers.parseUnsigned("18446744073709551615")  // OptionalLong[-1]: the u64's bits
 * KernelNumbers.parseUnsignedDecimal("+5")             // OptionalLong.empty: the kernel prints no sign
 * KernelNumbers.unsignedToDouble(-1L)                  // 1.8446744073709552E19
 * }</pre>
 */
public final class KernelNumbers {

  private static final long MAX_DIV_10 = Long.divideUnsigned(-1L, 10);

  private KernelNumbers() {}

  /** The value of a hexadecimal digit, or -1. */
  public static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** A 64-bit unsigned value, held in a long's bits, as the nearest double. */
  public static double unsignedToDouble(long bits) {
    if (bits >= 0) {
      return bits;
    }
    // Halve, convert, double: exact to the 53 bits a double holds, as Go's float64(uint64).
    return ((bits >>> 1) | (bits & 1)) * 2.0;
  }

  /**
   * A signed 64-bit integer as sysfs prints them: decimal with an optional {@code -}, or
   * hexadecimal after {@code 0x} ({@code %#x}: {@code flags}, {@code dev_id}). Empty for anything
   * else, including a value outside 64 bits.
   */
  public static OptionalLong parseInteger(String s) {
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    OptionalLong magnitude = parseUnsigned(digits);
    if (magnitude.isEmpty()) {
      return OptionalLong.empty();
    }
    long m = magnitude.getAsLong();
    if (negative) {
      return Long.compareUnsigned(m, Long.MIN_VALUE) > 0 ? OptionalLong.empty() : OptionalLong.of(-m);
    }
    return m < 0 ? OptionalLong.empty() : OptionalLong.of(m);
  }

  /**
   * An unsigned 64-bit integer, decimal or hexadecimal after {@code 0x} (Fibre Channel statistics
   * are printed {@code 0x%llx}), as its bits. Empty for anything else.
   */
  public static OptionalLong parseUnsigned(String s) {
    if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
      return parseHex(s, 2);
    }
    return s.length() > 20 ? OptionalLong.empty() : parseUnsignedDecimal(s);
  }

  /**
   * An unsigned decimal integer of up to 64 bits, ASCII digits only (no sign, no other script's
   * digits, which {@code Long.parseUnsignedLong} takes), as its bits. Empty for anything else.
   */
  public static OptionalLong parseUnsignedDecimal(String s) {
    if (s.isEmpty()) {
      return OptionalLong.empty();
    }
    long value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalLong.empty();
      }
      int digit = c - '0';
      if (Long.compareUnsigned(value, MAX_DIV_10) > 0 || value == MAX_DIV_10 && digit > 5) {
        return OptionalLong.empty();
      }
      value = value * 10 + digit;
    }
    return OptionalLong.of(value);
  }

  private static OptionalLong parseHex(String s, int from) {
    if (s.length() - from > 16) {
      return OptionalLong.empty();
    }
    long value = 0;
    for (int i = from; i < s.length(); i++) {
      int digit = hexDigit(s.charAt(i));
      if (digit < 0) {
        return OptionalLong.empty();
      }
      value = value << 4 | digit;
    }
    return OptionalLong.of(value);
  }
}
