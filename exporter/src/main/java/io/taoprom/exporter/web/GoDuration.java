package io.taoprom.exporter.web;

import java.time.Duration;

/**
 * Durations as Go writes them ({@code 1s}, {@code 500ms}, {@code 1m30s}, {@code 2h}), the way
 * exporter-toolkit's {@code rate_limit.interval} is given; a bare {@code 0} is zero.
 */
final class GoDuration {

  private GoDuration() {}

  /** The duration, or null when {@code text} is not one (or is negative or above a day). */
  static Duration parse(String text) {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (text.isEmpty() || text.length() > 64) {
      return null;
    }
    long nanos = 0;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && (isAsciiDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      if (i == start) {
        return null;
      }
      double value;
      try {
        value = Double.parseDouble(text.substring(start, i));
      } catch (NumberFormatException e) {
        return null;
      }
      int unitStart = i;
      while (i < text.length() && !isAsciiDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      long unit = unitNanos(text.substring(unitStart, i));
      if (unit == 0) {
        return null;
      }
      nanos += (long) (value * unit);
      if (nanos > Duration.ofDays(1).toNanos()) {
        return null;
      }
    }
    return Duration.ofNanos(nanos);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static long unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> 0L;
    };
  }
}
