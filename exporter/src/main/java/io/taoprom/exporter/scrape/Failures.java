package io.taoprom.exporter.scrape;

/**
 * One-line descriptions of what went wrong in a plugin, for log lines, the landing page and
 * {@code taoprom collectors}: operators read these, so no stack traces and no line breaks.
 *
 * <pre>{@code
 * Failures.oneLine(new UnsatisfiedLinkError("libnvidia-ml.so.1: cannot open shared object file"))
 *   // "UnsatisfiedLinkError: libnvidia-ml.so.1: cannot open shared object file"
 * }</pre>
 */
public final class Failures {

  private static final int MAX_LENGTH = 300;

  private Failures() {}

  /** {@code SimpleClassName: message} on one line, shortened to a readable length. */
  public static String oneLine(Throwable t) {
    String message = t.getMessage();
    String text = t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    return firstLine(text);
  }

  /** The innermost cause. */
  public static Throwable root(Throwable t) {
    Throwable current = t;
    // Bounded: a cause chain with a cycle must not hang the exporter.
    for (int i = 0; i < 32 && current.getCause() != null && current.getCause() != current; i++) {
      current = current.getCause();
    }
    return current;
  }

  /** The text up to its first line break, at most a few hundred characters. */
  public static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = (newline >= 0 ? text.substring(0, newline) : text).replace('\r', ' ').strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }
}
