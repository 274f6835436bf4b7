package io.taoprom.metrics.host.schedstat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code schedstat} plugin: node_exporter's {@code node_schedstat_running_seconds_total},
 * {@code node_schedstat_waiting_seconds_total} and {@code node_schedstat_timeslices_total} per
 * CPU, from {@code /proc/schedstat}. Run-queue wait per CPU shows CPU contention that
 * utilisation alone hides (data loaders starving a GPU job, say). Linux only.
 *
 * <pre>{@code
 * MultiCollector schedstat = new SchedstatPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class SchedstatPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "schedstat";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Per-CPU scheduler run and wait time from /proc/schedstat (node_schedstat_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/schedstat");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new SchedstatCollector(ProcFs.system());
  }
}
