package io.taoprom.cli;

import io.taoprom.untrusted.Excerpt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message made fit for one line of a terminal, a log or an HTTP body, whatever it quotes: the
 * chain module already escapes what nodes send, and this is the last guard for anything that
 * reaches the console another way. Text with a control or format character is escaped whole
 * ({@link Excerpt}); other text keeps its backslashes (so escapes made upstream are not doubled)
 * and is only cut short. Line breaks become {@code "; "}.
 *
 * <pre>{@code
 * ConsoleText.line("boom\u001b[2J", 200)          // "boom\\x1b[2J"
 * ConsoleText.line("x".repeat(10_000), 200)      // 200 x, then "…(+9800 chars)"
 * }</pre>
 */
public final class ConsoleText {

  /** Enough for a message that names an input, what was wrong and what to do. */
  public static final int MAX_CHARS = 2000;

  private ConsoleText() {}

  /** {@code text} on one line, safe to show, at most {@code maxChars} characters plus a tail. */
  public static String line(String text, int maxChars) {
    if (text == null) {
      return "";
    }
    // Only the start can be shown: do not scan (or copy) megabytes to show a line of it.
    int scan = 4 * maxChars + 1000;
    int dropped = Math.max(0, text.length() - scan);
    String head = (dropped > 0 ? text.substring(0, scan) : text).strip().replaceAll("\\s*\\R\\s*", "; ");
    String shown;
    if (Excerpt.needsEscaping(head.replace("\\", ""))) {
      shown = Excerpt.of(head, maxChars);
    } else if (head.length() <= maxChars) {
      shown = head;
    } else {
      int cut = Character.isHighSurrogate(head.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
      shown = head.substring(0, cut) + "…(+" + (head.length() - cut) + " chars)";
    }
    if (dropped == 0) {
      return shown;
    }
    Matcher tail = TAIL.matcher(shown);
    return tail.find() ? shown.substring(0, tail.start()) + "…(+" + (Long.parseLong(tail.group(1)) + dropped) + " chars)"
        : shown + "…(+" + dropped + " chars)";
  }

  private static final Pattern TAIL = Pattern.compile("…\\(\\+(\\d+) chars\\)$");

  /** {@link #line(String, int)} with {@link #MAX_CHARS}. */
  public static String line(String text) {
    return line(text, MAX_CHARS);
  }

  /** The message of {@code e} (its class name when it has none), as a {@link #line}. */
  public static String of(Throwable e, int maxChars) {
    String m = e.getMessage();
    return line(m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip(), maxChars);
  }
}
