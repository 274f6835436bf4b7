package io.taoprom.metrics.host.btrfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.KernelNumbers;
import io.taoprom.metrics.host.MountTable;
import io.taoprom.metrics.host.ProcFs;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's btrfs collector, per file system in {@code /sys/fs/btrfs}:
 *
 * <pre>
 * # HELP node_btrfs_used_bytes Amount of used space by a layout/data type
 * # TYPE node_btrfs_used_bytes gauge
 * node_btrfs_used_bytes{block_group_type="data",mode="raid1",uuid="0f7c…"} 1.2345E12
 * # HELP node_btrfs_device_errors_total Errors reported for the device
 * # TYPE node_btrfs_device_errors_total counter
 * node_btrfs_device_errors_total{btrfs_dev_uuid="…",device="nvme0n1p3",type="corruption",uuid="0f7c…"} 0.0
 * </pre>
 *
 * Device sizes, unused bytes and error counters come from the btrfs ioctls on a mount point of
 * the file system (labels {@code device}, {@code btrfs_dev_uuid}); where no mount point answers,
 * only {@code node_btrfs_device_size_bytes{device}} from sysfs is served, as node_exporter does.
 */
final class BtrfsCollector implements MultiCollector {

  private static final MetricMetadata INFO = meta("info", "Filesystem information");
  private static final MetricMetadata GLOBAL_RSV_SIZE = meta("global_rsv_size_bytes", "Size of global reserve.");
  private static final MetricMetadata RESERVED = meta("reserved_bytes", "Amount of space reserved for a data type");
  private static final MetricMetadata USED = meta("used_bytes", "Amount of used space by a layout/data type");
  private static final MetricMetadata SIZE = meta("size_bytes", "Amount of space allocated for a layout/data type");
  private static final MetricMetadata RATIO =
      meta("allocation_ratio", "Data allocation ratio for a layout/data type");
  private static final MetricMetadata DEVICE_SIZE =
      meta("device_size_bytes", "Size of a device that is part of the filesystem.");
  private static final MetricMetadata DEVICE_UNUSED =
      meta("device_unused_bytes", "Unused bytes unused on a device that is part of the filesystem.");
  private static final MetricMetadata DEVICE_ERRORS = meta("device_errors", "Errors reported for the device");

  private final BtrfsSysfs sysfs;
  private final ProcFs proc;
  private final DeviceStatsSource ioctl;

  BtrfsCollector(SysFs sys, ProcFs proc, DeviceStatsSource ioctl) {
    this.sysfs = new BtrfsSysfs(sys);
    this.proc = proc;
    this.ioctl = ioctl;
  }

  private static MetricMetadata meta(String name, String help) {
    return new MetricMetadata("node_btrfs_" + name, help);
  }

  @Override
  public MetricSnapshots collect() {
    List<BtrfsSysfs.FileSystem> fileSystems;
    try {
      fileSystems = sysfs.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (fileSystems.isEmpty()) {
      return MetricSnapshots.of();
    }
    Map<String, List<DeviceStats>> devices = deviceStats();
    HostFamilies out = new HostFamilies();
    for (BtrfsSysfs.FileSystem fs : fileSystems) {
      String uuid = fs.uuid();
      out.gauge(INFO, Labels.of("uuid", uuid, "label", fs.label()), 1);
      out.gauge(GLOBAL_RSV_SIZE, Labels.of("uuid", uuid), fs.globalRsvSize());
      fs.reservedBytes().forEach((type, bytes) ->
          out.gauge(RESERVED, Labels.of("uuid", uuid, "block_group_type", type), bytes));
      for (BtrfsSysfs.Layout layout : fs.layouts()) {
        Labels labels = Labels.of("uuid", uuid, "block_group_type", layout.type(), "mode", layout.mode());
        out.gauge(USED, labels, layout.usedBytes());
        out.gauge(SIZE, labels, layout.totalBytes());
        out.gauge(RATIO, labels, layout.ratio());
      }
      List<DeviceStats> queried = devices.get(uuid.replace("-", ""));
      if (queried == null) {
        fs.deviceSizes().forEach((device, size) ->
            out.gauge(DEVICE_SIZE, Labels.of("uuid", uuid, "device", device), size));
        continue;
      }
      for (DeviceStats dev : queried) {
        // the device node's last path element, like the sysfs name: /dev/nvme0n1p3 -> nvme0n1p3
        String device = dev.path().substring(dev.path().lastIndexOf('/') + 1);
        Labels labels = Labels.of("uuid", uuid, "device", device, "btrfs_dev_uuid", dev.uuid());
        out.gauge(DEVICE_SIZE, labels, KernelNumbers.unsignedToDouble(dev.totalBytes()));
        out.gauge(DEVICE_UNUSED, labels, KernelNumbers.unsignedToDouble(dev.totalBytes() - dev.bytesUsed()));
        for (int i = 0; i < DeviceStats.ERROR_TYPES.length; i++) {
          out.counter(DEVICE_ERRORS, labels.add("type", DeviceStats.ERROR_TYPES[i]), KernelNumbers.unsignedToDouble(dev.errors()[i]));
        }
      }
    }
    return out.snapshots();
  }

  /** The ioctl figures; none when the mount table cannot be read (node_exporter goes on too). */
  private Map<String, List<DeviceStats>> deviceStats() {
    try {
      return ioctl.read(MountTable.read(proc));
    } catch (IOException e) {
      return Map.of();
    }
  }
}
