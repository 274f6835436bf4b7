package io.taoprom.metrics.host.os;

import java.util.HashMap;
import java.util.Map;

/**
 * Parses os-release's shell-like {@code KEY=value} lines the way node_exporter does (it uses
 * HashiCorp's go-envparse), so that the labels come out the same:
 *
 * <ul>
 *   <li>blank lines and lines starting with {@code #} are skipped; blanks around key and value
 *       and an {@code export } before the key are dropped;
 *   <li>a key starts with a letter or {@code _} and goes on with letters, digits, {@code _},
 *       {@code .} and {@code /};
 *   <li>in the value, {@code "..."} may hold the escapes {@code \" \\ \/ \b \f \r \n \t \}{@code uXXXX}
 *       (surrogate pairs joined), {@code '...'} is literal, and outside quotes an unquoted
 *       {@code #} starts a comment (blanks before it dropped); quotes may alternate within one value;
 *   <li>a control character anywhere in a value, an unmatched quote or an unknown escape is an
 *       error; a key with an empty value is no variable (an earlier value of it stays), a later
 *       non-empty one replaces an earlier one.
 * </ul>
 *
 * <pre>{@code
 * EnvFile.parse("NAME=\"Ubuntu\"\nVERSION_ID='22.04' # LTS\n").get("VERSION_ID"); // "22.04"
 * }</pre>
 */
final class EnvFile {

  /** A line that is not {@code KEY=value}; the message is ours, without text from the file. */
  static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    SyntaxException(int line, String problem) {
      super("line " + line + " " + problem);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  private EnvFile() {}

  /** The variables of {@code text}. */
  static Map<String, String> parse(String text) throws SyntaxException {
    Map<String, String> variables = new HashMap<>();
    int lineNumber = 0;
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      lineNumber++;
      String line = text.substring(start, end);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      parseLine(line.strip(), lineNumber, variables);
      start = end + 1;
    }
    return variables;
  }

  private static void parseLine(String line, int number, Map<String, String> variables) throws SyntaxException {
    if (line.isEmpty() || line.charAt(0) == '#') {
      return;
    }
    int equals = line.indexOf('=');
    if (equals < 0) {
      throw new SyntaxException(number, "has no '='");
    }
    String key = line.substring(0, equals).strip();
    if (key.length() > "export ".length() && key.startsWith("export ")) {
      key = key.substring("export ".length());
    }
    checkKey(key, number);
    String value = value(line.substring(equals + 1).strip(), number);
    if (!value.isEmpty()) {
      variables.put(key, value);
    }
  }

  private static void checkKey(String key, int number) throws SyntaxException {
    if (key.isEmpty()) {
      throw new SyntaxException(number, "has an empty key");
    }
    char first = key.charAt(0);
    if (!(first >= 'A' && first <= 'Z' || first >= 'a' && first <= 'z' || first == '_')) {
      throw new SyntaxException(number, "has a key that does not start with a letter or '_'");
    }
    for (int i = 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '/')) {
        throw new SyntaxException(number, "has a key with a character other than [A-Za-z0-9_./]");
      }
    }
  }

  private enum Mode { PLAIN, DOUBLE, SINGLE }

  /** The value after unquoting; {@code raw} has no surrounding blanks. */
  private static String value(String raw, int number) throws SyntaxException {
    StringBuilder out = new StringBuilder(raw.length());
    int significant = 0; // length of out up to its last character that is not an unquoted blank
    Mode mode = Mode.PLAIN;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 32) {
        throw new SyntaxException(number, "has a control character in its value");
      }
      switch (mode) {
        case PLAIN -> {
          if (c == '"') {
            mode = Mode.DOUBLE;
          } else if (c == '\'') {
            mode = Mode.SINGLE;
          } else if (c == '#') {
            return out.substring(0, significant); // a comment: the rest of the line is not the value
          } else {
            out.append(c);
            if (c != ' ') {
              significant = out.length();
            }
          }
        }
        case DOUBLE -> {
          if (c == '"') {
            mode = Mode.PLAIN;
          } else if (c == '\\') {
            i = escape(raw, i + 1, out, number);
            significant = out.length();
          } else {
            out.append(c);
            significant = out.length();
          }
        }
        case SINGLE -> {
          if (c == '\'') {
            mode = Mode.PLAIN;
          } else {
            out.append(c);
            significant = out.length();
          }
        }
        default -> throw new IllegalStateException(mode.name());
      }
    }
    if (mode == Mode.DOUBLE) {
      throw new SyntaxException(number, "has an unmatched '\"'");
    }
    if (mode == Mode.SINGLE) {
      throw new SyntaxException(number, "has an unmatched \"'\"");
    }
    return out.toString();
  }

  /** Appends the escape whose letter is at {@code at}; returns the index of its last character. */
  private static int escape(String raw, int at, StringBuilder out, int number) throws SyntaxException {
    if (at >= raw.length()) {
      throw new SyntaxException(number, "ends inside an escape sequence");
    }
    char c = raw.charAt(at);
    switch (c) {
      case '"', '\\', '/' -> out.append(c);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'r' -> out.append('\r');
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'u' -> {
        char unit = hex4(raw, at + 1, number);
        int last = at + 4;
        if (Character.isSurrogate(unit)) {
          if (last + 6 >= raw.length() || raw.charAt(last + 1) != '\\' || raw.charAt(last + 2) != 'u') {
            throw new SyntaxException(number, "has an incomplete surrogate pair");
          }
          char second = hex4(raw, last + 3, number);
          last += 6;
          if (Character.isHighSurrogate(unit) && Character.isLowSurrogate(second)) {
            out.append(unit).append(second);
          } else {
            out.append('\uFFFD'); // what Go's utf16.DecodeRune gives for a pair that is none
          }
        } else {
          out.append(unit);
        }
        return last;
      }
      default -> throw new SyntaxException(number, c > 127
          ? "has a non-ASCII character in an escape sequence"
          : "has an unknown escape sequence");
    }
    return at;
  }

  private static char hex4(String raw, int from, int number) throws SyntaxException {
    if (from + 4 > raw.length()) {
      throw new SyntaxException(number, "has an incomplete \\u escape");
    }
    int value = 0;
    for (int i = from; i < from + 4; i++) {
      char c = raw.charAt(i);
      int digit = c >= '0' && c <= '9' ? c - '0'
          : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10
          : -1; // ASCII only: Character.digit would take other scripts' digits
      if (digit < 0) {
        throw new SyntaxException(number, "has a \\u escape with a character that is not hexadecimal");
      }
      value = value * 16 + digit;
    }
    return (char) value;
  }
}
