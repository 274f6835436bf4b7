package io.taoprom.metrics.host.nfsd;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code nfsd} plugin: the kernel NFS server's counters, as node_exporter's nfsd collector
 * serves them ({@code node_nfsd_*}), from {@code /proc/net/rpc/nfsd}.
 *
 * <pre>{@code
 * MultiCollector nfsd = new NfsdPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class NfsdPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "nfsd";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Kernel NFS server counters from /proc/net/rpc/nfsd (node_nfsd_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/rpc/nfsd");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new NfsdCollector(ProcFs.system());
  }
}
