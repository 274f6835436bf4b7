package io.taoprom.metrics.host.nvme;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code nvme} plugin: node_exporter's {@code node_nvme_info} per NVMe controller (model,
 * serial, firmware, state, controller id) and its namespace series, from {@code /sys/class/nvme}.
 * A machine without NVMe drives gets no series.
 *
 * <pre>{@code
 * MultiCollector nvme = new NvmePlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class NvmePlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "nvme";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "NVMe controllers and namespaces from /sys/class/nvme (node_nvme_info, node_nvme_namespace_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/nvme");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new NvmeCollector(new NvmeSource(SysFs.system()));
  }
}
