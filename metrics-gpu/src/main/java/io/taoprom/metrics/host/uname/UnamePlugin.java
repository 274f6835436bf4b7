package io.taoprom.metrics.host.uname;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code uname} plugin: node_exporter's
 * {@code node_uname_info{sysname,release,version,machine,nodename,domainname} 1}, the series
 * dashboards join on to show the kernel and host name.
 *
 * <pre>{@code
 * MultiCollector uname = new UnamePlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class UnamePlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "uname";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Kernel and host identity (node_uname_info)";
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new UnameCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcUnameSource(ProcFs.system())
            : new OshiUnameSource(OshiHost.shared()));
  }
}
