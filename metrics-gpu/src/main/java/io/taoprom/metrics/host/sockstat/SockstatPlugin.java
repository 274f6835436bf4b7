package io.taoprom.metrics.host.sockstat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code sockstat} plugin: node_exporter's {@code node_sockstat_sockets_used},
 * {@code node_sockstat_TCP_inuse}, {@code _tw}, {@code _orphan}, {@code _alloc}, {@code _mem},
 * {@code _mem_bytes} and the same for UDP, RAW, FRAG and their IPv6 twins.
 *
 * <pre>{@code
 * MultiCollector sockets = new SockstatPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class SockstatPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "sockstat";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Sockets in use per protocol and their buffer memory (node_sockstat_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/sockstat");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    ProcFs proc = ProcFs.system();
    return new SockstatCollector(proc, PageSize.of(proc));
  }
}
