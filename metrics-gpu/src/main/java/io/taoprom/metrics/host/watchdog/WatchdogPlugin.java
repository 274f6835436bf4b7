package io.taoprom.metrics.host.watchdog;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import io.taoprom.metrics.host.LinuxOnly;
import io.taoprom.metrics.host.SysFs;

/**
 * The {@code watchdog} plugin: {@code node_watchdog_info} and the numeric attributes
 * ({@code node_watchdog_timeout_seconds}, {@code node_watchdog_timeleft_seconds}, ...) of every
 * device in {@code /sys/class/watchdog}, named as current upstream node_exporter names them
 * (its 1.5 has no such collector). Linux only.
 *
 * <pre>{@code
 * MultiCollector watchdog = new WatchdogPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class WatchdogPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "watchdog";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Hardware and software watchdogs from /sys/class/watchdog (node_watchdog_*)";
  }

  @Override
  public Availability availability() {
    return LinuxOnly.availability("/sys/class/watchdog");
  }

  @Override
  public MultiCollector create(CollectorConfig config) {
    return new WatchdogCollector(new WatchdogClass(SysFs.system()));
  }
}
