package io.taoprom.metrics.host.nfs;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code nfs} plugin: the kernel NFS client's RPC and per-procedure counters, as
 * node_exporter's nfs collector serves them ({@code node_nfs_*}), from {@code /proc/net/rpc/nfs}.
 *
 * <pre>{@code
 * MultiCollector nfs = new NfsPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class NfsPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "nfs";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "NFS client RPC and procedure counters from /proc/net/rpc/nfs (node_nfs_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/rpc/nfs");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new NfsCollector(ProcFs.system());
  }
}
