package io.taoprom.metrics.host.os;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import java.nio.file.Path;

/**
 * The {@code os} plugin: node_exporter's {@code node_os_info} (the distribution's name, id and
 * version from os-release as labels), {@code node_os_version} and
 * {@code node_os_support_end_timestamp_seconds}. Linux only (os-release is a systemd-era Linux
 * convention).
 *
 * <pre>{@code
 * MultiCollector os = new OsPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class OsPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "os";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Distribution name and version from /etc/os-release (node_os_info, node_os_version)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("os-release");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new OsCollector(Path.of("/"));
  }
}
