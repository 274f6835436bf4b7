package io.taoprom.exporter.scrape;

import static io.taoprom.exporter.scrape.FamilyTableTest.counter;
import static io.taoprom.exporter.scrape.FamilyTableTest.gauge;
import static io.taoprom.exporter.scrape.FamilyTableTest.histogram;
import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code promtool check metrics} on an exposition where collectors share family names: merged
 * gauges whose series have different label names, merged counters and histograms, and
 * families left out for conflicting. Prometheus' own linter must find nothing to complain of.
 */
class MergedFamiliesLintIT {

  private static String promtool() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      File candidate = new File(dir, "promtool");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    String message = "promtool not found on PATH (Debian package 'prometheus'); skipping the lint";
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(message + " — required in CI");
    }
    Assumptions.abort(message);
    return null;
  }

  @Test
  void promtoolAcceptsMergedFamilies() throws Exception {
    String promtool = promtool();
    MultiCollector host = () -> MetricSnapshots.of(
        gauge("node_load1", "1m load average.", 0.25),
        counter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", 12),
        histogram("request_duration_seconds", false, "handler", "metrics"));
    MultiCollector scrape = () -> MetricSnapshots.of(
        gauge("node_load1", "Load, as the neuron reports it.", 1.5, "source", "neuron"),
        counter("process_cpu_seconds", "CPU of the neuron.", 30, "source", "neuron"),
        histogram("request_duration_seconds", false, "source", "neuron"),
        counter("node_load5", "Conflicts with the other gauge: left out.", 1, "source", "neuron"));
    MultiCollector more = () -> MetricSnapshots.of(
        gauge("node_load1", "A third source.", 2, "source", "sidecar", "instance", "b"),
        gauge("node_load5", "5m load average.", 0.5),
        gauge("process_cpu_seconds_created", "Collides with the counter's _created: left out.", 1, "source", "sidecar"));
    byte[] text;
    try (IsolatingCollector isolating = IsolatingCollector.builder()
        .collector("host", host).collector("more", more).collector("scrape", scrape).build()) {
      MetricSnapshots snapshots = isolating.scrape(ScrapeRequest.all(Duration.ofSeconds(5)));
      assertThat(IsolatingCollectorTest.success(snapshots)).containsEntry("scrape", 1.0).containsEntry("host", 1.0).containsEntry("more", 1.0);
      assertThat(FamilyTableTest.skipped(snapshots)).containsEntry("scrape", 1.0).containsEntry("host", 0.0).containsEntry("more", 1.0);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, snapshots);
      text = out.toByteArray();
    }
    assertThat(new String(text, StandardCharsets.UTF_8))
        .contains("node_load1{instance=\"b\",source=\"sidecar\"} 2.0\n")
        .contains("process_cpu_seconds_total{source=\"neuron\"} 30.0\n");

    Process check = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
    check.getOutputStream().write(text);
    check.getOutputStream().close();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as("promtool output").isEmpty();
    assertThat(check.exitValue()).isZero();
  }
}
