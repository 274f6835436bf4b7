package io.taoprom.metrics.host;

import io.taoprom.untrusted.Excerpt;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A kernel file that is there but not in the format a collector knows: truncated, from an older
 * kernel, or not what the kernel writes at all. The message names the file and says what was
 * wrong in one line; text from the file appears only escaped and cut short, since a file below a
 * fixture or container root can hold anything.
 *
 * <pre>{@code
 * throw new MalformedFileException(proc.path("stat"), "has no btime line");
 * // "/proc/stat has no btime line"
 * throw MalformedFileException.quoting(proc.path("vmstat"), 3, "is not \"NAME VALUE\"", line);
 * // "/proc/vmstat line 3 is not "NAME VALUE": "pgfault 12 13""
 * }</pre>
 */
public final class MalformedFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /** How much of a line from the file a message quotes. */
  private static final int QUOTED_CHARS = 80;

  /** {@code file} followed by {@code problem}, which the caller writes (no outside text in it). */
  public MalformedFileException(Path file, String problem) {
    super(file + " " + problem);
  }

  /** {@code file line N problem: "text"}, the text from the file escaped and cut short. */
  public static MalformedFileException quoting(Path file, int line, String problem, CharSequence text) {
    return new MalformedFileException(
        file, "line " + line + " " + problem + ": " + Excerpt.quoted(text, QUOTED_CHARS));
  }

  /**
   * The current line of {@code text} could not be parsed ({@link ProcText} threw). Its exception
   * is not kept: its message quotes the whole line unescaped.
   */
  public static MalformedFileException atLine(Path file, int line, ProcText text) {
    return quoting(file, line, "is malformed", text.line());
  }
}
