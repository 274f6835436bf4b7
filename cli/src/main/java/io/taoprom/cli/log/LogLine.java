package io.taoprom.cli.log;

import io.taoprom.cli.ConsoleText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One log line in a {@link LogFormat}: {@code time}, {@code level}, {@code source},
 * {@code msg}, then the caller's key-value pairs, in that order. Every value is first made one
 * safe line ({@link ConsoleText#line}: outside text escaped through
 * {@link io.taoprom.untrusted.Excerpt} and cut short), then quoted as the format wants: logfmt
 * puts a value in double quotes when it is empty or holds a space, {@code =} or {@code "} and
 * escapes {@code \} and {@code "} inside; JSON escapes as RFC 8259 says.
 *
 * <pre>{@code
 * LogLine.render(LogFormat.LOGFMT, now, LogLevel.WARN, "taoprom.serve", "push exposed", List.of("cidr", "0.0.0.0/0"))
 * // time=2026-12-07T02:10:00.123Z level=warn source=taoprom.serve msg="push exposed" cidr=0.0.0.0/0
 * }</pre>
 */
public final class LogLine {

  private LogLine() {}

  /**
   * The line, without its line break.
   *
   * @param keyValues alternating keys and values; keys are the program's own words
   */
  public static String render(LogFormat format, Instant time, LogLevel level, String source, String msg,
      List<String> keyValues) {
    if (keyValues.size() % 2 != 0) {
      throw new IllegalArgumentException("key without a value: " + keyValues);
    }
    StringBuilder line = new StringBuilder(96 + msg.length());
    if (format == LogFormat.JSON) {
      line.append('{');
    }
    field(format, line, "time", time(time), true);
    field(format, line, "level", level.word(), false);
    field(format, line, "source", source, false);
    field(format, line, "msg", msg, false);
    for (int i = 0; i < keyValues.size(); i += 2) {
      field(format, line, keyValues.get(i), keyValues.get(i + 1), false);
    }
    if (format == LogFormat.JSON) {
      line.append('}');
    }
    return line.toString();
  }

  // node_exporter's (promslog's) time: RFC 3339 with milliseconds; UTC, so lines sort. Written
  // by hand: a DateTimeFormatter costs class loading on the way to serve's first line.
  static String time(Instant time) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(24);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    return pad(b, t.getNano() / 1_000_000, 3).append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int digits) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < digits; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  private static void field(LogFormat format, StringBuilder line, String key, String value, boolean first) {
    // A stack trace (--debug) is the one long value worth keeping whole.
    String safe = ConsoleText.line(value == null ? "" : value, key.equals("trace") ? 16 * ConsoleText.MAX_CHARS : ConsoleText.MAX_CHARS);
    if (format == LogFormat.JSON) {
      if (!first) {
        line.append(',');
      }
      json(line, key);
      line.append(':');
      json(line, safe);
    } else {
      if (!first) {
        line.append(' ');
      }
      line.append(key).append('=');
      logfmt(line, safe);
    }
  }

  static void logfmt(StringBuilder line, String value) {
    boolean quote = value.isEmpty();
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c <= ' ' || c == '=' || c == '"' || c == '\\' || c == 0x7f;
    }
    if (!quote) {
      line.append(value);
      return;
    }
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\t' -> line.append("\\t");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    line.append('"');
  }

  static void json(StringBuilder line, String value) {
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\t' -> line.append("\\t");
        case '\r' -> line.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }
}
