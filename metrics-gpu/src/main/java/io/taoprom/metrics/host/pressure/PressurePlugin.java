package io.taoprom.metrics.host.pressure;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code pressure} plugin: node_exporter's pressure stall information,
 * {@code node_pressure_cpu_waiting_seconds_total}, {@code node_pressure_io_waiting_seconds_total},
 * {@code node_pressure_io_stalled_seconds_total}, {@code node_pressure_memory_waiting_seconds_total},
 * {@code node_pressure_memory_stalled_seconds_total} and
 * {@code node_pressure_irq_stalled_seconds_total}, from {@code /proc/pressure} (Linux 4.20+).
 *
 * <pre>{@code
 * MultiCollector pressure = new PressurePlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class PressurePlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "pressure";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Pressure stall information from /proc/pressure (node_pressure_*_seconds_total)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/pressure");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new PressureCollector(ProcFs.system());
  }
}
