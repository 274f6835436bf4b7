package io.taoprom.cli.chainmetrics;

import io.taoprom.cli.log.ConsoleLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taoprom.cli.targets.SubnetFixture;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.EnumValue;
import io.taoprom.chain.codec.Values;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import io.taoprom.core.keys.Keys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The chain side of serve wired to a real exporter: options, /sd, registration and the series. */
class ServeChainTest {

  @Command(name = "serve")
  static final class Holder {
    @Mixin ServeChainOptions options;
    @CommandLine.Spec CommandSpec spec;
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> open = new ArrayList<>();
  private FakeChain chain;

  @BeforeEach
  void start() {
    chain = new FakeChain();
    SubnetFixture.neuron(chain, 7, "//Bob", 3, SubnetFixture.v4("127.0.0.1"), 17093, 4, 5);
    chain.put("SubtensorModule", "NetworksAdded", true, 1);
    chain.put("SubtensorModule", "Uids", 0, 1, Keys.fromUri("//Alice").publicKey());
    chain.onExtrinsic((xt, c) -> {
      Map<String, Object> a = Values.enumValue(xt.call().value()).fields();
      c.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(c.bestNumber() + 1, (Long) a.get("version"),
          ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"), (Integer) a.get("ip_type")),
          a.get("netuid"), xt.signer());
      return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
          c.success());
    });
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    chain.close();
  }

  private Holder parse(String... args) {
    Holder h = new Holder();
    new CommandLine(h).parseArgs(args);
    return h;
  }

