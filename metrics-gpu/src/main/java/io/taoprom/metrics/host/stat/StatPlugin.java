package io.taoprom.metrics.host.stat;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.BooleanOption;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.ProcFs;
import java.util.List;

/**
 * The {@code stat} plugin: node_exporter's {@code node_boot_time_seconds},
 * {@code node_context_switches_total}, {@code node_forks_total}, {@code node_intr_total},
 * {@code node_procs_running} and {@code node_procs_blocked} from {@code /proc/stat}, and with
 * {@code --stat.softirq true} {@code node_softirqs_total{vector}}. Linux only.
 *
 * <pre>{@code
 * MultiCollector stat = new StatPlugin().create(CollectorConfig.empty());
 * // taoprom serve --stat.softirq true
 * }</pre>
 */
public final class StatPlugin implements CollectorPlugin {

  static final String SOFTIRQ = "stat.softirq";

  @Override
  public String name() {
    return "stat";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Kernel activity from /proc/stat (node_boot_time_seconds, node_context_switches_total, node_intr_total, ...)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/proc/stat");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(
        SOFTIRQ, "BOOL", "Also serve softirq calls per vector (node_softirqs_total), like --collector.stat.softirq", "false"));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new StatCollector(new ProcStat(ProcFs.system()), softirq(config));
  }

  static boolean softirq(CollectorConfig config) {
    return config.value(SOFTIRQ).map(v -> BooleanOption.parse(SOFTIRQ, v)).orElse(false);
  }
}
