package io.taoprom.metrics.host.bcache;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorOption;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;
import io.taoprom.untrusted.Excerpt;
import java.util.List;
import java.util.Locale;

/**
 * The {@code bcache} plugin: Linux bcache cache sets, their backing and cache devices, as
 * node_exporter's bcache collector serves them ({@code node_bcache_*}), from
 * {@code /sys/fs/bcache}. The cache devices' priority statistics cost the kernel a walk over
 * every bucket and are off unless asked for:
 *
 * <pre>{@code
 * taoprom serve --bcache.priority-stats true
 * }</pre>
 */
public final class BcachePlugin implements CollectorPlugin {

  static final String PRIORITY_STATS = "bcache.priority-stats";

  @Override
  public String name() {
    return "bcache";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Linux bcache cache sets from /sys/fs/bcache (node_bcache_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/fs/bcache");
  }

  @Override
  public List<CollectorOption> options() {
    return List.of(CollectorOption.single(PRIORITY_STATS, "BOOL",
        "Also serve priority_stats_* (expensive: the kernel walks every bucket)", "false"));
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    boolean priorityStats = config.value(PRIORITY_STATS).map(BcachePlugin::parseBoolean).orElse(false);
    return new BcacheCollector(SysFs.system(), priorityStats);
  }

  private static boolean parseBoolean(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException(
          "option " + PRIORITY_STATS + " takes true or false, not " + Excerpt.quoted(value, 40));
    };
  }
}
