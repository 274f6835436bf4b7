package io.taoprom.metrics.host;

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
 * The families one scrape of a host collector yields, gathered series by series in whatever order
 * the source is read (node_exporter's collectors emit one metric at a time, interleaving families;
 * this regroups them). A family is a gauge, a counter or untyped, fixed by its first series.
 *
 * <pre>{@code
 * HostFamilies out = new HostFamilies();
 * out.gauge(MD_BLOCKS, Labels.of("device", "md0"), 1.953382464E9);
 * out.counter(NFS_RPCS, Labels.EMPTY, 1234);   // metadata named without _total
 * MetricSnapshots snapshots = out.snapshots();
 * }</pre>
 *
 * <p>Not thread-safe; make one per collection.
 */
public final class HostFamilies {

  private enum Kind { GAUGE, COUNTER, UNTYPED }

  private static final class Family {
    final MetricMetadata metadata;
    final Kind kind;
    final List<Object> points = new ArrayList<>();

    Family(MetricMetadata metadata, Kind kind) {
      this.metadata = metadata;
      this.kind = kind;
    }
  }

  private final Map<String, Family> families = new LinkedHashMap<>();

  /** Adds a gauge series. */
  public HostFamilies gauge(MetricMetadata metadata, Labels labels, double value) {
    family(metadata, Kind.GAUGE).points.add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
    return this;
  }

  /**
   * Adds a counter series; {@code metadata} names it without {@code _total}, which the text
   * writers append.
   */
  public HostFamilies counter(MetricMetadata metadata, Labels labels, double value) {
    family(metadata, Kind.COUNTER).points.add(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
    return this;
  }

  /** Adds an untyped series (node_exporter's {@code UntypedValue}, client_java's "unknown"). */
  public HostFamilies untyped(MetricMetadata metadata, Labels labels, double value) {
    family(metadata, Kind.UNTYPED).points.add(UnknownDataPointSnapshot.builder().labels(labels).value(value).build());
    return this;
  }

  /** Whether no series has been added. */
  public boolean isEmpty() {
    return families.isEmpty();
  }

  private Family family(MetricMetadata metadata, Kind kind) {
    Family family = families.computeIfAbsent(metadata.getName(), name -> new Family(metadata, kind));
    if (family.kind != kind) {
      throw new IllegalStateException(metadata.getName() + " is a " + family.kind + ", not a " + kind);
    }
    return family;
  }

  /** Every family added, each with its series in the order they were added. */
  @SuppressWarnings("unchecked")
  public MetricSnapshots snapshots() {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (Family family : families.values()) {
      List<?> points = family.points;
      switch (family.kind) {
        case GAUGE -> out.add(new GaugeSnapshot(family.metadata, (List<GaugeDataPointSnapshot>) points));
        case COUNTER -> out.add(new CounterSnapshot(family.metadata, (List<CounterDataPointSnapshot>) points));
        case UNTYPED -> out.add(new UnknownSnapshot(family.metadata, (List<UnknownDataPointSnapshot>) points));
        default -> throw new AssertionError(family.kind);
      }
    }
    return new MetricSnapshots(out);
  }
}
