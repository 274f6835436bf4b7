package io.taoprom.core.wallet;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A strict reader and writer for the one JSON shape keyfiles use: a single object whose values
 * are strings (or null, numbers and booleans, kept as their text). Nested objects and arrays,
 * duplicate keys, trailing data and malformed escapes are errors that give the character
 * position; the messages never quote the content, which may be a secret phrase.
 */
final class FlatJson {

  private final String text;
  private int pos;

  private FlatJson(String text) {
    this.text = text;
  }

  /**
   * Parses {@code text}; null values are left out of the map.
   *
   * @throws KeyfileException naming the position of the first problem
   */
  static Map<String, String> parse(String text) {
    return new FlatJson(text).object();
  }

  private Map<String, String> object() {
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    skipWhitespace();
    expect('{', "a JSON object starting with '{'");
    skipWhitespace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        skipWhitespace();
        int keyAt = pos;
        String key = string();
        skipWhitespace();
        expect(':', "':' after a key");
        skipWhitespace();
        String value = value();
        if (!seen.add(key)) {
          throw error(keyAt, "a key that appears only once");
        }
        if (value != null) {
          out.put(key, value);
        }
        skipWhitespace();
        char c = peek();
        if (c == ',') {
          pos++;
        } else if (c == '}') {
          pos++;
          break;
        } else {
          throw error(pos, "',' or '}' after a value");
        }
      }
    }
    skipWhitespace();
    if (pos != text.length()) {
      throw error(pos, "the end of the file after the JSON object");
    }
    return out;
  }

  private String value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '{' || c == '[') {
      throw error(pos, "a string value (keyfiles hold only flat string fields, not nested objects or arrays)");
    }
    int start = pos;
    while (pos < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String literal = text.substring(start, pos);
    if (literal.equals("null")) {
      return null;
    }
    if (literal.equals("true") || literal.equals("false") || literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return literal;
    }
    throw error(start, "a string, number, true, false or null");
  }

  private String string() {
    expect('"', "a string in double quotes");
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error(pos, "a closing '\"' before the end of the file");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        throw error(pos - 1, "no control characters inside a string (escape them)");
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (pos >= text.length()) {
        throw error(pos, "an escape sequence after '\\'");
      }
      char e = text.charAt(pos++);
      switch (e) {
        case '"', '\\', '/' -> sb.append(e);
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error(pos, "four hex digits after \\u");
          }
          int cp = 0;
          for (int i = 0; i < 4; i++) {
            char digit = text.charAt(pos + i);
            if (!java.util.HexFormat.isHexDigit(digit)) { // ASCII only, as JSON says
              throw error(pos + i, "a hex digit in a \\u escape");
            }
            cp = cp * 16 + java.util.HexFormat.fromHexDigit(digit);
          }
          pos += 4;
          sb.append((char) cp);
        }
        default -> throw error(pos - 1, "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw error(pos, "more JSON, but the file ends here");
    }
    return text.charAt(pos);
  }

  private void expect(char c, String what) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw error(pos, what);
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private static KeyfileException error(int at, String expected) {
    return new KeyfileException("keyfile JSON: expected " + expected + " at character " + at);
  }

  /** A flat object with string values, in the map's order. */
  static String write(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      quote(sb, e.getKey());
      sb.append(": ");
      quote(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
