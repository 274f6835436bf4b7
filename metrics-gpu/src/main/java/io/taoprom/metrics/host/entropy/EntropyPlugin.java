package io.taoprom.metrics.host.entropy;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code entropy} plugin: node_exporter's {@code node_entropy_available_bits} and
 * {@code node_entropy_pool_size_bits}. Linux only.
 *
 * <pre>{@code
 * MultiCollector entropy = new EntropyPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class EntropyPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "entropy";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Kernel entropy estimate and pool size (node_entropy_*_bits)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/sys/kernel/random");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new EntropyCollector(ProcFs.system());
  }
}
