package io.taoprom.metrics.host.meminfo;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.HostBackend;
import io.taoprom.metrics.host.OshiHost;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code meminfo} plugin: node_exporter's {@code node_memory_*_bytes} gauges. On Linux every
 * field of {@code /proc/meminfo} ({@code node_memory_MemTotal_bytes}, {@code MemAvailable},
 * {@code MemFree}, {@code Buffers}, {@code Cached}, {@code SwapTotal}, {@code SwapFree} and the
 * rest); elsewhere the four OSHI knows.
 *
 * <pre>{@code
 * MultiCollector memory = new MeminfoPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class MeminfoPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "meminfo";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Memory and swap figures (node_memory_*_bytes)";
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new MeminfoCollector(
        HostBackend.detect() == HostBackend.PROC
            ? new ProcMeminfoSource(ProcFs.system())
            : new OshiMemorySource(OshiHost.shared()));
  }
}
