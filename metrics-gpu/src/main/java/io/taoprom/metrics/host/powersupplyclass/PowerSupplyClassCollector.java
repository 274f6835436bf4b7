package io.taoprom.metrics.host.powersupplyclass;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's powersupplyclass collector: a gauge per numeric attribute in base units, and an
 * info series whose labels are the supply's non-empty text attributes (so supplies of different
 * kinds carry different label names in the one family, as with node_exporter):
 *
 * <pre>
 * # HELP node_power_supply_online online value of /sys/class/power_supply/&lt;power_supply&gt;.
 * # TYPE node_power_supply_online gauge
 * node_power_supply_online{power_supply="AC"} 1.0
 * # HELP node_power_supply_info info of /sys/class/power_supply/&lt;power_supply&gt;.
 * # TYPE node_power_supply_info gauge
 * node_power_supply_info{power_supply="AC",type="Mains"} 1.0
 * </pre>
 */
final class PowerSupplyClassCollector implements ReadingCollector {

  private static final String PREFIX = "node_power_supply_";
  private static final String HELP = " value of /sys/class/power_supply/<power_supply>.";
  private static final MetricMetadata INFO =
      new MetricMetadata(PREFIX + "info", "info of /sys/class/power_supply/<power_supply>.");
  private static final MetricMetadata[] NUMERIC = new MetricMetadata[PowerSupplyAttributes.NUMERIC.size()];

  static {
    for (int i = 0; i < NUMERIC.length; i++) {
      String metric = PowerSupplyAttributes.NUMERIC.get(i).metric();
      NUMERIC[i] = new MetricMetadata(PREFIX + metric, metric + HELP);
    }
  }

  private final PowerSupplySource source;

  PowerSupplyClassCollector(PowerSupplySource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<PowerSupplySource.PowerSupply> supplies = source.read();
    if (supplies.isEmpty()) {
      return MetricSnapshots.of();
    }
    List<MetricSnapshot> families = new ArrayList<>();
    for (int field = 0; field < NUMERIC.length; field++) {
      double divisor = PowerSupplyAttributes.NUMERIC.get(field).divisor();
      List<GaugeDataPointSnapshot> points = new ArrayList<>();
      for (PowerSupplySource.PowerSupply supply : supplies) {
        double value = supply.values()[field];
        if (!Double.isNaN(value)) {
          points.add(point(Labels.of("power_supply", supply.name()), value / divisor));
        }
      }
      if (!points.isEmpty()) {
        families.add(new GaugeSnapshot(NUMERIC[field], points));
      }
    }
    List<GaugeDataPointSnapshot> info = new ArrayList<>(supplies.size());
    for (PowerSupplySource.PowerSupply supply : supplies) {
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      names.add("power_supply");
      values.add(supply.name());
      for (int i = 0; i < supply.info().length; i++) {
        if (!supply.info()[i].isEmpty()) {
          names.add(PowerSupplyAttributes.INFO.get(i));
          values.add(supply.info()[i]);
        }
      }
      info.add(point(Labels.of(names, values), 1));
    }
    families.add(new GaugeSnapshot(INFO, info));
    return new MetricSnapshots(families);
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
