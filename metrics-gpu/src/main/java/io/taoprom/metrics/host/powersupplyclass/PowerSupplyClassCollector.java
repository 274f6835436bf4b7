package io.taoprom.metrics.host.powersupplyclass;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
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
    HostFamilies out = new HostFamilies();
    for (PowerSupplySource.PowerSupply supply : source.read()) {
      Labels labels = Labels.of("power_supply", supply.name());
      for (int field = 0; field < NUMERIC.length; field++) {
        double value = supply.values()[field];
        if (!Double.isNaN(value)) {
          out.gauge(NUMERIC[field], labels, value / PowerSupplyAttributes.NUMERIC.get(field).divisor());
        }
      }
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
      out.gauge(INFO, Labels.of(names, values), 1);
    }
    return out.snapshots();
  }
}
