package io.taoprom.metrics.host.zfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code zfs} plugin: OpenZFS's kstats (ARC, ABD, dbuf, dnode, DMU transactions, prefetch,
 * ZIL, …) and per-pool I/O, dataset and state series, as node_exporter's zfs collector serves them
 * on Linux ({@code node_zfs_*}), from {@code /proc/spl/kstat/zfs}.
 *
 * <pre>{@code
 * MultiCollector zfs = new ZfsPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class ZfsPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "zfs";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "OpenZFS kstats and pool state from /proc/spl/kstat/zfs (node_zfs_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/spl/kstat/zfs");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new ZfsCollector(ProcFs.system());
  }
}
