package io.taoprom.metrics.host.cpufreq;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.taoprom.metrics.host.HostFamilies;
import io.taoprom.metrics.host.ReadingCollector;
import java.io.IOException;

/**
 * node_exporter's cpufreq collector, per CPU in hertz (the kernel's kHz × 1000):
 *
 * <pre>
 * # HELP node_cpu_scaling_frequency_hertz Current scaled CPU thread frequency in hertz.
 * # TYPE node_cpu_scaling_frequency_hertz gauge
 * node_cpu_scaling_frequency_hertz{cpu="0"} 2.1E9
 * # HELP node_cpu_scaling_governor Current enabled CPU frequency governor.
 * # TYPE node_cpu_scaling_governor gauge
 * node_cpu_scaling_governor{cpu="0",governor="performance"} 1.0
 * node_cpu_scaling_governor{cpu="0",governor="powersave"} 0.0
 * </pre>
 */
final class CpufreqCollector implements ReadingCollector {

  /** One per {@link CpufreqSource#FILES}. */
  private static final MetricMetadata[] FREQUENCIES = {
    new MetricMetadata("node_cpu_frequency_hertz", "Current CPU thread frequency in hertz."),
    new MetricMetadata("node_cpu_frequency_avg_hertz", "Average CPU thread frequency in hertz."),
    new MetricMetadata("node_cpu_frequency_min_hertz", "Minimum CPU thread frequency in hertz."),
    new MetricMetadata("node_cpu_frequency_max_hertz", "Maximum CPU thread frequency in hertz."),
    new MetricMetadata("node_cpu_scaling_frequency_hertz", "Current scaled CPU thread frequency in hertz."),
    new MetricMetadata("node_cpu_scaling_frequency_min_hertz", "Minimum scaled CPU thread frequency in hertz."),
    new MetricMetadata("node_cpu_scaling_frequency_max_hertz", "Maximum scaled CPU thread frequency in hertz."),
  };
  private static final MetricMetadata GOVERNOR =
      new MetricMetadata("node_cpu_scaling_governor", "Current enabled CPU frequency governor.");

  private final CpufreqSource source;

  CpufreqCollector(CpufreqSource source) {
    this.source = source;
  }

  @Override
  public MetricSnapshots read() throws IOException {
    HostFamilies out = new HostFamilies();
    for (CpufreqSource.CpuFreq cpu : source.read()) {
      Labels labels = Labels.of("cpu", cpu.cpu());
      for (int f = 0; f < FREQUENCIES.length; f++) {
        double khz = cpu.khz()[f];
        if (!Double.isNaN(khz)) {
          out.gauge(FREQUENCIES[f], labels, khz * 1000.0);
        }
      }
      for (String governor : cpu.available()) {
        out.gauge(GOVERNOR, Labels.of("cpu", cpu.cpu(), "governor", governor), governor.equals(cpu.governor()) ? 1 : 0);
      }
    }
    return out.snapshots();
  }
}
