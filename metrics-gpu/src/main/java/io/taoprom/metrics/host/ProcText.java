package io.taoprom.metrics.host;

import java.nio.CharBuffer;
import java.nio.file.Path;

/**
 * A cursor over the lines and whitespace-separated fields of a kernel text file ({@code /proc/stat},
 * {@code /proc/net/snmp}, {@code /proc/net/softnet_stat}, ...). Numbers are parsed in place,
 * without a {@code String} per field: a scrape reads thousands of them. A field that is not what
 * the kernel writes is a {@link MalformedFileException} naming the file and line and quoting the
 * line only escaped and cut short: below a fixture or container root the file may not be the
 * kernel's at all.
 *
 * <pre>{@code
 * ProcText text = new ProcText(proc.read("net/softnet_stat"), proc.path("net/softnet_stat"));
 * while (text.nextLine()) {
 *   long processed = text.hex();
 * }
 * // "/proc/net/softnet_stat line 3: expected a hexadecimal number in "0000zz 00000000""
 * }</pre>
 *
 * <p>Not thread-safe; make one per read.
 */
public final class ProcText {

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
  public ProcText(String text, Path file) {
    this.text = text;
    this.file = file;
  }

  /** What to make of the one line of a file ({@link #oneLine}). */
  @FunctionalInterface
  public interface LineParser<T> {
    /** The value of the line, read from {@code line}; throws when a field is not what the kernel writes. */
    T parse(ProcText line) throws MalformedFileException;
  }

  /**
   * The value of a file that holds one line of {@code fields} fields, as the files of
   * {@code /proc/sys} do ({@code fs/file-nr}, {@code kernel/random/entropy_avail}): a line of
   * another width is refused naming {@code shape}, one whose fields do not parse as "is malformed".
   *
   * <pre>{@code
   * double count = ProcText.oneLine(content, file, 1, "is not one number", ProcText::unsigned);
   * // "/proc/sys/kernel/hung_task_detect_count line 1 is not one number: "3 4""
   * }</pre>
   */
  public static <T> T oneLine(String content, Path file, int fields, String shape, LineParser<T> parser)
      throws MalformedFileException {
    ProcText text = new ProcText(content, file);
    if (!text.nextLine() || text.fieldsLeft() != fields) {
      throw MalformedFileException.quoting(file, 1, shape, text.line());
    }
    try {
      return parser.parse(text);
    } catch (MalformedFileException e) {
      throw MalformedFileException.atLine(text);
    }
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

  /** The file the text came from. */
  public Path file() {
    return file;
  }

  /** The current line's number, from 1. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The current line, whole: for a caller's own error message, which quotes it with {@link MalformedFileException}. */
  public String line() {
    return end < 0 ? "" : text.substring(lineStart, end);
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
  public String field() throws MalformedFileException {
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

  /**
   * The text up to {@code delimiter} on this line without surrounding blanks, moving past the
   * delimiter: {@code /proc/net/dev} prints {@code eth0:328005545} when the counter is wide.
   */
  public String upTo(char delimiter) throws MalformedFileException {
    skipBlanks();
    int at = text.indexOf(delimiter, pos);
    if (at < 0 || at >= end) {
      throw malformed("'" + delimiter + "'");
    }
    int stop = at;
    while (stop > pos && isBlank(text.charAt(stop - 1))) {
      stop--;
    }
    String before = text.substring(pos, stop);
    pos = at + 1;
    return before;
  }

  /** Skips the next field. */
  public void skipField() {
    skipBlanks();
    while (pos < end && !isBlank(text.charAt(pos))) {
      pos++;
    }
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

  /** Whether the next field starts with {@code prefix} (the cursor does not move). */
  public boolean fieldStartsWith(String prefix) {
    skipBlanks();
    return text.startsWith(prefix, pos) && pos + prefix.length() <= end;
  }

  /** Moves past the rest of the current line. */
  public void skipToEnd() {
    pos = end;
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

  /**
   * The next field, a decimal number of up to 64 bits unsigned, as its bits: what the kernel
   * prints with {@code %llu}. Read it back with {@link KernelNumbers#unsignedToDouble(long)}.
   */
  public long unsignedLong() throws MalformedFileException {
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

  /**
   * The next field, a decimal number of up to 64 bits unsigned, as the nearest double: what
   * node_exporter exposes for kernel counters.
   */
  public double unsigned() throws MalformedFileException {
    return KernelNumbers.unsignedToDouble(unsignedLong());
  }

  /**
   * The next field, a decimal number that may be negative ({@code -1} is the kernel's "no limit"
   * in {@code /proc/net/snmp}), as a double.
   */
  public double signed() throws MalformedFileException {
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

  /** The next field as a decimal fraction such as {@code 0.76}. */
  public double decimal() throws MalformedFileException {
    String field = field();
    try {
      return Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw malformed("a decimal number");
    }
  }

  /** The next field, a hexadecimal number of up to 64 bits after {@code 0x} ({@code %#x}), as its bits. */
  public long prefixedHex() throws MalformedFileException {
    skipBlanks();
    if (!text.startsWith("0x", pos) || pos + 2 > end) {
      throw malformed("a hexadecimal number after 0x");
    }
    pos += 2;
    return hex();
  }

  /** The next field, a hexadecimal number of up to 64 bits without {@code 0x}, as its bits. */
  public long hex() throws MalformedFileException {
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
  public MalformedFileException malformed(String expected) {
    return MalformedFileException.expectedIn(
        file, lineNumber, expected, end < 0 ? "" : CharBuffer.wrap(text, lineStart, end));
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
