package io.taoprom.cli;

import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.cli.log.LogLevel;
import io.taoprom.cli.log.LogLine;
import io.taoprom.cli.log.LogSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How the library modules' log records ({@link System.Logger}, backed by java.util.logging)
 * look on the console of {@code taoprom}: one line each in the {@code --log.format} of the
 * command line, dropped below its {@code --log.level}; the logger's name is the
 * {@code source}. A record's exception shows as {@code err=}, its stack trace as {@code trace=}
 * only with {@code --debug} or {@code TAOPROM_DEBUG=1}.
 *
 * <pre>
 * time=2026-12-07T02:10:00.123Z level=warn source=io.taoprom.exporter.scrape msg="collector \"cpu\" left out of the scrape: timed out"
 * </pre>
 *
 * <p>Installed lazily through the {@code java.util.logging.config.class} system property, so
 * that a run that logs nothing does not pay for initialising logging; a user's own
 * {@code java.util.logging.config.file} or {@code .class} takes precedence.
 *
 * <pre>{@code
 * ConsoleLogging.install(false);   // first thing in main
 * }</pre>
 */
public final class ConsoleLogging {

  static final String DEBUG_PROPERTY = "taoprom.debug";

  /** Called by java.util.logging when it first initialises; configures the root logger. */
  public ConsoleLogging() {
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new OneLine(Boolean.getBoolean(DEBUG_PROPERTY)));
    console.setLevel(Level.ALL);
    // The level is read at every record: --log.level is parsed after logging may have started.
    console.setFilter(r -> LogSettings.level().allows(LogLevel.of(r.getLevel())));
    root.setLevel(Level.INFO);
    root.addHandler(console);
    LogSettings.level(LogSettings.level()); // holds the io.taoprom logger at the chosen level
  }

  /** Makes java.util.logging use this configuration when it starts, unless the user configured it. */
  public static void install(boolean debug) {
    if (debug) {
      System.setProperty(DEBUG_PROPERTY, "true");
    }
    if (System.getProperty("java.util.logging.config.file") == null
        && System.getProperty("java.util.logging.config.class") == null) {
      System.setProperty("java.util.logging.config.class", ConsoleLogging.class.getName());
    }
  }

  /** One {@link LogLine} per record, in the format chosen when it is printed. */
  static final class OneLine extends Formatter {
    private final boolean stackTraces;

    OneLine(boolean stackTraces) {
      this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord record) {
      List<String> keyValues = new ArrayList<>(2);
      Throwable thrown = record.getThrown();
      String msg = formatMessage(record);
      if (thrown != null) {
        if (stackTraces) {
          keyValues.add("trace");
          keyValues.add(ConsoleLog.stackTrace(thrown));
        } else if (!msg.contains(String.valueOf(thrown.getMessage()))) {
          keyValues.add("err");
          keyValues.add(thrown.toString());
        }
      }
      String source = record.getLoggerName() == null ? "taoprom" : record.getLoggerName();
      return LogLine.render(LogSettings.format(), record.getInstant() == null ? Instant.now() : record.getInstant(),
          LogLevel.of(record.getLevel()), source, msg, keyValues) + System.lineSeparator();
    }
  }
}
