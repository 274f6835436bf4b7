package io.taoprom.metrics.host.meminfo;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * node_exporter's meminfo collector: one gauge per figure, named {@code node_memory_<key>}.
 *
 * <pre>
 * # HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.
 * # TYPE node_memory_MemTotal_bytes gauge
 * node_memory_MemTotal_bytes 3.831959552e+09
 * </pre>
 */
final class MeminfoCollector implements ReadingCollector {

  static final String PREFIX = "node_memory_";

  private final MemorySource source;
  // Names and help texts are checked once per key rather than on every scrape: /proc/meminfo has
  // some 55 keys, and building their metadata was most of this collector's cost.
  private final Map<String, MetricMetadata> metadata = new ConcurrentHashMap<>();

  MeminfoCollector(MemorySource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<MemorySource.MemoryField> fields = source.read();
    // A key listed twice keeps its last value, as node_exporter's map does.
    Map<String, Double> values = new LinkedHashMap<>();
    for (MemorySource.MemoryField field : fields) {
      values.put(field.key(), field.value());
    }
    List<MetricSnapshot> snapshots = new ArrayList<>(values.size());
    values.forEach((key, value) -> snapshots.add(snapshot(key, value)));
    return new MetricSnapshots(snapshots);
  }

  private MetricSnapshot snapshot(String key, double value) {
    MetricMetadata meta = metadata.computeIfAbsent(key, MeminfoCollector::metadataOf);
    if (key.endsWith("_total")) {
      // node_exporter types these as counters; client_java appends _total to counter names.
      return new CounterSnapshot(
          meta, List.of(CounterSnapshot.CounterDataPointSnapshot.builder().value(value).build()));
    }
    return new GaugeSnapshot(meta, List.of(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()));
  }

  private static MetricMetadata metadataOf(String key) {
    String help = "Memory information field " + key + ".";
    String name = key.endsWith("_total") ? PREFIX + key.substring(0, key.length() - "_total".length()) : PREFIX + key;
    return new MetricMetadata(name, help);
  }
}
