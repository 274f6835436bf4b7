package io.taoprom.exporter.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What client_java 1.10 does to names on the way out, so that plugins written the obvious
 * way produce exactly node_exporter's names:
 *
 * <ul>
 *   <li>a counter's {@code _total} is stripped from the name and written back: a counter
 *       named {@code node_cpu_seconds_total} or {@code node_cpu_seconds} both come out as
 *       {@code node_cpu_seconds_total} (never {@code _total_total});
 *   <li>a unit is appended only when the name lacks it, by counters (snapshot or metric) and by
 *       the core {@code Gauge}: {@code node_filesystem_size} with {@link Unit#BYTES} becomes
 *       {@code node_filesystem_size_bytes}; a name that already ends in {@code _bytes} is left
 *       alone. A {@code GaugeSnapshot} built by hand is stricter: with a unit its name must
 *       already end in it, or the builder throws (the isolation then reports the collector as
 *       throwing, so plugins should write the full name);
 *   <li>gauges keep their names as given, camelCase and {@code _total} alike
 *       ({@code node_memory_MemTotal_bytes});
 *   <li>an info family named {@code node_uname_info} comes out as {@code node_uname_info 1}.
 * </ul>
 */
class PrometheusNamesTest {

  @Test
  void nodeExporterNamesSurviveTheExposition() throws IOException {
    MetricSnapshots nodeStyle = MetricSnapshots.of(
        CounterSnapshot.builder().name("node_cpu_seconds_total").help("Seconds the CPUs spent in each mode.")
            .dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("cpu", "0", "mode", "idle")).value(12.5).build()).build(),
        CounterSnapshot.builder().name("node_network_receive_bytes").help("Network device statistic receive_bytes.")
            .dataPoint(CounterDataPointSnapshot.builder().labels(Labels.of("device", "eth0")).value(1024).build()).build(),
        GaugeSnapshot.builder().name("node_memory_MemTotal_bytes").help("Memory information field MemTotal_bytes.").unit(Unit.BYTES)
            .dataPoint(GaugeDataPointSnapshot.builder().value(2.5e10).build()).build(),
        filesystemSize(),
        CounterSnapshot.builder().name("node_boot").unit(Unit.SECONDS).help("Counter with its unit appended.")
            .dataPoint(CounterDataPointSnapshot.builder().value(5).build()).build(),
        GaugeSnapshot.builder().name("node_load1").help("1m load average.")
            .dataPoint(GaugeDataPointSnapshot.builder().value(0.25).build()).build(),
        InfoSnapshot.builder().name("node_uname_info").help("Labeled system information as provided by the uname system call.")
            .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("sysname", "Linux", "release", "6.1.0")).build()).build());

    String text;
    try (IsolatingCollector isolating = IsolatingCollector.builder().collector("node", () -> nodeStyle).build()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ExpositionFormats.init().getPrometheusTextFormatWriter().write(out, isolating.scrape(ScrapeRequest.all(Duration.ofSeconds(5))));
      text = out.toString(StandardCharsets.UTF_8);
    }
    assertThat(text).contains("""
        # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
        # TYPE node_cpu_seconds_total counter
        node_cpu_seconds_total{cpu="0",mode="idle"} 12.5
        """).contains("""
        # TYPE node_network_receive_bytes_total counter
        node_network_receive_bytes_total{device="eth0"} 1024.0
        """).contains("""
        # TYPE node_memory_MemTotal_bytes gauge
        node_memory_MemTotal_bytes 2.5E10
        """).contains("""
        # TYPE node_filesystem_size_bytes gauge
        node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/"} 1.0E11
        """).contains("""
        # TYPE node_boot_seconds_total counter
        node_boot_seconds_total 5.0
        """).contains("""
        # TYPE node_load1 gauge
        node_load1 0.25
        """).contains("""
        # TYPE node_uname_info gauge
        node_uname_info{release="6.1.0",sysname="Linux"} 1
        """).contains("taoprom_scrape_collector_success{collector=\"node\"} 1.0\n")
        .doesNotContain("_total_total");
  }

  private static io.prometheus.metrics.model.snapshots.MetricSnapshot filesystemSize() {
    Gauge size = Gauge.builder().name("node_filesystem_size").unit(Unit.BYTES).help("Filesystem size in bytes.")
        .labelNames("device", "fstype", "mountpoint").build();
    size.labelValues("/dev/sda1", "ext4", "/").set(1e11);
    return size.collect();
  }

  @Test
  void aGaugeSnapshotWithAUnitMustAlreadyEndInIt() {
    assertThatThrownBy(() -> GaugeSnapshot.builder().name("node_filesystem_size").unit(Unit.BYTES).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end with the unit: _bytes");
    assertThat(GaugeSnapshot.builder().name("node_filesystem_size_bytes").unit(Unit.BYTES).build().getMetadata().getName())
        .isEqualTo("node_filesystem_size_bytes");
  }
}
