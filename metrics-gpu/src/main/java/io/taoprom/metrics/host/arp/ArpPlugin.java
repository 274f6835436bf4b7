package io.taoprom.metrics.host.arp;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;
import java.util.List;

/**
 * The {@code arp} plugin: node_exporter's {@code node_arp_entries{device}}, the number of IPv4
 * neighbours per interface, from {@code /proc/net/arp} (node_exporter's
 * {@code --no-collector.arp.netlink} path; its netlink default counts the same entries).
 *
 * <pre>{@code
 * taoprom serve --arp.device-exclude '^(docker|veth)'
 * }</pre>
 */
public final class ArpPlugin implements CollectorPlugin {

  static final String DEVICE_INCLUDE = "arp.device-include";
  static final String DEVICE_EXCLUDE = "arp.device-exclude";

  @Override
  public String name() {
    return "arp";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "ARP table entries per interface (node_arp_entries)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/arp");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(DEVICE_INCLUDE, "REGEX", "Interfaces to count, all others left out (searched in the name)"),
        CollectorOption.single(DEVICE_EXCLUDE, "REGEX", "Interfaces to leave out (searched in the name)"));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new ArpCollector(ProcFs.system(), DeviceFilter.excludeInclude(config, DEVICE_EXCLUDE, DEVICE_INCLUDE));
  }
}
