package io.taoprom.cli.docs;

import io.taoprom.cli.TaoPromCli;
import io.taoprom.exporter.PluginCatalog;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes, at build time, what a package installs beside the program: the bash completion
 * script, a troff man page {@code taoprom.1} and picocli-codegen's AsciiDoc pages, from the same
 * command line the program parses (built-in collectors' switches included). The build runs it in
 * {@code prepare-package} (cli/pom.xml); picocli-codegen is there at build time only.
 *
 * <pre>
 * java -cp ... io.taoprom.cli.docs.CliDocs cli/target
 *   cli/target/taoprom_completion                 (bash: source it, or install as /usr/share/bash-completion/completions/taoprom)
 *   cli/target/generated-docs/taoprom.1           (man ./taoprom.1)
 *   cli/target/generated-docs/taoprom*.adoc       (one per command, for asciidoctor)
 * </pre>
 */
public final class CliDocs {

  private CliDocs() {}

  /** {@code CliDocs OUTPUT_DIRECTORY}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CliDocs OUTPUT_DIRECTORY");
    }
    Path out = Path.of(args[0]);
    Path docs = out.resolve("generated-docs");
    Files.createDirectories(docs);
    CommandLine cli = commandLine();
    Files.writeString(out.resolve("taoprom_completion"), AutoComplete.bash("taoprom", completable(commandLine())),
        StandardCharsets.UTF_8);
    Files.writeString(docs.resolve("taoprom.1"), ManPage.troff(cli), StandardCharsets.UTF_8);
    int code = ManPageGenerator.generateManPage(docs.toFile(), (File) null, new boolean[0], true, cli.getCommandSpec());
    if (code != 0) {
      throw new IOException("picocli-codegen's ManPageGenerator failed (exit " + code + ") writing to " + docs);
    }
  }

  /**
   * The command line with serve's collector switches, plugin options and chain options visible:
   * serve hides them only to list them in sections of their own in its help, and completion
   * leaves hidden options out; and with {@code --no-collector.NAME} spelled out.
   */
  static CommandLine completable(CommandLine cli) {
    CommandLine.Model.CommandSpec serve = cli.getSubcommands().get("serve").getCommandSpec();
    for (CommandLine.Model.OptionSpec option : List.copyOf(serve.options())) {
      if (option.hidden() || option.negatable()) {
        serve.remove(option);
        CommandLine.Model.OptionSpec.Builder visible = option.toBuilder().hidden(false);
        if (option.negatable()) {
          // Completion lists names, not the negated forms picocli derives: give both as names.
          List<String> names = new java.util.ArrayList<>(List.of(option.names()));
          for (String name : option.names()) {
            names.add(name.replaceFirst("^--", "--no-"));
          }
          visible.negatable(false).names(names.toArray(String[]::new));
        }
        serve.addOption(visible.build());
      }
    }
    return cli;
  }

  /** The whole command line, every subcommand built, with the plugins on this class path. */
  static CommandLine commandLine() {
    ClassLoader loader = CliDocs.class.getClassLoader();
    PrintWriter sink = new PrintWriter(new StringWriter());
    return TaoPromCli.commandLine(() -> PluginCatalog.discover(loader), sink, sink);
  }
}
