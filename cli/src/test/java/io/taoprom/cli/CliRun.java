package io.taoprom.cli;

import io.taoprom.exporter.PluginCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
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
}
