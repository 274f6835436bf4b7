package io.taoprom.metrics.host.filesystem;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;
import java.util.List;

/**
 * The {@code filesystem} plugin: node_exporter's {@code node_filesystem_size_bytes},
 * {@code _free_bytes}, {@code _avail_bytes}, {@code node_filesystem_readonly} and
 * {@code node_filesystem_device_error}, labelled {@code device}, {@code mountpoint},
 * {@code fstype}. Pseudo file systems and {@code /dev}, {@code /proc}, {@code /sys} are left out by
 * node_exporter's default filters, which the options replace:
 *
 * <pre>{@code
 * taoprom serve --filesystem.fs-types-exclude '^(tmpfs|overlay)$'
 * }</pre>
 */
public final class FilesystemPlugin implements CollectorPlugin {

  static final String MOUNT_POINTS_EXCLUDE = "filesystem.mount-points-exclude";
  static final String FS_TYPES_EXCLUDE = "filesystem.fs-types-exclude";

  @Override
  public String name() {
    return "filesystem";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "File system size and free space (node_filesystem_*)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(
            MOUNT_POINTS_EXCLUDE,
            "REGEX",
            "Mount points to leave out",
            FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE),
        CollectorOption.single(
            FS_TYPES_EXCLUDE,
            "REGEX",
            "File system types to leave out",
            FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    DeviceFilter mountPoints =
        DeviceFilter.exclude(config, MOUNT_POINTS_EXCLUDE, FilesystemCollector.DEFAULT_MOUNT_POINTS_EXCLUDE);
    DeviceFilter fsTypes =
        DeviceFilter.exclude(config, FS_TYPES_EXCLUDE, FilesystemCollector.DEFAULT_FS_TYPES_EXCLUDE);
    return new FilesystemCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcMountsSource(ProcFs.system())
            : new OshiFilesystemSource(OshiHost.shared()),
        mountPoints,
        fsTypes);
  }
}
