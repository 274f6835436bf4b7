package io.taoprom.cli.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How the commands print to stderr: every line is a log line in the chosen
 * {@link LogFormat}, dropped when below the chosen {@link LogLevel}. What a command prints as
 * its result (a key, a target list) goes to stdout and stays plain.
 *
 * <pre>{@code
 * ConsoleLog log = ConsoleLog.of(spec);          // source=taoprom.serve
 * log.warn("push is open to every address", "cidr", "0.0.0.0/0");
 * // time=2026-12-07T02:10:00.123Z level=warn source=taoprom.serve msg="push is open to every address" cidr=0.0.0.0/0
 * }</pre>
 */
public final class ConsoleLog {

  private final PrintWriter err;
  private final String source;

  private ConsoleLog(PrintWriter err, String source) {
    this.err = err;
    this.source = source;
  }

  /** Lines from the command of {@code spec} to its stderr; the source is its name, {@code taoprom.key.inspect}. */
  public static ConsoleLog of(CommandSpec spec) {
    return to(spec.commandLine().getErr(), source(spec));
  }

  /** Lines from {@code source} to {@code err}. */
  public static ConsoleLog to(PrintWriter err, String source) {
    return new ConsoleLog(err, source);
  }

  /** {@code taoprom key inspect} as a logger-style name, {@code taoprom.key.inspect}. */
  public static String source(CommandSpec spec) {
    return spec.qualifiedName(".");
  }

  /** A detail that helps finding a fault. */
  public void debug(String msg, String... keyValues) {
    log(LogLevel.DEBUG, msg, keyValues);
  }

  /** What the program is doing: where it serves, what it wrote. */
  public void info(String msg, String... keyValues) {
    log(LogLevel.INFO, msg, keyValues);
  }

  /** Something worth fixing that did not stop the command. */
  public void warn(String msg, String... keyValues) {
    log(LogLevel.WARN, msg, keyValues);
  }

  /** Why the command failed. */
  public void error(String msg, String... keyValues) {
    log(LogLevel.ERROR, msg, keyValues);
  }

  /** Why the command failed, with the stack trace of {@code e} as {@code trace=} when asked for. */
  public void error(String msg, Throwable e, boolean stackTrace) {
    if (stackTrace) {
      log(LogLevel.ERROR, msg, "trace", stackTrace(e));
    } else {
      log(LogLevel.ERROR, msg);
    }
  }

  /** The line at {@code level}, when the chosen level lets it through. */
  public void log(LogLevel level, String msg, String... keyValues) {
    if (!LogSettings.level().allows(level)) {
      return;
    }
    err.println(LogLine.render(LogSettings.format(), LogSettings.clock().instant(), level, source, msg,
        List.of(keyValues)));
    err.flush();
  }

  /** {@code e}'s stack trace as text, for a {@code trace=} value (escaped onto one line there). */
  public static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString().stripTrailing();
  }
}
