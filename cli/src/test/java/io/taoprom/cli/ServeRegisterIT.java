package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.taoprom.chain.FakeChain;
import io.taoprom.chain.codec.Values;
import io.taoprom.chain.subtensor.PrometheusInfo;
import io.taoprom.core.keys.Keys;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code taoprom serve --register} as a process against the fake node: the endpoint is registered
 * beside {@code /metrics} and the registration shows in the {@code taoprom_chain_*} series; when
 * the node goes away, {@code /metrics} keeps answering.
 */
class ServeRegisterIT {

  @Test
  void registersBesideMetricsAndKeepsServingWhenTheNodeGoesAway() throws Exception {
    byte[] alice = Keys.fromUri("//Alice").publicKey();
    AtomicInteger submissions = new AtomicInteger();
    FakeChain chain = new FakeChain();
    try {
      chain.put("SubtensorModule", "NetworksAdded", true, 1);
      chain.put("SubtensorModule", "Uids", 0, 1, alice);
      chain.onExtrinsic((xt, c) -> {
        submissions.incrementAndGet();
        Map<String, Object> a = Values.enumValue(xt.call().value()).fields();
        c.put("SubtensorModule", "Prometheus", FakeChain.prometheusInfo(c.bestNumber() + 1, (Long) a.get("version"),
            ((BigInteger) a.get("ip")).longValue(), (Integer) a.get("port"), (Integer) a.get("ip_type")),
            a.get("netuid"), xt.signer());
        return List.of(FakeChain.event("SubtensorModule", "PrometheusServed", List.of(a.get("netuid"), xt.signer())),
            c.success());
      });
      try (ServeProcess serve = ServeProcess.start(List.of("-Xmx64m"), List.of("--collector.disable-defaults",
          "--collector.loadavg", "--network", chain.uri().toString(), "--register", "--register.netuid", "1",
          "--register.ip", "203.0.113.7", "--register.app-version", "1.8.3", "--register.wait", "inclusion",
          "--uri", "//Alice"))) {
        String metrics = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
          metrics = serve.get("/metrics").body();
          if (metrics.contains("\ntaoprom_chain_registered 1")) {
            break;
          }
          Thread.sleep(200);
        }
        assertThat(metrics).as(serve.stderr()).contains("\ntaoprom_chain_registered 1",
            "taoprom_chain_registration_attempts_total{outcome=\"registered\"} 1",
            "ip=\"203.0.113.7\"", "port=\"" + serve.port() + "\"", "version=\"183\"", "node_load1 ");
        PrometheusInfo held = PrometheusInfo.from(chain.get("SubtensorModule", "Prometheus", 1, alice));
        assertThat(held.port()).isEqualTo(serve.port());
        assertThat(held.version()).isEqualTo(183); // sn27: 100*1 + 10*8 + 3
        assertThat(submissions).hasValue(1);
        assertThat(serve.stderr()).contains("registering 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY on netuid 1")
            .doesNotContain("//Alice");

        chain.close();
        Thread.sleep(500);
        assertThat(serve.get("/metrics").statusCode()).isEqualTo(200);
        assertThat(serve.isAlive()).isTrue();
      }
    } finally {
      chain.close();
    }
  }
}
