package io.taoprom.metrics.host.mdadm;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code mdadm} plugin: Linux software RAID arrays as node_exporter's mdadm collector serves
 * them ({@code node_md_state}, {@code node_md_disks}, {@code node_md_disks_required},
 * {@code node_md_blocks}, {@code node_md_blocks_synced}), read from {@code /proc/mdstat}.
 *
 * <pre>{@code
 * MultiCollector raid = new MdadmPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class MdadmPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "mdadm";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Linux software RAID arrays from /proc/mdstat (node_md_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/mdstat");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new MdadmCollector(ProcFs.system());
  }
}
