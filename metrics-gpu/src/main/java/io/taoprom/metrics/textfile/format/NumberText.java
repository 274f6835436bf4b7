package io.taoprom.metrics.textfile.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sample values and timestamps read from the bytes of a line. The common values ({@code 1},
 * {@code 0.25}, {@code 1027.0}) are read without making a String: a decimal of at most 15
 * significant digits and 22 fraction digits is two exact doubles and one correctly rounded
 * division, the same double {@link Double#parseDouble} returns. Anything else goes through
 * Go's {@code strconv.ParseFloat} grammar and {@link Double#parseDouble}.
 */
final class NumberText {

  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = p;
      p *= 10;
    }
  }

  private NumberText() {}

  /**
   * A sample value as Go's {@code strconv.ParseFloat} reads it: decimal or hexadecimal floating
   * point, or (any case) {@code NaN}, {@code Inf}, {@code Infinity} with optional sign.
   *
   * @throws NumberFormatException when it is none of these
   */
  static double parseValue(byte[] b, int from, int to) {
    double fast = simpleDecimal(b, from, to);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    if (to - from > 1100) {
      // Go reads any number of digits, but no double needs this many: refuse before copying.
      throw new NumberFormatException("too long");
    }
    return parseValue(new String(b, from, to - from, StandardCharsets.UTF_8));
  }

  /** {@code [+-]?digits[.digits]} with few enough digits to be exact, or NaN for "not this form". */
  private static double simpleDecimal(byte[] b, int from, int to) {
    int i = from;
    boolean negative = false;
    if (i < to && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      byte c = b[i];
      if (c >= '0' && c <= '9') {
        if (mantissa != 0 || c != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (fraction >= 0) {
          fraction++;
        }
        if (digits > 15 || fraction > 22) {
          return Double.NaN;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    int start = negative || from < to && b[from] == '+' ? from + 1 : from;
    if (to - start == 0 || to - start == 1 && fraction == 0) {
      return Double.NaN; // "", "+", "." : not a number; let the slow path say so
    }
    double value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
    return negative ? -value : value;
  }

  /** The slow path of {@link #parseValue(byte[], int, int)}. */
  static double parseValue(String s) {
    if (s.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    String lower = s.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    // Java's parseDouble also reads "1.5f", "2d", "Infinity" and surrounding blanks, which Go
    // rejects: let through only the characters of Go's grammar.
    int i = s.charAt(0) == '+' || s.charAt(0) == '-' ? 1 : 0;
    boolean hex = s.startsWith("0x", i) || s.startsWith("0X", i);
    int exponent = -1;
    for (int k = hex ? i + 2 : i; k < s.length(); k++) {
      char ch = s.charAt(k);
      boolean digit = ch >= '0' && ch <= '9';
      if (hex && exponent < 0) {
        if (ch == 'p' || ch == 'P') {
          exponent = k;
        } else if (!digit && ch != '.' && !(ch >= 'a' && ch <= 'f') && !(ch >= 'A' && ch <= 'F')) {
          throw new NumberFormatException(s);
        }
      } else if (!digit && ch != '.' && ch != 'e' && ch != 'E' && ch != '+' && ch != '-') {
        throw new NumberFormatException(s);
      } else if (hex && (ch == '.' || ch == 'e' || ch == 'E')) {
        throw new NumberFormatException(s);
      }
    }
    return Double.parseDouble(s);
  }

  /**
   * An integer timestamp in milliseconds, as Go's {@code strconv.ParseInt(s, 10, 64)} reads it.
   *
   * @throws NumberFormatException when it is not one, or is the one value kept for "none"
   */
  static long parseTimestamp(byte[] b, int from, int to) {
    if (to - from > 20) {
      throw new NumberFormatException("too long");
    }
    long value = Long.parseLong(new String(b, from, to - from, StandardCharsets.US_ASCII));
    if (value == Long.MIN_VALUE) {
      throw new NumberFormatException("out of range");
    }
    return value;
  }
}
