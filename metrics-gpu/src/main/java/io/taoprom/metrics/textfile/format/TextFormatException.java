package io.taoprom.metrics.textfile.format;

/**
 * Input that is not valid Prometheus text format; the message names the line, as in
 * {@code line 3: invalid escape sequence "\t" in label value}.
 */
public final class TextFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  /** An error in the given line (1-based). */
  public TextFormatException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  /** The 1-based line number where parsing stopped. */
  public int line() {
    return line;
  }
}
