package io.taoprom.metrics.host.softnet;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code softnet} plugin: node_exporter's per-CPU figures of the kernel's receive path,
 * {@code node_softnet_processed_total{cpu}}, {@code _dropped_total} (the backlog was full),
 * {@code _times_squeezed_total} (the budget ran out with work left), and, as upstream
 * node_exporter 1.6 and later, {@code _cpu_collision_total}, {@code _received_rps_total},
 * {@code _flow_limit_count_total} and {@code node_softnet_backlog_len}.
 *
 * <pre>{@code
 * MultiCollector softnet = new SoftnetPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class SoftnetPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "softnet";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Per-CPU network receive processing, drops and squeezes (node_softnet_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/net/softnet_stat");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new SoftnetCollector(ProcFs.system());
  }
}
