package io.taoprom.metrics.host.filefd;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;

/**
 * The {@code filefd} plugin: node_exporter's {@code node_filefd_allocated} and
 * {@code node_filefd_maximum}, the system-wide file handles in use and their limit
 * ({@code fs.file-max}). Linux only.
 *
 * <pre>{@code
 * MultiCollector filefd = new FilefdPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class FilefdPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "filefd";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "File handles allocated and their maximum, from /proc/sys/fs/file-nr (node_filefd_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/sys/fs/file-nr");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new FilefdCollector(ProcFs.system());
  }
}
