package io.taoprom.metrics.host.time;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code time} plugin: {@code node_time_seconds}, {@code node_time_zone_offset_seconds} and
 * {@code node_boot_time_seconds} (which node_exporter serves from its stat collector), so that
 * dashboards can show uptime and clock skew.
 *
 * <pre>{@code
 * MultiCollector time = new TimePlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class TimePlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "time";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "System time, time zone and boot time (node_time_seconds, node_boot_time_seconds)";
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new TimeCollector(
        HostBackend.detect() == HostBackend.PROC
            ? SystemTimeSource.proc(ProcFs.system())
            : SystemTimeSource.oshi(OshiHost.shared()));
  }
}
