package io.taoprom.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.FakeChain;
import io.taoprom.chainmetrics.metagraph.MetagraphPlugin;
import io.taoprom.cli.CliRun;
import io.taoprom.cli.log.ConsoleLog;
import io.taoprom.cli.chainmetrics.ServeChain;
import io.taoprom.cli.chainmetrics.ServeChainOptions;
import io.taoprom.core.keys.Keys;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.exporter.spi.CollectorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** serve --collector.metagraph: usage errors before anything listens, and the collector on serve's chain. */
class ServeMetagraphTest {

  @Command(name = "serve")
  static final class Holder {
    @Mixin ServeChainOptions options;
    @CommandLine.Spec CommandSpec spec;
  }

  private final FakeChain chain = new FakeChain();

  ServeMetagraphTest() {
    chain.put("SubtensorModule", "NetworksAdded", true, 1);
    chain.put("SubtensorModule", "NetworksAdded", true, 7);
    chain.put("SubtensorModule", "SubnetworkN", 1, 1);
    chain.put("SubtensorModule", "Keys", Keys.fromUri("//Alice").publicKey(), 1, 0);
    chain.put("SubtensorModule", "Incentive", List.of(65535), 1);
  }

  @AfterEach
  void stop() {
    chain.close();
  }

  private static PluginCatalog catalog() {
    return PluginCatalog.of(List.of(new MetagraphPlugin()));
  }

  @Test
  void aNetuidThatDoesNotExistIsOneLineAndExit2NamingTheSubnetsThatDo() {
    CliRun run = CliRun.of(catalog(), "serve", "--web.listen-address", "127.0.0.1:0", "--network", chain.uri().toString(),
        "--collector.metagraph", "--metagraph.netuid", "1,99");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.messages()).singleElement().asString().isEqualTo("--metagraph.netuid 99: no such subnet on "
        + chain.uri() + "; the subnets that exist: 1,7");
    assertThat(run.errLines()).singleElement().asString().startsWith("level=error source=taoprom.serve msg=");
  }

  @Test
  void serveHelpShowsTheSwitchAndTheOptions() {
    CliRun run = CliRun.of(catalog(), "serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--[no-]collector.metagraph", "--metagraph.netuid=N[,N...]|all",
        "--metagraph.hotkey=SS58", "--metagraph.max-neurons=N", "Chain (service discovery, registration, metagraph");
  }

  @Test
  void aBadOrMissingNetuidIsAUsageError() {
    CliRun bad = CliRun.of(catalog(), "serve", "--web.listen-address", "127.0.0.1:0", "--network", chain.uri().toString(),
        "--collector.metagraph", "--metagraph.netuid", "one");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.messages()).singleElement().asString()
        .isEqualTo("--metagraph.netuid \"one\" is not a list of netuids (0 to 65535, separated by commas) or all");
    CliRun missing = CliRun.of(catalog(), "serve", "--web.listen-address", "127.0.0.1:0", "--collector.metagraph");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.messages()).singleElement().asString()
        .isEqualTo("--metagraph.netuid is needed: the subnets to read, as 1,27 or all");
  }

  @Test
  void aChainThatCannotBeReachedAtStartIsOnlyAWarning() throws Exception {
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Holder h = new Holder();
    new CommandLine(h).parseArgs("--network", "ws://127.0.0.1:" + closedPort, "--chain.timeout", "2s",
        "--chain.retry.attempts", "1");
    ServeMetagraph metagraph = ServeMetagraph.prepare(catalog(), new PluginOptions.Selection(
        java.util.Set.of(MetagraphPlugin.NAME), java.util.Set.of(), CollectorConfig.of(Map.of("metagraph.netuid", List.of("1")))))
        .orElseThrow();
    StringWriter err = new StringWriter();
    metagraph.checkSubnets(h.options, h.spec, ConsoleLog.to(new PrintWriter(err, true), "taoprom.serve"));
    assertThat(CliRun.withoutTime(err.toString())).singleElement().asString().startsWith("level=warn source=taoprom.serve msg=");
    assertThat(CliRun.messages(err.toString())).singleElement().asString()
        .startsWith("could not check --metagraph.netuid on ws://127.0.0.1:" + closedPort + ": ")
        .endsWith("; the metagraph collector keeps trying");
    assertThat(metagraph.summary()).isEqualTo("netuid 1");
  }

  @Test
  void theCollectorReadsServesChainAndServesItsSeries() throws Exception {
    Holder h = new Holder();
    new CommandLine(h).parseArgs("--network", chain.uri().toString());
    MetagraphPlugin plugin = new MetagraphPlugin();
    TaoPromExporter.Builder builder = TaoPromExporter.builder().host("127.0.0.1").port(0)
        .catalog(PluginCatalog.of(List.of(plugin))).enable(MetagraphPlugin.NAME)
        .config(CollectorConfig.of(Map.of("metagraph.netuid", List.of("1"))));
    try (ServeChain serveChain = ServeChain.prepare(h.options, builder, h.spec);
        TaoPromExporter exporter = builder.buildAndStart()) {
      serveChain.metagraph(plugin);
      StringWriter err = new StringWriter();
      serveChain.start(exporter, ConsoleLog.to(new PrintWriter(err, true), "taoprom.serve"));
      HttpClient http = HttpClient.newHttpClient();
      String metrics = "";
      for (int i = 0; i < 200 && !metrics.contains("bittensor_neuron_incentive_ratio"); i++) {
        Thread.sleep(50);
        metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
      }
      assertThat(metrics).contains(
          "bittensor_neuron_incentive_ratio{hotkey=\"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY\",netuid=\"1\",uid=\"0\"} 1.0",
          "bittensor_subnet_neurons{netuid=\"1\"} 1.0", "bittensor_metagraph_block 100.0",
          "taoprom_scrape_collector_success{collector=\"metagraph\"} 1");
      assertThat(err.toString()).contains("reading the metagraph from " + chain.uri());
    }
  }
}
