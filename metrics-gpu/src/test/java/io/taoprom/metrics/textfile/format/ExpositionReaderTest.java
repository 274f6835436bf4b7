package io.taoprom.metrics.textfile.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.exporter.exposition.FamilyMerger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Expositions read into client_java snapshots (extra labels, created timestamps, conversions
 * client_java would refuse), merged by the exporter's one {@link FamilyMerger}, and the limits
 * on what one input may hold.
 */
class ExpositionReaderTest {

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

  private static Exposition read(String text, Labels extra) throws Exception {
    return ExpositionReader.builder().extraLabels(extra).build().read(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Reads each input and adds its families, as the textfile and scrape collectors do. */
  private static void add(FamilyMerger merger, String origin, String text, Labels extra) throws Exception {
    int source = merger.source(origin);
    for (MetricSnapshot family : read(text, extra).families()) {
      merger.add(source, family);
    }
  }

  private static String text(MetricSnapshots snapshots) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(out, snapshots);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void goldenTextOfAPythonClientExpositionWithASourceLabel() throws Exception {
    Exposition exposition = read(PYTHON_CLIENT, Labels.of("source", "neuron"));

    // The _created gauges became created timestamps (the 0.0.4 writer does not print them); the
    // sample's own source label is kept as exported_source.
    assertThat(exposition.leftOut()).isEmpty();
    assertThat(exposition.series()).isEqualTo(5);
    assertThat(text(new MetricSnapshots(exposition.families())))
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
  void groupingLabelsReplaceTheSeriesOwnLabelsOfTheSameNameInsteadOfExportingThem() throws Exception {
    String text = """
        # TYPE lat histogram
        lat_bucket{job="self",le="1"} 1
        lat_bucket{job="self",le="+Inf"} 2
        lat_count{job="self"} 2
        lat_sum{job="self"} 1.5
        jobs{job="self",queue="q"} 3
        """;
    Exposition exposition = ExpositionReader.builder().groupingLabels(Labels.of("instance", "a", "job", "batch")).build()
        .read(text.getBytes(StandardCharsets.UTF_8));

    assertThat(exposition.leftOut()).isEmpty();
    assertThat(text(new MetricSnapshots(exposition.families())))
        .isEqualTo(
            """
            # TYPE jobs untyped
            jobs{instance="a",job="batch",queue="q"} 3.0
            # TYPE lat histogram
            lat_bucket{instance="a",job="batch",le="1.0"} 1
            lat_bucket{instance="a",job="batch",le="+Inf"} 2
            lat_count{instance="a",job="batch"} 2
            lat_sum{instance="a",job="batch"} 1.5
            """);
  }

  @Test
  void createdTimestampsReachOpenMetrics() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(true).build()
        .write(out, new MetricSnapshots(read(PYTHON_CLIENT, Labels.EMPTY).families()));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("neuron_requests_total{synapse=\"forward\"} 1027.0\n")
        .contains("neuron_requests_created{synapse=\"forward\"} 1700000000.000\n")
        .contains("neuron_latency_seconds_created 1700000000.000\n");
  }

  @Test
  void mergesOneFamilyFromTwoInputsByTheirSourceLabel() throws Exception {
    FamilyMerger merger = FamilyMerger.builder().build();
    add(merger, "a", "# HELP up_jobs Jobs.\n# TYPE up_jobs gauge\nup_jobs 1\n", Labels.of("source", "a"));
    add(merger, "b", "# HELP up_jobs Other help.\n# TYPE up_jobs gauge\nup_jobs 2\n", Labels.of("source", "b"));

    assertThat(merger.leftOut()).isEmpty();
    assertThat(text(new MetricSnapshots(merger.families())))
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
    // What the old merger of this package did, now the reader's conversions and the exporter's merge.
    FamilyMerger merger = FamilyMerger.builder()
        .sameHelp(true)
        .defaultHelp((name, origins) -> "Metric read from " + String.join(", ", origins))
        .build();
    merger.reserve("node_textfile_scrape_error", "the textfile collector");
    Exposition one = read(
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
        """, Labels.EMPTY);
    assertThat(one.leftOut()).extracting(Exposition.LeftOutFamily::toString).containsExactly(
        "histogram lat left out: bucket counts of lat fall at le=\"2.0\"",
        "counter neg_total left out: -1.0: counters cannot have a negative value");
    int first = merger.source("one.prom");
    one.families().forEach(f -> merger.add(first, f));
    add(merger, "two.prom",
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
        """, Labels.EMPTY);
    add(merger, "three.prom", "# HELP jobs Jobs.\n# TYPE jobs gauge\njobs 3\n", Labels.EMPTY);

    assertThat(merger.leftOut()).extracting(FamilyMerger.LeftOut::toString)
        .containsExactly(
            "one.prom: unknown node_textfile_scrape_error left out: node_textfile_scrape_error is one of the textfile collector's own series",
            "two.prom: unknown jobs left out: one.prom yields it as a gauge",
            "two.prom: gauge done left out: one.prom yields it as a counter",
            "two.prom: counter done left out: its help text differs from the one of one.prom",
            "three.prom: gauge jobs left out: its series {} is also yielded by one.prom");
    // A counter named without _total is served as untyped under its own name.
    assertThat(text(new MetricSnapshots(merger.families())))
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
