package io.taoprom.metrics.textfile.format;

import io.taoprom.untrusted.Excerpt;
import java.nio.charset.StandardCharsets;

/**
 * The token at fault in a parse error, as the error quotes it: escaped, and no more than a few
 * characters of it. The input may be anything a symbolic link can point to (a shadow file, a
 * key), so an error shows the token that broke the grammar, never the line around it, and not
 * all of that token either.
 */
final class Tokens {

  /** Characters of a token an error shows; the rest is counted, not shown. */
  static final int SHOWN = 16;

  private Tokens() {}

  /** {@code "root:"}, or {@code "abcdefghijklmnop"…(+42 bytes)} for a longer one. */
  static String quote(byte[] b, int from, int to) {
    int end = Math.min(to, from + SHOWN * 4);
    String head = new String(b, from, end - from, StandardCharsets.UTF_8);
    int cut = head.length();
    int chars = 0;
    for (int i = 0; i < head.length(); i = head.offsetByCodePoints(i, 1)) {
      if (chars++ == SHOWN) {
        cut = i;
        break;
      }
    }
    String shown = head.substring(0, cut);
    int shownBytes = shown.getBytes(StandardCharsets.UTF_8).length;
    String quoted = Excerpt.quoted(shown, SHOWN * 8); // escapes never cut here: at most 16 characters
    return shownBytes < to - from ? quoted + "…(+" + (to - from - shownBytes) + " bytes)" : quoted;
  }

  /** A name the parser already read, quoted the same way. */
  static String quote(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return quote(b, 0, b.length);
  }

  /** One character of the input at {@code at}, quoted: what broke a name or a label set. */
  static String character(byte[] b, int at, int end) {
    int c = b[at] & 0xff;
    int width = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    return Excerpt.quoted(new String(b, at, Math.min(width, end - at), StandardCharsets.UTF_8), 12);
  }
}
