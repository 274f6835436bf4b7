package io.taoprom.metrics.host.cpufreq;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code cpufreq} plugin: node_exporter's per-CPU frequencies ({@code node_cpu_frequency_*},
 * {@code node_cpu_scaling_frequency_*}) and governor ({@code node_cpu_scaling_governor}) from
 * {@code /sys/devices/system/cpu/cpuN/cpufreq}. Virtual machines usually have no cpufreq, and get
 * no series.
 *
 * <pre>{@code
 * MultiCollector cpufreq = new CpufreqPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class CpufreqPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "cpufreq";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "CPU frequencies and governors from /sys/devices/system/cpu/cpu*/cpufreq (node_cpu_frequency_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/devices/system/cpu");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new CpufreqCollector(new CpufreqSource(SysFs.system()));
  }
}
