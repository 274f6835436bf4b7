package io.taoprom.metrics.host.diskstats;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code diskstats} plugin: node_exporter's {@code node_disk_read_bytes_total{device}},
 * {@code node_disk_written_bytes_total}, {@code node_disk_reads_completed_total},
 * {@code node_disk_writes_completed_total} and, on Linux, the other {@code /proc/diskstats}
 * figures ({@code io_time_seconds_total}, {@code io_now}, …) and udev's identity of each disk
 * ({@code node_disk_info}, {@code node_disk_filesystem_info}, …). Partitions, RAM disks and loop
 * devices are left out by node_exporter's default filter:
 *
 * <pre>{@code
 * taoprom serve --diskstats.device-exclude '^(loop|ram)\d+$'
 * }</pre>
 */
public final class DiskstatsPlugin implements CollectorPlugin {

  static final String DEVICE_EXCLUDE = "diskstats.device-exclude";
  static final String UDEV_DATA_PATH = "diskstats.udev-data-path";

  @Override
  public String name() {
    return "diskstats";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Block device I/O counters (node_disk_*)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(
        CollectorOption.single(
            DEVICE_EXCLUDE,
            "REGEX",
            "Block devices to leave out (searched in the name)",
            DiskstatsCollector.DEFAULT_EXCLUDE),
        CollectorOption.single(
            UDEV_DATA_PATH,
            "DIR",
            "udev's database, for node_disk_info and the other udev-based series (node_exporter's --path.udev.data)",
            UdevDatabase.DEFAULT_PATH));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    DeviceFilter filter = DeviceFilter.exclude(config, DEVICE_EXCLUDE, DiskstatsCollector.DEFAULT_EXCLUDE);
    UdevDatabase udev = UdevDatabase.at(Path.of(config.value(UDEV_DATA_PATH).orElse(UdevDatabase.DEFAULT_PATH)));
    return new DiskstatsCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcDiskstatsSource(ProcFs.system())
            : new OshiDiskSource(OshiHost.shared()),
        filter,
        udev);
  }
}
