package io.taoprom.metrics.host.hwmon;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The families of one hwmon scrape, whose names come from the sensors found. A name is one
 * family with the help text and type it was first given; a later series under the same name with
 * another help text or type, or with labels already taken, is dropped, as node_exporter's
 * registry drops what is inconsistent or collected twice.
 */
final class HwmonFamilies {

  private static final class Family {
    final MetricMetadata metadata;
    final boolean counter;
    final List<Object> points = new ArrayList<>();
    final Set<Labels> seen = new HashSet<>();

    Family(MetricMetadata metadata, boolean counter) {
      this.metadata = metadata;
      this.counter = counter;
    }
  }

  private final Map<String, Family> families = new LinkedHashMap<>();

  /** A gauge sample. */
  void gauge(String name, String help, Labels labels, double value) {
    Family family = family(name, help, false);
    if (family != null && family.seen.add(labels)) {
      family.points.add(GaugeDataPointSnapshot.builder().labels(labels).value(value).build());
    }
  }

  /** A counter sample; {@code name} ends in {@code _total}, as node_exporter names it. */
  void counter(String name, String help, Labels labels, double value) {
    Family family = family(name.substring(0, name.length() - "_total".length()), help, true);
    if (family != null && family.seen.add(labels)) {
      family.points.add(CounterDataPointSnapshot.builder().labels(labels).value(value).build());
    }
  }

  private Family family(String name, String help, boolean counter) {
    Family family = families.computeIfAbsent(name, n -> new Family(new MetricMetadata(n, help), counter));
    return family.counter == counter && family.metadata.getHelp().equals(help) ? family : null;
  }

  @SuppressWarnings("unchecked")
  MetricSnapshots snapshots() {
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    for (Family family : families.values()) {
      if (family.counter) {
        out.add(new CounterSnapshot(family.metadata, (List<CounterDataPointSnapshot>) (List<?>) family.points));
      } else {
        out.add(new GaugeSnapshot(family.metadata, (List<GaugeDataPointSnapshot>) (List<?>) family.points));
      }
    }
    return new MetricSnapshots(out);
  }
}
