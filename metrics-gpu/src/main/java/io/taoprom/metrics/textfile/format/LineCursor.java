package io.taoprom.metrics.textfile.format;

/** A position within one line of text format, and the readers of its tokens. */
final class LineCursor {

  final String s;
  final int lineNo;
  int pos;

  LineCursor(String s, int lineNo) {
    this.s = s;
    this.lineNo = lineNo;
  }

  boolean atEnd() {
    return pos >= s.length();
  }

  char peek() {
    return s.charAt(pos);
  }

  boolean blank() {
    char ch = s.charAt(pos);
    return ch == ' ' || ch == '\t';
  }

  void skipBlanks() {
    while (!atEnd() && blank()) {
      pos++;
    }
  }

  String rest() {
    return s.substring(Math.min(pos, s.length()));
  }

  /** Characters up to the next blank. */
  String token() {
    int start = pos;
    while (!atEnd() && !blank()) {
      pos++;
    }
    return s.substring(start, pos);
  }

  String metricName() {
    int start = pos;
    while (!atEnd()) {
      char ch = s.charAt(pos);
      boolean ok = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_' || ch == ':'
          || pos > start && ch >= '0' && ch <= '9';
      if (!ok) {
        break;
      }
      pos++;
    }
    return s.substring(start, pos);
  }

  String labelName() {
    int start = pos;
    while (!atEnd()) {
      char ch = s.charAt(pos);
      boolean ok = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_'
          || pos > start && ch >= '0' && ch <= '9';
      if (!ok) {
        break;
      }
      pos++;
    }
    return s.substring(start, pos);
  }

  /** A label value after its opening quote, through the closing quote. */
  String labelValue() throws TextFormatException {
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char ch = s.charAt(pos++);
      if (ch == '"') {
        return out.toString();
      }
      if (ch != '\\') {
        out.append(ch);
        continue;
      }
      if (atEnd()) {
        break;
      }
      char escaped = s.charAt(pos++);
      switch (escaped) {
        case '\\':
          out.append('\\');
          break;
        case '"':
          out.append('"');
          break;
        case 'n':
          out.append('\n');
          break;
        default:
          throw error("invalid escape sequence \"\\" + escaped + "\" in label value");
      }
    }
    throw error("unterminated label value");
  }

  /** The rest of a HELP line, with its escapes read. */
  String helpText() throws TextFormatException {
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char ch = s.charAt(pos++);
      if (ch != '\\') {
        out.append(ch);
        continue;
      }
      if (atEnd()) {
        throw error("help text ends in a lone backslash");
      }
      char escaped = s.charAt(pos++);
      if (escaped == '\\') {
        out.append('\\');
      } else if (escaped == 'n') {
        out.append('\n');
      } else {
        throw error("invalid escape sequence \"\\" + escaped + "\" in help text");
      }
    }
    return out.toString();
  }

  /** Whether the character before the cursor is a blank. */
  boolean blankBefore() {
    char ch = s.charAt(pos - 1);
    return ch == ' ' || ch == '\t';
  }

  TextFormatException error(String message) {
    return new TextFormatException(lineNo, message);
  }
}
