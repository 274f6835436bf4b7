package io.taoprom.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.ScrapeDeadline;
import io.taoprom.metrics.textfile.format.ParsedFamily;
import io.taoprom.metrics.textfile.format.ExpositionReader;
import io.taoprom.metrics.textfile.format.HeapBudget;
import io.taoprom.metrics.textfile.format.ProblemLog;
import io.taoprom.metrics.textfile.format.TextFormatParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scrape collector against real HTTP endpoints on loopback: good, slow, down, garbage. */
class ScrapeCollectorTest {

  private static final String NEURON =
      """
      # HELP neuron_requests_total Requests handled.
      # TYPE neuron_requests_total counter
      neuron_requests_total{synapse="forward"} 1027.0
      # HELP gpu_busy_ratio Busy.
      # TYPE gpu_busy_ratio gauge
      gpu_busy_ratio{source="cuda"} 0.5
      # TYPE taoprom_scrape_target_up gauge
      taoprom_scrape_target_up 1
      """;

  private static final String VALIDATOR =
      """
      # HELP neuron_requests_total Requests handled.
      # TYPE neuron_requests_total counter
      neuron_requests_total{synapse="forward"} 5.0
      # HELP gpu_busy_ratio Busy, as a counter by mistake.
      # TYPE gpu_busy_ratio counter
      gpu_busy_ratio 2
      """;

  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final CountDownLatch slowRelease = new CountDownLatch(1);
  private final List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-endpoint");
      t.setDaemon(true);
      return t;
    }));
    bodies.put("/neuron", NEURON);
    bodies.put("/validator", VALIDATOR);
    bodies.put("/garbage", "<html><body>502 Bad Gateway</body></html>\n");
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stopServer() {
    slowRelease.countDown();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try (exchange) {
      if (path.equals("/slow")) {
        try {
          slowRelease.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (path.equals("/error")) {
        exchange.sendResponseHeaders(500, -1);
        return;
      }
      byte[] body = bodies.getOrDefault(path, "slow_metric 1\n").getBytes(StandardCharsets.UTF_8);
      if (path.equals("/gzip")) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
          gz.write(NEURON.getBytes(StandardCharsets.UTF_8));
        }
        body = zipped.toByteArray();
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
      }
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private ScrapeTarget target(String name, String path) {
    return new ScrapeTarget(name, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
  }

  private ScrapeCollector collector(Duration timeout, int maxBytes, ScrapeTarget... targets) {
    ProblemLog problems = new ProblemLog(new ListLogger(logged));
    return new ScrapeCollector(List.of(targets), timeout, maxBytes, problems, ExpositionReader.DEFAULT_MAX_SERIES, new HeapBudget(64 << 20).account());
  }

  private static String text(MultiCollector collector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, collector.collect());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The up value of each source in a scrape's text. */
  private static Map<String, Double> up(String text) throws Exception {
    ParsedFamily up = TextFormatParser.parse(text).stream()
        .filter(f -> f.name().equals(ScrapeCollector.UP)).findFirst().orElseThrow();
    return up.samples().stream().collect(Collectors.toMap(s -> s.label("source"), s -> s.value()));
  }

  @Test
  void goldenTextOfTwoTargetsWhoseNamesClash() throws Exception {
    ScrapeCollector collector =
        collector(Duration.ofSeconds(5), 1 << 20, target("neuron", "/neuron"), target("validator", "/validator"));

    String text = text(collector).replaceAll("(duration_seconds\\{source=\"\\w+\"}) [0-9.E-]+", "$1 D");

    // neuron_requests_total is merged by the source label; the validator's gpu_busy_ratio is a
    // counter where the neuron's is a gauge and is left out; the neuron's own
    // taoprom_scrape_target_up would collide with ours and is left out; the neuron's source
    // label is kept as exported_source.
    assertThat(text)
        .isEqualTo(
            """
            # HELP gpu_busy_ratio Busy.
            # TYPE gpu_busy_ratio gauge
            gpu_busy_ratio{exported_source="cuda",source="neuron"} 0.5
            # HELP neuron_requests_total Requests handled.
            # TYPE neuron_requests_total counter
            neuron_requests_total{source="neuron",synapse="forward"} 1027.0
            neuron_requests_total{source="validator",synapse="forward"} 5.0
            # HELP taoprom_scrape_target_duration_seconds How long fetching and parsing this scrape target took, in seconds.
            # TYPE taoprom_scrape_target_duration_seconds gauge
            taoprom_scrape_target_duration_seconds{source="neuron"} D
            taoprom_scrape_target_duration_seconds{source="validator"} D
            # HELP taoprom_scrape_target_skipped_families Families of this scrape target left out because they conflict with families already served.
            # TYPE taoprom_scrape_target_skipped_families gauge
            taoprom_scrape_target_skipped_families{source="neuron"} 1.0
            taoprom_scrape_target_skipped_families{source="validator"} 1.0
            # HELP taoprom_scrape_target_up 1 if the last fetch of this scrape target succeeded and its exposition parsed, 0 otherwise.
            # TYPE taoprom_scrape_target_up gauge
            taoprom_scrape_target_up{source="neuron"} 1.0
            taoprom_scrape_target_up{source="validator"} 1.0
            """);
    assertThat(logged)
        .containsExactlyInAnyOrder(
            "WARNING scrape target neuron: gauge taoprom_scrape_target_up left out: taoprom_scrape_target_up is one of the scrape collector's own series",
            "WARNING scrape target validator: unknown gpu_busy_ratio left out: neuron yields it as a gauge");
    // A second scrape with the same problems logs nothing new.
    text(collector);
    assertThat(logged).hasSize(2);
  }

  @Test
  void slowTargetTimesOutWithoutHoldingBackTheOthers() throws Exception {
    ScrapeCollector collector =
        collector(Duration.ofMillis(400), 1 << 20, target("slow", "/slow"), target("neuron", "/neuron"));
    // The first HTTP exchange of a JVM loads the client's classes, which can take longer than 400 ms
    // on a busy two-core machine; warm up so that only /slow is slow.
    text(collector(Duration.ofSeconds(5), 1 << 20, target("neuron", "/neuron")));
    logged.clear();

    long start = System.nanoTime();
    String text = text(collector);
    long took = System.nanoTime() - start;

    assertThat(up(text)).as(String.join("\n", logged)).containsEntry("slow", 0.0).containsEntry("neuron", 1.0);
    assertThat(text).contains("neuron_requests_total{source=\"neuron\"").doesNotContain("slow_metric");
    assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(3));
    assertThat(logged).anyMatch(l -> l.contains("scrape target slow") && l.contains("timed out after 0.400 s"));
  }

  @Test
  void theScrapeDeadlineShortensTheConfiguredTimeout() throws Exception {
    ScrapeCollector collector = collector(Duration.ofSeconds(30), 1 << 20, target("slow", "/slow"));

    long start = System.nanoTime();
    var snapshots = ScrapeDeadline.runWith(start + Duration.ofMillis(600).toNanos(), collector::collect);
    long took = System.nanoTime() - start;

    assertThat(Duration.ofNanos(took)).isLessThan(Duration.ofSeconds(3));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    assertThat(up(out.toString(StandardCharsets.UTF_8))).containsEntry("slow", 0.0);
  }

  @Test
  void downTargetIsReportedAsDown() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ScrapeTarget down = new ScrapeTarget("down", URI.create("http://127.0.0.1:" + closedPort + "/metrics"));
    ScrapeCollector collector = collector(Duration.ofSeconds(2), 1 << 20, down, target("neuron", "/neuron"));

    String text = text(collector);

    assertThat(up(text)).containsEntry("down", 0.0).containsEntry("neuron", 1.0);
    assertThat(logged).anyMatch(l -> l.contains("scrape target down") && l.contains("connection refused"));
  }

  @Test
  void garbageErrorStatusAndOversizedBodiesAreReportedAsDown() throws Exception {
    bodies.put("/big", "x 1\n".repeat(1000));
    ScrapeCollector collector =
        collector(Duration.ofSeconds(2), 2000,
            target("garbage", "/garbage"), target("error", "/error"), target("big", "/big"), target("neuron", "/neuron"));

    String text = text(collector);

    assertThat(up(text))
        .containsEntry("garbage", 0.0).containsEntry("error", 0.0).containsEntry("big", 0.0).containsEntry("neuron", 1.0);
    assertThat(text).doesNotContain("html", "x{");
    assertThat(logged)
        .anyMatch(l -> l.contains("scrape target garbage") && l.contains("not Prometheus text format: line 1"))
        .anyMatch(l -> l.contains("scrape target error") && l.contains("answered HTTP 500"))
        .anyMatch(l -> l.contains("scrape target big") && l.contains("larger than 2000 bytes"));
    // Whatever the targets sent, the exposition parses.
    assertThat(TextFormatParser.parse(text)).isNotEmpty();
  }

  @Test
  void gzipBodiesAreDecompressed() throws Exception {
    String text = text(collector(Duration.ofSeconds(2), 1 << 20, target("zipped", "/gzip")));

    assertThat(up(text)).containsEntry("zipped", 1.0);
    assertThat(text).contains("neuron_requests_total{source=\"zipped\",synapse=\"forward\"} 1027.0");
  }

  /** A System.Logger that keeps level and message. */
  private static final class ListLogger implements System.Logger {
    private final List<String> lines;

    ListLogger(List<String> lines) {
      this.lines = lines;
    }

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg);
    }

    @Override
    public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + format);
    }
  }
}
