package io.taoprom.cli.targets;

import static io.taoprom.cli.targets.SubnetFixture.neuron;
import static io.taoprom.cli.targets.SubnetFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.discovery.SubnetDiscovery;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.Subtensor;
import io.taoprom.cli.HostileText;
import io.taoprom.exporter.PluginCatalog;
import io.taoprom.exporter.TaoPromExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /sd} on a real exporter, backed by the fake chain: cached, and stale-but-served when the node is down. */
class CachedTargetsTest {

  private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20), 2.0, Duration.ofMillis(50), 0);

  private final HttpClient http = HttpClient.newHttpClient();
  private FakeChain chain;
  private Subtensor subtensor;
  private CachedTargets sd;
  private TaoPromExporter exporter;
  private final AtomicInteger reads = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    chain = new FakeChain();
    neuron(chain, 7, "//Alice", 0, v4("127.0.0.1"), 17091, 4, 100);
    RpcClient rpc = RpcClient.builder(chain.uri()).retryPolicy(FAST).connectTimeout(Duration.ofSeconds(1))
        .requestTimeout(Duration.ofSeconds(2)).build();
    subtensor = Subtensor.over(ChainClient.builder(rpc).build(), FAST);
    SubnetDiscovery discovery = new SubnetDiscovery(subtensor);
    sd = new CachedTargets(() -> {
      reads.incrementAndGet();
      return discovery.discover(List.of(7));
    }, Duration.ofHours(1));
    exporter = TaoPromExporter.builder().host("127.0.0.1").port(0).catalog(PluginCatalog.of(List.of()))
        .route("/sd", sd.handler()).buildAndStart();
  }

  @AfterEach
  void stop() {
    exporter.close();
    sd.close();
    subtensor.close();
    chain.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers503BeforeTheFirstReadThenJsonFromMemory() throws Exception {
    HttpResponse<String> before = get("/sd");
    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).startsWith("service discovery has no targets yet: not started");

    assertThat(sd.refresh()).isTrue();
    HttpResponse<String> first = get("/sd");
    HttpResponse<String> second = get("/sd");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(first.body()).isEqualTo("[{\"targets\":[\"127.0.0.1:17091\"],\"labels\":{\"hotkey\":\""
        + SubnetFixture.ALICE + "\",\"netuid\":\"7\",\"uid\":\"0\",\"version\":\"100\"}}]");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(reads).as("requests are answered from memory").hasValue(1);
    assertThat(first.headers().firstValue("X-TaoProm-SD-Stale")).isEmpty();
  }

  @Test
  void keepsServingTheLastGoodTargetsWhileTheNodeIsDown() throws Exception {
    assertThat(sd.refresh()).isTrue();
    String good = get("/sd").body();

    chain.close(); // the node goes away
    assertThat(sd.refresh()).isFalse();

    HttpResponse<String> stale = get("/sd");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(good);
    assertThat(stale.headers().firstValue("X-TaoProm-SD-Stale")).hasValue("true");
    assertThat(sd.stale()).isTrue();
    assertThat(sd.lastError()).isNotBlank();
    assertThat(get("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void aChangeOnChainShowsAfterTheNextRefresh() throws Exception {
    assertThat(sd.refresh()).isTrue();
    neuron(chain, 7, "//Bob", 1, v4("127.0.0.1"), 17092, 4, 101);
    assertThat(get("/sd").body()).doesNotContain("17092");

    assertThat(sd.refresh()).isTrue();
    assertThat(get("/sd").body()).contains("127.0.0.1:17091", "127.0.0.1:17092");
  }

  @Test
  void aNodeDownFromTheStartGives503WithTheReason() throws Exception {
    chain.close();
    assertThat(sd.refresh()).isFalse();
    HttpResponse<String> r = get("/sd");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).startsWith("service discovery has no targets yet: cannot read the chain: ");
  }

  @Test
  void aNodesErrorTextReachesThe503BodyEscapedAndCutShort() throws Exception {
    chain.intercept(r -> {
      r.replyError(-32000, HostileText.TEXT, HostileText.TEXT);
      return true;
    });
    assertThat(sd.refresh()).isFalse();
    HttpResponse<String> r = get("/sd");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).startsWith("service discovery has no targets yet: cannot read the chain: ")
        .contains("failed with error -32000: " + HostileText.ESCAPED_START).endsWith("\n");
    HostileText.assertNoTerminalControls(r.body());
    assertThat(r.body().length()).isLessThan(CachedTargets.ERROR_CHARS + 200);
    assertThat(sd.lastError()).doesNotContain("\u001b");
  }

  @Test
  void builtInPathsCannotBeTakenByARoute() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaoPromExporter.builder().host("127.0.0.1").port(0)
            .catalog(PluginCatalog.of(List.of())).route("/metrics", sd.handler()).buildAndStart())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot add a route at /metrics");
  }

  @Test
  void theBackgroundRefreshRunsAtStart() throws Exception {
    sd.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (sd.current().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(sd.current()).isPresent();
    assertThat(get("/sd").statusCode()).isEqualTo(200);
  }
}
