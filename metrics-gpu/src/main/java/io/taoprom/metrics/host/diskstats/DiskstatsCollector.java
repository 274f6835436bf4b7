package io.taoprom.metrics.host.diskstats;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.DeviceFilter;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ReadingCollector;
import io.taoprom.metrics.host.diskstats.DiskSource.DiskStat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * node_exporter's diskstats collector, one family per statistic
 *
 * <pre>
 * # HELP node_disk_read_bytes_total The total number of bytes read successfully.
 * # TYPE node_disk_read_bytes_total counter
 * node_disk_read_bytes_total{device="sda"} 5.13708655616e+11
 * </pre>
 *
 * and on Linux, where the device number is known, the udev-based identity series of
 * {@link DiskInfo} ({@code node_disk_info} and others).
 */
final class DiskstatsCollector implements ReadingCollector {

  /** node_exporter's default {@code --collector.diskstats.device-exclude} on Linux. */
  static final String DEFAULT_EXCLUDE = "^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$";

  private static final DiskStat[] STATS = DiskStat.values();
  private static final MetricMetadata[] METADATA = new MetricMetadata[STATS.length];

  static {
    for (DiskStat stat : STATS) {
      METADATA[stat.ordinal()] = new MetricMetadata("node_disk_" + stat.name, stat.help);
    }
  }

  private final DiskSource source;
  private final DeviceFilter filter;
  private final UdevDatabase udev;

  /** @param udev where node_disk_info and the other udev-based series are read from */
  DiskstatsCollector(DiskSource source, DeviceFilter filter, UdevDatabase udev) {
    this.source = source;
    this.filter = filter;
    this.udev = udev;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    List<DiskSource.Disk> disks = source.read();
    List<DiskSource.Disk> kept = new ArrayList<>(disks.size());
    List<Labels> labels = new ArrayList<>(disks.size());
    for (DiskSource.Disk disk : disks) {
      if (!filter.ignored(disk.device())) {
        kept.add(disk);
        labels.add(Labels.of("device", disk.device()));
      }
    }
    List<MetricSnapshot> families = new ArrayList<>(STATS.length + 6);
    HostFamilies info = new HostFamilies();
    for (DiskSource.Disk disk : kept) {
      if (disk.major() >= 0) { // Linux: the device number names udev's record
        DiskInfo.add(info, disk, udev.properties(disk.major(), disk.minor()));
      }
    }
    info.snapshots().forEach(families::add);
    for (DiskStat stat : STATS) {
      int i = stat.ordinal();
      if (stat.counter()) {
        List<CounterSnapshot.CounterDataPointSnapshot> points = new ArrayList<>(kept.size());
        for (int d = 0; d < kept.size(); d++) {
          double value = kept.get(d).values()[i];
          if (!Double.isNaN(value)) {
            points.add(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels.get(d)).value(value).build());
          }
        }
        if (!points.isEmpty()) {
          families.add(new CounterSnapshot(METADATA[i], points));
        }
      } else {
        List<GaugeSnapshot.GaugeDataPointSnapshot> points = new ArrayList<>(kept.size());
        for (int d = 0; d < kept.size(); d++) {
          double value = kept.get(d).values()[i];
          if (!Double.isNaN(value)) {
            points.add(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels.get(d)).value(value).build());
          }
        }
        if (!points.isEmpty()) {
          families.add(new GaugeSnapshot(METADATA[i], points));
        }
      }
    }
    return new MetricSnapshots(families);
  }
}
