package io.taoprom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.cli.CliRun;
import io.taoprom.cli.TaoPromCli;
import io.taoprom.cli.TestPlugin;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorOption;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private static final PluginCatalog CATALOG = PluginCatalog.of(List.of(
      new TestPlugin("alpha", "Alpha readings.", true, Availability.AVAILABLE,
          List.of(CollectorOption.single("alpha.dir", "DIR", "Where alpha readings live.", "/var/lib/alpha"))),
      new TestPlugin("beta", "Beta readings.", false, Availability.AVAILABLE,
          List.of(CollectorOption.repeatable("beta.target", "URL", "A beta endpoint to read."))),
      TestPlugin.of("gamma", "")));

  private static PluginOptions.Selection parse(String... args) {
    return parse(CATALOG, args);
  }

  private static PluginOptions.Selection parse(PluginCatalog catalog, String... args) {
    CommandLine cli = TaoPromCli.commandLine(() -> catalog, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    cli.parseArgs(args);
    CommandLine serve = cli.getSubcommands().get("serve");
    return ((ServeCommand) serve.getCommand()).pluginOptions().selection(serve.getParseResult());
  }

  @Test
  void switchesAndOptionsAreReadBack() {
    PluginOptions.Selection s = parse("serve", "--collector.beta", "--no-collector.alpha",
        "--alpha.dir", "/srv/alpha", "--beta.target", "http://a", "--beta.target=http://b");
    assertThat(s.enabled()).containsExactly("beta");
    assertThat(s.disabled()).containsExactly("alpha");
    assertThat(s.config().asMap()).isEqualTo(Map.of(
        "alpha.dir", List.of("/srv/alpha"),
        "beta.target", List.of("http://a", "http://b")));
  }

  @Test
  void nothingGivenMeansDefaultsOnlyAndOptionDefaultsPassedOn() {
    PluginOptions.Selection s = parse("serve");
    assertThat(s.enabled()).isEmpty();
    assertThat(s.disabled()).isEmpty();
    assertThat(s.config().asMap()).isEqualTo(Map.of("alpha.dir", List.of("/var/lib/alpha")));
  }

  @Test
  void theRealCatalogHasSwitchesForTheSelfCollectorsAndTheNvmlNaming() {
    PluginCatalog real = PluginCatalog.discover(getClass().getClassLoader());

    PluginOptions.Selection s = parse(real, "serve", "--collector.jvm", "--no-collector.process", "--nvml.names", "dcgm");

    assertThat(s.enabled()).containsExactly("jvm");
    assertThat(s.disabled()).containsExactly("process");
    assertThat(s.config().value("nvml.names")).hasValue("dcgm");
    assertThat(parse(real, "serve").config().value("nvml.names")).hasValue("taoprom");
  }

  @Test
  void theLastOfASwitchAndItsNegationWins() {
    assertThat(parse("serve", "--no-collector.gamma", "--collector.gamma").enabled()).containsExactly("gamma");
    PluginOptions.Selection s = parse("serve", "--collector.gamma", "--no-collector.gamma");
    assertThat(s.enabled()).isEmpty();
    assertThat(s.disabled()).containsExactly("gamma");
  }

  @Test
  void aPluginOptionClashingWithAnExistingOneIsReportedNotFatal() {
    PluginCatalog clashing = PluginCatalog.of(List.of(
        new TestPlugin("web", "", true, Availability.AVAILABLE,
            List.of(CollectorOption.single("web.listen-address", "X", "A clash with serve's own option.")))));
    CommandLine cli = TaoPromCli.commandLine(() -> clashing, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    ServeCommand serve = (ServeCommand) cli.getSubcommands().get("serve").getCommand();
    assertThat(serve.pluginOptions().switches()).containsOnlyKeys("web");
    assertThat(serve.pluginOptions().pluginOptions()).isEmpty();
    assertThat(serve.pluginOptions().problems()).singleElement().asString()
        .startsWith("option --web.listen-address of plugin 'web' is left out:");
  }

  @Test
  void pluginTextIsShownAndPassedOnLiterally() {
    PluginCatalog odd = PluginCatalog.of(List.of(
        new TestPlugin("odd", "Share of time in % of ${HOME}", true, Availability.AVAILABLE,
            List.of(CollectorOption.single("odd.pattern", "RE%", "Match 100% of ${USER}", "^(a|b)${x}%d$")))));
    CliRun help = CliRun.of(odd, "serve", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out().replaceAll("\\s+", " ")).contains("Share of time in % of").contains("${HOME}").contains("--odd.pattern=RE%")
        .contains("Match 100% of ${USER}").contains("default: ^(a|b)${x}%d$");

    CommandLine cli = TaoPromCli.commandLine(() -> odd, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    cli.parseArgs("serve");
    CommandLine serve = cli.getSubcommands().get("serve");
    PluginOptions.Selection s = ((ServeCommand) serve.getCommand()).pluginOptions().selection(serve.getParseResult());
    assertThat(s.config().value("odd.pattern")).hasValue("^(a|b)${x}%d$");
  }

  @Test
  void portInUseIsOneLineAndExitCodeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-address", "127.0.0.1:" + port);
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errLines()).singleElement().asString()
          .startsWith("level=error source=taoprom.serve msg=")
          .contains(String.valueOf(port))
          .containsIgnoringCase("in use");
    }
  }

  @Test
  void anAddressThatIsNotOnThisMachineIsOneLine() {
    // 192.0.2.0/24 is TEST-NET-1: never assigned to a local interface.
    CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-address", "192.0.2.1:7091");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("level=error source=taoprom.serve msg=").contains("192.0.2.1");
  }

  @Test
  void anUnresolvableHostIsOneLine() {
    CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-address", "no-such-host.invalid:7091");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.messages()).singleElement().asString()
        .startsWith("cannot resolve").contains("no-such-host.invalid").contains("--web.listen-address");
  }

  @Test
  void anInvalidWebConfigAtStartIsOneLineNamingTheKeyAndExitCodeTwo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path web = dir.resolve("web.yml");
    java.nio.file.Files.writeString(web, "tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n  client_auth_type: Maybe\n");
    CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-address", "127.0.0.1:0", "--web.config.file", web.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).singleElement().asString()
        .isEqualTo(web + ": line 4: tls_server_config.client_auth_type: \"Maybe\" is not one of"
            + " NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert");
    CliRun missing = CliRun.of(CATALOG, "serve", "--web.listen-address", "127.0.0.1:0", "--web.config.file", dir.resolve("none.yml").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.messages()).singleElement().asString().endsWith("none.yml: no such file");
  }

  @Test
  void pluginMessagesNameTheirOptionsAsFlags() {
    assertThat(io.taoprom.cli.OptionFlags.of("option push.allowed-cidr 'everyone' is not an address range"))
        .isEqualTo("--push.allowed-cidr 'everyone' is not an address range");
    assertThat(io.taoprom.cli.OptionFlags.of("more than 3 (option push.max-group-series); push fewer"))
        .isEqualTo("more than 3 (--push.max-group-series); push fewer");
    // only option names: an ordinary "option" stays a word
    assertThat(io.taoprom.cli.OptionFlags.of("no option given")).isEqualTo("no option given");
  }

  @Test
  void exporterMetricsOffAndACollectorOfThemOnIsAUsageError() {
    PluginCatalog withProcess = PluginCatalog.of(List.of(new TestPlugin("process", "TaoProm's own process", true, Availability.AVAILABLE, List.of())));
    CliRun run = CliRun.of(withProcess, "serve", "--web.listen-address", "127.0.0.1:0", "--web.disable-exporter-metrics",
        "--collector.process");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).containsExactly("--web.disable-exporter-metrics turns off the process collector that"
        + " --collector.process turns on; give one of them");
  }

  @Test
  void aTelemetryPathThatCannotBeServedIsAUsageError() {
    CliRun run = CliRun.of(CATALOG, "serve", "--web.listen-address", "127.0.0.1:0", "--web.telemetry-path", "/-/metrics");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).containsExactly("telemetry path /-/metrics is under /-/, where /-/healthy and /-/ready are;"
        + " choose another, such as /metrics (--web.telemetry-path)");
    CliRun relative = CliRun.of(CATALOG, "serve", "--web.listen-address", "127.0.0.1:0", "--web.telemetry-path", "metrics");
    assertThat(relative.exitCode()).isEqualTo(2);
    assertThat(relative.messages()).singleElement().asString().startsWith("telemetry path \"metrics\" is not a path such as /metrics");
  }

  @Test
  void optionsComeFromAnArgumentFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("serve.args");
    java.nio.file.Files.writeString(file, "# comment\n--web.telemetry-path /node/metrics\n--web.disable-exporter-metrics\n"
        + "--web.listen-address '127.0.0.1:9400'\n");
    CommandLine cli = TaoPromCli.commandLine(() -> CATALOG, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    CommandLine.ParseResult parsed = cli.parseArgs("serve", "@" + file).subcommand();
    assertThat(parsed.matchedOptionValue("--web.telemetry-path", "")).isEqualTo("/node/metrics");
    assertThat(parsed.matchedOptionValue("--web.disable-exporter-metrics", false)).isTrue();
    assertThat(parsed.<ListenAddress>matchedOptionValue("--web.listen-address", null).url()).isEqualTo("http://127.0.0.1:9400");
  }
}
