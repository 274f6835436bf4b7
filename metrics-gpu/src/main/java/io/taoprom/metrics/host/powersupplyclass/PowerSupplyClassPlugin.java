package io.taoprom.metrics.host.powersupplyclass;

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
 * The {@code powersupplyclass} plugin: node_exporter's {@code node_power_supply_*} series from
 * {@code /sys/class/power_supply} (mains adapters, batteries, USB-C ports, UPS and peripheral
 * batteries). GPU servers usually have none there (their PSUs answer the BMC), and then it serves
 * nothing. node_exporter's {@code --collector.powersupply.ignored-supplies} is
 *
 * <pre>{@code
 * taoprom serve --powersupplyclass.ignored-supplies '^hid-'
 * }</pre>
 */
public final class PowerSupplyClassPlugin implements CollectorPlugin {

  static final String IGNORED_SUPPLIES = "powersupplyclass.ignored-supplies";
  /** node_exporter's default: an expression no supply name matches. */
  static final String DEFAULT_IGNORED = "^$";

  @Override
  public String name() {
    return "powersupplyclass";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Power supplies and batteries from /sys/class/power_supply (node_power_supply_*)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(IGNORED_SUPPLIES, "REGEX",
        "Power supplies to leave out (searched in the name)", DEFAULT_IGNORED));
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/power_supply");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    DeviceFilter ignored = DeviceFilter.exclude(config, IGNORED_SUPPLIES, DEFAULT_IGNORED);
    return new PowerSupplyClassCollector(new PowerSupplySource(SysFs.system(), ignored));
  }
}
