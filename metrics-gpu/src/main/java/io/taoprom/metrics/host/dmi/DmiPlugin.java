package io.taoprom.metrics.host.dmi;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code dmi} plugin: node_exporter's {@code node_dmi_info}, the machine's vendor, model and
 * firmware from {@code /sys/class/dmi/id}, without the root-only serial numbers and UUID. Machines
 * without a DMI table get no series.
 *
 * <pre>{@code
 * MultiCollector dmi = new DmiPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class DmiPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "dmi";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Machine vendor, model and firmware from /sys/class/dmi/id (node_dmi_info)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/dmi/id");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new DmiCollector(new DmiSource(SysFs.system()));
  }
}
