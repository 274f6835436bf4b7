package io.taoprom.metrics.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.metrics.host.ExternalTool;
import io.taoprom.metrics.textfile.TextfilePlugin;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promtool check metrics} on what the textfile and scrape collectors serve, from inputs that
 * conflict with each other and with the collectors' own names: each merge must still be an
 * exposition Prometheus accepts without complaint. (Clashes between collectors are the exporter's
 * to settle; it leaves one of them out.)
 */
class MergedExpositionLintIT {

  private static final String NEURON =
      """
      # HELP neuron_requests_total Requests handled.
      # TYPE neuron_requests_total counter
      neuron_requests_total{synapse="forward"} 1027.0
      # HELP neuron_requests_created Requests handled.
      # TYPE neuron_requests_created gauge
      neuron_requests_created{synapse="forward"} 1.7e+09
      # HELP neuron_latency_seconds Latency.
      # TYPE neuron_latency_seconds histogram
      neuron_latency_seconds_bucket{le="0.5"} 2.0
      neuron_latency_seconds_bucket{le="+Inf"} 6.0
      neuron_latency_seconds_count 6.0
      neuron_latency_seconds_sum 3.25
      # HELP taoprom_scrape_target_up Ours.
      # TYPE taoprom_scrape_target_up gauge
      taoprom_scrape_target_up 1
      """;

  /** A second target whose families clash in type with the neuron's. */
  private static final String VALIDATOR =
      """
      # HELP neuron_latency_seconds Latency, as a summary.
      # TYPE neuron_latency_seconds summary
      neuron_latency_seconds_count 1
      neuron_latency_seconds_sum 1
      # HELP neuron_requests A counter without _total, served as untyped: clashes with neuron_requests_total.
      # TYPE neuron_requests counter
      neuron_requests 5
      """;

  @Test
  void textfileOutputPassesPromtool(@TempDir Path dir) throws Exception {
    Path promtool = ExternalTool.require("prometheus", "promtool");
    Files.writeString(dir.resolve("a.prom"),
        "# HELP backup_last_success_seconds Last good backup.\n# TYPE backup_last_success_seconds gauge\n"
            + "backup_last_success_seconds 1.7e9\n"
            + "# HELP jobs_done_total Jobs.\n# TYPE jobs_done_total counter\njobs_done_total 3\n");
    Files.writeString(dir.resolve("b.prom"),
        "# HELP backup_last_success_seconds Last good backup.\n# TYPE backup_last_success_seconds summary\n"
            + "backup_last_success_seconds_count 1\nbackup_last_success_seconds_sum 1\n"
            + "# HELP jobs_done Jobs, clashing.\n# TYPE jobs_done gauge\njobs_done 3\n"
            + "# HELP node_textfile_scrape_error Ours.\n# TYPE node_textfile_scrape_error gauge\nnode_textfile_scrape_error 0\n");
    Files.writeString(dir.resolve("broken.prom"), "this is not { valid\n");

    String text = text(new TextfilePlugin().create(
        CollectorConfig.of(Map.of("textfile.directory", List.of(dir.toString())))).collect());

    assertThat(lint(promtool, text)).as(text).isEmpty();
    assertThat(text).contains("backup_last_success_seconds 1.7E9", "jobs_done_total 3.0", "node_textfile_scrape_error 1.0");
  }

  @Test
  void scrapeOutputPassesPromtool() throws Exception {
    Path promtool = ExternalTool.require("prometheus", "promtool");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      byte[] body = (path.equals("/neuron") ? NEURON : VALIDATOR).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      List<String> targets = List.of("neuron=" + base + "/neuron", "validator=" + base + "/validator", "down=http://127.0.0.1:1/");

      String text = text(new ScrapePlugin().create(CollectorConfig.of(Map.of("scrape.target", targets))).collect());

      assertThat(lint(promtool, text)).as(text).isEmpty();
      assertThat(text).contains(
          "neuron_requests_total{source=\"neuron\",synapse=\"forward\"} 1027.0",
          "taoprom_scrape_target_up{source=\"down\"} 0.0",
          "taoprom_scrape_target_skipped_families{source=\"validator\"} 2.0")
          // the summary clashes in type; the untyped neuron_requests with the counter's base name
          .doesNotContain("neuron_requests{", "neuron_latency_seconds_count{source=\"validator\"}");
    } finally {
      server.stop(0);
    }
  }

  private static String text(MetricSnapshots snapshots) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** promtool's complaints, empty when it has none. */
  private static String lint(Path promtool, String text) throws Exception {
    Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.exitValue() == 0 ? output.strip() : "exit " + process.exitValue() + ": " + output;
  }
}
