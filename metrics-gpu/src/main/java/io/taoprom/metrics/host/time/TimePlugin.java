package io.taoprom.metrics.host.time;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code time} plugin: {@code node_time_seconds}, {@code node_time_zone_offset_seconds} and,
 * on Linux, {@code node_time_clocksource_available_info} and
 * {@code node_time_clocksource_current_info}, as node_exporter's time collector serves them, so
 * that dashboards can show clock skew and the clocksource in use.
 *
 * <pre>{@code
 * MultiCollector time = new TimePlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class TimePlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "time";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "System time, time zone and clocksources (node_time_seconds, node_time_clocksource_current_info)";
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new TimeCollector(
        LinuxOnly.isLinux() ? SystemTimeSource.linux(SysFs.system()) : SystemTimeSource.portable());
  }
}
