package io.taoprom.cli.log;

import java.util.Locale;
import java.util.logging.Level;
import picocli.CommandLine;

/**
 * The severities of {@code --log.level}, as node_exporter names them; a line is printed when its
 * level is at or above the chosen one.
 *
 * <pre>{@code
 * LogLevel.parse("warn").allows(LogLevel.INFO)   // false
 * }</pre>
 */
public enum LogLevel {
  DEBUG(Level.FINE),
  INFO(Level.INFO),
  WARN(Level.WARNING),
  ERROR(Level.SEVERE);

  private final Level jul;

  LogLevel(Level jul) {
    this.jul = jul;
  }

  /** The word printed in {@code level=} and accepted by {@code --log.level}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a line of level {@code line} is printed when this is the chosen level. */
  public boolean allows(LogLevel line) {
    return line.ordinal() >= ordinal();
  }

  /** The java.util.logging level that the library modules' records must reach to be printed. */
  Level julLevel() {
    return jul;
  }

  /** The level of a java.util.logging record: FINE and below are debug. */
  public static LogLevel of(Level level) {
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      return ERROR;
    } else if (v >= Level.WARNING.intValue()) {
      return WARN;
    } else if (v >= Level.INFO.intValue()) {
      return INFO;
    }
    return DEBUG;
  }

  /** {@code debug}, {@code info}, {@code warn} or {@code error}, in any case. */
  public static LogLevel parse(String word) {
    for (LogLevel l : values()) {
      if (l.word().equalsIgnoreCase(word.strip())) {
        return l;
      }
    }
    throw new CommandLine.TypeConversionException(
        "unknown log level '" + io.taoprom.untrusted.Excerpt.of(word, 40) + "'; use debug, info, warn or error");
  }

  /** Parses {@code --log.level}. */
  public static final class Converter implements CommandLine.ITypeConverter<LogLevel> {
    @Override
    public LogLevel convert(String value) {
      return parse(value);
    }
  }

  /** What shell completion offers for {@code --log.level}. */
  public static final class Candidates extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    public Candidates() {
      super(java.util.List.of("debug", "info", "warn", "error"));
    }
  }
}
