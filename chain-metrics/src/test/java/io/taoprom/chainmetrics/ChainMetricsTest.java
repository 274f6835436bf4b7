package io.taoprom.chainmetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.taoprom.chain.ChainClient;
import io.taoprom.chain.FakeChain;
import io.taoprom.chain.rpc.RetryPolicy;
import io.taoprom.chain.rpc.RpcClient;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.chain.subtensor.Subtensor;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChainMetricsTest {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final ChainMetrics metrics = ChainMetrics.register(registry);

  private String text() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, registry.scrape());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rpcRequestsRetriesAndDurationsFromARealClient() throws Exception {
    RetryPolicy fast = new RetryPolicy(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(20), 0);
    try (FakeChain chain = new FakeChain()) {
      AtomicInteger dropped = new AtomicInteger();
      // The first chain_getHeader attempt loses its connection; the retry succeeds.
      chain.intercept(req -> {
        if (req.method().equals("chain_getHeader") && dropped.getAndIncrement() == 0) {
          req.dropConnection();
          return true;
        }
        return false;
      });
      RpcClient rpc = RpcClient.builder(chain.uri()).retryPolicy(fast).listener(metrics).build();
      try (Subtensor subtensor = Subtensor.over(ChainClient.builder(rpc).listener(metrics).build(), fast)) {
        long block = subtensor.currentBlock();
        metrics.block(block);
      }
    }
    String t = text();
    assertThat(t).contains("taoprom_chain_rpc_requests_total{method=\"chain_getHeader\",outcome=\"success\"} 1");
    assertThat(t).containsPattern("taoprom_chain_rpc_requests_total\\{method=\"chain_getHeader\",outcome=\"transport_error\"\\} 1");
    assertThat(t).contains("taoprom_chain_rpc_retries_total 1");
    assertThat(t).contains("taoprom_chain_rpc_duration_seconds_count{method=\"chain_getHeader\"} 2");
    assertThat(t).contains("taoprom_chain_block_number 100");
  }

  @Test
  void registrationStateAndTheInfoSeriesReplacedNotAdded() throws Exception {
    assertThat(text()).contains("taoprom_chain_registered 0");
    metrics.chainHolds(27, "5Grw", new PrometheusInfo(10, 262, BigInteger.valueOf(0xcb007107L), 7091, 4));
    metrics.chainHolds(27, "5Grw", new PrometheusInfo(20, 263, BigInteger.valueOf(0xcb007107L), 7091, 4));
    metrics.registrationAttempt("registered", true);
    metrics.registrationAttempt("rate_limited", false);
    metrics.registrationAttempt("up_to_date", true);

    String t = text();
    assertThat(t).contains("taoprom_chain_prometheus_info{hotkey=\"5Grw\",ip=\"203.0.113.7\",netuid=\"27\",port=\"7091\",version=\"263\"} 1")
        .doesNotContain("version=\"262\"");
    assertThat(t).contains("taoprom_chain_registration_attempts_total{outcome=\"registered\"} 1",
        "taoprom_chain_registration_attempts_total{outcome=\"rate_limited\"} 1", "taoprom_chain_registered 1");
    double ts = Double.parseDouble(t.lines().filter(l -> l.startsWith("taoprom_chain_last_registration_timestamp_seconds "))
        .findFirst().orElseThrow().split(" ")[1]);
    assertThat(ts).isCloseTo(System.currentTimeMillis() / 1000.0, org.assertj.core.data.Offset.offset(60.0));

    metrics.chainHolds(27, "5Grw", null);
    assertThat(text()).doesNotContain("taoprom_chain_prometheus_info{");
  }

  @Test
  void registeringTwiceInOneRegistryFails() {
    assertThatThrownBy(() -> ChainMetrics.register(registry)).isInstanceOf(IllegalArgumentException.class);
  }
}
