package io.taoprom.cli.log;

import java.util.Locale;
import picocli.CommandLine;

/**
 * The line formats of {@code --log.format}: node_exporter's two.
 *
 * <pre>
 * logfmt: time=2026-12-07T02:10:00.123Z level=info source=taoprom.serve msg="serving http://127.0.0.1:7091/metrics"
 * json:   {"time":"2026-12-07T02:10:00.123Z","level":"info","source":"taoprom.serve","msg":"serving http://127.0.0.1:7091/metrics"}
 * </pre>
 */
public enum LogFormat {
  LOGFMT,
  JSON;

  /** The word accepted by {@code --log.format}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code logfmt} or {@code json}, in any case. */
  public static LogFormat parse(String word) {
    for (LogFormat f : values()) {
      if (f.word().equalsIgnoreCase(word.strip())) {
        return f;
      }
    }
    throw new CommandLine.TypeConversionException(
        "unknown log format '" + io.taoprom.untrusted.Excerpt.of(word, 40) + "'; use logfmt or json");
  }

  /** Parses {@code --log.format}. */
  public static final class Converter implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      return parse(value);
    }
  }

  /** What shell completion offers for {@code --log.format}. */
  public static final class Candidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    public Candidates() {
      super(java.util.List.of("logfmt", "json"));
    }
  }
}
