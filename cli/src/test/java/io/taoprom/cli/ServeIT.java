package io.taoprom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taoprom serve} end to end, as a separate process with the host collectors: its
 * {@code /metrics} passes {@code promtool check metrics}, negotiates OpenMetrics, protobuf and
 * gzip, and a real Prometheus server scrapes it and answers queries on the series.
 */
class ServeIT {

  private static final String PROTOBUF =
      "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";
  private static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0";

  // node_exporter's names break promtool's rules in places (node_memory_MemTotal_bytes keeps
  // /proc/meminfo's CamelCase, node_netstat_Tcp_InSegs the kernel's, node_entropy_available_bits
  // counts bits); dashboards depend on them, and the parity ITs hold every node_* family to
  // node_exporter's name. So promtool may complain about node_* families, and about nothing else.
  private static final Pattern COMPLAINT = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*) .+$");

  private static ServeProcess serve;

  @BeforeAll
  static void startServe() throws Exception {
    serve = ServeProcess.start(List.of("-Xmx64m"), List.of());
  }

  @AfterAll
  static void stopServe() {
    if (serve != null) {
      serve.close();
    }
  }

  @Test
  void startupLineNamesTheAddressAndTheCollectors() {
    String log = serve.stderr();
    assertThat(log).contains("http://127.0.0.1:" + serve.port() + "/metrics");
    assertThat(log).contains("cpu").contains("meminfo");
    assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void metricsPassPromtoolExceptForNodeExportersOwnNames() throws Exception {
    Path promtool = ExternalTools.require("promtool", "install the Debian package prometheus");
    HttpResponse<String> metrics = serve.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    String text = metrics.body();
    assertThat(text).contains("node_cpu_seconds_total{").contains("taoprom_scrape_collector_success{");
    // TaoProm's own process, on by default, with node_exporter's names.
    assertThat(text).contains("\nprocess_cpu_seconds_total ").contains("\nprocess_resident_memory_bytes ")
        .contains("\nprocess_virtual_memory_bytes ").contains("\nprocess_open_fds ").contains("\nprocess_max_fds ")
        .contains("\nprocess_start_time_seconds ").contains("taoprom_scrape_collector_success{collector=\"process\"} 1.0")
        .doesNotContain("\njvm_");

    Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (var in = check.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();

    Set<String> complainedAbout = new TreeSet<>();
    for (String line : out.strip().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = COMPLAINT.matcher(line.strip());
      assertThat(m.matches() && m.group(1).startsWith("node_"))
          .as("promtool complaint about a family that is not node_exporter's: %s%nall output:%n%s", line, out).isTrue();
      complainedAbout.add(m.group(1));
    }
    // promtool did read the text: it names node_exporter's own CamelCase memory families.
    assertThat(complainedAbout).contains("node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes");
    assertThat(check.exitValue()).isEqualTo(complainedAbout.isEmpty() ? 0 : 3);
  }

  @Test
  void theJvmCollectorIsTurnedOnByItsSwitchAndPassesPromtool() throws Exception {
    Path promtool = ExternalTools.require("promtool", "install the Debian package prometheus");
    try (ServeProcess own = ServeProcess.start(List.of("-Xmx64m"),
        List.of("--collector.disable-defaults", "--collector.jvm", "--collector.loadavg"))) {
      String text = own.get("/metrics").body();

      assertThat(text).contains("\njvm_memory_used_bytes{area=\"heap\"} ").contains("\njvm_threads_current ")
          .contains("taoprom_scrape_collector_success{collector=\"jvm\"} 1.0")
          .doesNotContain("\nprocess_").doesNotContain("collector=\"process\"");
      Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
      try (var in = check.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      }
      String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(out).as("promtool output").isEmpty();
      assertThat(check.exitValue()).isZero();
    }
  }

  @Test
  void openMetricsIsNegotiated() throws Exception {
    HttpResponse<String> r = serve.get("/metrics", "Accept", OPENMETRICS);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
    assertThat(r.body()).contains("# TYPE node_cpu_seconds counter").contains("node_cpu_seconds_total{").endsWith("# EOF\n");
  }

  @Test
  void protobufIsNegotiated() throws Exception {
    HttpResponse<byte[]> r = serve.getBytes("/metrics", "Accept", PROTOBUF);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/vnd.google.protobuf").contains("io.prometheus.client.MetricFamily"));
    assertThat(delimitedFamilyNames(r.body())).contains("node_cpu_seconds_total", "node_load1", "taoprom_scrape_collector_success");
  }

  @Test
  void gzipWhenAsked() throws Exception {
    HttpResponse<byte[]> r = serve.getBytes("/metrics", "Accept-Encoding", "gzip");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String text;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).contains("# TYPE node_cpu_seconds_total counter").contains("node_memory_MemTotal_bytes ");
    assertThat(serve.get("/metrics").headers().firstValue("Content-Encoding")).isEmpty();
  }

  @Test
  void nonsenseFromClientsNeverKillsTheExporter() throws Exception {
    for (String[] request : List.of(
        new String[] {"/metrics", "Accept", "%%% nonsense ;;; q=banana"},
        new String[] {"/metrics?collect[]=no%20such", "Accept", "text/plain"},
        new String[] {"/metrics?exclude[]=", "Accept", "text/plain"})) {
      HttpResponse<String> r = serve.get(request[0], request[1], request[2]);
      assertThat(r.statusCode()).as("%s with %s", request[0], request[2]).isIn(200, 400);
      assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
    assertThat(serve.get("/metrics").statusCode()).isEqualTo(200);
    assertThat(serve.isAlive()).isTrue();
  }

  @Test
  void realPrometheusScrapesTheTargetAndQueriesTheSeries(@TempDir Path dir) throws Exception {
    Path prometheus = ExternalTools.require("prometheus", "install the Debian package prometheus");
    int port = ServeProcess.freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: taoprom
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(serve.port()));
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
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      ObjectMapper json = new ObjectMapper();

      JsonNode target = poll(Duration.ofSeconds(60), p, log, () -> {
        JsonNode targets = json.readTree(fetch(http, api + "/api/v1/targets"));
        for (JsonNode t : targets.path("data").path("activeTargets")) {
          if ("up".equals(t.path("health").asText())) {
            return t;
          }
        }
        return null;
      });
      assertThat(target.path("labels").path("job").asText()).isEqualTo("taoprom");
      assertThat(target.path("scrapeUrl").asText()).isEqualTo(serve.baseUrl() + "/metrics");
      assertThat(target.path("lastError").asText()).isEmpty();

      String query = api + "/api/v1/query?query=" + URLEncoder.encode("node_cpu_seconds_total", StandardCharsets.UTF_8);
      JsonNode result = poll(Duration.ofSeconds(30), p, log, () -> {
        JsonNode r = json.readTree(fetch(http, query)).path("data").path("result");
        return r.isArray() && r.size() > 0 ? r : null;
      });
      Set<String> modes = new TreeSet<>();
      for (JsonNode series : result) {
        assertThat(series.path("metric").path("job").asText()).isEqualTo("taoprom");
        assertThat(series.path("metric").path("cpu").asText()).isNotEmpty();
        modes.add(series.path("metric").path("mode").asText());
        assertThat(Double.parseDouble(series.path("value").get(1).asText())).isGreaterThanOrEqualTo(0);
      }
      assertThat(modes).contains("idle", "user", "system");

      JsonNode up = json.readTree(fetch(http, api + "/api/v1/query?query=up")).path("data").path("result");
      assertThat(up.get(0).path("value").get(1).asText()).isEqualTo("1");
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

  @Test
  void sigtermStopsTheServerGracefully() throws Exception {
    try (ServeProcess own = ServeProcess.start(List.of("-Xmx64m"), List.of("--collector.disable-defaults", "--collector.loadavg"))) {
      assertThat(own.get("/metrics").body()).contains("node_load1 ").doesNotContain("node_cpu_seconds_total");
      int exit = own.stop(Duration.ofSeconds(15));
      // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks and exited on the signal.
      assertThat(exit).isEqualTo(143);
      assertThat(own.stderr()).contains("level=info source=taoprom.serve msg=stopped").doesNotContain("Exception");
    }
  }

  @Test
  void aPluginThatCannotLoadIsOneWarningLineAndTheOthersServe(@TempDir Path dir) throws Exception {
    // A jar registering a plugin class that does not exist, as a broken third-party jar would.
    Path jar = dir.resolve("broken-plugin.jar");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/io.taoprom.exporter.spi.CollectorPlugin"));
      out.write("com.example.MissingPlugin\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (ServeProcess own = ServeProcess.start(List.of("-Xmx64m"), List.of("--collector.disable-defaults", "--collector.uname"), List.of(jar))) {
      assertThat(own.get("/metrics").body()).contains("node_uname_info{");
      List<String> lines = own.stderr().lines().toList();
      assertThat(CliRun.withoutTime(own.stderr())).contains("level=warn source=io.taoprom.exporter msg=\"collector plugin not loaded:"
          + " Provider com.example.MissingPlugin not found\"");
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(" msg=\"serving ").endsWith(" plugins_failed=\"1 (see 'taoprom collectors')\""));
      // Not java.util.logging's default two-line format ("Nov 25, ... WARNING: ..."): ours, every line.
      assertThat(own.stderr()).doesNotContain("\tat ").doesNotContainPattern("(?m)^WARNING: ");
      assertThat(lines).allSatisfy(l -> assertThat(l).matches("time=\\S+ level=(info|warn) source=\\S+ msg=.*"));
    }
  }

  /** The family names in a varint-delimited stream of protobuf {@code MetricFamily} messages. */
  static List<String> delimitedFamilyNames(byte[] body) {
    List<String> names = new ArrayList<>();
    int[] at = {0};
    while (at[0] < body.length) {
      int length = (int) varint(body, at);
      int end = at[0] + length;
      // MetricFamily.name is field 1, length-delimited: tag byte 0x0a, and writers put it first.
      if (body[at[0]] == 0x0a) {
        at[0]++;
        int n = (int) varint(body, at);
        names.add(new String(body, at[0], n, StandardCharsets.UTF_8));
      }
      at[0] = end;
    }
    return names;
  }

  private static long varint(byte[] b, int[] at) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte next = b[at[0]++];
      value |= (long) (next & 0x7f) << shift;
      if ((next & 0x80) == 0) {
        return value;
      }
    }
  }

  private static String fetch(HttpClient http, String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  interface Probe<T> {
    T attempt() throws Exception;
  }

  private static <T> T poll(Duration timeout, Process prometheus, Path log, Probe<T> probe) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!prometheus.isAlive()) {
        throw new AssertionError("prometheus exited with " + prometheus.exitValue() + ": " + Files.readString(log));
      }
      try {
        T value = probe.attempt();
        if (value != null) {
          return value;
        }
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out after " + timeout + " (last error: " + last + "); prometheus log:\n" + Files.readString(log), last);
  }
}
