package io.taoprom.metrics.host.hwmon;

/**
 * The sensor values node_exporter's {@code strconv.ParseFloat} takes, in the decimal notation the
 * kernel prints: an optional sign, digits with an optional fraction, an optional exponent. No
 * blanks around it ({@code "95.0%"} and {@code " 42"} are not numbers there either) and no
 * {@code Infinity}, hex or type suffixes, which Java's parser would take.
 */
final class GoFloat {

  private GoFloat() {}

  /** The value of {@code text}, or NaN where it is not a decimal number (or is null). */
  static double parse(String text) {
    if (text == null || !decimal(text)) {
      return Double.NaN;
    }
    return Double.parseDouble(text);
  }

  private static boolean decimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      if (exponent == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
