package io.taoprom.metrics.host;

/**
 * A cursor over the lines and whitespace-separated fields of a {@code /proc} file. Numbers are
 * parsed in place, without a {@code String} per field: a scrape reads a few hundred of them.
 *
 * <pre>{@code
 * ProcText text = new ProcText(proc.read("loadavg"));
 * text.nextLine();
 * double load1 = text.decimal();
 * }</pre>
 *
 * <p>Not thread-safe; make one per read.
 */
public final class ProcText {

  private static final long MAX_DIV_10 = 1844674407370955161L;

  private final String text;
  private int lineStart;
  private int next;
  private int pos;
  private int end = -1;

  /** A cursor before the first line of {@code text}. */
  public ProcText(String text) {
    this.text = text;
  }

  /** Moves to the next line; false when there is none. */
  public boolean nextLine() {
    if (next >= text.length()) {
      pos = end = text.length();
      return false;
    }
    pos = lineStart = next;
    int nl = text.indexOf('\n', pos);
    end = nl < 0 ? text.length() : nl;
    next = end + 1;
    return true;
  }

  /** Whether the current line has another field. */
  public boolean hasField() {
    skipBlanks();
    return pos < end;
  }

  /** The number of fields left on the current line. */
  public int fieldsLeft() {
    int count = 0;
    boolean inField = false;
    for (int i = pos; i < end; i++) {
      boolean blank = isBlank(text.charAt(i));
      if (!blank && !inField) {
        count++;
      }
      inField = !blank;
    }
    return count;
  }

  /** The next field as a string. */
  public String field() {
    skipBlanks();
    int start = pos;
    while (pos < end && !isBlank(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw malformed("a field");
    }
    return text.substring(start, pos);
  }

  /** Skips the next field. */
  public void skipField() {
    skipBlanks();
    while (pos < end && !isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  /** Whether the next field starts with {@code prefix} (the cursor does not move). */
  public boolean fieldStartsWith(String prefix) {
    skipBlanks();
    return text.startsWith(prefix, pos) && pos + prefix.length() <= end;
  }

  /**
   * The next field, an unsigned decimal integer of up to 64 bits, as a double: what node_exporter
   * exposes for kernel counters.
   */
  public double unsigned() {
    skipBlanks();
    int start = pos;
    long value = 0;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      int digit = c - '0';
      // 2^64 - 1 = 18446744073709551615: past this the kernel's u64 cannot have come from here.
      if (Long.compareUnsigned(value, MAX_DIV_10) > 0 || value == MAX_DIV_10 && digit > 5) {
        throw malformed("a 64-bit unsigned number");
      }
      value = value * 10 + digit;
      pos++;
    }
    if (start == pos || pos < end && !isBlank(text.charAt(pos))) {
      throw malformed("an unsigned number");
    }
    return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
  }

  /** The next field as a decimal number such as {@code 0.76}. */
  public double decimal() {
    String field = field();
    try {
      return Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw malformed("a decimal number");
    }
  }

  /** The rest of the current line without surrounding blanks. */
  public String rest() {
    skipBlanks();
    int stop = end;
    while (stop > pos && isBlank(text.charAt(stop - 1))) {
      stop--;
    }
    String rest = text.substring(pos, stop);
    pos = end;
    return rest;
  }

  /** The current line, whole; for error messages. */
  public String line() {
    return end < 0 ? "" : text.substring(lineStart, end);
  }

  private void skipBlanks() {
    while (pos < end && isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private IllegalArgumentException malformed(String expected) {
    return new IllegalArgumentException("expected " + expected + " in line \"" + line() + "\"");
  }
}
