package io.taoprom.cli.log;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * The process's {@code --log.level} and {@code --log.format}: one setting for the whole program,
 * as stderr is one stream. The options set it while the command line is parsed (so a parse error
 * later on the same line is already printed in the chosen format); java.util.logging, which the
 * library modules log through, reads it for every record (io.taoprom.cli.ConsoleLogging).
 *
 * <pre>{@code
 * LogSettings.level(LogLevel.DEBUG);
 * LogSettings.format(LogFormat.JSON);
 * }</pre>
 */
public final class LogSettings {

  private static volatile LogLevel level = LogLevel.INFO;
  private static volatile LogFormat format = LogFormat.LOGFMT;
  private static volatile Clock clock = Clock.systemUTC();

  // Held: java.util.logging keeps loggers weakly, and a collected one forgets its level.
  private static Logger taoprom;

  private LogSettings() {}

  /** The chosen level. */
  public static LogLevel level() {
    return level;
  }

  /** The chosen format. */
  public static LogFormat format() {
    return format;
  }

  /** Sets the level; lets TaoProm's own modules produce debug records only when asked. */
  public static void level(LogLevel chosen) {
    level = chosen;
    // Debug records are not even made unless asked for; touching java.util.logging starts it,
    // so only do it when it has something to change.
    if (chosen == LogLevel.DEBUG || taoprom != null) {
      julLevel(chosen);
    }
  }

  /** Sets the format. */
  public static void format(LogFormat chosen) {
    format = chosen;
  }

  /** Where {@code time=} comes from; tests fix it. */
  static Clock clock() {
    return clock;
  }

  static void clock(Clock fixed) {
    clock = fixed;
  }

  /** Back to {@code info} and {@code logfmt}: each command line starts from the defaults. */
  public static void reset() {
    format = LogFormat.LOGFMT;
    level(LogLevel.INFO);
    clock = Clock.systemUTC();
  }

  static synchronized void julLevel(LogLevel chosen) {
    if (taoprom == null) {
      taoprom = Logger.getLogger("io.taoprom");
    }
    // Libraries (JNA, OSHI) are chatty at FINE: debug detail comes from TaoProm's modules only.
    taoprom.setLevel(chosen == LogLevel.DEBUG ? java.util.logging.Level.FINE : chosen.julLevel());
  }
}
