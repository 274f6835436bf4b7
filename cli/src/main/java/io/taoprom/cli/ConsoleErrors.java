package io.taoprom.cli;

import io.taoprom.cli.log.ConsoleLog;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns errors into what a user of a command-line tool expects: one log line naming the input
 * and what to do ({@link ConsoleLog}), an exit code, and no stack trace unless {@code --debug} or
 * {@code TAOPROM_DEBUG=1} asks for it.
 *
 * <pre>
 * $ taoprom serve --collector.nope
 * time=... level=error source=taoprom.serve msg="unknown collector 'nope' in '--collector.nope'; known collectors: cpu, diskstats, ...; run 'taoprom serve --help' for the options"
 * </pre>
 */
final class ConsoleErrors
    implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

  private static final String COLLECTOR_PREFIX = "--collector.";
  private static final String NEGATED_COLLECTOR_PREFIX = "--no-collector.";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cli = ex.getCommandLine();
    String command = cli.getCommandSpec().qualifiedName();
    boolean trace = Arrays.asList(args).contains("--debug") || TaoPromCli.debugRequested(cli);
    ConsoleLog.of(cli.getCommandSpec())
        .error(describe(ex) + "; run '" + command + " --help' for the options", ex, trace);
    return cli.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parseResult) {
    boolean trace = TaoPromCli.debugRequested(cli);
    // Messages may quote what came from outside (a node, a file): the log line escapes them.
    String message = ex instanceof CommandFailure ? ex.getMessage()
        // A bug rather than a user error: still one line, with the way to get the details.
        : "internal error: " + ex + " (run with --debug for the stack trace)";
    ConsoleLog.of(cli.getCommandSpec()).error(message, ex, trace);
    return TaoPromCli.EXIT_FAILURE;
  }

  /** The one-line message for a command-line error. */
  static String describe(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      return describeUnmatched(unmatched);
    }
    return oneLine(ex.getMessage());
  }

  private static String describeUnmatched(UnmatchedArgumentException ex) {
    String arg = ex.getUnmatched().get(0);
    String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    String collector = collectorName(flag);
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    if (collector != null) {
      TreeSet<String> known = knownCollectors(spec);
      return "unknown collector '" + collector + "' in '" + flag + "'; known collectors: "
          + (known.isEmpty() ? "none were found on the classpath" : String.join(", ", known))
          + " (see 'taoprom collectors')";
    }
    if (!flag.startsWith("-")) {
      return "unexpected argument '" + arg + "'";
    }
    List<String> suggestions = ex.getSuggestions();
    return "unknown option '" + flag + "'"
        + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?");
  }

  private static String collectorName(String flag) {
    if (flag.startsWith(NEGATED_COLLECTOR_PREFIX)) {
      return flag.substring(NEGATED_COLLECTOR_PREFIX.length());
    }
    if (flag.startsWith(COLLECTOR_PREFIX)) {
      return flag.substring(COLLECTOR_PREFIX.length());
    }
    return null;
  }

  // The collector switches are the negatable --collector.NAME options the command declares.
  private static TreeSet<String> knownCollectors(CommandSpec spec) {
    TreeSet<String> names = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      String longest = option.longestName();
      if (option.negatable() && longest.startsWith(COLLECTOR_PREFIX)) {
        names.add(longest.substring(COLLECTOR_PREFIX.length()));
      }
    }
    return names;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "invalid command line";
    }
    return ConsoleText.line(message.strip().replaceAll("\\s*\\R\\s*", "; "));
  }
}
