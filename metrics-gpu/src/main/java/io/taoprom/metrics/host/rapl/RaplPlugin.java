package io.taoprom.metrics.host.rapl;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.BooleanOption;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;
import java.util.List;

/**
 * The {@code rapl} plugin: the energy counters of the CPU packages and DRAM (Intel RAPL, and AMD's
 * through the same driver) from {@code /sys/class/powercap}, as node_exporter's
 * {@code node_rapl_<zone>_joules_total{index,path}}. The counters are readable by root only on
 * Linux 5.10 and later; run as another user it serves nothing.
 *
 * <pre>{@code
 * taoprom serve --rapl.enable-zone-label true   # node_rapl_joules_total{rapl_zone="package",...}
 * }</pre>
 */
public final class RaplPlugin implements CollectorPlugin {

  static final String ENABLE_ZONE_LABEL = "rapl.enable-zone-label";

  @Override
  public String name() {
    return "rapl";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "CPU package and DRAM energy counters from /sys/class/powercap (node_rapl_*_joules_total)";
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(ENABLE_ZONE_LABEL, "BOOL",
        "Serve one family node_rapl_joules_total with the zone as label rapl_zone", "false"));
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/powercap");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new RaplCollector(new RaplSource(SysFs.system()), zoneLabel(config));
  }

  static boolean zoneLabel(CollectorConfig config) {
    // an empty value has always meant the default here
    return config.value(ENABLE_ZONE_LABEL).filter(v -> !v.isBlank())
        .map(v -> BooleanOption.parse(ENABLE_ZONE_LABEL, v)).orElse(false);
  }
}
