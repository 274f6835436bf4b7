package io.taoprom.cli;

import static io.taoprom.cli.targets.SubnetFixture.ALICE;
import static io.taoprom.cli.targets.SubnetFixture.BOB;
import static io.taoprom.cli.targets.SubnetFixture.neuron;
import static io.taoprom.cli.targets.SubnetFixture.v4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taoprom.chain.FakeChain;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole-subnet discovery end to end: the fake node's storage lists two Prometheus endpoints that
 * are themselves {@code taoprom serve} processes on 127.0.0.1 (plus one with ip 0), a third
 * {@code taoprom serve --sd.netuid 1} reads them from the fake node and serves {@code /sd}, and a
 * real Prometheus server configured with {@code http_sd_configs} discovers both neurons and
 * scrapes them: up, with the {@code netuid}, {@code hotkey}, {@code uid} and {@code version} labels.
 */
class SubnetDiscoveryIT {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void prometheusDiscoversTheSubnetThroughSdAndScrapesEveryNeuron(@TempDir Path dir) throws Exception {
    Path prometheus = ExternalTools.require("prometheus", "install the Debian package prometheus");
    List<String> small = List.of("--collector.disable-defaults", "--collector.loadavg");
    try (FakeChain chain = new FakeChain();
        ServeProcess alice = ServeProcess.start(List.of("-Xmx64m"), small);
        ServeProcess bob = ServeProcess.start(List.of("-Xmx64m"), small)) {
      neuron(chain, 1, "//Alice", 0, v4("127.0.0.1"), alice.port(), 4, 100);
      neuron(chain, 1, "//Bob", 1, v4("127.0.0.1"), bob.port(), 4, 101);
      neuron(chain, 1, "//Charlie", 2, BigInteger.ZERO, 7091, 4, 1); // never served: left out

      List<String> sdArgs = new ArrayList<>(small);
      sdArgs.addAll(List.of("--network", chain.uri().toString(), "--sd.netuid", "1", "--sd.refresh-interval", "1s"));
      try (ServeProcess sd = ServeProcess.start(List.of("-Xmx64m"), sdArgs)) {
        JsonNode groups = poll(Duration.ofSeconds(30), null, null, () -> {
          HttpResponse<String> r = sd.get("/sd");
          return r.statusCode() == 200 ? json.readTree(r.body()) : null;
        });
        assertThat(groups).hasSize(2);
        assertThat(sd.stderr()).contains("serving service discovery of netuid 1");

        runPrometheus(prometheus, dir, sd, Map.of(alice.port(), ALICE, bob.port(), BOB));
        // The SD process maps its chain client to taoprom_chain_* series on its own /metrics.
        assertThat(sd.get("/metrics").body()).contains("taoprom_chain_rpc_requests_total{method=\"state_getKeysPaged\"");
      }
    }
  }

  private void runPrometheus(Path prometheus, Path dir, ServeProcess sd, Map<Integer, String> hotkeyByPort)
      throws Exception {
    int port = ServeProcess.freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: subnet
            http_sd_configs:
              - url: http://127.0.0.1:%d/sd
                refresh_interval: 1s
        """.formatted(sd.port()));
    Path log = dir.resolve("prometheus.log");
    Process p = new ProcessBuilder(prometheus.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--web.console.templates=" + dir.resolve("consoles"),
            "--web.console.libraries=" + dir.resolve("console_libraries"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      String api = "http://127.0.0.1:" + port;
      JsonNode up = poll(Duration.ofSeconds(60), p, log, () -> {
        JsonNode active = json.readTree(fetch(api + "/api/v1/targets")).path("data").path("activeTargets");
        int healthy = 0;
        for (JsonNode t : active) {
          healthy += "up".equals(t.path("health").asText()) ? 1 : 0;
        }
        return active.size() == 2 && healthy == 2 ? active : null;
      });
      Map<Integer, JsonNode> byPort = new HashMap<>();
      for (JsonNode t : up) {
        byPort.put(URI.create(t.path("scrapeUrl").asText()).getPort(), t.path("labels"));
      }
      assertThat(byPort.keySet()).containsExactlyInAnyOrderElementsOf(hotkeyByPort.keySet());
      for (Map.Entry<Integer, String> e : hotkeyByPort.entrySet()) {
        JsonNode labels = byPort.get(e.getKey());
        assertThat(labels.path("job").asText()).isEqualTo("subnet");
        assertThat(labels.path("netuid").asText()).isEqualTo("1");
        assertThat(labels.path("hotkey").asText()).isEqualTo(e.getValue());
        assertThat(labels.path("uid").asText()).isIn("0", "1");
        assertThat(labels.path("version").asText()).isIn("100", "101");
      }

      // And queries by those labels work: both neurons' up series are 1.
      String query = api + "/api/v1/query?query=" + URLEncoder.encode("up{netuid=\"1\"}", StandardCharsets.UTF_8);
      JsonNode result = poll(Duration.ofSeconds(30), p, log, () -> {
        JsonNode r = json.readTree(fetch(query)).path("data").path("result");
        return r.size() == 2 ? r : null;
      });
      List<String> hotkeys = new ArrayList<>();
      for (JsonNode series : result) {
        assertThat(series.path("value").get(1).asText()).isEqualTo("1");
        hotkeys.add(series.path("metric").path("hotkey").asText());
      }
      assertThat(hotkeys).containsExactlyInAnyOrderElementsOf(hotkeyByPort.values());
    } finally {
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      // Prometheus' data directory must go before @TempDir cleans up.
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(dir)).forEach(f -> f.toFile().delete());
      }
    }
  }

  private String fetch(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Retries {@code probe} until it returns non-null; fails with Prometheus' log if it exits or time runs out. */
  private static <T> T poll(Duration timeout, Process prometheus, Path log, Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (prometheus != null && !prometheus.isAlive()) {
        throw new AssertionError("prometheus exited with " + prometheus.exitValue() + ": " + Files.readString(log));
      }
      try {
        T value = probe.call();
        if (value != null) {
          return value;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out after " + timeout + " (last error: " + last + ")"
        + (log != null ? "; prometheus log:\n" + Files.readString(log) : ""), last);
  }
}
