package io.taoprom.metrics.textfile.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyMergerTest {

  /** What Python's prometheus_client 0.x writes in text format 0.0.4 for a small neuron. */
  private static final String PYTHON_CLIENT =
      """
      # HELP neuron_requests_total Requests handled.
      # TYPE neuron_requests_total counter
      neuron_requests_total{synapse="forward"} 1027.0
      neuron_requests_total{synapse="backward"} 3.0
      # HELP neuron_requests_created Requests handled.
      # TYPE neuron_requests_created gauge
      neuron_requests_created{synapse="forward"} 1.7e+09
      neuron_requests_created{synapse="backward"} 1.7e+09
      # HELP neuron_latency_seconds Latency.
      # TYPE neuron_latency_seconds histogram
      neuron_latency_seconds_bucket{le="0.5"} 2.0
      neuron_latency_seconds_bucket{le="1.0"} 5.0
      neuron_latency_seconds_bucket{le="+Inf"} 6.0
      neuron_latency_seconds_count 6.0
      neuron_latency_seconds_sum 3.25
      # HELP neuron_latency_seconds_created Latency.
      # TYPE neuron_latency_seconds_created gauge
      neuron_latency_seconds_created 1.7e+09
      # HELP python_info Python platform information
      # TYPE python_info gauge
      python_info{implementation="CPython",major="3",minor="11",source="venv"} 1.0
      # HELP gc_pause_seconds GC pauses.
      # TYPE gc_pause_seconds summary
      gc_pause_seconds{quantile="0.5"} 0.002
      gc_pause_seconds_count 10.0
      gc_pause_seconds_sum 0.03
      """;

  private static String text(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void goldenTextOfAPythonClientExpositionWithASourceLabel() throws Exception {
    FamilyMerger merger = new FamilyMerger(false);

    int skipped = merger.add("neuron", TextFormatParser.parse(PYTHON_CLIENT), Labels.of("source", "neuron"));

    // The _created gauges became created timestamps (the 0.0.4 writer does not print them); the
    // sample's own source label is kept as exported_source.
    assertThat(skipped).isZero();
    assertThat(text(new MetricSnapshots(merger.build((n, o) -> null))))
        .isEqualTo(
            """
            # HELP gc_pause_seconds GC pauses.
            # TYPE gc_pause_seconds summary
            gc_pause_seconds{source="neuron",quantile="0.5"} 0.002
            gc_pause_seconds_count{source="neuron"} 10
            gc_pause_seconds_sum{source="neuron"} 0.03
            # HELP neuron_latency_seconds Latency.
            # TYPE neuron_latency_seconds histogram
            neuron_latency_seconds_bucket{source="neuron",le="0.5"} 2
            neuron_latency_seconds_bucket{source="neuron",le="1.0"} 5
            neuron_latency_seconds_bucket{source="neuron",le="+Inf"} 6
            neuron_latency_seconds_count{source="neuron"} 6
            neuron_latency_seconds_sum{source="neuron"} 3.25
            # HELP neuron_requests_total Requests handled.
            # TYPE neuron_requests_total counter
            neuron_requests_total{source="neuron",synapse="backward"} 3.0
            neuron_requests_total{source="neuron",synapse="forward"} 1027.0
            # HELP python_info Python platform information
            # TYPE python_info gauge
            python_info{exported_source="venv",implementation="CPython",major="3",minor="11",source="neuron"} 1.0
            """);
  }

  @Test
  void createdTimestampsReachOpenMetrics() throws Exception {
    FamilyMerger merger = new FamilyMerger(false);
    merger.add("neuron", TextFormatParser.parse(PYTHON_CLIENT), Labels.EMPTY);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(true).build()
        .write(out, new MetricSnapshots(merger.build((n, o) -> null)));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("neuron_requests_total{synapse=\"forward\"} 1027.0\n")
        .contains("neuron_requests_created{synapse=\"forward\"} 1700000000.000\n")
        .contains("neuron_latency_seconds_created 1700000000.000\n");
  }

  @Test
  void mergesOneFamilyFromTwoInputsByTheirSourceLabel() throws Exception {
    FamilyMerger merger = new FamilyMerger(false);
    merger.add("a", TextFormatParser.parse("# HELP up_jobs Jobs.\n# TYPE up_jobs gauge\nup_jobs 1\n"), Labels.of("source", "a"));
    merger.add("b", TextFormatParser.parse("# HELP up_jobs Other help.\n# TYPE up_jobs gauge\nup_jobs 2\n"), Labels.of("source", "b"));

    assertThat(merger.problems()).isEmpty();
    assertThat(text(new MetricSnapshots(merger.build((n, o) -> null))))
        .isEqualTo(
            """
            # HELP up_jobs Jobs.
            # TYPE up_jobs gauge
            up_jobs{source="a"} 1.0
            up_jobs{source="b"} 2.0
            """);
  }

  @Test
  void leavesOutConflictsAndReportsEach() throws Exception {
    FamilyMerger merger = new FamilyMerger(true);
    merger.reserve("node_textfile_scrape_error");
    merger.add("one.prom", TextFormatParser.parse(
        """
        # HELP jobs Jobs.
        # TYPE jobs gauge
        jobs 1
        # HELP done_total Done.
        # TYPE done_total counter
        done_total 4
        # TYPE lat histogram
        lat_bucket{le="1"} 5
        lat_bucket{le="2"} 4
        # TYPE neg_total counter
        neg_total -1
        node_textfile_scrape_error 0
        """), Labels.EMPTY);
    int skipped = merger.add("two.prom", TextFormatParser.parse(
        """
        # TYPE jobs counter
        jobs 2
        # TYPE done gauge
        done 1
        # HELP done_total Other help.
        # TYPE done_total counter
        done_total{x="1"} 4
        # TYPE plain counter
        plain 7
        """), Labels.EMPTY);
    merger.add("three.prom", TextFormatParser.parse("# HELP jobs Jobs.\n# TYPE jobs gauge\njobs 3\n"), Labels.EMPTY);

    assertThat(skipped).isEqualTo(3);
    assertThat(merger.problems()).extracting(FamilyMerger.Problem::toString)
        .containsExactly(
            "one.prom: lat left out: bucket counts of lat fall at le=\"2.0\"",
            "one.prom: neg_total left out: -1.0: counters cannot have a negative value",
            "one.prom: node_textfile_scrape_error left out: the name node_textfile_scrape_error is served by TaoProm itself",
            "two.prom: jobs left out: its type is counter here but gauge in one.prom",
            "two.prom: done left out: the name done is already used by family done_total",
            "two.prom: done_total left out: its help text differs from the one in one.prom",
            "three.prom: jobs left out: series {} appears twice");
    // A counter named without _total is served as untyped under its own name.
    assertThat(text(new MetricSnapshots(merger.build((name, origins) -> "Metric read from " + String.join(", ", origins)))))
        .isEqualTo(
            """
            # HELP done_total Done.
            # TYPE done_total counter
            done_total 4.0
            # HELP jobs Jobs.
            # TYPE jobs gauge
            jobs 1.0
            # HELP plain Metric read from two.prom
            # TYPE plain untyped
            plain 7.0
            """);
  }
}
