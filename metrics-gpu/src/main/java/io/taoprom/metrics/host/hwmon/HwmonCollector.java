package io.taoprom.metrics.host.hwmon;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's hwmon collector: every sensor file of every chip, named after its type and
 * property and converted from the kernel's units (millidegrees, millivolts, milliamperes,
 * microwatts, microjoules, milliseconds) to base units:
 *
 * <pre>
 * # HELP node_hwmon_temp_celsius Hardware monitor for temperature (input)
 * # TYPE node_hwmon_temp_celsius gauge
 * node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 47.0
 * # HELP node_hwmon_temp_crit_alarm_celsius Hardware monitor for temperature (crit_alarm)
 * node_hwmon_temp_crit_alarm_celsius{chip="platform_coretemp_0",sensor="temp1"} 0.0
 * # HELP node_hwmon_sensor_label Label for given chip and sensor
 * node_hwmon_sensor_label{chip="platform_coretemp_0",label="Package id 0",sensor="temp1"} 1.0
 * </pre>
 *
 * <p>node_exporter's quirks are kept, because dashboards and alerts are written against them: a
 * temperature's {@code _crit_alarm} and {@code _max_alarm} are "celsius" (0 or 0.001), only
 * {@code _alarm} and {@code _fault} themselves are status gauges; power is {@code _watt} and
 * humidity is divided by 10^6; fans give rpm only for input, min, max and target, other fan
 * files fall back to a bare gauge like every type's unknown properties; a frequency is served
 * only where it has a label, which then replaces the sensor name.
 */
final class HwmonCollector implements ReadingCollector {

  private static final String PREFIX = "node_hwmon_";
  private static final List<String> FAN_RPM = List.of("input", "min", "max", "target");
  private static final List<String> POWER_INTERVALS = List.of("average_interval", "average_interval_min", "average_interval_max");

  private final HwmonSource source;
  private final DeviceFilter sensors;

  /**
   * @param sensors node_exporter's sensor filter, applied to {@code chip;sensor}
   *     ({@code platform_coretemp_0;temp3})
   */
  HwmonCollector(HwmonSource source, DeviceFilter sensors) {
    this.source = source;
    this.sensors = sensors;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<HwmonSource.Chip> chips = source.read();
    HwmonFamilies out = new HwmonFamilies();
    for (HwmonSource.Chip chip : chips) {
      if (chip.humanName() != null) {
        out.gauge(PREFIX + "chip_names", "Annotation metric for human-readable chip names",
            Labels.of("chip", chip.chip(), "chip_name", chip.humanName()), 1);
      }
      for (Map.Entry<String, Map<String, String>> sensor : chip.sensors().entrySet()) {
        if (!sensors.ignored(chip.chip() + ";" + sensor.getKey())) {
          sensor(out, chip.chip(), sensor.getKey(), sensor.getValue());
        }
      }
    }
    return out.snapshots();
  }

  private static void sensor(HwmonFamilies out, String chip, String sensor, Map<String, String> properties) {
    String type = SensorName.parse(sensor).type();
    Labels labels = Labels.of("chip", chip, "sensor", sensor);
    String label = properties.get("label");
    if (label != null) {
      out.gauge(PREFIX + "sensor_label", "Label for given chip and sensor",
          Labels.of("chip", chip, "sensor", sensor, "label", label), 1);
    }
    switch (type) {
      case "beep_enable" -> {
        out.gauge(PREFIX + "beep_enabled", "Hardware beep enabled", labels, "1".equals(properties.get("")) ? 1 : 0);
        return;
      }
      case "vrm" -> {
        double value = GoFloat.parse(properties.get(""));
        if (!Double.isNaN(value)) {
          out.gauge(PREFIX + "voltage_regulator_version", "Hardware voltage regulator", labels, value);
        }
        return;
      }
      case "update_interval" -> {
        double value = GoFloat.parse(properties.get(""));
        if (!Double.isNaN(value)) {
          out.gauge(PREFIX + "update_interval_seconds", "Hardware monitor update interval", labels, value * 0.001);
        }
        return;
      }
      default -> { }
    }
    String prefix = PREFIX + type;
    for (Map.Entry<String, String> property : properties.entrySet()) {
      String element = property.getKey();
      if (element.equals("label")) {
        continue;
      }
      String name = prefix;
      if (element.equals("input")) {
        if (properties.containsKey("")) {
          name += "_input";
        }
      } else if (!element.isEmpty()) {
        name += "_" + ChipNames.clean(element);
      }
      double value = GoFloat.parse(property.getValue());
      if (Double.isNaN(value)) {
        continue;
      }
      element(out, type, element, name, labels, value, label, chip);
    }
  }

  /** One property's series, by node_exporter's rules in node_exporter's order. */
  private static void element(HwmonFamilies out, String type, String element, String name, Labels labels,
      double value, String label, String chip) {
    if (element.equals("fault") || element.equals("alarm")) {
      out.gauge(name, "Hardware sensor " + element + " status (" + type + ")", labels, value);
    } else if (element.equals("beep")) {
      out.gauge(name + "_enabled", "Hardware monitor sensor has beeping enabled", labels, value);
    } else if (type.equals("in") || type.equals("cpu")) {
      out.gauge(name + "_volts", "Hardware monitor for voltage (" + element + ")", labels, value * 0.001);
    } else if (type.equals("temp") && !element.equals("type")) {
      String shown = element.isEmpty() ? "input" : element;
      out.gauge(name + "_celsius", "Hardware monitor for temperature (" + shown + ")", labels, value * 0.001);
    } else if (type.equals("curr")) {
      out.gauge(name + "_amps", "Hardware monitor for current (" + element + ")", labels, value * 0.001);
    } else if (type.equals("energy")) {
      out.counter(name + "_joule_total", "Hardware monitor for joules used so far (" + element + ")", labels,
          value / 1000000.0);
    } else if (type.equals("power") && element.equals("accuracy")) {
      out.gauge(name, "Hardware monitor power meter accuracy, as a ratio", labels, value / 1000000.0);
    } else if (type.equals("power") && POWER_INTERVALS.contains(element)) {
      out.gauge(name + "_seconds", "Hardware monitor power usage update interval (" + element + ")", labels,
          value * 0.001);
    } else if (type.equals("power")) {
      out.gauge(name + "_watt", "Hardware monitor for power usage in watts (" + element + ")", labels,
          value / 1000000.0);
    } else if (type.equals("humidity")) {
      out.gauge(name, "Hardware monitor for humidity, as a ratio (multiply with 100.0 to get the humidity as a "
          + "percentage) (" + element + ")", labels, value / 1000000.0);
    } else if (type.equals("fan") && FAN_RPM.contains(element)) {
      out.gauge(name + "_rpm", "Hardware monitor for fan revolutions per minute (" + element + ")", labels, value);
    } else if (type.equals("freq") && element.equals("input")) {
      if (label != null) {
        out.gauge(name + "_freq_mhz", "Hardware monitor for GPU frequency in MHz",
            Labels.of("chip", chip, "sensor", ChipNames.clean(label)), value / 1000000.0);
      }
    } else {
      out.gauge(name, "Hardware monitor " + type + " element " + element, labels, value);
    }
  }
}
