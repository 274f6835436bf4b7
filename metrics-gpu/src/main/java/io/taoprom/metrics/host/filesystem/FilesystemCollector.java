package io.taoprom.metrics.host.filesystem;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * node_exporter's filesystem collector, per mount left after the mount-point and fs-type filters:
 *
 * <pre>
 * # HELP node_filesystem_size_bytes Filesystem size in bytes.
 * # TYPE node_filesystem_size_bytes gauge
 * node_filesystem_size_bytes{device="/dev/vda",fstype="ext4",mountpoint="/"} 2.70553174016e+11
 * </pre>
 *
 * plus {@code node_filesystem_free_bytes}, {@code node_filesystem_avail_bytes},
 * {@code node_filesystem_files}, {@code node_filesystem_files_free} (inodes, where the source
 * counts them), {@code node_filesystem_readonly} and {@code node_filesystem_device_error}.
 *
 * <p>A query of a dead network mount can block for minutes. As node_exporter does, a mount whose
 * query has been running for longer than {@link #MOUNT_TIMEOUT_NANOS} is reported with
 * {@code device_error 1} and not queried again until that query returns, so one stuck mount costs
 * one scrape, not every scrape.
 */
final class FilesystemCollector implements ReadingCollector {

  /** node_exporter's default {@code --collector.filesystem.mount-points-exclude} on Linux. */
  static final String DEFAULT_MOUNT_POINTS_EXCLUDE =
      "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)";

  /** node_exporter's default {@code --collector.filesystem.fs-types-exclude} on Linux. */
  static final String DEFAULT_FS_TYPES_EXCLUDE =
      "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660"
          + "|mqueue|nsfs|overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs"
          + "|sysfs|tracefs)$";

  static final long MOUNT_TIMEOUT_NANOS = 5_000_000_000L;

  private static final MetricMetadata SIZE =
      new MetricMetadata("node_filesystem_size_bytes", "Filesystem size in bytes.");
  private static final MetricMetadata FREE =
      new MetricMetadata("node_filesystem_free_bytes", "Filesystem free space in bytes.");
  private static final MetricMetadata AVAIL =
      new MetricMetadata("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.");
  private static final MetricMetadata READONLY =
      new MetricMetadata("node_filesystem_readonly", "Filesystem read-only status.");
  private static final MetricMetadata FILES =
      new MetricMetadata("node_filesystem_files", "Filesystem total file nodes.");
  private static final MetricMetadata FILES_FREE =
      new MetricMetadata("node_filesystem_files_free", "Filesystem total free file nodes.");
  private static final MetricMetadata DEVICE_ERROR =
      new MetricMetadata(
          "node_filesystem_device_error", "Whether an error occurred while getting statistics for the given device.");

  private final FilesystemSource source;
  private final DeviceFilter mountPoints;
  private final DeviceFilter fsTypes;
  private final LongSupplier nanoClock;
  /** Mount point to the start of the query now running on it. */
  private final ConcurrentMap<String, Long> inFlight = new ConcurrentHashMap<>();

  FilesystemCollector(FilesystemSource source, DeviceFilter mountPoints, DeviceFilter fsTypes) {
    this(source, mountPoints, fsTypes, System::nanoTime);
  }

  FilesystemCollector(
      FilesystemSource source, DeviceFilter mountPoints, DeviceFilter fsTypes, LongSupplier nanoClock) {
    this.source = source;
    this.mountPoints = mountPoints;
    this.fsTypes = fsTypes;
    this.nanoClock = nanoClock;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<FilesystemSource.Mount> mounts = source.mounts();
    List<GaugeDataPointSnapshot> size = new ArrayList<>();
    List<GaugeDataPointSnapshot> free = new ArrayList<>();
    List<GaugeDataPointSnapshot> avail = new ArrayList<>();
    List<GaugeDataPointSnapshot> readonly = new ArrayList<>();
    List<GaugeDataPointSnapshot> deviceError = new ArrayList<>();
    List<GaugeDataPointSnapshot> files = new ArrayList<>();
    List<GaugeDataPointSnapshot> filesFree = new ArrayList<>();
    Set<Labels> seen = new HashSet<>();
    for (FilesystemSource.Mount mount : mounts) {
      if (mountPoints.ignored(mount.mountPoint()) || fsTypes.ignored(mount.fsType())) {
        continue;
      }
      Labels labels =
          Labels.of(
              "device", mount.device(), "mountpoint", mount.mountPoint(), "fstype", mount.fsType());
      if (!seen.add(labels)) {
        continue; // the same file system mounted twice at one place (bind mounts, /dev/pts)
      }
      FilesystemSource.Space space = statGuarded(mount);
      readonly.add(point(labels, mount.readOnly() ? 1 : 0));
      deviceError.add(point(labels, space == null ? 1 : 0));
      if (space != null) {
        size.add(point(labels, space.size()));
        free.add(point(labels, space.free()));
        avail.add(point(labels, space.avail()));
        if (!Double.isNaN(space.files())) {
          files.add(point(labels, space.files()));
          filesFree.add(point(labels, space.filesFree()));
        }
      }
    }
    return MetricSnapshots.of(
        new GaugeSnapshot(AVAIL, avail),
        new GaugeSnapshot(DEVICE_ERROR, deviceError),
        new GaugeSnapshot(FILES, files),
        new GaugeSnapshot(FILES_FREE, filesFree),
        new GaugeSnapshot(FREE, free),
        new GaugeSnapshot(READONLY, readonly),
        new GaugeSnapshot(SIZE, size));
  }

  /** The space, or null when the query failed or an earlier one on this mount is stuck. */
  private FilesystemSource.Space statGuarded(FilesystemSource.Mount mount) {
    long now = nanoClock.getAsLong();
    Long running = inFlight.putIfAbsent(mount.mountPoint(), now);
    if (running != null && now - running > MOUNT_TIMEOUT_NANOS) {
      return null;
    }
    try {
      return source.stat(mount);
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      if (running == null) {
        inFlight.remove(mount.mountPoint(), now);
      }
    }
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
