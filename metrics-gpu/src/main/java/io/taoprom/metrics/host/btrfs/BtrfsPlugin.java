package io.taoprom.metrics.host.btrfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.SysFs;
import java.util.Map;

/**
 * The {@code btrfs} plugin: btrfs allocation per block-group type and layout, device sizes and
 * device error counters, as node_exporter's btrfs collector serves them ({@code node_btrfs_*}),
 * from {@code /sys/fs/btrfs} and the btrfs ioctls on each mount point.
 *
 * <pre>{@code
 * MultiCollector btrfs = new BtrfsPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class BtrfsPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "btrfs";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "btrfs allocation, device sizes and device errors (node_btrfs_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/fs/btrfs");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    DeviceStatsSource ioctl;
    try {
      ioctl = BtrfsIoctl.forThisMachine();
    } catch (LinkageError noJna) {
      ioctl = mounts -> Map.of(); // sysfs sizes only, as where no mount point answers
    }
    return new BtrfsCollector(SysFs.system(), ProcFs.system(), ioctl);
  }
}
