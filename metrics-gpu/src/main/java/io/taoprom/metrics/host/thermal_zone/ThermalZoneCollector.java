package io.taoprom.metrics.host.thermal_zone;

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
 * node_exporter's thermal_zone collector:
 *
 * <pre>
 * # HELP node_thermal_zone_temp Zone temperature in Celsius
 * # TYPE node_thermal_zone_temp gauge
 * node_thermal_zone_temp{type="x86_pkg_temp",zone="0"} 47.0
 * # HELP node_cooling_device_cur_state Current throttle state of the cooling device
 * # TYPE node_cooling_device_cur_state gauge
 * node_cooling_device_cur_state{name="0",type="Processor"} 0.0
 * </pre>
 *
 * and {@code node_cooling_device_max_state} beside it.
 */
final class ThermalZoneCollector implements ReadingCollector {

  private static final MetricMetadata ZONE_TEMP =
      new MetricMetadata("node_thermal_zone_temp", "Zone temperature in Celsius");
  private static final MetricMetadata COOLING_CUR_STATE =
      new MetricMetadata("node_cooling_device_cur_state", "Current throttle state of the cooling device");
  private static final MetricMetadata COOLING_MAX_STATE =
      new MetricMetadata("node_cooling_device_max_state", "Maximum throttle state of the cooling device");

  private final ThermalSource source;

  ThermalZoneCollector(ThermalSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    ThermalSource.Thermal thermal = source.read();
    List<MetricSnapshot> families = new ArrayList<>(3);
    if (!thermal.zones().isEmpty()) {
      List<GaugeDataPointSnapshot> temps = new ArrayList<>(thermal.zones().size());
      for (ThermalSource.Zone zone : thermal.zones()) {
        temps.add(point(Labels.of("zone", zone.zone(), "type", zone.type()), zone.millidegrees() / 1000.0));
      }
      families.add(new GaugeSnapshot(ZONE_TEMP, temps));
    }
    if (!thermal.coolingDevices().isEmpty()) {
      List<GaugeDataPointSnapshot> cur = new ArrayList<>(thermal.coolingDevices().size());
      List<GaugeDataPointSnapshot> max = new ArrayList<>(thermal.coolingDevices().size());
      for (ThermalSource.CoolingDevice device : thermal.coolingDevices()) {
        Labels labels = Labels.of("name", device.name(), "type", device.type());
        cur.add(point(labels, device.curState()));
        max.add(point(labels, device.maxState()));
      }
      families.add(new GaugeSnapshot(COOLING_CUR_STATE, cur));
      families.add(new GaugeSnapshot(COOLING_MAX_STATE, max));
    }
    return new MetricSnapshots(families);
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
