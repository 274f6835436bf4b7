package io.taoprom.metrics.host.xfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code xfs} plugin: per-file-system XFS runtime statistics (allocation, B-trees, block
 * mapping, directory and inode operations, read/write calls, vnodes), as node_exporter's xfs
 * collector serves them ({@code node_xfs_*}), from {@code /sys/fs/xfs/<device>/stats/stats}.
 *
 * <pre>{@code
 * MultiCollector xfs = new XfsPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class XfsPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "xfs";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Per-file-system XFS statistics from /sys/fs/xfs (node_xfs_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/fs/xfs");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new XfsCollector(SysFs.system());
  }
}
