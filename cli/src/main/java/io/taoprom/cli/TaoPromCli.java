package io.taoprom.cli;

import io.taoprom.cli.collectors.CollectorsCommand;
import io.taoprom.cli.log.LogFormat;
import io.taoprom.cli.log.LogLevel;
import io.taoprom.cli.log.LogSettings;
import io.taoprom.cli.serve.ServeCommand;
import io.taoprom.exporter.PluginCatalog;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code taoprom} command: serves {@code /metrics} and lists the collector plugins found
 * on the classpath; later subcommands register the endpoint on chain and list a subnet's
 * targets.
 *
 * <pre>{@code
 * $ taoprom serve --web.listen-address :7091 --no-collector.filesystem
 * $ taoprom collectors --json
 * }</pre>
 *
 * <p>Embedding or testing: {@link #commandLine} builds the configured picocli command, so
 * {@code TaoPromCli.commandLine(catalog, out, err).execute("collectors")} runs one command
 * in-process and returns its exit code.
 *
 * <p>Exit codes: {@code 0} success, {@code 1} the command failed (port in use, unresolvable
 * address, …), {@code 2} the command line was wrong (unknown option or collector, bad value).
 */
@Command(
    name = "taoprom",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Prometheus metrics for GPU-compute nodes of a Bittensor subnet.",
    footer = {"", "Run 'taoprom COMMAND --help' for the options of a command."})
public final class TaoPromCli implements Runnable {

  /**
   * The subcommands, in the order {@code --help} lists them. New ones go here. Each gets the
   * shared plugin catalog through its constructor if it has one taking a
   * {@code Supplier<PluginCatalog>} (see CommandFactory), else its no-argument constructor.
   * Only the one named on the command line is built (see {@link #commandLine(Supplier,
   * PrintWriter, PrintWriter, String...)}), so keep constructors cheap all the same.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(ServeCommand.class, CollectorsCommand.class, io.taoprom.cli.key.KeyCommand.class,
          io.taoprom.cli.targets.TargetsCommand.class, io.taoprom.cli.register.RegisterCommand.class, io.taoprom.cli.status.StatusCommand.class,
          io.taoprom.cli.check.CheckCommand.class);

  /** A command line that was wrong: unknown option, bad value. */
  public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

  /** The command could not do its job: port in use, address not local, … */
  public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Show stack traces for errors (also TAOPROM_DEBUG=1).")
  boolean debug;

  // Setters, not fields: the setting takes effect as soon as it is parsed, so an error later on
  // the same command line is already printed as asked. No default value: an inherited copy in a
  // subcommand would put the default back over "taoprom --log.level debug serve".
  @Option(
      names = "--log.level",
      paramLabel = "LEVEL",
      scope = ScopeType.INHERIT,
      converter = LogLevel.Converter.class,
      completionCandidates = LogLevel.Candidates.class,
      description = "Print only log lines of this level or above: debug, info, warn, error (default: info).")
  void logLevel(LogLevel level) {
    if (level != null) {
      LogSettings.level(level);
    }
  }

  @Option(
      names = "--log.format",
      paramLabel = "FORMAT",
      scope = ScopeType.INHERIT,
      converter = LogFormat.Converter.class,
      completionCandidates = LogFormat.Candidates.class,
      description = "Format of the log lines on stderr: logfmt or json (default: logfmt).")
  void logFormat(LogFormat format) {
    if (format != null) {
      LogSettings.format(format);
    }
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // "taoprom" alone: show what there is rather than doing something surprising. The usage is
    // what was asked for, not a log line: stdout, as with --help.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs {@code taoprom} with the given arguments and exits with its exit code. */
  public static void main(String[] args) {
    ConsoleLogging.install(debugInEnvironment() || java.util.Arrays.asList(args).contains("--debug"));
    // OSHI logs through SLF4J, which has no backend here and would say so in three lines on
    // stderr the first time OSHI is used (the host collectors' portable backend).
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    JnaSearchPath.install(); // no ldconfig child process on every start
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    ClassLoader loader = TaoPromCli.class.getClassLoader();
    Supplier<PluginCatalog> catalog = wantsCatalog(subcommandName(args))
        ? PluginDiscovery.inBackground(loader)
        : PluginDiscovery.onDemand(loader);
    int code = commandLine(catalog, out, err, args).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * The {@code taoprom} command line with its subcommands, error handling and the dynamic
   * collector options of {@code serve}, writing to the given streams.
   *
   * @param catalog where plugins come from; asked at most once, only by commands that need it
   */
  public static CommandLine commandLine(Supplier<PluginCatalog> catalog, PrintWriter out, PrintWriter err) {
    return commandLine(catalog, out, err, new String[0]);
  }

  /**
   * The command line for these arguments: when they name a subcommand, only that one is built.
   * Building a command costs class loading (a key tool pulls in a signed crypto provider whose
   * jar the JVM verifies), and {@code serve} must start fast; {@code --version} alone needs
   * none, while {@code --help}, no command or an unknown one get them all.
   */
  public static CommandLine commandLine(Supplier<PluginCatalog> catalog, PrintWriter out, PrintWriter err, String... args) {
    LogSettings.reset();
    CommandLine cli = new CommandLine(new TaoPromCli(), new CommandFactory(catalog));
    String named = subcommandName(args);
    boolean known = SUBCOMMANDS.stream().anyMatch(c -> commandName(c).equals(named));
    List<String> words = List.of(args);
    boolean versionOnly = named == null && (words.contains("--version") || words.contains("-V"))
        && !words.contains("--help") && !words.contains("-h");
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (!versionOnly && (!known || commandName(subcommand).equals(named))) {
        cli.addSubcommand(commandName(subcommand), subcommand);
      }
    }
    // After the subcommands: these setters pass the setting on to the subcommands there are.
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(new ConsoleErrors());
    cli.setExecutionExceptionHandler(new ConsoleErrors());
    // Options read like node_exporter's: the last of --collector.cpu / --no-collector.cpu wins.
    cli.setOverwrittenOptionsAllowed(true);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommand() instanceof ServeCommand serve) {
        serve.addPluginOptions(sub.getCommandSpec());
      }
    }
    return cli;
  }

  /** Whether stack traces were asked for, on the command line or through {@code TAOPROM_DEBUG}. */
  static boolean debugRequested(CommandLine cli) {
    if (debugInEnvironment()) {
      return true;
    }
    CommandLine root = cli;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    // --debug may be given before or after the subcommand's name: look at every level.
    for (CommandLine.ParseResult r = root.getParseResult(); r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  // Commands whose constructor takes the catalog (see CommandFactory) will ask for it.
  private static boolean wantsCatalog(String named) {
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (commandName(subcommand).equals(named)) {
        try {
          subcommand.getDeclaredConstructor(Supplier.class);
          return true;
        } catch (NoSuchMethodException e) {
          return false;
        }
      }
    }
    return false;
  }

  private static String commandName(Class<?> subcommand) {
    return subcommand.getAnnotation(Command.class).name();
  }

  // The first word that is neither an option nor the value of one of the top command's options
  // (--log.level LEVEL) is the subcommand's name. An @argfile is not looked into: then every
  // subcommand is built, which is only slower.
  private static String subcommandName(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--log.level") || arg.equals("--log.format")) {
        i++;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  private static boolean debugInEnvironment() {
    String env = System.getenv("TAOPROM_DEBUG");
    return env != null && !env.isBlank() && !env.equals("0") && !env.equalsIgnoreCase("false");
  }
}
