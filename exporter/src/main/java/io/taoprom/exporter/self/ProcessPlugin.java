package io.taoprom.exporter.self;

import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;

/**
 * The {@code process} collector: TaoProm's own process, under the names every Prometheus
 * exporter (node_exporter included) serves about itself. On by default;
 * {@code --no-collector.process} turns it off.
 *
 * <pre>
 * process_cpu_seconds_total 2.31
 * process_resident_memory_bytes 9.8304E7
 * process_virtual_memory_bytes 3.61E9
 * process_open_fds 41.0
 * process_max_fds 1048576.0
 * process_start_time_seconds 1.765062245E9
 * </pre>
 *
 * <p>client_java's {@link ProcessMetrics} makes them, with node_exporter's names, types and
 * help texts: CPU time from the JVM's {@code OperatingSystemMXBean}, memory from
 * {@code /proc/self/status} (Linux only; elsewhere the two memory series are left out), file
 * descriptors from {@code UnixOperatingSystemMXBean}.
 */
public final class ProcessPlugin implements CollectorPlugin {

  /** The plugin's name. */
  public static final String NAME = "process";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "TaoProm's own process: CPU time, resident and virtual memory, open and maximum file"
        + " descriptors, start time (process_*)";
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new RegistryCollector(registry -> ProcessMetrics.builder().register(registry));
  }
}
