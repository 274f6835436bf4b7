package io.taoprom.metrics.host.cpu;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code cpu} plugin: seconds each logical CPU spent in each mode, as node_exporter's
 * {@code node_cpu_seconds_total{cpu,mode}} (modes user, nice, system, idle, iowait, irq, softirq,
 * steal) and, on Linux, {@code node_cpu_guest_seconds_total{cpu,mode}} (user, nice).
 *
 * <pre>{@code
 * MultiCollector cpu = new CpuPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class CpuPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Seconds the CPUs spent in each mode (node_cpu_seconds_total)";
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new CpuCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcStatCpuSource(ProcFs.system())
            : new OshiCpuSource(OshiHost.shared()));
  }
}
