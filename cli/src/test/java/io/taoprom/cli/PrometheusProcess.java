package io.taoprom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server on a free loopback port with a config of the test's, its data in a
 * directory of the test's; the targets API read as JSON. Closing stops it and removes its data.
 *
 * <pre>{@code
 * try (PrometheusProcess prometheus = PrometheusProcess.start(binary, dir, "scrape_configs: ...")) {
 *   JsonNode target = prometheus.awaitTarget("taoprom", "up", Duration.ofSeconds(60));
 * }
 * }</pre>
 */
final class PrometheusProcess implements AutoCloseable {

  private final Process process;
  private final Path dir;
  private final Path log;
  private final String api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  private PrometheusProcess(Process process, Path dir, Path log, String api) {
    this.process = process;
    this.dir = dir;
    this.log = log;
    this.api = api;
  }

  /** Starts {@code prometheus} with {@code config} (YAML) in {@code dir}. */
  static PrometheusProcess start(Path prometheus, Path dir, String config) throws IOException {
    return start(prometheus, dir, config, List.of());
  }

  /** As {@link #start(Path, Path, String)}, with more flags ({@code --web.enable-remote-write-receiver}). */
  static PrometheusProcess start(Path prometheus, Path dir, String config, List<String> flags) throws IOException {
    int port = ServeProcess.freePort();
    Files.createDirectories(dir);
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);
    Path log = dir.resolve("prometheus.log");
    List<String> command = new ArrayList<>(List.of(prometheus.toString(),
            "--config.file=" + file,
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--web.console.templates=" + dir.resolve("consoles"),
            "--web.console.libraries=" + dir.resolve("console_libraries")));
    command.addAll(flags);
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new PrometheusProcess(p, dir, log, "http://127.0.0.1:" + port);
  }

  /** The server's base URL, {@code http://127.0.0.1:PORT}. */
  String url() {
    return api;
  }

  /** Every active target, as {@code /api/v1/targets} lists them now. */
  JsonNode activeTargets() throws IOException, InterruptedException {
    return json.readTree(fetch(api + "/api/v1/targets")).path("data").path("activeTargets");
  }

  /** The active target of {@code job}, once its health is {@code health} ("up", "down"). */
  JsonNode awaitTarget(String job, String health, Duration timeout) throws Exception {
    return poll(timeout, () -> target(job).filter(t -> health.equals(t.path("health").asText())).orElse(null));
  }

  /** The active target of {@code job} as Prometheus reports it now. */
  Optional<JsonNode> target(String job) throws IOException, InterruptedException {
    JsonNode targets = json.readTree(fetch(api + "/api/v1/targets"));
    for (JsonNode t : targets.path("data").path("activeTargets")) {
      if (job.equals(t.path("labels").path("job").asText())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * GET {@code pathAndQuery} of the HTTP API ({@code /api/v1/query?query=...}, already URL-encoded)
   * as JSON, whatever the status: Prometheus' error answers are JSON too.
   */
  JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
    return json.readTree(fetch(api + pathAndQuery));
  }

  /**
   * The result of an instant query once it has at least {@code series} series (a vector's
   * elements), as Prometheus' API returns them.
   */
  JsonNode awaitQuery(String promql, int series, Duration timeout) throws Exception {
    String url = api + "/api/v1/query?query=" + java.net.URLEncoder.encode(promql, java.nio.charset.StandardCharsets.UTF_8);
    return poll(timeout, () -> {
      JsonNode result = json.readTree(fetch(url)).path("data").path("result");
      return result.isArray() && result.size() >= series ? result : null;
    });
  }

  private String fetch(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** What Prometheus logged so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private <T> T poll(Duration timeout, Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("prometheus exited with " + process.exitValue() + ": " + log());
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
    throw new AssertionError("timed out after " + timeout + " (last error: " + last + "); prometheus log:\n" + log(), last);
  }

  @Override
  public void close() throws InterruptedException, IOException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    // Prometheus' data directory must go before @TempDir cleans up.
    try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (java.nio.file.NoSuchFileException none) {
      // never written
    }
  }
}
