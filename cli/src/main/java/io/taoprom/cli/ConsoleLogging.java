package io.taoprom.cli;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * How the library modules' log records ({@link System.Logger}, backed by java.util.logging)
 * look on the console of {@code taoprom}: one line each, {@code taoprom: warning: MESSAGE},
 * stack traces only with {@code --debug} or {@code TAOPROM_DEBUG=1}.
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

  // Held here: java.util.logging keeps loggers weakly, and a collected one forgets its level.
  // Not initialised with the class: install() must not start java.util.logging before it has
  // named this class as its configuration.
  private static Logger taoprom;

  /** Called by java.util.logging when it first initialises; configures the root logger. */
  public ConsoleLogging() {
    Logger root = Logger.getLogger("");
    for (var handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    boolean debug = Boolean.getBoolean(DEBUG_PROPERTY);
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new OneLine(debug));
    console.setLevel(debug ? Level.FINE : Level.INFO);
    root.setLevel(Level.INFO);
    root.addHandler(console);
    // Debug detail from TaoProm's own modules only: libraries (JNA, OSHI) are chatty at FINE.
    taoprom = Logger.getLogger("io.taoprom");
    taoprom.setLevel(debug ? Level.FINE : Level.INFO);
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

  /** {@code taoprom: LEVEL: message}, plus the stack trace in debug mode. */
  static final class OneLine extends Formatter {
    private final boolean stackTraces;

    OneLine(boolean stackTraces) {
      this.stackTraces = stackTraces;
    }

    @Override
    public String format(LogRecord record) {
      StringBuilder line = new StringBuilder("taoprom: ").append(levelWord(record.getLevel())).append(": ")
          .append(formatMessage(record).strip().replaceAll("\\s*\\R\\s*", " "));
      if (record.getThrown() != null) {
        if (stackTraces) {
          var trace = new java.io.StringWriter();
          record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
          line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        } else if (!line.toString().contains(String.valueOf(record.getThrown().getMessage()))) {
          line.append(" (").append(record.getThrown()).append(")");
        }
      }
      return line.append(System.lineSeparator()).toString();
    }

    private static String levelWord(Level level) {
      if (level.intValue() >= Level.SEVERE.intValue()) {
        return "error";
      } else if (level.intValue() >= Level.WARNING.intValue()) {
        return "warning";
      } else if (level.intValue() >= Level.INFO.intValue()) {
        return "info";
      }
      return "debug";
    }
  }
}
