package io.taoprom.metrics.host.dmmultipath;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.SysFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Current upstream node_exporter's dmmultipath collector, per multipath map:
 *
 * <pre>
 * # HELP node_dmmultipath_device_paths_failed Number of paths not in active state for a multipath device.
 * # TYPE node_dmmultipath_device_paths_failed gauge
 * node_dmmultipath_device_paths_failed{device="mpatha",sysfs_name="dm-1"} 1.0
 * # HELP node_dmmultipath_path_state Reports the underlying device state for a multipath path, as read from /sys/block/&lt;dev&gt;/device/state.
 * # TYPE node_dmmultipath_path_state gauge
 * node_dmmultipath_path_state{device="mpatha",path="sdl",state="offline"} 1.0
 * </pre>
 *
 * and {@code node_dmmultipath_device_info}, {@code _device_active}, {@code _device_size_bytes},
 * {@code _device_paths}, {@code _device_paths_active}.
 */
final class DmMultipathCollector implements MultiCollector {

  private static final MetricMetadata DEVICE_INFO =
      meta("device_info", "Non-numeric information about a DM-multipath device.");
  private static final MetricMetadata DEVICE_ACTIVE =
      meta("device_active", "Whether the multipath device-mapper device is active (1) or suspended (0).");
  private static final MetricMetadata DEVICE_SIZE =
      meta("device_size_bytes", "Size of the multipath device in bytes, read from /sys/block/<dm>/size.");
  private static final MetricMetadata DEVICE_PATHS = meta("device_paths", "Number of paths for a multipath device.");
  private static final MetricMetadata DEVICE_PATHS_ACTIVE = meta("device_paths_active",
      "Number of paths in active state (SCSI running or NVMe live) for a multipath device.");
  private static final MetricMetadata DEVICE_PATHS_FAILED =
      meta("device_paths_failed", "Number of paths not in active state for a multipath device.");
  private static final MetricMetadata PATH_STATE = meta("path_state",
      "Reports the underlying device state for a multipath path, as read from /sys/block/<dev>/device/state.");

  private final MultipathSysfs sysfs;

  DmMultipathCollector(SysFs sys) {
    this.sysfs = new MultipathSysfs(sys);
  }

  private static MetricMetadata meta(String name, String help) {
    return new MetricMetadata("node_dmmultipath_" + name, help);
  }

  @Override
  public MetricSnapshots collect() {
    List<MultipathDevice> devices;
    try {
      devices = sysfs.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    HostFamilies out = new HostFamilies();
    for (MultipathDevice dev : devices) {
      Labels labels = Labels.of("device", dev.name(), "sysfs_name", dev.sysfsName());
      out.gauge(DEVICE_INFO, labels.add("uuid", dev.uuid()), 1);
      out.gauge(DEVICE_ACTIVE, labels, dev.suspended() ? 0 : 1);
      out.gauge(DEVICE_SIZE, labels, dev.sizeBytes());
      int active = 0;
      for (MultipathDevice.Path path : dev.paths()) {
        active += path.active() ? 1 : 0;
        out.gauge(PATH_STATE, Labels.of("device", dev.name(), "path", path.device(), "state", path.state()), 1);
      }
      out.gauge(DEVICE_PATHS, labels, dev.paths().size());
      out.gauge(DEVICE_PATHS_ACTIVE, labels, active);
      out.gauge(DEVICE_PATHS_FAILED, labels, dev.paths().size() - active);
    }
    return out.snapshots();
  }
}
