package io.taoprom.metrics.host.dmmultipath;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code dmmultipath} plugin: device-mapper multipath maps (SAN and NVMe-oF volumes) and the
 * state of each of their paths, from {@code /sys/block/dm-*}, named as current upstream
 * node_exporter names them ({@code node_dmmultipath_*}; node_exporter 1.5 has no such collector).
 *
 * <pre>{@code
 * MultiCollector multipath = new DmMultipathPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class DmMultipathPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "dmmultipath";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Device-mapper multipath maps and path states (node_dmmultipath_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/block/dm-*");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new DmMultipathCollector(SysFs.system());
  }
}
