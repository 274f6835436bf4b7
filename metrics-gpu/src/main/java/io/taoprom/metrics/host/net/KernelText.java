package io.taoprom.metrics.host.net;

import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.file.Path;

/**
 * A cursor over the lines and whitespace-separated fields of a kernel text file
 * ({@code /proc/net/snmp}, {@code /proc/net/softnet_stat}, ...). Numbers are parsed in place,
 * without a {@code String} per field. Unlike {@link io.taoprom.metrics.host.ProcText}, a field that
 * is not what the kernel writes is a checked {@link IOException} whose message names the file and
 * line and quotes the line only escaped and cut short: the file may not be the kernel's at all.
 *
 * <pre>{@code
 * KernelText text = new KernelText(proc.read("net/softnet_stat"), proc.path("net/softnet_stat"));
 * while (text.nextLine()) {
 *   long processed = text.hex();
 * }
 * }</pre>
 *
 * <p>Not thread-safe; make one per read.
 */
public final class KernelText {

  /** How much of a bad line an error message quotes. */
  private static final int EXCERPT_CHARS = 80;

  private static final long MAX_DIV_10 = Long.divideUnsigned(-1L, 10);

  private final String text;
  private final Path file;
  private int lineNumber;
  private int lineStart;
  private int next;
  private int pos;
  private int end = -1;

  /**
   * A cursor before the first line of {@code text}.
   *
   * @param file where the text came from, for error messages
   */
  public KernelText(String text, Path file) {
    this.text = text;
    this.file = file;
  }

  /** Moves to the next line; false when there is none. */
  public boolean nextLine() {
    if (next >= text.length()) {
      pos = end = text.length();
      return false;
    }
    lineNumber++;
    pos = lineStart = next;
    int nl = text.indexOf('\n', pos);
    end = nl < 0 ? text.length() : nl;
    next = end + 1;
    return true;
  }

  /** The current line's number, from 1. */
  public int lineNumber() {
    return lineNumber;
  }

  /** Whether the current line holds nothing but blanks. */
  public boolean blankLine() {
    for (int i = lineStart; i < end; i++) {
      if (!isBlank(text.charAt(i))) {
        return false;
      }
    }
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
  public String field() throws IOException {
    skipBlanks();
    int start = pos;
    while (pos < end && !isBlank(text.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw malformed("another field");
    }
    return text.substring(start, pos);
  }

  /** Whether the next field is exactly {@code expected}; moves past it only when it is. */
  public boolean skipIf(String expected) {
    skipBlanks();
    int stop = pos + expected.length();
    if (stop <= end && text.startsWith(expected, pos) && (stop == end || isBlank(text.charAt(stop)))) {
      pos = stop;
      return true;
    }
    return false;
  }

  /** The current line, whole. */
  public String line() {
    return end < 0 ? "" : text.substring(lineStart, end);
  }

  /** Moves past the rest of the current line. */
  public void skipToEnd() {
    pos = end;
  }

  /** Skips the next field. */
  public void skipField() {
    skipBlanks();
    while (pos < end && !isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  /**
   * The next field, a decimal number of up to 64 bits unsigned, as its bits: what the kernel
   * prints with {@code %llu}. Read it back with {@link KernelNumbers#unsignedToDouble(long)}.
   */
  public long unsignedLong() throws IOException {
    skipBlanks();
    int start = pos;
    long value = 0;
    while (pos < end) {
      char c = text.charAt(pos);
      if (c < '0' || c > '9') {
        break;
      }
      int digit = c - '0';
      if (Long.compareUnsigned(value, MAX_DIV_10) > 0 || value == MAX_DIV_10 && digit > 5) {
        throw malformed("a number below 2^64");
      }
      value = value * 10 + digit;
      pos++;
    }
    if (start == pos || pos < end && !isBlank(text.charAt(pos))) {
      throw malformed("an unsigned decimal number");
    }
    return value;
  }

  /** The next field, a decimal number of up to 64 bits unsigned, as a double. */
  public double unsigned() throws IOException {
    return KernelNumbers.unsignedToDouble(unsignedLong());
  }

  /**
   * The next field, a decimal number that may be negative ({@code -1} is the kernel's "no limit"
   * in {@code /proc/net/snmp}), as a double.
   */
  public double signed() throws IOException {
    skipBlanks();
    if (pos < end && text.charAt(pos) == '-') {
      pos++;
      if (pos == end || isBlank(text.charAt(pos))) {
        throw malformed("a decimal number");
      }
      return -unsigned();
    }
    return unsigned();
  }

  /** The next field, a hexadecimal number of up to 64 bits after {@code 0x} ({@code %#x}), as its bits. */
  public long prefixedHex() throws IOException {
    skipBlanks();
    if (!text.startsWith("0x", pos) || pos + 2 > end) {
      throw malformed("a hexadecimal number after 0x");
    }
    pos += 2;
    return hex();
  }

  /** The next field, a hexadecimal number of up to 64 bits without {@code 0x}, as its bits. */
  public long hex() throws IOException {
    skipBlanks();
    int start = pos;
    long value = 0;
    while (pos < end) {
      int digit = KernelNumbers.hexDigit(text.charAt(pos));
      if (digit < 0) {
        break;
      }
      if (value >>> 60 != 0) {
        throw malformed("a hexadecimal number below 2^64");
      }
      value = value << 4 | digit;
      pos++;
    }
    if (start == pos || pos < end && !isBlank(text.charAt(pos))) {
      throw malformed("a hexadecimal number");
    }
    return value;
  }

  /**
   * An error about the current line: the file, the line number, what was expected, and the line
   * itself escaped and cut short.
   */
  public IOException malformed(String expected) {
    return new IOException(file + " line " + lineNumber + ": expected " + expected + " in "
        + Excerpt.quoted(end < 0 ? "" : CharBuffer.wrap(text, lineStart, end), EXCERPT_CHARS));
  }

  private void skipBlanks() {
    while (pos < end && isBlank(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
