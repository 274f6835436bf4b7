package io.taoprom.metrics.host.rapl;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * node_exporter's rapl collector: a counter family per zone name,
 *
 * <pre>
 * # HELP node_rapl_package_joules_total Current RAPL package value in joules
 * # TYPE node_rapl_package_joules_total counter
 * node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 123456.789012
 * </pre>
 *
 * or, with {@code --rapl.enable-zone-label true}, one family with the zone as a label:
 * {@code node_rapl_joules_total{index="0",path="...",rapl_zone="package"}}.
 */
final class RaplCollector implements ReadingCollector {

  private static final MetricMetadata JOULES =
      new MetricMetadata("node_rapl_joules", "Current RAPL value in joules");
  /** node_exporter's SanitizeMetricName. */
  private static final Pattern INVALID = Pattern.compile("_*[^0-9A-Za-z_]+_*");

  private final RaplSource source;
  private final boolean zoneLabel;

  RaplCollector(RaplSource source, boolean zoneLabel) {
    this.source = source;
    this.zoneLabel = zoneLabel;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    RaplSource.Zones zones = source.read();
    if (zones.zones().isEmpty()) {
      return MetricSnapshots.of();
    }
    if (zoneLabel) {
      List<CounterDataPointSnapshot> points = new ArrayList<>(zones.zones().size());
      for (RaplSource.Zone zone : zones.zones()) {
        points.add(point(Labels.of("index", Integer.toString(zone.index()), "path", zone.path(),
            "rapl_zone", zone.name()), zone));
      }
      return MetricSnapshots.of(new CounterSnapshot(JOULES, points));
    }
    Map<String, List<CounterDataPointSnapshot>> byName = new LinkedHashMap<>();
    for (RaplSource.Zone zone : zones.zones()) {
      byName.computeIfAbsent(zone.name(), n -> new ArrayList<>())
          .add(point(Labels.of("index", Integer.toString(zone.index()), "path", zone.path()), zone));
    }
    List<MetricSnapshot> families = new ArrayList<>(byName.size());
    byName.forEach((name, points) -> families.add(new CounterSnapshot(
        new MetricMetadata("node_rapl_" + INVALID.matcher(name).replaceAll("_") + "_joules",
            "Current RAPL " + name + " value in joules"),
        points)));
    return new MetricSnapshots(families);
  }

  private static CounterDataPointSnapshot point(Labels labels, RaplSource.Zone zone) {
    return CounterDataPointSnapshot.builder().labels(labels).value(zone.microjoules() / 1000000.0).build();
  }
}
