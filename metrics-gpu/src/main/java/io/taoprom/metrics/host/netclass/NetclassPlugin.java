package io.taoprom.metrics.host.netclass;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.BooleanOption;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;
import java.util.List;

/**
 * The {@code netclass} plugin: node_exporter's interface properties from
 * {@code /sys/class/net/<iface>} (its sysfs path, not netlink): {@code node_network_up},
 * {@code node_network_info{address,broadcast,duplex,operstate,ifalias}},
 * {@code node_network_mtu_bytes}, {@code node_network_speed_bytes}, {@code node_network_carrier},
 * the carrier change counters and the rest, each labelled {@code device}. The defaults are
 * upstream node_exporter's; for example, to leave out container interfaces and links that report
 * no speed:
 *
 * <pre>{@code
 * taoprom serve --netclass.ignored-devices '^(veth.*|docker\d+)$' --netclass.ignore-invalid-speed true
 * }</pre>
 */
public final class NetclassPlugin implements CollectorPlugin {

  static final String IGNORED_DEVICES = "netclass.ignored-devices";
  static final String IGNORE_INVALID_SPEED = "netclass.ignore-invalid-speed";

  /** node_exporter's default: ignore nothing (no interface has an empty name). */
  static final String DEFAULT_IGNORED_DEVICES = "^$";

  @Override
  public String name() {
    return "netclass";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Network interface properties from /sys/class/net: up, MTU, speed, carrier (node_network_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/net");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(IGNORED_DEVICES, "REGEX", "Interfaces to leave out (searched in the name)",
            DEFAULT_IGNORED_DEVICES),
        CollectorOption.single(IGNORE_INVALID_SPEED, "BOOL",
            "Leave out node_network_speed_bytes where the driver reports a negative (unknown) speed", "false"));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new NetclassCollector(
        SysFs.system(),
        DeviceFilter.compile(IGNORED_DEVICES, config.value(IGNORED_DEVICES).orElse(DEFAULT_IGNORED_DEVICES)),
        config.value(IGNORE_INVALID_SPEED).map(v -> BooleanOption.parse(IGNORE_INVALID_SPEED, v)).orElse(false));
  }
}