  private String get(TaoPromExporter exporter, String path, int status) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == status ? r.body() : null;
  }

  private static <T> T poll(Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      T v = probe.call();
      if (v != null) {
        return v;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("timed out");
  }

  @Test
  void sdAndRegistrationBesideTheExporter() throws Exception {
    Holder h = parse("--network", chain.uri().toString(), "--sd.netuid", "7", "--sd.refresh-interval", "200ms",
        "--register", "--register.netuid", "1", "--register.ip", "203.0.113.7", "--register.version", "183",
        "--register.wait", "inclusion", "--uri", "//Alice");
    TaoPromExporter.Builder builder = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()));
    ServeChain serveChain = ServeChain.prepare(h.options, builder, h.spec);
    TaoPromExporter exporter = builder.buildAndStart();
    open.add(exporter);
    open.add(serveChain);
    StringWriter err = new StringWriter();
    serveChain.start(exporter, ConsoleLog.to(new PrintWriter(err, true), "taoprom.serve"));

    String sd = poll(() -> get(exporter, "/sd", 200));
    assertThat(sd).contains("127.0.0.1:17093", "\"uid\":\"3\"", "\"netuid\":\"7\"");
    String metrics = poll(() -> {
      String m = get(exporter, "/metrics", 200);
      return m != null && m.contains("\ntaoprom_chain_registered 1") ? m : null;
    });
    assertThat(metrics).contains("taoprom_chain_registration_attempts_total{outcome=\"registered\"} 1",
        "ip=\"203.0.113.7\"", "port=\"" + exporter.port() + "\"",
        "taoprom_chain_rpc_requests_total{method=\"state_getKeysPaged\",outcome=\"success\"}",
        "taoprom_chain_block_number ");
    assertThat(err.toString()).contains("serving service discovery of netuid 7", "registering 5Grw", "with port " + exporter.port());
  }

  @Test
  void sdOnlyHasNoRegistrationSeries() throws Exception {
    Holder h = parse("--network", chain.uri().toString(), "--sd.netuid", "7");
    TaoPromExporter.Builder builder = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()));
    ServeChain serveChain = ServeChain.prepare(h.options, builder, h.spec);
    TaoPromExporter exporter = builder.buildAndStart();
    open.add(exporter);
    open.add(serveChain);
    serveChain.start(exporter, ConsoleLog.to(new PrintWriter(new StringWriter()), "taoprom.serve"));
    poll(() -> get(exporter, "/sd", 200));
    String metrics = get(exporter, "/metrics", 200);
    assertThat(metrics).contains("taoprom_chain_rpc_requests_total").doesNotContain("taoprom_chain_registered");
  }

  @Test
  void sdAllServesEverySubnetInNetworksAdded() throws Exception {
    SubnetFixture.neuron(chain, 12, "//Charlie", 0, SubnetFixture.v4("127.0.0.1"), 17094, 4, 6);
    Holder h = parse("--network", chain.uri().toString(), "--sd.netuid", "all");
    TaoPromExporter.Builder builder = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()));
    ServeChain serveChain = ServeChain.prepare(h.options, builder, h.spec);
    TaoPromExporter exporter = builder.buildAndStart();
    open.add(exporter);
    open.add(serveChain);
    StringWriter err = new StringWriter();
    serveChain.start(exporter, ConsoleLog.to(new PrintWriter(err, true), "taoprom.serve"));

    String sd = poll(() -> get(exporter, "/sd", 200));
    assertThat(sd).contains("\"127.0.0.1:17093\"],\"labels\":{\"hotkey\":\"" + SubnetFixture.BOB + "\",\"netuid\":\"7\"")
        .contains("\"127.0.0.1:17094\"]", "\"netuid\":\"12\"").doesNotContain("\"netuid\":\"1\"");
    assertThat(sd.indexOf("\"netuid\":\"7\"")).isLessThan(sd.indexOf("\"netuid\":\"12\""));
    assertThat(err.toString()).contains("serving service discovery of netuid all");
  }

  @Test
  void withoutChainOptionsNothingIsAdded() throws Exception {
    Holder h = parse();
    TaoPromExporter.Builder builder = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()));
    ServeChain serveChain = ServeChain.prepare(h.options, builder, h.spec);
    TaoPromExporter exporter = builder.buildAndStart();
    open.add(exporter);
    open.add(serveChain);
    serveChain.start(exporter, ConsoleLog.to(new PrintWriter(new StringWriter()), "taoprom.serve"));
    assertThat(get(exporter, "/sd", 404)).isNotNull();
    assertThat(get(exporter, "/metrics", 200)).doesNotContain("taoprom_chain_");
  }

  @Test
  void badOptionsFailBeforeAnythingListens() {
    TaoPromExporter.Builder builder = TaoPromExporter.builder();
    Holder noNetuid = parse("--register", "--uri", "//Alice", "--register.version", "1");
    assertThatThrownBy(() -> ServeChain.prepare(noNetuid.options, builder, noNetuid.spec))
        .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--register.netuid");
    Holder noKey = parse("--register", "--register.netuid", "1", "--register.version", "1");
    assertThatThrownBy(() -> ServeChain.prepare(noKey.options, builder, noKey.spec))
        .hasMessageContaining("--wallet.name");
    Holder badIp = parse("--register", "--register.netuid", "1", "--register.version", "1", "--uri", "//Alice",
        "--register.ip", "2001:db8::1", "--register.ip-type", "4");
    assertThatThrownBy(() -> ServeChain.prepare(badIp.options, builder, badIp.spec))
        .hasMessageContaining("--register.ip 2001:db8::1 is an IPv6 address");
    Holder noVersion = parse("--register", "--register.netuid", "1", "--uri", "//Alice");
    assertThatThrownBy(() -> ServeChain.prepare(noVersion.options, builder, noVersion.spec))
        .hasMessageContaining("--register.version");
    Holder network = parse("--network", "mainnet", "--sd.netuid", "1");
    assertThatThrownBy(() -> ServeChain.prepare(network.options, builder, network.spec))
        .hasMessageContaining("unknown network 'mainnet'");
    assertThatThrownBy(() -> parse("--sd.netuid", "1,x")).hasMessageContaining("'x' is not a subnet id");
    assertThatThrownBy(() -> parse("--sd.refresh-interval", "soon")).hasMessageContaining("'soon' is not a duration");
  }

  @Test
  void theVersionFileIsReadAtStartAndItsProblemsFailBeforeAnythingListens(@TempDir Path dir) throws Exception {
    TaoPromExporter.Builder builder = TaoPromExporter.builder();
    Path missing = dir.resolve("none.py");
    Holder none = parse("--register", "--register.netuid", "1", "--uri", "//Alice", "--register.app-version-from",
        missing.toString());
    assertThatThrownBy(() -> ServeChain.prepare(none.options, builder, none.spec))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessage("cannot read version file " + missing + ": no such file");
    Path init = dir.resolve("__init__.py");
    Files.writeString(init, "__version__ = \"1.9.0\"\n");
    Holder two = parse("--register", "--register.netuid", "1", "--uri", "//Alice", "--register.app-version-from",
        init.toString(), "--register.app-version", "1.9.0");
    assertThatThrownBy(() -> ServeChain.prepare(two.options, builder, two.spec))
        .hasMessageContaining("--register.version-as-int, --register.app-version and --register.app-version-from each give"
            + " the version; use one");
    Holder scheme = parse("--register", "--register.netuid", "1", "--uri", "//Alice", "--register.app-version-from",
        init.toString(), "--register.version-scheme", "semver");
    assertThatThrownBy(() -> ServeChain.prepare(scheme.options, builder, scheme.spec))
        .hasMessageContaining("invalid --register.version-scheme: unknown version scheme 'semver'");
  }

  @Test
  void theFileVersionIsRegisteredAndNamedAtStart(@TempDir Path dir) throws Exception {
    Path init = dir.resolve("__init__.py");
    Files.writeString(init, "__version__ = \"1.9.0\"\n");
    Holder h = parse("--network", chain.uri().toString(), "--register", "--register.netuid", "1", "--register.ip",
        "203.0.113.7", "--register.app-version-from", init.toString(), "--register.wait", "inclusion", "--uri", "//Alice");
    TaoPromExporter.Builder builder = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()));
    ServeChain serveChain = ServeChain.prepare(h.options, builder, h.spec);
    TaoPromExporter exporter = builder.buildAndStart();
    open.add(exporter);
    open.add(serveChain);
    StringWriter err = new StringWriter();
    serveChain.start(exporter, ConsoleLog.to(new PrintWriter(err, true), "taoprom.serve"));
    String metrics = poll(() -> {
      String m = get(exporter, "/metrics", 200);
      return m != null && m.contains("\ntaoprom_chain_registered 1") ? m : null;
    });
    assertThat(metrics).contains("version=\"190\"");
    assertThat(err.toString()).contains("and version 190 (1.9.0 in " + init + ", sn27, read again at every check)");
  }

  @Test
  void withoutAHotkeyOptionServeLooksForBtclisDefaultWalletAndHotkey() {
    Path defaults = io.taoprom.core.wallet.Wallet.expandHome("~/.bittensor/wallets/default/hotkeys/default");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(defaults), "this machine has a default btcli hotkey");
    Holder h = parse("--register", "--register.netuid", "1", "--register.version-as-int", "1");
    assertThatThrownBy(() -> ServeChain.prepare(h.options, TaoPromExporter.builder(), h.spec))
        .hasMessageContaining("no hotkey option was given, so btcli's default wallet and hotkey ('default') were looked for")
        .hasMessageContaining("--wallet.name/--wallet.hotkey (and --wallet.path), or --uri");
  }
}
