package io.taoprom.metrics.host.timex;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.taoprom.exporter.spi.Availability;
import io.taoprom.exporter.spi.CollectorConfig;
import io.taoprom.exporter.spi.CollectorPlugin;
import java.io.IOException;

/**
 * The {@code timex} plugin: node_exporter's {@code node_timex_*} series from
 * {@code adjtimex(2)}, which the Node Exporter dashboards and node-mixin's clock alerts
 * ({@code NodeClockNotSynchronising}, {@code NodeClockSkewDetected}) read. Linux on x86_64 or
 * aarch64, through JNA.
 *
 * <pre>{@code
 * MultiCollector timex = new TimexPlugin().create(CollectorConfig.empty());
 * }</pre>
 */
public final class TimexPlugin implements CollectorPlugin {

  @Override
  public String name() {
    return "timex";
  }

  @Override
  public boolean nodeExporterCompatible() {
    return true;
  }

  @Override
  public String description() {
    return "Clock discipline state from adjtimex(2) (node_timex_*)";
  }

  @Override
  public Availability availability() {
    return Adjtimex.unsupportedHere().map(Availability::unavailable).orElse(Availability.AVAILABLE);
  }

  @Override
  public MultiCollector create(CollectorConfig config) throws IOException {
    return new TimexCollector(Adjtimex.load()::read);
  }
}
