package io.taoprom.metrics.host.selinux;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import java.nio.file.Path;

/**
 * The {@code selinux} plugin: node_exporter's {@code node_selinux_enabled}, and where SELinux is
 * enabled {@code node_selinux_config_mode} and {@code node_selinux_current_mode}. Linux only.
 *
 * <pre>{@code
 * MultiCollector selinux = new SelinuxPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class SelinuxPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "selinux";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Whether SELinux is enabled and its enforcement modes (node_selinux_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("SELinux");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new SelinuxCollector(Path.of("/"));
  }
}
