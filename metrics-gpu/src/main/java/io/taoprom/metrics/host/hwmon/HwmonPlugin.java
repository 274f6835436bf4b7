package io.taoprom.metrics.host.hwmon;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;
import java.util.List;

/**
 * The {@code hwmon} plugin: node_exporter's {@code node_hwmon_*} series, every sensor of every
 * chip in {@code /sys/class/hwmon} (CPU and NVMe temperatures, fans, voltages, currents, power
 * meters, NIC and PSU sensors), what {@code sensors} from lm-sensors shows. node_exporter's chip
 * and sensor filters:
 *
 * <pre>{@code
 * taoprom serve --hwmon.chip-exclude '^nvme_' --hwmon.sensor-exclude '^platform_coretemp_\d+;temp(?!1$)'
 * }</pre>
 *
 * <p>Sensors are matched as {@code chip;sensor}, e.g. {@code platform_coretemp_0;temp3}.
 */
public final class HwmonPlugin implements CollectorPlugin {

  static final String CHIP_INCLUDE = "hwmon.chip-include";
  static final String CHIP_EXCLUDE = "hwmon.chip-exclude";
  static final String SENSOR_INCLUDE = "hwmon.sensor-include";
  static final String SENSOR_EXCLUDE = "hwmon.sensor-exclude";

  @Override
  public String name() {
    return "hwmon";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Hardware sensors from /sys/class/hwmon: temperatures, fans, voltages, power (node_hwmon_*)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(CHIP_INCLUDE, "REGEX", "Chips to serve, searched in the chip label"),
        CollectorOption.single(CHIP_EXCLUDE, "REGEX", "Chips to leave out, searched in the chip label"),
        CollectorOption.single(SENSOR_INCLUDE, "REGEX", "Sensors to serve, searched in chip;sensor"),
        CollectorOption.single(SENSOR_EXCLUDE, "REGEX", "Sensors to leave out, searched in chip;sensor"));
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/hwmon");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new HwmonCollector(
        new HwmonSource(SysFs.system(), DeviceFilter.excludeInclude(config, CHIP_EXCLUDE, CHIP_INCLUDE)),
        DeviceFilter.excludeInclude(config, SENSOR_EXCLUDE, SENSOR_INCLUDE));
  }
}
