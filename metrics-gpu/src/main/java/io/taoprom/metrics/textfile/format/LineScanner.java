package io.taoprom.metrics.textfile.format;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one line of text format and a position in it, with the readers of its tokens:
 * names, blanks, label values and help texts with their escapes. Strings come from the input's
 * {@link StringCache}; buffers that grow are charged to its account. {@link TextFormatParser}
 * reads the grammar on top.
 */
abstract class LineScanner {

  final byte[] b;
  final StringCache strings;
  private final HeapBudget.Account account;
  int lineNo;
  int pos;
  int end; // of the current line
  private byte[] unescaped = new byte[64];

  LineScanner(byte[] b, StringCache strings, HeapBudget.Account account) {
    this.b = b;
    this.strings = strings;
    this.account = account;
  }

  /** Moves to the next line, {@code b[start, lineEnd)}. */
  void startLine(int start, int lineEnd) {
    lineNo++;
    pos = start;
    end = lineEnd;
  }

  static int indexOf(byte[] b, byte value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** A label value after its opening quote, through the closing quote. */
  String labelValue() throws TextFormatException, InputLimitException {
    int start = pos;
    while (pos < end) {
      byte c = b[pos];
      if (c == '"') {
        pos++;
        return strings.get(b, start, pos - 1);
      }
      if (c == '\\') {
        return escapedValue(start);
      }
      pos++;
    }
    throw error("unterminated label value");
  }

  private String escapedValue(int start) throws TextFormatException, InputLimitException {
    int n = 0;
    pos = start;
    while (pos < end) {
      byte c = b[pos++];
      if (c == '"') {
        return strings.charged(new String(unescaped, 0, n, StandardCharsets.UTF_8));
      }
      if (c == '\\') {
        if (pos >= end) {
          break;
        }
        byte escaped = b[pos++];
        if (escaped == 'n') {
          c = '\n';
        } else if (escaped == '\\' || escaped == '"') {
          c = escaped;
        } else {
          throw error("invalid escape sequence " + Tokens.quote(b, pos - 2, Math.min(end, pos - 1 + utf8Width(escaped))) + " in label value");
        }
      }
      if (n == unescaped.length) {
        account.charge(n);
        unescaped = Arrays.copyOf(unescaped, n * 2);
      }
      unescaped[n++] = c;
    }
    throw error("unterminated label value");
  }

  /** The rest of a HELP line, with its escapes read. */
  String helpText() throws TextFormatException, InputLimitException {
    int start = pos;
    if (indexOf(b, (byte) '\\', start, end) < 0) {
      pos = end;
      return strings.get(b, start, end);
    }
    byte[] out = new byte[end - start];
    int n = 0;
    while (pos < end) {
      byte c = b[pos++];
      if (c == '\\') {
        if (pos >= end) {
          throw error("help text ends in a lone backslash");
        }
        byte escaped = b[pos++];
        if (escaped == '\\') {
          c = '\\';
        } else if (escaped == 'n') {
          c = '\n';
        } else {
          throw error("invalid escape sequence " + Tokens.quote(b, pos - 2, Math.min(end, pos - 1 + utf8Width(escaped))) + " in help text");
        }
      }
      out[n++] = c;
    }
    return strings.charged(new String(out, 0, n, StandardCharsets.UTF_8));
  }

  private static int utf8Width(byte first) {
    int c = first & 0xff;
    return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
  }

  boolean sameAscii(String s, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i - from) != b[i]) {
        return false;
      }
    }
    return true;
  }

  boolean matches(int from, int to, byte[] word) {
    if (to - from != word.length) {
      return false;
    }
    for (int i = 0; i < word.length; i++) {
      if (b[from + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean blank(byte c) {
    return c == ' ' || c == '\t';
  }

  void skipBlanks() {
    while (pos < end && blank(b[pos])) {
      pos++;
    }
  }

  void skipToken() {
    while (pos < end && !blank(b[pos])) {
      pos++;
    }
  }

  /** Reads {@code [a-zA-Z_:][a-zA-Z0-9_:]*}; returns where it ends. */
  int metricName() {
    int start = pos;
    while (pos < end) {
      byte c = b[pos];
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || pos > start && c >= '0' && c <= '9';
      if (!ok) {
        break;
      }
      pos++;
    }
    return pos;
  }

  /** Reads {@code [a-zA-Z_][a-zA-Z0-9_]*}; returns where it ends. */
  int labelName() {
    int start = pos;
    while (pos < end) {
      byte c = b[pos];
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || pos > start && c >= '0' && c <= '9';
      if (!ok) {
        break;
      }
      pos++;
    }
    return pos;
  }

  TextFormatException error(String message) {
    return new TextFormatException(lineNo, message);
  }
}
