package io.taoprom.metrics.host.conntrack;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code conntrack} plugin: node_exporter's connection-tracking table size
 * ({@code node_nf_conntrack_entries}), its limit ({@code node_nf_conntrack_entries_limit}) and
 * the kernel's per-CPU statistics summed ({@code node_nf_conntrack_stat_drop}, ...). Emits nothing
 * where the {@code nf_conntrack} module is not loaded.
 *
 * <pre>{@code
 * MultiCollector conntrack = new ConntrackPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class ConntrackPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "conntrack";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Netfilter connection tracking table use and statistics (node_nf_conntrack_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/sys/net/netfilter/nf_conntrack_count");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new ConntrackCollector(ProcFs.system());
  }
}
