package io.taoprom.metrics.host;

import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A kernel file that is there but not in the format a collector knows: truncated, from an older
 * or newer kernel, or not what the kernel writes at all. The message names the file (and the line,
 * where there are lines) and says what was wrong in one line; text from the file appears only
 * escaped and cut short, since a file below a fixture or container root can hold anything.
 *
 * <pre>{@code
 * throw new MalformedFileException(proc.path("stat"), "has no btime line");
 * // "/proc/stat has no btime line"
 * throw MalformedFileException.quoting(proc.path("vmstat"), 3, "is not \"NAME VALUE\"", line);
 * // "/proc/vmstat line 3 is not "NAME VALUE": "pgfault 12 13""
 * throw MalformedFileException.expected(file, 2, "3 values", line);
 * // "/proc/net/rpc/nfsd line 2: expected 3 values, found "rc 0 1""
 * throw MalformedFileException.expected(sys.path("class/net/eth0/mtu"), "an integer", value);
 * // "/sys/class/net/eth0/mtu: expected an integer, found "15\x1b[2J00""
 * }</pre>
 */
public final class MalformedFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /** How much of a line from the file a message quotes. */
  private static final int QUOTED_LINE_CHARS = 80;

  /** How much of a one-value file (a sysfs attribute) a message quotes. */
  private static final int QUOTED_VALUE_CHARS = 40;

  /** {@code file} followed by {@code problem}, which the caller writes (no outside text in it). */
  public MalformedFileException(Path file, String problem) {
    super(file + " " + problem);
  }

  private MalformedFileException(String message) {
    super(message);
  }

  /** {@code FILE line N PROBLEM: "text"}, the text from the file escaped and cut short. */
  public static MalformedFileException quoting(Path file, int line, String problem, CharSequence text) {
    return new MalformedFileException(
        file, "line " + line + " " + problem + ": " + Excerpt.quoted(text, QUOTED_LINE_CHARS));
  }

  /**
   * {@code FILE line N is malformed: "text"}: the current line of {@code text} did not parse, for a
   * collector that says no more about it than that.
   */
  public static MalformedFileException atLine(ProcText text) {
    return quoting(text.file(), text.lineNumber(), "is malformed", text.line());
  }

  /** {@code FILE line N: expected WHAT, found "line"}: a line that is not of the shape the collector knows. */
  public static MalformedFileException expected(Path file, int line, String expected, CharSequence found) {
    return new MalformedFileException(file + " line " + line + ": expected " + expected + ", found "
        + Excerpt.quoted(found, QUOTED_LINE_CHARS));
  }

  /** {@code FILE: expected WHAT, found "value"}: a one-value file (a sysfs attribute) that is not what the kernel writes. */
  public static MalformedFileException expected(Path file, String expected, CharSequence found) {
    return new MalformedFileException(
        file + ": expected " + expected + ", found " + Excerpt.quoted(found, QUOTED_VALUE_CHARS));
  }

  /** {@code FILE line N: expected WHAT in "line"}: a field of the line is not what the kernel writes there ({@link ProcText}). */
  static MalformedFileException expectedIn(Path file, int line, String expected, CharSequence lineText) {
    return new MalformedFileException(file + " line " + line + ": expected " + expected + " in "
        + Excerpt.quoted(lineText, QUOTED_LINE_CHARS));
  }
}
