package io.taoprom.metrics.host.loadavg;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.List;

/**
 * node_exporter's loadavg collector:
 *
 * <pre>
 * # HELP node_load1 1m load average.
 * # TYPE node_load1 gauge
 * node_load1 0.21
 * </pre>
 *
 * and the same for {@code node_load5} and {@code node_load15}.
 */
final class LoadavgCollector implements ReadingCollector {

  private static final MetricMetadata LOAD1 = new MetricMetadata("node_load1", "1m load average.");
  private static final MetricMetadata LOAD5 = new MetricMetadata("node_load5", "5m load average.");
  private static final MetricMetadata LOAD15 = new MetricMetadata("node_load15", "15m load average.");

  private final LoadSource source;

  LoadavgCollector(LoadSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    LoadSource.LoadAverage load = source.read();
    return MetricSnapshots.of(
        gauge(LOAD1, load.one()), gauge(LOAD5, load.five()), gauge(LOAD15, load.fifteen()));
  }

  private static GaugeSnapshot gauge(MetricMetadata metadata, double value) {
    return new GaugeSnapshot(metadata, List.of(GaugeDataPointSnapshot.builder().value(value).build()));
  }
}
