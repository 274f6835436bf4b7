package io.taoprom.metrics.host.net;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The families of one collection, gathered point by point in whatever order the kernel's files
 * give them: node_exporter's collectors emit one sample at a time, and so do ours. Counters are
 * named without {@code _total} (client_java's text writer appends it), as the other host
 * collectors do.
 *
 * <pre>{@code
 * Families families = new Families();
 * families.gauge(MTU, Labels.of("device", "eth0"), 1500);
 * return families.toSnapshots();
 * }</pre>
 *
 * <p>Not thread-safe; make one per collection.
 */
public final class Families {

  private enum Type { GAUGE, COUNTER, UNTYPED }

  private record Family(MetricMetadata metadata, Type type, List<Object> points) {}

  private final Map<String, Family> byName = new LinkedHashMap<>();

  /** Adds a gauge sample. */
  public void gauge(MetricMetadata metadata, Labels labels, double value) {
    family(metadata, Type.GAUGE).points.add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  /** Adds a counter sample; {@code metadata} names the counter without {@code _total}. */
  public void counter(MetricMetadata metadata, Labels labels, double value) {
    family(metadata, Type.COUNTER).points.add(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  /** Adds an untyped sample, as node_exporter's netstat and vmstat emit theirs. */
  public void untyped(MetricMetadata metadata, Labels labels, double value) {
    family(metadata, Type.UNTYPED).points.add(UnknownDataPointSnapshot.builder().labels(labels).value(value).build());
  }

  /** Whether nothing was added. */
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /** Every family added, each with its samples. */
  @SuppressWarnings("unchecked")
  public MetricSnapshots toSnapshots() {
    List<MetricSnapshot> out = new ArrayList<>(byName.size());
    for (Family f : byName.values()) {
      List<?> points = f.points;
      out.add(switch (f.type) {
        case GAUGE -> new GaugeSnapshot(f.metadata, (List<GaugeDataPointSnapshot>) points);
        case COUNTER -> new CounterSnapshot(f.metadata, (List<CounterDataPointSnapshot>) points);
        case UNTYPED -> new UnknownSnapshot(f.metadata, (List<UnknownDataPointSnapshot>) points);
      });
    }
    return new MetricSnapshots(out);
  }

  private Family family(MetricMetadata metadata, Type type) {
    Family family = byName.computeIfAbsent(metadata.getName(), n -> new Family(metadata, type, new ArrayList<>()));
    if (family.type != type) {
      throw new IllegalStateException(metadata.getName() + " is a " + family.type + ", not a " + type);
    }
    return family;
  }
}
