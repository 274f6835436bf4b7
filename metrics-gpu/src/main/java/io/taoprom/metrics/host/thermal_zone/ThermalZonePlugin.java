package io.taoprom.metrics.host.thermal_zone;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code thermal_zone} plugin: node_exporter's {@code node_thermal_zone_temp{zone,type}} from
 * {@code /sys/class/thermal/thermal_zone*} and {@code node_cooling_device_cur_state} and
 * {@code _max_state{name,type}} from {@code /sys/class/thermal/cooling_device*}. A machine without
 * thermal zones (most virtual machines) gets no series.
 *
 * <pre>{@code
 * MultiCollector thermal = new ThermalZonePlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class ThermalZonePlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "thermal_zone";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Thermal zone temperatures and cooling device states (node_thermal_zone_temp, node_cooling_device_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/thermal");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new ThermalZoneCollector(new ThermalSource(SysFs.system()));
  }
}
