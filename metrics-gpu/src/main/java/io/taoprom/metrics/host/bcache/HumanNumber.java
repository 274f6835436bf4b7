package io.taoprom.metrics.host.bcache;

/**
 * Numbers as bcache's sysfs prints them with {@code bch_hprint()}: plain ({@code 4096}) or with a
 * binary suffix ({@code 20.4G}, {@code 512k}), where the digit after the point is tenths of the
 * suffix's 1024, so {@code 1.5k} is {@code 1 + 5/10.24} KiB. Read the way node_exporter's procfs
 * library reads them (the same truncation to an integer), so that the values are the same.
 *
 * <pre>{@code
 * HumanNumber.parse("20.4G")  // 21890677760
 * HumanNumber.parse("-1.0M")  // -1101004
 * }</pre>
 */
final class HumanNumber {

  private static final String SUFFIXES = "kMGTPEZY";

  private HumanNumber() {}

  /**
   * The value of {@code text}, signed, truncated toward zero like Go's {@code uint64(float)}.
   *
   * @throws NumberFormatException when {@code text} is not such a number
   */
  static double parse(String text) {
    boolean negative = text.startsWith("-");
    String s = negative ? text.substring(1) : text;
    if (s.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    char last = s.charAt(s.length() - 1);
    double value;
    if (last > '9') {
      int power = SUFFIXES.indexOf(last) + 1;
      if (power == 0) {
        throw new NumberFormatException("unknown unit suffix");
      }
      value = pseudoFloat(s.substring(0, s.length() - 1)) * Math.pow(1024, power);
    } else {
      value = decimal(s);
    }
    // Go's uint64(f) truncates; beyond 2^64 bcache cannot count.
    double truncated = Math.floor(value);
    if (truncated >= 0x1p64) {
      throw new NumberFormatException("beyond 64 bits");
    }
    return negative ? -truncated : truncated;
  }

  /** {@code 12.5} as 12 + 5 / 10.24: bch_hprint's tenths of 1024. */
  private static double pseudoFloat(String s) {
    int dot = s.indexOf('.');
    if (dot < 0) {
      return decimal(s);
    }
    return digits(s.substring(0, dot)) + digits(s.substring(dot + 1)) / 10.24;
  }

  private static double digits(String s) {
    if (s.indexOf('.') >= 0) {
      throw new NumberFormatException("two decimal points");
    }
    return decimal(s);
  }

  private static double decimal(String s) {
    if (s.isEmpty()) {
      throw new NumberFormatException("no digits");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < '0' || c > '9') && c != '.') {
        throw new NumberFormatException("not a number");
      }
    }
    return Double.parseDouble(s);
  }
}
