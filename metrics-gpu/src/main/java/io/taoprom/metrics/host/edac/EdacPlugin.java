package io.taoprom.metrics.host.edac;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code edac} plugin: node_exporter's ECC memory error counters
 * ({@code node_edac_correctable_errors_total}, {@code _uncorrectable_}, per row and per channel
 * with its DIMM label) from {@code /sys/devices/system/edac/mc}. Machines without ECC memory or an
 * EDAC driver (virtual machines) get no series.
 *
 * <pre>{@code
 * MultiCollector edac = new EdacPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class EdacPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "edac";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "ECC memory error counters from /sys/devices/system/edac (node_edac_*_errors_total)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/devices/system/edac");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new EdacCollector(new EdacSource(SysFs.system()));
  }
}
