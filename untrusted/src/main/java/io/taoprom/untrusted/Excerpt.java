package io.taoprom.untrusted;

/**
 * Text from outside made safe for a log line, a terminal or an HTTP body: on one line, with
 * every character that a terminal or a log reader could act on escaped, and cut short.
 *
 * <pre>{@code
 * Excerpt.of("boom\u001b[2J\u0007", 40)          // "boom\\x1b[2J\\x07"
 * Excerpt.of("x".repeat(100_000), 20)           // "xxxxxxxxxxxxxxxxxxxx…(+99980 chars)"
 * Excerpt.quoted("a\"b", 20)                     // "\"a\\\"b\""
 * }</pre>
 *
 * <p>Escaped: C0 controls and DEL ({@code \n}, {@code \r}, {@code \t} by name, the rest as
 * {@code \xNN}), C1 controls, the backslash itself (so that an escape in the output always came
 * from us), Unicode format characters such as bidirectional overrides and zero-width joiners, line
 * and paragraph separators, and unpaired surrogates ({@code \}{@code uXXXX}). Everything else,
 * letters of any script included, passes through.
 */
public final class Excerpt {

  /** The length used where a caller has no reason to choose: enough for an error, not a dump. */
  public static final int DEFAULT_MAX_CHARS = 160;

  private Excerpt() {}

  /** {@code text} escaped, at most {@code maxChars} characters of output plus a "…(+N chars)" tail. */
  public static String of(CharSequence text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
    }
    if (text == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 16);
    int i = 0;
    int length = text.length();
    while (i < length) {
      int mark = out.length();
      int next = append(out, text, i);
      if (out.length() > maxChars) {
        out.setLength(mark); // never cut an escape sequence in half
        break;
      }
      i = next;
    }
    if (i < length) {
      out.append("…(+").append(length - i).append(" chars)");
    }
    return out.toString();
  }

  /** {@link #of(CharSequence, int)} with {@link #DEFAULT_MAX_CHARS}. */
  public static String of(CharSequence text) {
    return of(text, DEFAULT_MAX_CHARS);
  }

  /** {@link #of(CharSequence, int)} in double quotes, with the quote escaped too. */
  public static String quoted(CharSequence text, int maxChars) {
    if (text == null) {
      return "null";
    }
    String inner = of(text, maxChars);
    StringBuilder out = new StringBuilder(inner.length() + 2).append('"');
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '"') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /** Whether {@link #of} would change a character of {@code text} (length aside). */
  public static boolean needsEscaping(CharSequence text) {
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      if (escaped(text, i, cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Appends the character (or surrogate pair) at {@code i}, escaped; returns the next index. */
  private static int append(StringBuilder out, CharSequence text, int i) {
    char c = text.charAt(i);
    int cp = Character.codePointAt(text, i);
    int width = Character.charCount(cp);
    if (!escaped(text, i, cp)) {
      out.append(c);
      if (width == 2) {
        out.append(text.charAt(i + 1));
      }
      return i + width;
    }
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case '\\' -> out.append("\\\\");
      default -> {
        if (cp < 0x100) {
          out.append("\\x").append(hex(cp >> 4)).append(hex(cp & 0xf));
        } else if (cp <= 0xffff) {
          out.append("\\u");
          for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(hex((cp >> shift) & 0xf));
          }
        } else {
          out.append("\\u{").append(Integer.toHexString(cp)).append('}');
        }
      }
    }
    return i + width;
  }

  private static boolean escaped(CharSequence text, int i, int cp) {
    if (cp == '\\' || cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      return true;
    }
    if (Character.isSurrogate(text.charAt(i)) && Character.charCount(cp) == 1) {
      return true; // an unpaired surrogate: not text at all
    }
    int type = Character.getType(cp);
    return type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.UNASSIGNED && cp > 0xffff && cp >= 0xe0000
        || type == Character.PRIVATE_USE;
  }

  private static char hex(int nibble) {
    return "0123456789abcdef".charAt(nibble);
  }
}
