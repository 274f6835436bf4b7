package io.taoprom.cli;

import io.taoprom.exporter.PluginCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.Supplier;

/** One in-process run of the {@code taoprom} command line, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code taoprom ARGS} against the given catalog, as {@code main} would. */
  public static CliRun of(PluginCatalog catalog, String... args) {
    return of(() -> catalog, args);
  }

  /** Runs {@code taoprom ARGS} with the catalog from this supplier. */
  public static CliRun of(Supplier<PluginCatalog> catalog, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = TaoPromCli.commandLine(catalog, new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  private static final Pattern TIME = Pattern.compile("^time=\\S+ ");
  private static final Pattern MSG = Pattern.compile(" msg=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)");

  /** The stderr log lines (logfmt) without their {@code time=}, which varies. */
  public List<String> errLines() {
    return withoutTime(err);
  }

  /** The {@code msg} of every stderr log line (logfmt), unquoted. */
  public List<String> messages() {
    return messages(err);
  }

  /** Log lines without their {@code time=}. */
  public static List<String> withoutTime(String logfmt) {
    return logfmt.lines().map(l -> TIME.matcher(l).replaceFirst("")).toList();
  }

  /** The {@code msg} values of these logfmt lines, unquoted; a line without one is left out. */
  public static List<String> messages(String logfmt) {
    List<String> messages = new ArrayList<>();
    for (String line : logfmt.lines().toList()) {
      Matcher m = MSG.matcher(line);
      if (m.find()) {
        String v = m.group(1);
        messages.add(v.startsWith("\"") ? v.substring(1, v.length() - 1).replaceAll("\\\\(.)", "$1") : v);
      }
    }
    return messages;
  }
}
