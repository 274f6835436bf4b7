package io.taoprom.cli.docs;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * A troff man page ({@code man 1 taoprom}) made of the usage help of {@code taoprom} and of every
 * subcommand, as the program prints it with {@code --help}: one page, so that {@code man taoprom}
 * shows everything, with nothing to keep in step by hand.
 *
 * <pre>{@code
 * Files.writeString(Path.of("taoprom.1"), ManPage.troff(commandLine));
 * }</pre>
 */
final class ManPage {

  private ManPage() {}

  static String troff(CommandLine root) {
    StringBuilder page = new StringBuilder(32_768);
    String[] version = root.getCommandSpec().version();
    String name = root.getCommandName();
    String description = String.join(" ", root.getCommandSpec().usageMessage().description());
    page.append(".TH ").append(name.toUpperCase(java.util.Locale.ROOT)).append(" 1 \"\" \"")
        .append(escape(version.length == 0 ? name : version[0])).append("\" \"TaoProm Manual\"\n")
        .append(".SH NAME\n").append(escape(name)).append(" \\- ").append(escape(description)).append('\n')
        .append(".SH SYNOPSIS\n");
    preformatted(page, root.getUsageMessage(Ansi.OFF));
    page.append(".SH COMMANDS\n");
    for (CommandLine command : commands(root)) {
      page.append(".SS ").append(escape(command.getCommandSpec().qualifiedName())).append('\n');
      preformatted(page, command.getUsageMessage(Ansi.OFF));
    }
    page.append(".SH EXIT STATUS\n")
        .append("0 success; 1 the command failed (port in use, node unreachable, ...); 2 the command line was wrong.\n")
        .append(".SH FILES\n")
        .append("Options can be kept in a file, one or more per line, and named on the command line as\n")
        .append(".BR @FILE ,\n")
        .append("as in\n.BR \"taoprom serve @/etc/taoprom/serve.args\" .\n")
        .append(".SH SEE ALSO\n")
        .append("docs/cli.md and docs/operations.md in the TaoProm sources.\n");
    return page.toString();
  }

  private static List<CommandLine> commands(CommandLine parent) {
    List<CommandLine> all = new ArrayList<>();
    for (CommandLine sub : parent.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && !all.contains(sub)) {
        all.add(sub);
        all.addAll(commands(sub));
      }
    }
    return all;
  }

  // The help text as it is, in a no-fill block: troff must not reflow the option table.
  private static void preformatted(StringBuilder page, String text) {
    page.append(".nf\n");
    for (String line : text.stripTrailing().split("\\R", -1)) {
      page.append(line.isEmpty() ? "" : "\\&" + escape(line)).append('\n');
    }
    page.append(".fi\n");
  }

  /** troff text: backslashes as {@code \e}, hyphens as minus signs (options are typed with them). */
  static String escape(String text) {
    return text.replace("\\", "\\e").replace("-", "\\-");
  }
}
