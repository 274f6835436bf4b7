package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaoPromCliTest {

  static final PluginCatalog CATALOG = PluginCatalog.of(List.of(
      new TestPlugin("alpha", "Alpha readings from the alpha sensor.", true, Availability.AVAILABLE,
          List.of(CollectorOption.single("alpha.dir", "DIR", "Where alpha readings live.", "/var/lib/alpha"))),
      new TestPlugin("beta", "Beta readings.", false, Availability.unavailable("no beta device on this machine"),
          List.of(CollectorOption.repeatable("beta.target", "URL", "A beta endpoint to read.")))));

  @Test
  void helpListsTheCommands() {
    CliRun run = CliRun.of(CATALOG, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: taoprom ")
        .contains("Prometheus metrics for GPU-compute nodes of a Bittensor subnet.")
        .contains("--version").contains("--debug")
        .containsPattern("(?m)^\\s+serve\\s+Serve host, GPU and plugin metrics")
        .containsPattern("(?m)^\\s+collectors\\s+List the collector plugins found");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void noCommandShowsUsageOnStdout() {
    CliRun run = CliRun.of(CATALOG);
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: taoprom ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionNamesTheBuildAndTheJvm() {
    CliRun run = CliRun.of(CATALOG, "--version");
    assertThat(run.exitCode()).isZero();
    BuildVersion v = BuildVersion.current();
    assertThat(v.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(run.out()).startsWith("taoprom " + v.version()).contains("java " + Runtime.version());
    if (!v.revision().equals(BuildVersion.UNKNOWN)) {
      assertThat(v.revision()).matches("[0-9a-f]{7,40}");
      assertThat(run.out()).contains("(revision " + v.revision() + ")");
    }
  }

  @Test
  void serveHelpShowsEveryPluginsSwitchAndOptions() {
    CliRun run = CliRun.of(CATALOG, "serve", "--help");
    assertThat(run.exitCode()).isZero();
    // Where picocli wraps a description depends on the widest option: compare the words.
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("--web.listen-address=ADDRESS").contains("(default: :7091)")
        .contains("--collector.disable-defaults")
        .contains("Collectors (see 'taoprom collectors'):")
        .containsPattern("--\\[no-]collector\\.alpha\\s+Enable the alpha collector \\(default: on\\): Alpha readings")
        .containsPattern("--\\[no-]collector\\.beta\\s+Enable the beta collector \\(default: off\\)")
        .contains("Collector options:")
        .containsPattern("--alpha\\.dir=DIR\\s+Where alpha readings live\\. \\(alpha; default: /var/lib/alpha\\)")
        .containsPattern("--beta\\.target=URL\\s+A beta endpoint to read\\. \\(beta; may be repeated\\)");
  }

  @Test
  void unknownCollectorIsOneLineWithTheKnownOnes() {
    CliRun run = CliRun.of(CATALOG, "serve", "--collector.nope");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).containsExactly("level=error source=taoprom.serve msg=\"unknown collector 'nope' in"
        + " '--collector.nope'; known collectors: alpha, beta (see 'taoprom collectors'); run 'taoprom serve --help' for the options\"");
  }

  @Test
  void unknownNegatedCollectorToo() {
    CliRun run = CliRun.of(CATALOG, "serve", "--no-collector.gamma");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).singleElement().asString()
        .startsWith("unknown collector 'gamma' in '--no-collector.gamma'; known collectors: alpha, beta");
  }

  @Test
  void unknownOptionSuggestsTheNearestOne() {
    CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-adress", ":9");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).singleElement().asString()
        .startsWith("unknown option '--web.listen-adress'; did you mean --web.listen-address");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void unknownCommand() {
    CliRun run = CliRun.of(CATALOG, "srve");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith("level=error source=taoprom msg=\"unexpected argument 'srve'");
  }

  @Test
  void badListenAddressIsAUsageErrorNamingTheValue() {
    CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-address", "localhost");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).containsExactly("Invalid value for option '--web.listen-address': 'localhost' is not a listen"
        + " address: no port; use HOST:PORT or :PORT; run 'taoprom serve --help' for the options");
  }

  @Test
  void missingOptionValue() {
    CliRun run = CliRun.of(CATALOG, "serve", "--alpha.dir");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).singleElement().asString().startsWith("Missing required parameter for option '--alpha.dir'");
  }

  @Test
  void debugShowsTheStackTraceWhereverItIsGiven() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      String address = "127.0.0.1:" + taken.getLocalPort();
      CliRun quiet = CliRun.of(CATALOG, "serve", "--web.listen-address", address);
      assertThat(quiet.exitCode()).isEqualTo(1);
      assertThat(quiet.err()).doesNotContain("trace=");
      for (String[] args : List.of(
          new String[] {"--debug", "serve", "--web.listen-address", address},
          new String[] {"serve", "--debug", "--web.listen-address", address})) {
        CliRun loud = CliRun.of(CATALOG, args);
        assertThat(loud.exitCode()).isEqualTo(1);
        assertThat(loud.errLines()).singleElement().asString().startsWith(quiet.errLines().get(0) + " trace=\"")
            .contains("; at io.taoprom.cli.serve.ServeCommand");
      }
    }
  }

  @Test
  void onlyTheNamedSubcommandIsBuiltAndThePluginsAreFoundOnlyWhenNeeded() {
    java.util.concurrent.atomic.AtomicInteger discoveries = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<PluginCatalog> counting = () -> {
      discoveries.incrementAndGet();
      return CATALOG;
    };
    CliRun key = CliRun.of(counting, "key", "--help");
    assertThat(key.exitCode()).isZero();
    assertThat(key.out()).startsWith("Usage: taoprom key");
    CliRun version = CliRun.of(counting, "--version");
    assertThat(version.exitCode()).isZero();
    assertThat(discoveries).hasValue(0);

    CliRun help = CliRun.of(counting, "--debug", "--help");
    assertThat(help.out()).contains("serve").contains("collectors").contains("key");
    assertThat(discoveries).hasValue(1);
  }

  @Test
  void logFormatAndLevelAreTakenBeforeOrAfterTheCommandAndApplyToErrorsLaterOnTheLine() {
    for (String[] args : List.of(
        new String[] {"--log.format", "json", "serve", "--collector.nope"},
        new String[] {"serve", "--log.format=json", "--collector.nope"})) {
      CliRun run = CliRun.of(CATALOG, args);
      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err().lines()).singleElement().asString()
          .matches("\\{\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"level\":\"error\",\"source\":\"taoprom.serve\","
              + "\"msg\":\"unknown collector 'nope' in '--collector.nope'; .*\"}");
    }
    // The next command line starts from the defaults again.
    assertThat(CliRun.of(CATALOG, "serve", "--collector.nope").err()).startsWith("time=");
  }

  @Test
  void badLogOptionsAreUsageErrors() {
    CliRun level = CliRun.of(CATALOG, "collectors", "--log.level", "verbose");
    assertThat(level.exitCode()).isEqualTo(2);
    assertThat(level.messages()).singleElement().asString().startsWith("Invalid value for option '--log.level':"
        + " unknown log level 'verbose'; use debug, info, warn or error");
    CliRun format = CliRun.of(CATALOG, "--log.format", "text");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.messages()).singleElement().asString().contains("unknown log format 'text'; use logfmt or json");
  }

  @Test
  void everyCommandTakesTheLogOptions() {
    List<List<String>> commands = new java.util.ArrayList<>();
    collect(TaoPromCli.commandLine(() -> CATALOG, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter())), new java.util.ArrayList<>(), commands);
    assertThat(commands).hasSizeGreaterThan(8).contains(List.of("serve"), List.of("key", "inspect"));
    for (List<String> command : commands) {
      List<String> args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--log.level", "warn", "--log.format=json", "--help"));
      CliRun run = CliRun.of(CATALOG, args.toArray(String[]::new));
      assertThat(run.exitCode()).as("%s", args).isZero();
      assertThat(run.out()).as("%s", args).contains("--log.level=LEVEL", "--log.format=FORMAT");
    }
  }

  private static void collect(picocli.CommandLine cli, List<String> path, List<List<String>> into) {
    for (var sub : cli.getSubcommands().entrySet()) {
      List<String> next = new java.util.ArrayList<>(path);
      next.add(sub.getKey());
      into.add(next);
      collect(sub.getValue(), next, into);
    }
  }

  @Test
  void theErrorLevelStillShowsErrors() {
    CliRun run = CliRun.of(CATALOG, "--log.level", "error", "serve", "--web.listen-address", "localhost");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).singleElement().asString().startsWith("level=error ");
  }
}
