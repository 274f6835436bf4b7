package io.taoprom.metrics.host.fibrechannel;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code fibrechannel} plugin: node_exporter's {@code node_fibrechannel_info{fc_host,...}} and
 * the frame, word and error counters of each Fibre Channel HBA port (a GPU server attached to a
 * SAN). Emits nothing on a machine without one.
 *
 * <pre>{@code
 * MultiCollector fc = new FibrechannelPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class FibrechannelPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "fibrechannel";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Fibre Channel HBA port identity, state and error counters (node_fibrechannel_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/fc_host");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new FibrechannelCollector(SysFs.system());
  }
}
